/** cpc diff: match recommendations across documents or review cycles, and render the result. */
export { diffRecommendations, hasChanges, PARTNER_RULES, type DiffOptions } from './diff-recommendations.js';
export { DEFAULT_THRESHOLD, NUMBER_BONUS } from './defaults.js';
export { assignMaximum } from './assignment.js';
export { attachPartners, type Group, type PartnerRules } from './partners.js';
export { numbersAgree } from './numbers.js';
export { normaliseText, terms } from './tokens.js';
export { cosine, coverage, inverseDocumentFrequency, vectorise, type TermVector } from './tf-idf.js';
export { renderDiff, DIFF_FORMATS, type DiffFormat } from './render.js';
export { renderDiffText, summaryLine, nearestNote } from './render-text.js';
export { renderDiffHtml, escapeHtml } from './render-html.js';
export { sideBySide, type Run, type SideBySide } from './side-by-side.js';
export { nearMisses, MAX_CANDIDATES } from './near-misses.js';
export { renderDiffMarkdown, escapeMarkdown } from './render-markdown.js';
export { wordDiff, wordChanges, changeLines, marksFor, PLAIN_MARKS, type DiffMarks } from './word-diff.js';
