import type { DiffCandidate } from '../model/diff.js';
import { cosine, type TermVector } from './tf-idf.js';

/** How many near misses a removed or added recommendation carries. */
export const MAX_CANDIDATES = 3;

export interface Scored {
  id: string;
  number: string | null;
  vector: TermVector;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The recommendations on the other side nearest to an unmatched one: why it was left out, in
 * figures. Every partner sharing a word counts, linked or not — a removed item whose best partner
 * went to a better match is as much a near miss as one just under the threshold, and leaving the
 * taken partner out would point the reader at a worse one. Sorted by the rounded score (what is
 * printed), best first, then by id in code-unit order, so ties read the same on every machine.
 */
export function nearMisses(target: TermVector, others: readonly Scored[], max = MAX_CANDIDATES): DiffCandidate[] {
  return others
    .map((o) => ({ id: o.id, number: o.number, score: round3(cosine(target, o.vector)) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, max);
}
