import { describe, expect, it } from 'vitest';
import { assignMaximum } from '../../src/diff/assignment.js';

/** What a greedy matcher does: best pair first, then the best of what is left. */
function greedy(w: number[][]): [number, number][] {
  const cells = w.flatMap((row, i) => row.map((v, j) => ({ i, j, v }))).filter((c) => c.v > 0).sort((a, b) => b.v - a.v);
  const rows = new Set<number>();
  const cols = new Set<number>();
  const out: [number, number][] = [];
  for (const c of cells) {
    if (rows.has(c.i) || cols.has(c.j)) continue;
    rows.add(c.i);
    cols.add(c.j);
    out.push([c.i, c.j]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

const total = (w: number[][], pairs: [number, number][]) => pairs.reduce((s, [i, j]) => s + w[i]![j]!, 0);

describe('assignMaximum', () => {
  it('maximises the total where greedy takes the single best pair and strands the rest', () => {
    const w = [
      [0.9, 0.8],
      [0.7, 0],
    ];
    expect(greedy(w)).toEqual([[0, 0]]);
    expect(assignMaximum(w)).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('handles more rows than columns and more columns than rows', () => {
    expect(assignMaximum([[0.2], [0.9], [0.5]])).toEqual([[1, 0]]);
    expect(assignMaximum([[0.2, 0.9, 0.5]])).toEqual([[0, 1]]);
  });

  it('never pairs across a weight of 0 or less', () => {
    expect(assignMaximum([[0, -1], [0, 0]])).toEqual([]);
    expect(assignMaximum([[0, 0.4], [0, 0]])).toEqual([[0, 1]]);
  });

  it('finds the optimum on random matrices (checked by brute force)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const permutations = (n: number): number[][] => (n === 0 ? [[]] : permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)])));
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + Math.floor(rand() * 5);
      const w = Array.from({ length: n }, () => Array.from({ length: n }, () => (rand() < 0.4 ? 0 : Math.round(rand() * 100) / 100)));
      const best = Math.max(...permutations(n).map((p) => p.reduce((s, j, i) => s + w[i]![j]!, 0)));
      expect(total(w, assignMaximum(w))).toBeCloseTo(best, 9);
    }
  });

  it('is empty for an empty matrix', () => {
    expect(assignMaximum([])).toEqual([]);
    expect(assignMaximum([[], []])).toEqual([]);
  });
});
