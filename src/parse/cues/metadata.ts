/** Cue tables for the metadata recogniser: the report's kind, and the sentences that say when a challenge took place. */
import type { Cue } from './index.js';

/** Labels of a council report's front sheet (global: each label printed counts); two different ones make the document a council report. */
export const FRONT_SHEET: readonly Cue[] = [
  { id: 'meeting-date', pattern: /\b(meeting date|date of (the )?meeting)\b/gi, weight: 1, example: 'Date of meeting: 13 October 2021' },
  { id: 'meeting', pattern: /\bmeeting:/gi, weight: 1, example: 'Meeting: Cabinet' },
  { id: 'report-of', pattern: /\breport (of|to|by|author)\b/gi, weight: 1, example: 'Report of: Chief Executive' },
  { id: 'report-contact', pattern: /\breport contact\b/gi, weight: 1, example: 'Report contact: Head of Policy' },
  { id: 'portfolio', pattern: /\bportfolio\b/gi, weight: 1, example: 'Portfolio: Leader of the Council' },
  { id: 'wards', pattern: /\b(ward\(s\)|wards? affected)\b/gi, weight: 1, example: 'Wards affected: All' },
  { id: 'key-decision', pattern: /\bkey decision\b/gi, weight: 1, example: 'Key decision: No' },
  { id: 'decision-type', pattern: /\bdecision type\b/gi, weight: 1, example: 'Decision type: Non-key' },
  { id: 'item-no', pattern: /\bitem no\b/gi, weight: 1, example: 'Item No: 7' },
  { id: 'classification', pattern: /\bclassification\b/gi, weight: 1, example: 'Classification: Unrestricted' },
  { id: 'scrutiny', pattern: /\boverview (and|&) scrutiny\b/gi, weight: 1, example: 'Overview and Scrutiny Committee' },
  { id: 'executive-member', pattern: /\b(executive|cabinet) member\b/gi, weight: 1, example: 'Cabinet Member: Cllr Jones' },
  // a memorandum's front block: who it is from, the meeting it goes to, its subject
  { id: 'subject', pattern: /\bsubject:/gi, weight: 1, example: 'Subject: Corporate Peer Challenge action plan' },
  { id: 'addressed-to', pattern: /\bto:\s*(the\s+)?(cabinet|(county|full|borough|district|city)?\s*council|[\w ]{0,40}committee)\b/gi, weight: 1, example: 'To: County Council – 13 March 2025' },
  { id: 'decision-number', pattern: /\bdecision (number|no\b|reference)/gi, weight: 1, example: 'Decision Number: 24/00115' },
];
export const FRONT_SHEET_THRESHOLD = 2;

/** The title or opening naming the kind of visit (first that fires wins, in this order). */
export const PROGRESS_REVIEW: readonly Cue[] = [
  { id: 'progress-review', pattern: /\bprogress review\b/i, weight: 1, example: 'Corporate Peer Challenge Progress Review' },
  { id: 'six-month-check', pattern: /\bsix[- ]month (review|check)/i, weight: 1, example: 'Six-month check-in' },
];
export const FOLLOW_UP: readonly Cue[] = [
  { id: 'follow-up-visit', pattern: /\bfollow[- ]?up (visit|review)\b/i, weight: 1, example: 'Corporate Peer Challenge follow-up visit' },
  { id: 'revisit', pattern: /\bre-?visit\b/i, weight: 1, example: 'LGA Corporate Peer Challenge Revisit' },
];
/** Mentions of an earlier challenge anywhere in the text: two make the report a follow-up. */
export const LOOKS_BACK: readonly Cue[] = [
  { id: 'earlier-challenge', pattern: /\b(original|previous|earlier|last) (corporate )?(peer challenge|peer review|cpc)\b/gi, weight: 1, example: 'Progress since the original peer challenge' },
  { id: 'recommendations-in-year', pattern: /\brecommendations (made )?in (19|20)\d{2}\b/gi, weight: 1, example: 'the recommendations made in 2018' },
  { id: 'the-year-challenge', pattern: /\bthe (19|20)\d{2} (corporate )?(peer challenge|cpc|review)\b/gi, weight: 1, example: 'the 2018 corporate peer challenge' },
];
export const LOOKS_BACK_THRESHOLD = 2;
/** Words only an LGA peer team's own report uses. */
export const LGA_REPORT: readonly Cue[] = [
  { id: 'peer-team', pattern: /\bpeer team\b/i, weight: 1, example: 'The peer team found' },
  { id: 'key-recommendations', pattern: /\bkey recommendations\b/i, weight: 1, example: 'Key recommendations' },
  // the LGA's own title for the team's report
  { id: 'feedback-report', pattern: /\bpeer (challenge|review)\b[^.\n]{0,20}\bfeedback\b/i, weight: 1, example: 'LGA Corporate Peer Challenge Feedback Report' },
];

/** A sentence about a challenge, review or visit. */
export const CHALLENGE: readonly Cue[] = [
  { id: 'peer-challenge', pattern: /\bpeer challenge|\bCPC\b|\bpeer review\b/i, weight: 1, example: 'The council received a corporate peer challenge' },
  { id: 'revisit', pattern: /\bre-?visit\b|\bfollow[- ]?up (visit|review)\b/i, weight: 1, example: 'The revisit took place in June 2019' },
  { id: 'progress-review', pattern: /\bprogress review\b/i, weight: 1, example: 'The progress review was held on 5 July 2022' },
];

/** The sentence says the visit happened (rather than that one is planned). */
export const HAPPENED: readonly Cue[] = [
  { id: 'received', pattern: /\b(received|had an?|hosted|welcomed)\b/i, weight: 1, example: 'The council received an LGA Corporate Peer Challenge in May 2021' },
  { id: 'undertook', pattern: /\b(undertook|undertaken|underwent|conducted|carried out)\b/i, weight: 1, example: 'The peer challenge was undertaken in March 2019' },
  { id: 'took-place', pattern: /\b(took place|was held|happened)\b/i, weight: 1, example: 'The peer challenge took place from 7 to 10 March 2023' },
  // a council takes part in a challenge as much as it receives one
  { id: 'took-part', pattern: /\b(benefit+ed from|took part in|participated in|went through)\b/i, weight: 1, example: 'The council benefited from a corporate peer challenge in 2018' },
  { id: 'visited', pattern: /\b(visited|revisited|returned|(made|paid) an? (?:[\w-]+ )?(visit|revisit)|visits? (on|in) )/i, weight: 1, example: 'The purpose of the follow-up visit on 3 and 4 May 2021 was to take stock' },
  // the team's days at the council
  { id: 'on-site', pattern: /\b(on-?\s?site|spent (?:\w+ )?(days?|weeks?)|(over|across) (\w+|\d+) days)\b/i, weight: 1, example: 'The peers were on site for four days in June 2019' },
  { id: 'from-a-date', pattern: /\bfrom \w+ \d/i, weight: 1, example: 'The peer challenge ran from Tuesday 7 to Friday 10 March 2023' },
  { id: 'between-dates', pattern: /\bbetween \w+ \d/i, weight: 1, example: 'The challenge was carried out between Monday 3 and Thursday 6 October 2022' },
];

/** The sentence speaks of a visit still to come, or of an offer. */
export const NOT_YET: readonly Cue[] = [
  { id: 'future', pattern: /\b(will|planned|planning|being planned|due to|to be held)\b/i, weight: -1, example: 'A progress review will take place in 2024' },
  { id: 'offer', pattern: /\b(offer|entitled)\b/i, weight: -1, example: 'Councils are entitled to a follow-up visit' },
  { id: 'check-in', pattern: /\bcheck-?in\b/i, weight: -1, example: 'a check-in meeting in early 2024' },
];
