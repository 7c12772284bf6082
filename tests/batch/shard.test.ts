import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../../src/batch/shard.js';

const paths = Array.from({ length: 500 }, (_, i) => `council-${i % 37}/${2010 + (i % 13)}/report-${i}.pdf`);

describe('parseShard', () => {
  it.each([
    ['1/2', { index: 1, count: 2 }],
    ['4/4', { index: 4, count: 4 }],
    [' 3 / 8 ', { index: 3, count: 8 }],
  ])('reads %s', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it.each(['0/2', '3/2', '1/0', '1', '1/2/3', 'a/b', '-1/2', ''])('refuses %j', (text) => {
    expect(() => parseShard(text)).toThrow(/i\/n/);
  });
});

describe('inShard', () => {
  it('puts every path in exactly one of n shards', () => {
    for (const count of [1, 2, 3, 7]) {
      for (const p of paths) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(p, { index, count }));
        expect(owners).toHaveLength(1);
      }
    }
  });

  it('splits an archive roughly evenly', () => {
    const first = paths.filter((p) => inShard(p, { index: 1, count: 2 })).length;
    expect(first).toBeGreaterThan(200);
    expect(first).toBeLessThan(300);
  });

  it('depends on the path only, not on the other files: adding files moves none', () => {
    const before = paths.filter((p) => inShard(p, { index: 2, count: 3 }));
    const more = [...paths, 'new/a.pdf', 'new/b.docx'];
    const after = more.filter((p) => inShard(p, { index: 2, count: 3 }));
    expect(after.filter((p) => !p.startsWith('new/'))).toEqual(before);
  });

  it('takes everything without a shard', () => {
    expect(paths.every((p) => inShard(p, undefined))).toBe(true);
  });
});
