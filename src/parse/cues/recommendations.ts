/**
 * Cue tables for the recommendations recogniser, one per decision. Every example is wording a
 * peer challenge report or a council report uses; the tests check each against its own pattern.
 */
import type { Response } from '../../model/report.js';
import { COUNT_WORD_RE } from '../text.js';
import type { Cue } from './index.js';
import { ASKED_TO } from './requested-decisions.js';

export const RECOMMEND_WORD = /\brecommend(s|ed|ing|ations?)?\b/i;
/** "Recommendations", "Decision(s) required": in a council report, the decisions the committee is asked to take */
export const BARE_RECOMMENDATIONS = /^(recommendations?(\s*\(s\))?|decisions? (required|requested|sought))$/i;
/** a heading that restates one or more numbered recommendations: "Recommendation 3 - …", "Recommendations 1 and 2: …" */
export const RESTATED = /^recommendations?\s+(\d{1,2}(?:\s*(?:,|and|&|to|-|–)\s*\d{1,2})*)\s*[-–—:.]\s*(.+)$/i;
const ADJECTIVES = '(?:key|strategic|further|main|specific|priority|high[- ]level|additional|new|original|overarching|headline)';
/** "made eight key recommendations": the count a report states (global: every mention is read) */
export const STATED_COUNT = new RegExp(`\\b${COUNT_WORD_RE}\\s+(?:${ADJECTIVES}\\s+)*recommendations\\b`, 'gi');
export const STATED_COUNT_EXAMPLE = 'The peer team made eight key recommendations:';

/** A sentence leading into a list or run of paragraphs: does it introduce recommendations? */
export const LEAD_IN: readonly Cue[] = [
  { id: 'speaks-of-recommendations', pattern: RECOMMEND_WORD, weight: 3, example: 'The peer team makes the following key recommendations to the council:' },
  { id: 'introduces-items', pattern: /\b(focus on|as follows|are|include|following)\b/i, weight: 1, example: 'The peer team would encourage the council to focus on:' },
];

/** A sentence pointing to the items that follow it, with no colon: "The recommendations are set out below." */
export const POINTS_TO_ITEMS: readonly Cue[] = [
  { id: 'below', pattern: /\b(below|as follows)\b/i, weight: 1, example: "The peer team's recommendations are set out below." },
  { id: 'the-following', pattern: /\bthe following\b/i, weight: 1, example: 'We would suggest the council takes forward the following six recommendations.' },
];

/** Anywhere in a lead-in's paragraph: it introduces something other than the peers' recommendations. */
export const NOT_A_LEAD_IN: readonly Cue[] = [
  { id: 'asks-a-committee', pattern: ASKED_TO, weight: -10, example: 'The Cabinet is asked to:' },
];

/** A heading above the candidates: does its section hold recommendations? */
export const HEADING: readonly Cue[] = [
  { id: 'recommendations-heading', pattern: RECOMMEND_WORD, weight: 2, example: 'Key recommendations' },
  // a council report gives the reasons for the decisions it asks for under this heading
  { id: 'reasons-for-recommendations', pattern: /\breasons? for (the )?(recommendations?|decisions?)\b/i, weight: -6, example: 'Reasons for the recommendations' },
  // one recommendation's own sub-heading: what it holds is that recommendation's progress
  { id: 'restates-a-recommendation', pattern: RESTATED, weight: -10, example: 'Recommendation 3 - Develop a workforce strategy' },
];

/** A heading in a council report, where a bare "Recommendations" is where it asks for its decisions. */
export const COUNCIL_REPORT_HEADING: readonly Cue[] = [{ id: 'decisions-heading', pattern: BARE_RECOMMENDATIONS, weight: -2, example: 'Recommendations' }];

/** A paragraph opening with a recommendation's label: "R1:", "Rec 2 –", "Recommendation 3:" (group 1–2 the short label, 3 the number). */
export const RECOMMENDATION_LABEL = /^(?:(R|Rec)\.?\s?(\d{1,2}[a-z]?)|Recommendation\s+(\d{1,2}[a-z]?))\s*[:.–—-]\s+(?=\S)/i;
export const RECOMMENDATION_LABEL_EXAMPLE = 'R1: Agree a programme of savings that closes the budget gap.';

/** A heading that is only a recommendation's number: "Recommendation 3", "R2" (group 1 the number). */
export const NUMBER_ONLY_HEADING = /^(?:recommendation|rec\.?)\s+(\d{1,2}[a-z]?)[:.]?$/i;
export const NUMBER_ONLY_HEADING_EXAMPLE = 'Recommendation 3';

/** A lead-in or heading saying the recommendations are this visit's. */
export const THIS_VISIT: readonly Cue[] = [
  { id: 'this-visit', pattern: /\bthis (visit|peer challenge|challenge|review|revisit|report)\b/i, weight: 1, example: 'Recommendations from this visit' },
  { id: 'now', pattern: /\bnow\b/i, weight: 1, example: 'The peer team recommend the council now focus on:' },
  { id: 'we-recommend', pattern: /\bwe recommend\b/i, weight: 1, example: 'We recommend that the council:' },
  { id: 'our-recommendations', pattern: /\bour (key )?recommendations\b/i, weight: 1, example: 'Our key recommendations are:' },
];

/** A lead-in or heading saying the recommendations are an earlier challenge's. */
export const LOOKS_BACK: readonly Cue[] = [
  { id: 'earlier-challenge', pattern: /\b(original|previous|earlier|prior|former)\b/i, weight: 1, example: 'Recommendations from the original peer challenge' },
  { id: 'at-that-time', pattern: /\bat that time\b/i, weight: 1, example: 'The recommendations made at that time were:' },
  { id: 'last-challenge', pattern: /\blast (peer )?challenge\b/i, weight: 1, example: 'The recommendations of the last peer challenge were:' },
];

/** A table column holding the recommendations. */
export const RECOMMENDATION_COLUMN: readonly Cue[] = [{ id: 'recommendation-column', pattern: RECOMMEND_WORD, weight: 1, example: 'Recommendation (2019)' }];
/** A column numbering a table's recommendations apart from their text. */
export const NUMBER_COLUMN: readonly Cue[] = [{ id: 'number-column', pattern: /^(no\.?|number|ref\.?|reference|#|item)$/i, weight: 1, example: 'Ref' }];
/** A column giving the year (the challenge) each row's recommendation comes from. */
export const YEAR_COLUMN: readonly Cue[] = [{ id: 'year-column', pattern: /^(year|cycle|date made|year made)$/i, weight: 1, example: 'Year' }];
/** A number as a numbering column prints it: "3", "2.1", "R4", "7a". */
export const PRINTED_NUMBER = /^(?:[A-Z]{1,2}\s?)?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?[.)]?$/i;

/** A lead-in to a summary of recommendations stated in full elsewhere: its items restate them. */
export const SUMMARY: readonly Cue[] = [
  { id: 'in-summary', pattern: /\b(in summary|summari[sz]ed?|in brief|in short)\b/i, weight: 1, example: 'The peer team made eight recommendations, which in summary concern:' },
  { id: 'concern', pattern: /\bwhich (\w+ )?(concern|cover|relate to)\b/i, weight: 1, example: 'The recommendations, which cover:' },
];

export interface ResponseCue extends Cue {
  field: keyof Response;
}

/** Response columns of an action plan or progress table, by header, in order of precedence. */
export const RESPONSE_COLUMNS: readonly ResponseCue[] = [
  { id: 'next-steps', field: 'nextSteps', pattern: /next steps?|actions? (planned|proposed)|planned actions?|further work/i, weight: 1, example: 'Next steps' },
  { id: 'progress', field: 'progress', pattern: /progress|update|response|comments?|achieved|position/i, weight: 1, example: 'Progress to date' },
  { id: 'status', field: 'status', pattern: /\brag\b|status/i, weight: 1, example: 'RAG status' },
  { id: 'assessment', field: 'status', pattern: /assessment|rating/i, weight: 1, example: 'Peer team assessment' },
  { id: 'owner', field: 'owner', pattern: /owner|lead|responsib/i, weight: 1, example: 'Lead officer' },
  { id: 'due', field: 'due', pattern: /due|date|deadline|timescale|target|by when/i, weight: 1, example: 'Timescale' },
];

/**
 * Verbs a recommendation opens with, in the imperative ("Develop …", "Urgently review …"): the
 * common verbs of advice to an organisation, not any one report's.
 */
const ADVISING_VERBS = [
  'adopt', 'agree', 'align', 'articulate', 'build', 'capture', 'clarify', 'commission', 'communicate', 'complete', 'consider', 'consolidate',
  'continue', 'create', 'define', 'deliver', 'develop', 'embed', 'engage', 'enhance', 'ensure', 'establish', 'explore', 'focus', 'harness',
  'identify', 'implement', 'improve', 'increase', 'introduce', 'invest', 'involve', 'maintain', 'make', 'maximise', 'plan', 'prioritise',
  'progress', 'promote', 'provide', 'put', 'reduce', 'refresh', 'reinforce', 'review', 'revisit', 'seek', 'set', 'share', 'simplify',
  'strengthen', 'support', 'take', 'undertake', 'use', 'work',
];
const IMPERATIVE_OPENING = new RegExp(`^(?:\\p{L}+ly,?\\s+)?(?:${ADVISING_VERBS.join('|')})\\b`, 'iu');

/** An item of a set: does it read as a recommendation? These weigh the confidence reported, not acceptance. */
export const ITEM: readonly Cue[] = [
  { id: 'opens-with-a-verb', pattern: IMPERATIVE_OPENING, weight: 1, example: 'Urgently develop a medium-term financial strategy that closes the budget gap.' },
  { id: 'says-what-should-be-done', pattern: /\b(should|must|needs? to|ought to|is encouraged to)\b/i, weight: 1, example: 'The council should review its scheme of delegation.' },
  { id: 'a-question', pattern: /\?\s*$/, weight: -1, example: 'How well does the council understand its place and communities?' },
  { id: 'a-fragment', pattern: /^\s*\S+(?:\s+\S+){0,2}\s*$/, weight: -1, example: 'Financial planning' },
];

/** An annex or appendix: its recommendations get ids of their own ("2018-annex-14"). */
export const ANNEX = /^(annex|appendix)\b/i;
