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
import { closeCall, type Scored } from '../cues/index.js';
import type { ParseDoc } from '../doc.js';
import { earlier, type Found, type Recogniser } from '../recogniser.js';
import { findLeadIns } from './candidates/lead-ins.js';
import { findNumberedHeadings } from './candidates/numbered-headings.js';
import { findRestatedHeadings } from './candidates/restated-headings.js';
import { findSectionLists } from './candidates/sections.js';
import { findTableRows } from './candidates/tables.js';
import { finders } from './context.js';
import { integrity } from './integrity.js';
import type { NearMiss, Zone } from './model.js';
import { mergeRestatements } from './merge.js';
import { toRecommendations } from './records.js';
import { appendAll } from '../../arrays.js';

/** The candidate finders, in order: a later one skips the blocks an earlier one took. */
const FINDERS = [findLeadIns, findSectionLists, findNumberedHeadings, findTableRows, findRestatedHeadings];

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text);
const cueList = (s: Scored) => s.hits.map((h) => `${h.id} ${h.weight > 0 ? '+' : ''}${h.weight}`).join(', ') || 'no cue';

/** Sets accepted on a close call, and sets one cue short: decisions a reader may want to check. */
function closeCalls(doc: ParseDoc, zones: readonly Zone[], nearMisses: readonly NearMiss[], claimed: ReadonlyMap<number, string>): Message[] {
  const out: Message[] = [];
  for (const z of zones) {
    if (z.threshold === null || !z.items.length || !closeCall(z.score, z.threshold)) continue;
    const b = doc.blocks[z.anchor]!;
    out.push(info('parse', 'recommendations/close-call', `read ${z.items.length} item${z.items.length === 1 ? '' : 's'} under ${quote(z.context.split(' \n ')[0]!)} as recommendations on a close call: score ${z.score.total}, needs ${z.threshold} (${cueList(z.score)})`, { page: b.page, block: z.anchor, rule: z.items[0]!.rule }));
  }
  for (const n of nearMisses) {
    // the items another finder took (the section's heading speaks for them) were read after all
    if (claimed.has(n.anchor + 1)) continue;
    const b = doc.blocks[n.anchor]!;
    out.push(info('parse', 'recommendations/close-call', `the items under ${quote(n.text)} were not read as recommendations: score ${n.score.total} (needs ${n.threshold}: ${cueList(n.score)})`, { page: b.page, block: n.anchor, rule: 'lead-in-list' }));
  }
  return out;
}

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
  if (merged) messages.push(info('parse', 'recommendations/merged-duplicates', `${merged} restatement${merged === 1 ? '' : 's'} (summary, table row or sub-heading) merged into the recommendation ${merged === 1 ? 'it restates' : 'they restate'}`, { rule: 'merge' }));
  appendAll(messages, closeCalls(doc, f.zones, f.nearMisses, f.claimed));
  if (recommendations.length === 0 && meta.kind !== 'unknown') messages.push(warning('parse', 'recommendations/none-found', 'no recommendations were recognised', { rule: 'finders' }));
  return { value: recommendations, messages, claims: f.claimed };
}

