import { createHash } from 'node:crypto';

/** `--shard i/n`: this run processes the i-th of n disjoint subsets (1-based). */
export interface Shard {
  index: number;
  count: number;
}

/** Parse "i/n"; throws an Error with a readable message for anything else. */
export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) throw new Error('expected i/n, such as 1/4');
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new Error(`expected i/n with 1 ≤ i ≤ n, got ${value}`);
  return { index, count };
}

/**
 * Whether a file belongs to a shard. The bucket comes from a hash of the path relative to the
 * inputs' base, not from its position in the listing, so adding or removing one file moves no
 * other file to another shard, and every machine of a CI matrix computes the same split.
 */
export function inShard(relPath: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  const bucket = createHash('sha256').update(relPath).digest().readUInt32BE(0) % shard.count;
  return bucket === shard.index - 1;
}
