/** Merged candidates into the model's recommendations: ids, titles, evidence. */
import type { Recommendation } from '../../model/report.js';
import { wordCount, type ParseDoc } from '../doc.js';
import type { Merged } from './merge.js';
import { RULES } from './model.js';

/** A numbered item with an explanation after a dash: the part before the dash is its title. */
export function titleOf(text: string, number: string | null): string | null {
  if (!number) return null;
  const m = /^(.{8,}?)\s+[–—-]\s+(.+)$/.exec(text);
  return m && wordCount(m[2]!) >= 8 && wordCount(m[1]!) <= 30 ? m[1]!.trim() : null;
}

export function toRecommendations(doc: ParseDoc, records: readonly Merged[]): Recommendation[] {
  const ids = new Set<string>();
  const bulletCount = new Map<string, number>();
  return records.map(({ best, zone, response }) => {
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
      evidence: { rule: best.rule, confidence: RULES[best.rule]!.confidence },
    };
  });
}
