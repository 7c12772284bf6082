/**
 * One record per recommendation: restatements (a summary bullet, a table row, a sub-heading) merge
 * into the strongest, fullest statement; list items beat headings beat table rows; the others lend
 * their response.
 */
import type { Response } from '../../model/report.js';
import { wordCount } from '../doc.js';
import { containment, dice } from '../text.js';
import { isStatement, mergeResponse, RULES, type Candidate, type Zone } from './model.js';

export interface Merged {
  best: Candidate;
  zone: Zone;
  response: Response | null;
  /** restatements merged into it (a summary item, a table row, a sub-heading): corroboration */
  restatements: number;
}

/**
 * The numbered set a restating set (a table, sub-headings) restates: the one set of statements of
 * the same cycle and year holding most of its numbers (at least 80 %).
 */
function restatedSet(zone: Zone, records: readonly Merged[]): number | undefined {
  const numbers = zone.items.map((x) => x.number).filter((n) => n !== null);
  if (numbers.length < 2) return undefined;
  const hits = new Map<number, number>();
  for (const r of records) {
    if (r.zone.id === zone.id || r.zone.cycle !== zone.cycle || r.zone.year !== zone.year || !isStatement(r.best.rule)) continue;
    if (r.best.number !== null && numbers.includes(r.best.number)) hits.set(r.zone.id, (hits.get(r.zone.id) ?? 0) + 1);
  }
  const good = [...hits.entries()].filter(([, n]) => n >= 0.8 * numbers.length);
  return good.length === 1 ? good[0]![0] : undefined;
}

export function mergeRestatements(zones: readonly Zone[]): { records: Merged[]; merged: number } {
  const records: Merged[] = [];
  let merged = 0;
  const all = zones.flatMap((z) => z.items.map((item) => ({ item, zone: z })));
  all.sort((a, b) => RULES[b.item.rule]!.priority - RULES[a.item.rule]!.priority || a.item.block.index - b.item.block.index);
  /** the statement a restatement's number points to, where its whole set restates one numbered set */
  const byNumber = (item: Candidate, zone: Zone): Merged | undefined => {
    if (item.number === null || isStatement(item.rule)) return undefined;
    const target = restatedSet(zone, records);
    return target === undefined ? undefined : records.find((r) => r.zone.id === target && r.best.number === item.number);
  };
  /** an unnumbered restating set, item for item, of the one set of as many statements (a summary list) */
  const byPosition = (item: Candidate, zone: Zone): Merged | undefined => {
    if (item.number !== null || isStatement(item.rule) || zone.items.some((x) => x.number !== null)) return undefined;
    const sets = new Map<number, Merged[]>();
    for (const r of records) if (r.zone.id !== zone.id && r.zone.cycle === zone.cycle && r.zone.year === zone.year && isStatement(r.best.rule)) sets.set(r.zone.id, [...(sets.get(r.zone.id) ?? []), r]);
    const same = [...sets.values()].filter((rs) => rs.length === zone.items.length);
    return same.length === 1 && zone.items.length >= 2 ? same[0]![zone.items.indexOf(item)] : undefined;
  };
  for (const { item, zone } of all) {
    if (item.covers.length > 1) {
      // a heading restating several items lends its response to each of them
      for (const r of records) {
        if (r.best.number === null || !item.covers.includes(r.best.number) || r.zone.cycle !== zone.cycle) continue;
        r.response = mergeResponse(r.response, item.response);
        r.restatements++;
      }
      merged++;
      continue;
    }
    if (!item.text.trim()) continue; // a bare list marker (a damaged or unfinished list) recommends nothing
    const strong = isStatement(item.rule);
    const match = byNumber(item, zone) ?? byPosition(item, zone) ?? records.find((r) => {
      if (r.zone.id === zone.id || r.zone.cycle !== zone.cycle) return false;
      if (item.covers.length) return r.best.number !== null && item.covers.includes(r.best.number);
      const d = dice(r.best.text, item.text);
      const c = containment(r.best.text, item.text);
      return strong ? d >= 0.7 || (c >= 0.9 && Math.min(wordCount(item.text), wordCount(r.best.text)) >= 3) : d >= 0.5 || c >= 0.8 || (item.number !== null && item.number === r.best.number && d >= 0.3);
    });
    if (match) {
      merged++;
      match.restatements++;
      match.response = mergeResponse(match.response, item.response);
      // the fullest statement stands: a numbered one over a bullet, then the longer
      const fuller = strong && isStatement(match.best.rule) && ((item.number !== null) > (match.best.number !== null) || ((item.number !== null) === (match.best.number !== null) && item.text.length > match.best.text.length));
      if (fuller) [match.best, match.zone] = [item, zone];
      continue;
    }
    records.push({ best: item, zone, response: item.response, restatements: 0 });
  }
  records.sort((a, b) => (a.zone.cycle === b.zone.cycle ? 0 : a.zone.cycle === 'current' ? -1 : 1) || a.best.block.index - b.best.block.index || a.zone.items.indexOf(a.best) - b.zone.items.indexOf(b.best));
  return { records, merged };
}
