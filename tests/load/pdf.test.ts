import { describe, expect, it } from 'vitest';
import { CpcError } from '../../src/diagnostics.js';
import { loadPdf } from '../../src/load/pdf.js';
import { itemsToLines } from '../../src/load/pdf-lines.js';
import { fixtureBytes } from '../helpers.js';

const item = (str: string, x: number, y: number, width: number, extra: Partial<{ size: number; bold: boolean }> = {}) => ({
  str, x, y, width, size: extra.size ?? 12, bold: extra.bold ?? false, italic: false,
});

describe('itemsToLines', () => {
  it('joins items on one baseline and splits at tab stops and column gaps', () => {
    const lines = itemsToLines([
      item('Meeting', 65, 100, 40), item(':', 105, 100, 3),
      item(' ', 108, 100, 150), // a tab stop
      item('CABINET', 297, 100, 58),
      item('Next', 65, 114, 24), item(' ', 89, 114, 3), item('line', 92, 114, 20),
    ]);
    expect(lines.map((l) => [l.text, l.x, l.y])).toEqual([
      ['Meeting:', 65, 100],
      ['CABINET', 297, 100],
      ['Next line', 65, 114],
    ]);
  });

  it('calls a line bold only when all of it is bold', () => {
    const lines = itemsToLines([item('Bold', 65, 100, 30, { bold: true }), item(' tail', 95, 100, 30)]);
    expect(lines[0]!.bold).toBe(false);
  });
});

describe.each(['pdfium', 'pdfjs'] as const)('loadPdf with %s', (pdfEngine) => {
  it('gives pages of positioned lines with font sizes, bold and font names', async () => {
    const { value } = await loadPdf(fixtureBytes('bromsgrove-redditch-2020-follow-up.pdf'), { pdfEngine });
    expect(value.pages).toHaveLength(9);
    const heading = value.pages[0]!.lines.find((l) => l.text === '1. Introduction and purpose')!;
    expect(heading).toMatchObject({ size: 16, bold: true, font: expect.stringMatching(/Bold/) });
    const body = value.pages[0]!.lines.find((l) => l.text.startsWith('Bromsgrove District and Redditch'))!;
    expect(body.size).toBe(12);
    expect(body.bold).toBe(false);
    expect(body.y).toBeGreaterThan(heading.y);
  });

  it('refuses a damaged PDF as corrupt', async () => {
    const bytes = fixtureBytes('bromsgrove-redditch-2020-follow-up.pdf').slice(0, 2000);
    await expect(loadPdf(bytes, { pdfEngine })).rejects.toMatchObject({ code: 'input/corrupt' });
    await expect(loadPdf(new TextEncoder().encode('%PDF-1.7\nnot really'), { pdfEngine })).rejects.toBeInstanceOf(CpcError);
  });

  it('refuses more pages than the limit', async () => {
    await expect(loadPdf(fixtureBytes('bromsgrove-redditch-2020-follow-up.pdf'), { maxPages: 3, pdfEngine })).rejects.toMatchObject({ code: 'input/too-many-pages' });
  });
});
