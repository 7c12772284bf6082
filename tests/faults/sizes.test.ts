/**
 * Inputs valid but huge in one dimension are read in time linear in their size. The limits here
 * are bounds ten times what a linear pass takes on this machine, far under what the quadratic
 * paths took (noted beside each): a regression shows as a failure, not as a slow suite.
 */
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract.js';
import { joinLines, joinWrapped } from '../../src/layout/join.js';

const words = ['council', 'peer', 'team', 'budget', 'plan', 'the', 'and', 'of', 'strategy', 'organis-'];
const line = (i: number) => Array.from({ length: 10 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
const timed = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
};

describe('long paragraphs', () => {
  it('joinLines joins as joinWrapped does, line by line', () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(i));
    expect(joinLines(lines, null)).toBe(lines.reduce((acc, l) => joinWrapped(acc, l, null), ''));
  });

  it('a text paragraph of 40,000 wrapped lines (was 28–47 s)', async () => {
    const text = `Anytown Council\n\n${Array.from({ length: 40_000 }, (_, i) => line(i)).join('\n')}\n`;
    const { value, ms } = await timed(() => extractReport(new TextEncoder().encode(text), { file: 'long.txt' }));
    expect(value.value.source.format).toBe('txt');
    expect(ms).toBeLessThan(15_000);
  });

  it('an HTML paragraph of 250,000 inline elements, 6 MB (was over 300 s at 4 MB)', async () => {
    const html = `<html><body><p>${Array.from({ length: 250_000 }, (_, i) => `<span>word${i} </span>`).join('')}</p></body></html>`;
    const { value, ms } = await timed(() => extractReport(new TextEncoder().encode(html), { file: 'inline.html' }));
    expect(value.value.sections).toEqual([]);
    expect(ms).toBeLessThan(15_000);
  });
});
