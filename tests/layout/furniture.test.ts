import { describe, expect, it } from 'vitest';
import type { RawLine, RawPage } from '../../src/load/raw.js';
import { removeFurniture } from '../../src/layout/furniture.js';

const line = (text: string, y: number): RawLine => ({ text, x: 65, y, width: 300, size: 12, bold: false, italic: false });
const page = (n: number, body: string[]): RawPage => ({
  number: n,
  width: 595,
  height: 842,
  lines: [line('Anytown Council – Peer Challenge 2024', 40), ...body.map((t, i) => line(t, 100 + i * 14)), line(`Page ${n} of 3`, 800), line(String(n), 815)],
});

describe('removeFurniture', () => {
  it('removes lines repeated in the top and bottom bands, page numbers included, by repetition alone', () => {
    const { pages, furniture } = removeFurniture([page(1, ['Intro text']), page(2, ['More text']), page(3, ['Anytown Council – Peer Challenge 2024 is the subject'])]);
    expect(pages.map((p) => p.lines.map((l) => l.text))).toEqual([['Intro text'], ['More text'], ['Anytown Council – Peer Challenge 2024 is the subject']]);
    expect(furniture.map((f) => [f.text, f.pages])).toEqual([
      ['Anytown Council – Peer Challenge 2024', [1, 2, 3]],
      ['Page 1 of 3', [1, 2, 3]],
      ['1', [1, 2, 3]],
    ]);
  });

  it('keeps a body line that merely sits near the bottom once', () => {
    const p = page(1, ['Body']);
    p.lines.push(line('A sentence ending low on the page.', 790));
    const { pages } = removeFurniture([p, page(2, ['Other'])]);
    expect(pages[0]!.lines.map((l) => l.text)).toContain('A sentence ending low on the page.');
  });

  it('leaves a single page alone', () => {
    const only = page(1, ['Body']);
    expect(removeFurniture([only]).pages[0]!.lines).toHaveLength(only.lines.length);
  });
});
