import { describe, expect, it } from 'vitest';
import { flattenLines } from '../src/text-runs.js';

describe('flattenLines', () => {
  it('puts each whitespace run holding a break as one separator, as /\\s*\\n\\s*/g does', () => {
    const alphabet = [' ', '\n', '\t', 'a'];
    const all = (n: number): string[] => (n === 0 ? [''] : all(n - 1).flatMap((s) => alphabet.map((c) => s + c)));
    for (const s of [0, 1, 2, 3, 4, 5, 6].flatMap(all)) expect([s, flattenLines(s, '|')]).toEqual([s, s.replace(/\s*\n\s*/g, '|')]);
  });

  it('leaves a long run of spaces with no break as it is', () => {
    const s = `a${' '.repeat(200_000)}b\n  c`;
    expect(flattenLines(s)).toBe(`a${' '.repeat(200_000)}b c`);
  });
});
