import { describe, expect, it } from 'vitest';
import { SHAPE_LIMITS } from '../../src/load/pdf-shapes.js';
import { loadPdf } from '../../src/load/pdf.js';
import type { RawPage, RawShape } from '../../src/load/raw.js';
import { fixtureBytes } from '../helpers.js';
import { writePdf, type PdfOptions } from '../support/pdf-writer.js';

const bothEngines = async (bytes: Uint8Array) => {
  const [pdfium, pdfjs] = [await loadPdf(bytes, { pdfEngine: 'pdfium' }), await loadPdf(bytes, { pdfEngine: 'pdfjs' })];
  return { pdfium: pdfium.value.pages, pdfjs: pdfjs.value.pages, messages: { pdfium: pdfium.messages, pdfjs: pdfjs.messages } };
};

/** The same shapes in the same order: kinds and colours equal, boxes within half a point. */
function expectSameShapes(a: readonly RawShape[], b: readonly RawShape[], where: string, colours = true): void {
  expect(b.map((s) => s.kind), where).toEqual(a.map((s) => s.kind));
  if (colours) expect(b.map((s) => s.color), where).toEqual(a.map((s) => s.color));
  a.forEach((sa, i) => {
    const sb = b[i]!;
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(sb[key] - sa[key]), `${where}, shape ${i} (${sa.kind}), ${key}`).toBeLessThanOrEqual(0.5);
  });
}

function expectSamePages(pdfium: readonly RawPage[], pdfjs: readonly RawPage[]): void {
  expect(pdfjs).toHaveLength(pdfium.length);
  pdfium.forEach((p, i) => {
    expect(p.shapes).toBeDefined();
    expect(pdfjs[i]!.shapes).toBeDefined();
    expectSameShapes(p.shapes!, pdfjs[i]!.shapes!, `page ${i + 1}`);
  });
}

describe('the pdf.js engine reads the shapes PDFium reads', () => {
  it.each(['layouts/dunmere-2018-cpc-feedback.web.pdf', 'layouts/dunmere-2018-cpc-feedback.design.pdf'])('%s: the same shapes on every page', async (name) => {
    const { pdfium, pdfjs } = await bothEngines(fixtureBytes(name));
    expectSamePages(pdfium, pdfjs);
    expect(pdfjs.flatMap((p) => p.shapes!).length).toBeGreaterThan(50);
  });

  it.each(['pdfium', 'pdfjs'] as const)('%s: a designed report’s heading bands, column rules and bullets', async (pdfEngine) => {
    const { value } = await loadPdf(fixtureBytes('layouts/dunmere-2018-cpc-feedback.design.pdf'), { pdfEngine });
    const page = value.pages[1]!;
    const shapes = page.shapes!;
    // two heading bands across the text width (the margins are 42.7 pt), and the gutter between
    // the two columns drawn as three thin vertical rules at the page's middle
    const bands = shapes.filter((s) => s.kind === 'fill');
    expect(bands).toHaveLength(2);
    for (const band of bands) expect(band).toMatchObject({ x: expect.closeTo(42.7, 0) as number, width: expect.closeTo(510.7, 0) as number, color: '#00587c' });
    const rules = shapes.filter((s) => s.kind === 'rule');
    expect(rules).toHaveLength(3);
    for (const rule of rules) expect(rule.height).toBeGreaterThan(rule.width * 10);
    for (const rule of rules) expect(Math.abs(rule.x + rule.width / 2 - page.width / 2)).toBeLessThan(1);
    // page 3's bullets are drawn squares, all in one column
    const marks = value.pages[2]!.shapes!.filter((s) => s.kind === 'mark');
    expect(marks).toHaveLength(7);
    for (const mark of marks) expect(Math.abs(mark.x - marks[0]!.x)).toBeLessThan(0.5);
  });

  it.each(['pdfium', 'pdfjs'] as const)('%s: a browser-printed report’s small drawn bullets, each left of its list line', async (pdfEngine) => {
    const { value } = await loadPdf(fixtureBytes('layouts/dunmere-2018-cpc-feedback.web.pdf'), { pdfEngine });
    const page = value.pages[2]!;
    const small = page.shapes!.filter((s) => s.kind === 'mark' && s.width < 4);
    expect(small).toHaveLength(6);
    for (const s of small) {
      const mid = s.y + s.height / 2;
      const line = page.lines.find((l) => l.x > s.x + s.width && l.x - (s.x + s.width) < 20 && mid < l.y && mid > l.y - l.size);
      expect(line, `no line beside the mark at ${s.x},${s.y}`).toBeDefined();
    }
  });

  // drawings that take PDFium's measures of a path: stroke widths at ends and joins, hairlines,
  // curves' control points, and the graphics state a path is painted in
  const drawings: Record<string, { draw: string } & Pick<PdfOptions, 'forms' | 'resources'>> = {
    'bullets, a band, rules, a ruled box, a page-sized fill, a form': {
      draw: '0 0 0 rg 60 772 4 4 re f 0.8 0.9 1 rg 50 740 500 20 re f 0 0 0 RG 1 w 72 700 m 520 700 l S 72 600 200 50 re S 1 1 1 rg 0 0 595 842 re f /Fm1 Do',
      forms: [{ content: '1 0 0 rg 0 500 6 6 re f', matrix: [1, 0, 0, 1, 100, 0] }],
    },
    'a thick line (a rule along its middle), a hairline, diagonals': { draw: '3 w 100 400 m 300 400 l S 0 w 72 300 m 200 300 l S 1 w 100 100 m 200 150 l S 0.5 w 100 200 m 103 205 l S' },
    'an outlined and a filled circle (hollow and solid bullets)': {
      draw: '0.5 w 0 0 1 RG 103 500 m 103 501.66 101.66 503 100 503 c 98.34 503 97 501.66 97 500 c 97 498.34 98.34 497 100 497 c 101.66 497 103 498.34 103 500 c h S 1 0 0 rg 203 500 m 203 501.66 201.66 503 200 503 c 198.34 503 197 501.66 197 500 c 197 498.34 198.34 497 200 497 c 201.66 497 203 498.34 203 500 c f',
    },
    'polylines with square and slanted joins, v and y curves': { draw: '1 w 50 50 m 150 50 l 150 120 l 60 140 l S 2 w 300 50 m 310 60 l 320 50 l 330 60 l S 1 w 100 600 m 150 700 200 600 v S 300 600 m 350 650 400 600 y S' },
    'transparent paints draw nothing; half-transparent ones do': {
      draw: 'q /GS0 gs 0 0 0 rg 72 72 100 100 re f Q q /GS1 gs 1 w 72 72 m 300 72 l S Q q /GS2 gs 0 1 0 rg 72 100 100 100 re f Q',
      resources: '/ExtGState << /GS0 << /ca 0 >> /GS1 << /CA 0 >> /GS2 << /ca 0.5 >> >>',
    },
    'a scaled form with a hairline, a filled and stroked mark, a band; q/Q around a cm': {
      draw: 'q 1 0 0 1 20 30 cm /Fm1 Do Q 72 700 m 80 700 l S q 1 0 0 rg Q 100 100 10 10 re f q 0.5 0 0 0.5 0 0 cm 100 100 10 10 re f Q',
      forms: [{ content: '0 w 10 10 m 100 10 l S 0 0 1 rg 5 5 5 5 re B 1 0 0 rg 200 200 100 50 re f', matrix: [2, 0, 0, 2, 0, 0] }],
    },
    'fill-and-stroke (B, b*), a clip-only path, degenerate rectangles': { draw: '4 w 0 1 0 rg 1 0 0 RG 100 100 8 8 re B 100 200 200 40 re b* 72 72 400 400 re W n 0 0 1 rg 80 80 2 2 re f 1 w 100 300 0 50 re S 200 300 50 0 re S 0 0 1 rg 400 300 0 50 re f' },
    'dots: a closed point with round caps, a zero-length line': { draw: '1 J 3 w 400 400 m h S 0 J 400 300 m h S 2 w 500 500 m 500 500 l S' },
    'a rotated drawing': { draw: 'q 0.7071 0.7071 -0.7071 0.7071 300 300 cm 0 0 100 20 re f 0 0 8 8 re f 1 w 0 50 m 100 50 l S Q' },
    'a form whose extra Q cannot undo its caller’s state': { draw: 'q 1 0 0 rg /Fm1 Do 100 100 20 20 re f Q 100 200 20 20 re f', forms: [{ content: 'Q Q 0 1 0 rg 10 10 20 20 re f' }] },
    // of the last four paths only the one whose second move replaces its first is drawn (a rule)
    'a stroked path of too many segments for rules; lines without a move, a lone move, a move after a move': {
      draw: `1 w 10 10 m ${Array.from({ length: 70 }, (_, i) => `${20 + i * 7} ${i % 2 ? 10 : 200} l`).join(' ')} S 100 300 l 200 300 l S 100 400 m S 100 500 m 150 520 m 300 520 l S`,
    },
    'paths painted with a shading pattern': {
      draw: '/Pattern cs /P1 scn 100 100 200 200 re f /Pattern CS /P1 SCN 2 w 100 400 m 300 400 l S',
      resources: '/Pattern << /P1 << /PatternType 2 /Shading << /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 1 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1] /N 1 >> >> >> >>',
    },
    // the mask's form (object 4, /Fm1) is drawn only through the ExtGState: with a /Group, as it
    // should have, and without one
    'a soft mask’s drawing is no shape': {
      draw: '/GS9 gs 0 0 1 rg 100 100 200 200 re f /Fm2 Do',
      forms: [{ content: '1 1 1 rg 50 50 300 300 re f 0 0 0 rg 60 60 5 5 re f', group: true }, { content: '1 0 0 rg 400 400 50 50 re f' }],
      resources: '/ExtGState << /GS9 << /SMask << /S /Luminosity /G 4 0 R >> >> >>',
    },
    'a soft mask’s drawing is no shape, its form without a group': {
      draw: '/GS9 gs 0 0 1 rg 100 100 200 200 re f /Fm2 Do',
      forms: [{ content: '1 1 1 rg 50 50 300 300 re f 0 0 0 rg 60 60 5 5 re f' }, { content: '1 0 0 rg 400 400 50 50 re f' }],
      resources: '/ExtGState << /GS9 << /SMask << /S /Luminosity /G 4 0 R >> >> >>',
    },
  };

  it.each(Object.entries(drawings))('%s', async (_, { draw, forms, resources }) => {
    const { pdfium, pdfjs } = await bothEngines(writePdf([{ lines: ['Some text'] }], { rawContent: draw, forms, resources }));
    expect(pdfium[0]!.shapes!.length).toBeGreaterThan(0);
    expectSamePages(pdfium, pdfjs);
  });

  it('gives grey and CMYK paints the same shapes, in colours converted each engine’s own way', async () => {
    const draw = '0.1 0.2 0.3 0 k 300 600 50 50 re f 0.5 g 400 600 50 50 re f 0.3 G 1 w 300 560 m 500 560 l S 0 0.5 1 0.2 K 300 550 m 500 550 l S';
    const { pdfium, pdfjs } = await bothEngines(writePdf([{ lines: [] }], { rawContent: draw }));
    // pdf.js hands on only its own RGB for a colour (a polynomial for CMYK, doubles for grey),
    // PDFium its own (Adobe's CMYK table, floats): close, not always equal
    expectSameShapes(pdfium[0]!.shapes!, pdfjs[0]!.shapes!, 'page 1', false);
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    pdfium[0]!.shapes!.forEach((s, i) => {
      const [a, b] = [rgb(s.color), rgb(pdfjs[0]!.shapes![i]!.color)];
      a.forEach((v, k) => expect(Math.abs(v - b[k]!)).toBeLessThanOrEqual(24));
    });
  });

  it('keeps the first shapes of a page that draws too many, and says so, as PDFium does', async () => {
    const draw = Array.from({ length: SHAPE_LIMITS.shapes + 10 }, (_, i) => `${20 + (i % 100) * 5} ${20 + Math.floor(i / 100) * 5} 4 4 re f`).join('\n');
    const { pdfium, pdfjs, messages } = await bothEngines(writePdf([{ lines: ['Many marks'] }], { rawContent: draw }));
    expect(pdfjs[0]!.shapes).toHaveLength(SHAPE_LIMITS.shapes);
    expectSamePages(pdfium, pdfjs);
    const capped = expect.objectContaining({ code: 'pdf/shapes-capped', severity: 'info', page: 1 });
    expect(messages.pdfjs).toContainEqual(capped);
    expect(messages.pdfjs).toEqual(messages.pdfium);
  });
});
