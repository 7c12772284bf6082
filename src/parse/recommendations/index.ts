/**
 * Recommendations: where a report lists them, which challenge (cycle) each belongs to, and one
 * record per recommendation however often it is restated.
 *
 * Candidate finders, one per structure (each names its evidence rule): lead-ins and the items
 * they introduce (`candidates/lead-ins.ts`), sections whose heading speaks of recommendations

 * (`candidates/sections.ts`), headings that are only a number over the recommendation
 * (`candidates/numbered-headings.ts`), progress and action-plan tables (`candidates/tables.ts`),
 * "Recommendation 3 - …" sub-headings (`candidates/restated-headings.ts`). Each set is accepted by
 * the weighted cues of `cues/recommendations.ts` that fire on it; restatements then merge into the
 * fullest statement (`merge.ts`).
 */
import { info, warning, type Message } from '../../diagnostics.js';
import type { Recommendation, ReportMeta } from '../../model/report.js';
import type { ParseDoc } from '../doc.js';
import { earlier, type Found, type Recogniser } from '../recogniser.js';
import { findLeadIns } from './candidates/lead-ins.js';
import { findNumberedHeadings } from './candidates/numbered-headings.js';
import { findRestatedHeadings } from './candidates/restated-headings.js';
import { findSectionLists } from './candidates/sections.js';
import { findTableRows } from './candidates/tables.js';
import { finders } from './context.js';
import { integrity } from './integrity.js';
import { mergeRestatements } from './merge.js';
import { toRecommendations } from './records.js';

/** The candidate finders, in order: a later one skips the blocks an earlier one took. */
const FINDERS = [findLeadIns, findSectionLists, findNumberedHeadings, findTableRows, findRestatedHeadings];

/**
 * The peers' recommendations; claims the blocks it reads as them, their lead-ins' items and their
 * further paragraphs (by the evidence rule), and the tables whose rows restate them.
 */
export const recommendationsRecogniser: Recogniser<'recommendations'> = { id: 'recommendations', recognise: recogniseRecommendations };

function recogniseRecommendations(doc: ParseDoc, found: Readonly<Partial<Found>>) {
  const meta: ReportMeta = earlier(found, 'metadata');
  const f = finders(doc, meta);
  for (const find of FINDERS) find(f);
  const { records, merged } = mergeRestatements(f.zones);
  const recommendations: Recommendation[] = toRecommendations(doc, records);
  const messages: Message[] = integrity(doc, f.zones, records, recommendations);
  if (merged) messages.push(info('parse', 'recommendations/merged-duplicates', `${merged} restatement${merged === 1 ? '' : 's'} (summary, table row or sub-heading) merged into the recommendation ${merged === 1 ? 'it restates' : 'they restate'}`));
  if (recommendations.length === 0 && meta.kind !== 'unknown') messages.push(warning('parse', 'recommendations/none-found', 'no recommendations were recognised'));
  return { value: recommendations, messages, claims: f.claimed };
}

