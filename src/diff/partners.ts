import { coverage, type TermVector } from './tf-idf.js';

/** A link under construction: indexes into the old and new recommendation lists. */
export interface Group {
  old: number[];
  new: number[];
}

export interface PartnerRules {
  /** the least share of the candidate's own words (by weight) that must appear in the other side */
  minContainment: number;
  /** how much more of the other side the group must cover with the candidate than without it */
  minGain: number;
}

/**
 * Second (third, …) partners: splits and merges.
 *
 * After the one-to-one assignment, a recommendation left over on one side may be the rest of a
 * text that the assignment matched only in part: the 2018 "invest in ICT … also define the digital
 * journey" bullet restated as two bullets. A left-over item P joins the link L = (A ↔ B…), on the
 * side of B, when
 *   1. most of P is in A: coverage(P by A) ≥ minContainment — P is about what A says, and
 *   2. P accounts for words of A that B does not: coverage(A by B… ∪ P) − coverage(A by B…) ≥ minGain,
 *   3. A is a single recommendation (a link does not grow on both sides: many-to-many is not a
 *      split or a merge but two reworded texts, and is left as such), and
 *   4. P is not matched better elsewhere: P is one the assignment left unmatched, and of all the
 *      links P qualifies for, this one gains most (ties: the higher containment, then the earlier
 *      link). Candidates are taken best gain first, one at a time, as each changes the coverage.
 */
export function attachPartners(
  groups: readonly Group[],
  oldVectors: readonly TermVector[],
  newVectors: readonly TermVector[],
  rules: PartnerRules,
): Group[] {
  const out = groups.map((g) => ({ old: [...g.old], new: [...g.new] }));
  const unmatchedOld = new Set(oldVectors.keys());
  const unmatchedNew = new Set(newVectors.keys());
  for (const g of out) {
    g.old.forEach((i) => unmatchedOld.delete(i));
    g.new.forEach((j) => unmatchedNew.delete(j));
  }

  for (;;) {
    let best: Candidate | null = null;
    for (let gi = 0; gi < out.length; gi++) {
      const g = out[gi]!;
      // a split grows on the new side from a single old item; a merge on the old side from a single new one
      if (g.old.length === 1) best = better(best, bestCandidate(gi, 'new', oldVectors[g.old[0]!]!, g.new, unmatchedNew, newVectors, rules));
      if (g.new.length === 1) best = better(best, bestCandidate(gi, 'old', newVectors[g.new[0]!]!, g.old, unmatchedOld, oldVectors, rules));
    }
    if (!best) break;
    const g = out[best.group]!;
    g[best.side] = [...g[best.side], best.item].sort((a, b) => a - b);
    (best.side === 'old' ? unmatchedOld : unmatchedNew).delete(best.item);
  }
  return out;
}

interface Candidate {
  group: number;
  side: 'old' | 'new';
  item: number;
  gain: number;
  containment: number;
}

const EPSILON = 1e-9;

/** The higher gain, then the higher containment; on a tie the one found first (earlier link, earlier item). */
function better(a: Candidate | null, b: Candidate | null): Candidate | null {
  if (!a || !b) return a ?? b;
  if (b.gain > a.gain + EPSILON) return b;
  if (Math.abs(b.gain - a.gain) <= EPSILON && b.containment > a.containment + EPSILON) return b;
  return a;
}

/** The best left-over item to join `members` (one side of a link) in covering `target` (the other side's single item). */
function bestCandidate(
  group: number,
  side: 'old' | 'new',
  target: TermVector,
  members: readonly number[],
  pool: ReadonlySet<number>,
  poolVectors: readonly TermVector[],
  rules: PartnerRules,
): Candidate | null {
  const memberVectors = members.map((m) => poolVectors[m]!);
  const before = coverage(target, memberVectors);
  let best: Candidate | null = null;
  for (const item of pool) {
    const candidate = poolVectors[item]!;
    const containment = coverage(candidate, [target]);
    if (containment < rules.minContainment) continue;
    const gain = coverage(target, [...memberVectors, candidate]) - before;
    if (gain < rules.minGain) continue;
    best = better(best, { group, side, item, gain, containment });
  }
  return best;
}
