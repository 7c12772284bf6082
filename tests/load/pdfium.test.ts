import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPdf } from '../../src/load/pdf.js';
import { readWithPdfium } from '../../src/load/pdfium.js';
import { pdfium } from '../../src/load/pdfium-module.js';
import type { RawLine } from '../../src/load/raw.js';
import { FIXTURES, fixtureBytes } from '../helpers.js';
import { writePdf } from '../support/pdf-writer.js';
import { slowPdf } from '../support/slow-pdf.js';

const PDF_FIXTURES = readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf'));
const LAYOUTS = readdirSync(`${FIXTURES}/layouts`).filter((f) => f.endsWith('.pdf')).map((f) => `layouts/${f}`);

describe('the PDFium engine against pdf.js', () => {
  it.each(PDF_FIXTURES)('%s: the same lines in the same order, at the same places, in the same styles', async (name) => {
    const bytes = fixtureBytes(name);
    const [a, b] = [await loadPdf(bytes, { pdfEngine: 'pdfjs' }), await loadPdf(bytes, { pdfEngine: 'pdfium' })];
    expect(b.value.pageCount).toBe(a.value.pageCount);
    const words = (lines: RawLine[]) => lines.map((l) => l.text).join(' ').split(/\s+/);
    a.value.pages.forEach((pa, i) => {
      const pb = b.value.pages[i]!;
      expect(pb.width).toBeCloseTo(pa.width, 2);
      expect(pb.height).toBeCloseTo(pa.height, 2);
      expect(words(pb.lines)).toEqual(words(pa.lines));
      expect(pb.lines.map((l) => l.text)).toEqual(pa.lines.map((l) => l.text));
      pa.lines.forEach((la, j) => {
        const lb = pb.lines[j]!;
        // pdf.js measures a line's ends by glyph advances, PDFium by glyph boxes: within a point or two
        expect(Math.abs(lb.x - la.x)).toBeLessThan(1.5);
        expect(Math.abs(lb.y - la.y)).toBeLessThan(0.5);
        expect(Math.abs(lb.width - la.width)).toBeLessThan(2);
        expect([lb.size, lb.bold, lb.italic, lb.font]).toEqual([la.size, la.bold, la.italic, la.font]);
      });
    });
  });
});

describe('the PDFium engine against pdf.js on other producers', () => {
  // PDFium orders the pieces of one visual line left to right (a footer's address before its page
  // number where the producer wrote them the other way round) and spells ligatures out (ﬁ → fi,
  // which layout's normalisation does for pdf.js's text): the same lines, read top to bottom
  const normalised = (lines: RawLine[]) =>
    [...lines].sort((a, b) => Math.round(a.y) - Math.round(b.y) || a.x - b.x).map((l) => l.text.normalize('NFKC'));
  it.each(LAYOUTS)('%s: the same lines', async (name) => {
    const bytes = fixtureBytes(name);
    const [a, b] = [await loadPdf(bytes, { pdfEngine: 'pdfjs' }), await loadPdf(bytes, { pdfEngine: 'pdfium' })];
    expect(b.value.pages.map((p) => normalised(p.lines))).toEqual(a.value.pages.map((p) => normalised(p.lines)));
  });
});

describe('the PDFium engine', () => {
  it('gives each line its font name and colour', async () => {
    const { value } = await loadPdf(fixtureBytes('bury-2021-cpc-revisit.pdf'));
    const lines = value.pages.flatMap((p) => p.lines);
    expect(lines.every((l) => typeof l.font === 'string' && /^#[0-9a-f]{6}$/.test(l.color ?? ''))).toBe(true);
    const colored = writePdf([{ lines: [] }], { rawContent: 'BT /F1 14 Tf 0.2 0.4 0.6 rg 72 700 Td (Key recommendations) Tj ET' });
    const line = (await loadPdf(colored)).value.pages[0]!.lines[0]!;
    expect(line).toMatchObject({ text: 'Key recommendations', font: 'Helvetica', color: '#336699', size: 14 });
  });

  it('lists the drawn shapes layout can use: bullets, bands, rules, and shapes inside form XObjects', async () => {
    const draw = [
      '0 0 0 rg 60 772 4 4 re f', // a square bullet left of the first line (baseline 770)
      '0.8 0.9 1 rg 50 740 500 20 re f', // a band
      '0 0 0 RG 1 w 72 700 m 520 700 l S', // a rule
      '72 600 200 50 re S', // a ruled box: four rules
      '1 1 1 rg 0 0 595 842 re f', // a page-sized white fill is a fill like any other
      'q 0 0 0 rg 300 300 m 310 300 l 305 309 l h f Q', // a small triangle: a mark too (bounds decide)
      '/Fm1 Do',
    ].join('\n');
    const pdf = writePdf([{ lines: ['A bullet point'] }], { rawContent: draw, forms: [{ content: '1 0 0 rg 0 500 6 6 re f', matrix: [1, 0, 0, 1, 100, 0] }] });
    const [page] = (await loadPdf(pdf)).value.pages;
    const shapes = page!.shapes!.map((s) => ({ ...s, x: Math.round(s.x), y: Math.round(s.y), width: Math.round(s.width), height: Math.round(s.height) }));
    expect(shapes).toEqual([
      { kind: 'mark', x: 60, y: 66, width: 4, height: 4, color: '#000000' },
      { kind: 'fill', x: 50, y: 82, width: 500, height: 20, color: '#cce6ff' },
      // a stroked line's bounds take in its width (1 pt)
      { kind: 'rule', x: 71, y: 141, width: 450, height: 2, color: '#000000' },
      // the box's edges in the order they are drawn: bottom, right, top, and the closing left
      { kind: 'rule', x: 72, y: 242, width: 200, height: 0, color: '#000000' },
      { kind: 'rule', x: 272, y: 192, width: 0, height: 50, color: '#000000' },
      { kind: 'rule', x: 72, y: 192, width: 200, height: 0, color: '#000000' },
      { kind: 'rule', x: 72, y: 192, width: 0, height: 50, color: '#000000' },
      { kind: 'fill', x: 0, y: 0, width: 595, height: 842, color: '#ffffff' },
      { kind: 'mark', x: 300, y: 533, width: 10, height: 9, color: '#000000' },
      { kind: 'mark', x: 100, y: 336, width: 6, height: 6, color: '#ff0000' },
    ]);
    const bullet = shapes[0]!;
    const line = page!.lines[0]!;
    // the bullet sits just left of its line, within the line's height
    expect(bullet.x + bullet.width).toBeLessThan(line.x);
    expect(bullet.y).toBeLessThan(line.y);
    expect(bullet.y + bullet.height).toBeGreaterThan(line.y - line.size);
  });

  it('finds drawn bullets on a browser-printed report', async () => {
    const { value } = await loadPdf(fixtureBytes('layouts/dunmere-2018-cpc-feedback.web.pdf'));
    const marks = value.pages.flatMap((p) => (p.shapes ?? []).filter((s) => s.kind === 'mark').map((s) => ({ s, p })));
    expect(marks.length).toBeGreaterThan(5);
    // each drawn bullet has a line of text starting just right of it, on its level
    for (const { s, p } of marks) {
      const mid = s.y + s.height / 2;
      const line = p.lines.find((l) => l.x > s.x + s.width && l.x - (s.x + s.width) < 20 && mid < l.y && mid > l.y - l.size);
      expect(line, `no line beside the mark at ${s.x},${s.y} on page ${p.number}`).toBeDefined();
    }
  });

  it('reads encrypted PDFs with their password, and tells a missing password from a wrong one', async () => {
    const locked = writePdf([{ lines: ['Key recommendations'] }], { encrypt: { userPassword: 'user-secret', ownerPassword: 'owner-secret' } });
    await expect(readWithPdfium(locked, { maxPages: 10, maxMemoryBytes: 2 ** 30 })).rejects.toMatchObject({ code: 'input/encrypted', message: expect.stringContaining('--password') });
    await expect(readWithPdfium(locked, { password: 'wrong', maxPages: 10, maxMemoryBytes: 2 ** 30 })).rejects.toMatchObject({ code: 'input/encrypted', message: 'the PDF password is incorrect' });
    const read = await readWithPdfium(locked, { password: 'user-secret', maxPages: 10, maxMemoryBytes: 2 ** 30 });
    expect(read.pages[0]!.lines.map((l) => l.text)).toEqual(['Key recommendations']);
    const ownerOnly = writePdf([{ lines: ['Open to read'] }], { encrypt: { userPassword: '', ownerPassword: 'owner-secret' } });
    expect((await readWithPdfium(ownerOnly, { maxPages: 10, maxMemoryBytes: 2 ** 30 })).pages[0]!.lines[0]!.text).toBe('Open to read');
  });

  it('stops a document whose heap would grow past the limit with one error (PDFium aborts inside), and reads the next one', async () => {
    const instance = await pdfium();
    // 400,000 text objects on one page: parsing it needs some 150 MB of PDFium's heap
    const heavy = slowPdf();
    await expect(readWithPdfium(heavy, { maxPages: 5000, maxMemoryBytes: instance.heapBytes() })).rejects.toMatchObject({
      code: 'input/out-of-memory',
      message: expect.stringContaining('--max-memory'),
      cause: expect.any(WebAssembly.RuntimeError),
    });
    // the aborted instance is dropped; the next document gets a fresh one
    const after = await readWithPdfium(fixtureBytes('bury-2021-cpc-revisit.pdf'), { maxPages: 100, maxMemoryBytes: 2 ** 30 });
    expect(after.pages).toHaveLength(14);
    expect(await pdfium()).not.toBe(instance);
  });

  it('refuses a document whose bytes alone do not fit in the heap limit', async () => {
    const limit = (await pdfium()).heapBytes() + 64 * 1024;
    const bytes = new Uint8Array(limit + 1024 * 1024);
    bytes.set(fixtureBytes('bury-2021-cpc-revisit.pdf'));
    await expect(readWithPdfium(bytes, { maxPages: 100, maxMemoryBytes: limit })).rejects.toMatchObject({ code: 'input/out-of-memory' });
  });

  it('hands a file PDFium cannot read to pdf.js, and says so', async () => {
    // found by the fuzzer: a stream object's generation number damaged ("29 -1e308 obj"); PDFium
    // gives up on the document, pdf.js rebuilds its cross-reference table and reads every page
    const text = Buffer.from(fixtureBytes('bromsgrove-redditch-2020-follow-up.pdf')).toString('latin1');
    expect(text.slice(30505, 30513)).toBe('29 0 obj');
    const damaged = new Uint8Array(Buffer.from(`${text.slice(0, 30508)}-1e308${text.slice(30509)}`, 'latin1'));
    await expect(readWithPdfium(damaged, { maxPages: 100, maxMemoryBytes: 2 ** 30 })).rejects.toMatchObject({ name: 'PdfiumFailed' });
    const read = await loadPdf(damaged);
    expect(read.value.pages).toHaveLength(9);
    expect(read.value.pages[0]!.lines.map((l) => l.text)).toContain('1. Introduction and purpose');
    expect(read.messages).toContainEqual(expect.objectContaining({ code: 'pdf/engine-fallback', severity: 'info', message: expect.stringContaining('read by pdf.js') }));
  });

  it('keeps its heap from growing over many documents', async () => {
    const bytes = fixtureBytes('bury-2021-cabinet-report.pdf');
    for (let i = 0; i < 5; i++) await loadPdf(bytes);
    const before = (await pdfium()).heapBytes();
    for (let i = 0; i < 40; i++) await loadPdf(bytes);
    expect((await pdfium()).heapBytes()).toBe(before);
  });
});
