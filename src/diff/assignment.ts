/**
 * Optimal one-to-one assignment (the Hungarian algorithm, Kuhn–Munkres with potentials,
 * O(n²·m)). Greedy matching — take the best pair, then the best of the rest — goes wrong when
 * the best pair for one item steals the only good partner of another; this maximises the total.
 */

/**
 * Pairs [row, column] maximising the sum of `weights[row][column]`, each row and column used at
 * most once. Weights of 0 or less mean "may not be paired": such pairs never appear in the result.
 * Deterministic for a given matrix.
 */
export function assignMaximum(weights: readonly (readonly number[])[]): [number, number][] {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0]!.length;
  if (rows === 0 || cols === 0) return [];
  // the algorithm below wants no more rows than columns
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const w = (i: number, j: number) => {
    const v = transpose ? weights[j]![i]! : weights[i]![j]!;
    return v > 0 ? v : 0;
  };
  let max = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) max = Math.max(max, w(i, j));
  // minimise cost = max − weight; a forbidden pair costs max, the same as leaving both unpaired
  const cost = (i: number, j: number) => max - w(i, j);

  // 1-based arrays, as in the classic formulation: p[j] = row assigned to column j (0: none)
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }

  const pairs: [number, number][] = [];
  for (let j = 1; j <= m; j++) {
    const i = p[j]!;
    if (i === 0 || w(i - 1, j - 1) <= 0) continue;
    pairs.push(transpose ? [j - 1, i - 1] : [i - 1, j - 1]);
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
