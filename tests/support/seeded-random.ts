/**
 * A small seeded generator (mulberry32) for test data that must be the same on every run and
 * machine: the corpus's random bytes and the fuzzer's mutations. Not for anything secret.
 */
export interface Rng {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [0, n) */
  int(n: number): number;
  /** one element of a non-empty list */
  pick<T>(items: readonly T[]): T;
  bytes(n: number): Uint8Array;
}

export function seededRandom(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    bytes: (n: number) => Uint8Array.from({ length: n }, () => int(256)),
  };
}
