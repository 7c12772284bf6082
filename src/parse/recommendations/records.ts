/** Merged candidates into the model's recommendations: ids, titles, evidence. */
import type { Evidence, Recommendation } from '../../model/report.js';
import { combine, score, type CueHit, type Scored } from '../cues/index.js';
import { ITEM } from '../cues/recommendations.js';
import { wordCount, type ParseDoc } from '../doc.js';
import type { Merged } from './merge.js';
import { RULES, type Zone } from './model.js';

/** How far a set's score clears what it needed (a set accepted on its structure clears it by 0). */
export const margin = (zone: Zone): number => (zone.threshold === null ? 0 : zone.score.total - zone.threshold);

/**
 * What speaks for one recommendation: the cues that made its set one of recommendations, the cues
 * of its own wording, and what the document says of it elsewhere (a number, a restatement, a count
 * its set matches).
 */
export function evidenceOf(record: Merged, setSize: number): Scored {
  const { best, zone } = record;
  const found: CueHit[] = [];
  if (best.number !== null) found.push({ id: 'item:numbered', weight: 1 });
  if (record.restatements > 0) found.push({ id: 'item:restated', weight: 1 });
  if (zone.stated !== null && zone.stated === setSize) found.push({ id: 'set:count-as-stated', weight: 1 });
  return combine(zone.score, score(best.text, ITEM, 'item'), { total: 0, hits: found });
}

/**
 * The confidence reported: the rule's own, raised towards 1 by each point the set clears its
 * threshold by and each cue of the item, lowered by each cue against it.
 */
export function confidenceOf(rule: string, zone: Zone, item: Scored): number {
  const base = RULES[rule]!.confidence;
  const own = item.total - zone.score.total;
  const points = margin(zone) + own;
  const c = points >= 0 ? base + (0.99 - base) * (1 - 0.7 ** points) : base * 0.8 ** -points;
  return Math.round(Math.min(0.99, Math.max(0.01, c)) * 100) / 100;
}

function evidence(record: Merged, setSize: number): Evidence {
  const scored = evidenceOf(record, setSize);
  return { rule: record.best.rule, confidence: confidenceOf(record.best.rule, record.zone, scored), cues: scored.hits.map((h) => h.id) };
}

/** A numbered item with an explanation after a dash: the part before the dash is its title. */
export function titleOf(text: string, number: string | null): string | null {
  if (!number) return null;
  const m = /^(.{8,}?)\s+[–—-]\s+(.+)$/.exec(text);
  return m && wordCount(m[2]!) >= 8 && wordCount(m[1]!) <= 30 ? m[1]!.trim() : null;
}

export function toRecommendations(doc: ParseDoc, records: readonly Merged[]): Recommendation[] {
  const ids = new Set<string>();
  const bulletCount = new Map<string, number>();
  const setSize = new Map<number, number>();
  for (const r of records) setSize.set(r.zone.id, (setSize.get(r.zone.id) ?? 0) + 1);
  return records.map((record) => {
    const { best, zone, response } = record;
    const yearKey = zone.year === null ? 'undated' : String(zone.year);
    let base: string;
    if (best.number) base = `${yearKey}${zone.annex ? '-annex' : ''}-${best.number}`;
    else {
      const n = (bulletCount.get(yearKey) ?? 0) + 1;
      bulletCount.set(yearKey, n);
      base = `${yearKey}-b${n}`;
    }
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    const text = best.text.replace(/\s+/g, ' ').trim();
    return {
      id,
      number: best.number,
      cycle: zone.cycle,
      year: zone.year,
      title: titleOf(text, best.number),
      text,
      sectionId: doc.sectionOf(best.block.index),
      page: best.block.page,
      response,
      evidence: evidence(record, setSize.get(zone.id)!),
    };
  });
}
