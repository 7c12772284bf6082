/** Every cue table by name: the tests check each cue's example against its own pattern. */
import type { Cue } from './index.js';
import * as metadata from './metadata.js';
import * as peers from './peers.js';
import * as recommendations from './recommendations.js';

export const CUE_TABLES: Readonly<Record<string, readonly Cue[]>> = {
  'recommendations.lead-in': recommendations.LEAD_IN,
  'recommendations.points-to-items': recommendations.POINTS_TO_ITEMS,
  'recommendations.not-a-lead-in': recommendations.NOT_A_LEAD_IN,
  'recommendations.council-report-heading': recommendations.COUNCIL_REPORT_HEADING,
  'recommendations.heading': recommendations.HEADING,
  'recommendations.this-visit': recommendations.THIS_VISIT,
  'recommendations.looks-back': recommendations.LOOKS_BACK,
  'recommendations.column': recommendations.RECOMMENDATION_COLUMN,
  'recommendations.number-column': recommendations.NUMBER_COLUMN,
  'recommendations.year-column': recommendations.YEAR_COLUMN,
  'recommendations.summary': recommendations.SUMMARY,
  'recommendations.item': recommendations.ITEM,
  'recommendations.response-columns': recommendations.RESPONSE_COLUMNS,
  'peers.lead-in': peers.PEER_TEAM_LEAD_IN,
  'peers.people-met': peers.PEOPLE_MET,
  'peers.heading': peers.PEER_TEAM_HEADING,
  'metadata.front-sheet': metadata.FRONT_SHEET,
  'metadata.progress-review': metadata.PROGRESS_REVIEW,
  'metadata.follow-up': metadata.FOLLOW_UP,
  'metadata.looks-back': metadata.LOOKS_BACK,
  'metadata.lga-report': metadata.LGA_REPORT,
  'metadata.challenge': metadata.CHALLENGE,
  'metadata.happened': metadata.HAPPENED,
  'metadata.not-yet': metadata.NOT_YET,
};
