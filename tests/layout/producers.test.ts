/**
 * Layout rules that make one report's blocks the same whichever program made the PDF: columns,
 * drawn bullets, justified lines, numbers in a table's first column, front sheets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBlocks, extractReport } from '../../src/extract.js';
import { tableBlock, textBlock, type Block, type TableBlock } from '../../src/layout/blocks.js';
import { columnLefts, columnOfPieces, gridOf, readingSegments } from '../../src/layout/columns.js';
import { attachDrawnMarkers, joinJustified, markAsides, mergeMarkers, pagePieces, type PLine } from '../../src/layout/geometry.js';
import { itemsToLines } from '../../src/load/pdf-lines.js';
import { formFields } from '../../src/layout/forms.js';
import { FIXTURES } from '../helpers.js';

let order = 0;
const piece = (text: string, x: number, y: number, width: number, size = 10): PLine => ({
  text,
  marker: null,
  x,
  markerX: x,
  y,
  right: x + width,
  size,
  bold: false,
  italic: false,
  page: 1,
  order: order++,
});

describe('joinJustified', () => {
  it('makes a line split at evenly stretched word gaps one piece', () => {
    const line = [piece('regeneration', 42, 100, 52), piece('programme', 103, 100, 48), piece('is', 159, 100, 6), piece('reaching', 173, 100, 35)];
    const out = joinJustified(line);
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toBe('regeneration programme is reaching');
    expect(out[0]!.right).toBe(208);
  });

  it('keeps a table row whose gutters follow its cells apart', () => {
    const row = [piece('Name', 47, 100, 21), piece('Role', 217, 100, 16), piece('Organisation', 387, 100, 45)];
    expect(joinJustified(row)).toHaveLength(3);
  });
});

describe('attachDrawnMarkers', () => {
  it('takes a small filled shape just left of a line, within its text height, as its bullet', () => {
    const [p] = attachDrawnMarkers([piece('Michael Brandon, Chief Executive', 94, 514.5, 200, 11)], [{ kind: 'mark', x: 82.5, y: 510, width: 3, height: 3, color: '#222222' }]);
    expect(p!.marker).toBe('•');
    expect(p!.markerX).toBe(82.5);
  });

  it('ignores a shape on another line or far from the text', () => {
    const shapes = [
      { kind: 'mark' as const, x: 82.5, y: 530, width: 3, height: 3, color: '#000000' },
      { kind: 'mark' as const, x: 10, y: 510, width: 3, height: 3, color: '#000000' },
    ];
    expect(attachDrawnMarkers([piece('Text', 94, 514.5, 50, 11)], shapes)[0]!.marker).toBeNull();
  });
});

describe('mergeMarkers', () => {
  it('keeps a number in a table row\'s first column as its own cell', () => {
    const row = [piece('1', 65, 136, 4.5, 12), piece('Develop a long-term', 100, 136, 99, 12), piece('Convene a partners', 230, 136, 100, 12)];
    expect(mergeMarkers(row).map((p) => p.text)).toEqual(['1', 'Develop a long-term', 'Convene a partners']);
  });

  it('merges a lettered marker set apart by a tab, with no space after it, into its item', () => {
    const out = mergeMarkers([piece('i.', 113, 300, 4, 12), piece('Concerns over accuracy of the EqIA', 137, 300, 180, 12)]);
    expect(out).toHaveLength(1);
    expect(out[0]!.marker).toBe('i.');
  });
});

describe('a bold item after a plain marker', () => {
  const run = (str: string, x: number, bold: boolean) => ({ str, x, y: 100, width: 6 * str.length, size: 12, bold, italic: false });

  it('is bold: the loader keeps the plain first run, layout says it is a marker', () => {
    const lines = itemsToLines([run('(a)', 77, false), run(' ', 95, false), run('Develop a clear vision', 100, true)]);
    expect(lines[0]!.bold).toBe(false);
    expect(lines[0]!.plainLead).toBe('(a)');
    expect(pagePieces({ number: 1, width: 600, height: 800, lines })[0]!.bold).toBe(true);
  });

  it('is not bold when the plain first run is a word', () => {
    const lines = itemsToLines([run('The', 77, false), run(' ', 95, false), run('council should', 100, true)]);
    expect(pagePieces({ number: 1, width: 600, height: 800, lines })[0]!.bold).toBe(false);
  });
});

describe('readingSegments', () => {
  // two columns of running text under a banded heading, a second band below
  const column = (x: number, y0: number, n: number) => Array.from({ length: n }, (_, i) => piece(`${x === 42 ? 'left' : 'right'} line ${i} of running text that wraps here`, x, y0 + 13.5 * i, i === n - 1 ? 120 : 244));
  const pieces = [piece('1. Introduction', 51, 89, 92, 15), ...column(42, 118, 8), ...column(309, 118, 6), piece('2. Key recommendations', 51, 306, 154, 15), ...column(42, 334, 5), ...column(309, 334, 5)];
  const bands = [
    { kind: 'fill' as const, x: 42, y: 71, width: 511, height: 29, color: '#00587c' },
    { kind: 'fill' as const, x: 42, y: 287, width: 511, height: 30, color: '#00587c' },
  ];

  it('reads a band column by column, and a banded heading across the page cuts the flow', () => {
    const segments = readingSegments(pieces, bands);
    const texts = segments.map((s) => s.pieces.map((p) => p.text.split(' ').slice(0, 3).join(' ')));
    expect(texts[0]).toEqual(['1. Introduction']);
    expect(texts[1]!.every((t) => t.startsWith('left'))).toBe(true);
    expect(texts[2]!.every((t) => t.startsWith('right'))).toBe(true);
    expect(texts[3]).toEqual(['2. Key recommendations']);
    expect(segments.map((s) => s.column === null)).toEqual([true, false, false, true, false, false]);
  });

  it('leaves a single-column page in content-stream order', () => {
    const single = Array.from({ length: 10 }, (_, i) => piece(`body line ${i} that runs across the whole measure of the page`, 42, 100 + 14 * i, 500));
    expect(readingSegments(single)).toEqual([{ pieces: single, column: null }]);
  });

  it('reads a page of more pieces than a function call takes arguments', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => piece('word', 40, i * 0.01, 460));
    expect(readingSegments(many)).toHaveLength(1);
  });

  it('keeps a table whose rows start together on both sides as one flow', () => {
    const rows = [0, 1, 2].flatMap((r) => [0, 1].flatMap((c) => [0, 1].map((l) => piece(`cell ${r}.${c} line ${l} with words to fill the width`, c ? 300 : 42, 100 + 40 * r + 13 * l, l ? 120 : 240))));
    expect(readingSegments(rows)).toHaveLength(1);
  });

  it("reads a page of a table's carried-over row under its repeated header as a table, not as text columns", () => {
    // header: three labels; below, text in the second and third columns only (the first is empty on this page)
    const header = [piece('on', 65, 114.8, 13), piece('Progress made', 152.8, 114.8, 72), piece('Next steps', 362.9, 114.8, 51)];
    const mid = Array.from({ length: 12 }, (_, i) => piece(`progress made on the action, line ${i}`, 152.8, 145.9 + 14.6 * i, i % 4 === 3 ? 90 : 196));
    const right = Array.from({ length: 10 }, (_, i) => piece(`the next steps, line ${i}`, 362.9, 145.9 + 14.6 * i, i % 5 === 4 ? 60 : 153));
    expect(readingSegments([...header, ...mid, ...right], [{ kind: 'rule', x: 58.8, y: 119.3, width: 466.8, height: 1.5, color: '#000000' }]).every((s) => s.column === null)).toBe(true);
  });

  it('reads two columns whose paragraphs happen to start on one shared baseline as columns', () => {
    // left: paragraphs start at 648 and 720; right at 661.5 and 720 (one baseline in common)
    const para = (x: number, y0: number, n: number) => Array.from({ length: n }, (_, i) => piece(`paragraph text at ${x}, line ${i}, running on`, x, y0 + 13.5 * i, i === n - 1 ? 100 : 244));
    const left = [...para(42.8, 602.3, 3), ...para(42.8, 648, 4), ...para(42.8, 720, 4)];
    const right = [...para(309.5, 602.3, 4), ...para(309.5, 661.5, 4), ...para(309.5, 720, 3)];
    expect(readingSegments([...left, ...right]).map((s) => s.column !== null)).toEqual([true, true]);
  });

  it('reads two columns of evenly spaced items as columns when the left one runs on into the right', () => {
    const item = (x: number, y: number, first: string, rest: string, last = false) => [piece(first, x, y, 237), piece(rest, x + 10, y + 13.5, last ? 227 : 143)];
    const left = [piece('Cabinet is asked to:', 42.8, 333, 78), ...item(49.9, 352.5, 'a. note the findings of the peer challenge feedback report', 'attached as Appendix B;'), ...item(49.5, 385.5, 'b. approve the action plan at Appendix A in response to', "the peer team's recommendations;"), ...item(50.6, 417.8, 'c. agree that progress against the action plan is reported', 'to the Overview and Scrutiny Committee every six', true)];
    const right = [piece('months;', 326.5, 333, 34), ...item(316.2, 352.5, 'd. note that the LGA will undertake a progress review with', 'the council in early 2024;'), ...item(316.5, 385.5, 'e. thank the members of the peer team, and all the', 'councillors, staff and partners who took part.')];
    const segments = readingSegments([...left, ...right]);
    expect(segments.map((s) => s.column !== null)).toEqual([true, true]);
    expect(segments[1]!.pieces[0]!.text).toBe('months;');
  });

  it('reads the last lines of two columns above a banded heading column by column', () => {
    // the band above the heading holds three lines: too few to judge alone, but it has the page's gutter
    const tail = [piece('R6: a recommendation whose text runs on to the next line', 42, 66, 244), piece('priorities for the borough.', 309, 66, 105), piece('and on again into the right-hand column', 42, 79.5, 244)];
    const below = [...column(42, 144, 6), ...column(309, 144, 6)];
    const heading = piece('6. Next steps', 51, 116, 80, 15);
    const segments = readingSegments([...tail, heading, ...below], [{ kind: 'fill', x: 42, y: 97, width: 511, height: 29, color: '#00587c' }]);
    expect(segments[0]!.pieces.map((p) => p.text)).toEqual([tail[0]!.text, tail[2]!.text]);
    expect(segments[1]!.pieces.map((p) => p.text)).toEqual([tail[1]!.text]);
  });

  it('does not split a short band of short lines (a title block) at the gutter', () => {
    const title = [piece('Carrowfield Borough Council', 42, 66, 119), piece('Feedback report', 309, 66, 66), piece('15 – 18 November 2022', 42, 85.5, 97)];
    const contents = piece('Contents, a line across the page between the title block and the columns', 47, 110, 500);
    const segments = readingSegments([...title, contents, ...column(42, 144, 6), ...column(309, 144, 6)]);
    expect(segments[0]).toEqual({ pieces: [...title, contents], column: null });
    expect(segments.slice(1).map((s) => s.column !== null)).toEqual([true, true]);
  });

  it('keeps reading a table as a table below a line that nearly closed its gutter', () => {
    // three cells side by side; the first column ends, then the two others run on like text columns
    const cells = (x: number, y0: number, n: number, w: number) => Array.from({ length: n }, (_, i) => piece(`cell text at ${x} line ${i} filling the cell`, x, y0 + 13 * i, i === n - 1 ? w / 2 : w));
    const top = [...cells(68, 288, 3, 80), ...cells(156, 298, 10, 200), ...cells(375, 298, 10, 165)];
    const closing = piece('a line of the middle cell that nearly meets the next', 156, 436, 212);
    const bottom = [...cells(156, 449, 10, 200), ...cells(375, 449, 10, 165)];
    const segments = readingSegments([...top, closing, ...bottom]);
    expect(segments.every((s) => s.column === null)).toBe(true);
  });
});

describe('columns across a document', () => {
  const body = (x: number, y0: number, n: number, w = 244) => Array.from({ length: n }, (_, i) => piece(`running text of the column at ${x}, line ${i}, filling it`, x, y0 + 13.5 * i, i === n - 1 ? w / 2 : w));
  const columnPage = [...body(42.75, 100, 10), ...body(309.5, 100, 10)];

  it("takes a column's left edge from the pages that agree, not from a page of list items", () => {
    // page 2's left column holds only items: markers at 49.5, text at 59.8
    const items = Array.from({ length: 10 }, (_, i) => piece(i % 3 ? `continuation of item ${i} in the column text` : `a. item ${i} of the list`, i % 3 ? 59.8 : 49.5, 100 + 13.5 * i, 227));
    const pages = [columnPage, [...items, ...body(316, 100, 10, 237)], columnPage].map((pieces) => ({ pieces, segments: readingSegments(pieces) }));
    const leftOf = columnLefts(pages);
    const column = pages[1]!.segments.find((s) => s.column && s.column[0] < 100)!.column!;
    expect(leftOf(column)).toBe(42.75);
  });

  it("reads short stretches of a page in the document's columns: the left side ran on into the right", () => {
    const grid = gridOf([{ pieces: columnPage, segments: readingSegments(columnPage) }]);
    expect(grid).toHaveLength(1);
    // a page with only two-line stretches of columns between full-width headings
    const stretch = (y: number) => [piece('4.1 Each recommendation has been assigned to a lead officer', 42.75, y, 244), piece('and the Leader meets the lead officers quarterly to review it.', 309.5, y, 244), piece('at Director level and to a lead Cabinet member. The', 42.75, y + 13.5, 244), piece('4.2 Progress against each action is rated.', 309.5, y + 13.5, 160)];
    const heading = (y: number) => piece('A heading right across the page from margin to margin, full width', 42.75, y, 510, 15);
    const page = [heading(80), ...stretch(110), heading(160), ...stretch(190)];
    expect(readingSegments(page).every((s) => s.column === null)).toBe(true);
    const withGrid = readingSegments(page, [], grid);
    expect(withGrid.filter((s) => s.column !== null)).toHaveLength(4);
  });

  it('reads a single-flow page of a document set in columns top to bottom, whatever order it was drawn in', () => {
    const grid = gridOf([{ pieces: columnPage, segments: readingSegments(columnPage) }]);
    const drawn = [piece('The Cabinet is asked to:', 42.75, 100, 96), piece('Community impact and contribution to the strategy', 42.75, 197, 220), piece('The feedback informs the leadership of the strategy', 42.75, 226, 244), piece('Note the feedback from the team', 55.5, 123, 154), piece('Endorse the framework to inform prioritisation', 55.5, 142, 212), piece('Endorse the proposed action plan', 55.5, 162, 160)];
    const order = (segments: { pieces: PLine[] }[]) => segments.flatMap((s) => s.pieces.map((p) => p.y));
    expect(order(readingSegments(drawn))).toEqual([100, 197, 226, 123, 142, 162]);
    expect(order(readingSegments(drawn, [], grid))).toEqual([100, 123, 142, 162, 197, 226]);
  });

  it('reads a ruled table whose borders are drawn cell by cell as one flow, not as columns per row', () => {
    const border = (y: number) => [
      { kind: 'rule' as const, x: 42, y, width: 256, height: 0.8, color: '#999999' },
      { kind: 'rule' as const, x: 298.5, y, width: 255, height: 0.8, color: '#999999' },
    ];
    const row = (y: number) => [0, 1, 2].flatMap((l) => [piece(`left cell text that wraps across its cell, line ${l}`, 47, y + 14 + 13 * l, l === 2 ? 100 : 240), piece(`right cell text that wraps across its cell, line ${l}`, 303, y + 14 + 13 * l, l === 2 ? 180 : 240)]);
    const rows = [100, 150, 200];
    const segments = readingSegments(rows.flatMap(row), [...rows, 250].flatMap(border));
    expect(segments.every((s) => s.column === null)).toBe(true);
  });
});

describe('markAsides', () => {
  const quote = [piece('"The council has always been there when', 326, 542, 216, 12), piece('we needed it. What we want now is for it', 326, 558, 216, 12), piece('to tell us where it wants to be." – partner', 326, 574, 200, 12)];
  const box = { kind: 'fill' as const, x: 309.8, y: 523.5, width: 243.8, height: 102, color: '#f6e7e8' };

  it('marks the lines inside a filled box narrower than the page as one aside', () => {
    const body = piece('Body text in the left column, outside the box, running on', 42, 550, 244);
    const out = markAsides([...quote, body].map((p) => ({ ...p })), [box], 595);
    expect(out.map((p) => p.aside)).toEqual([1, 1, 1, undefined]);
  });

  it("leaves a table's shaded row (fills edge to edge) and a banded heading (one line) alone", () => {
    const row = [{ ...box, x: 43.5, width: 255 }, { ...box, x: 298.5, width: 255 }];
    expect(markAsides(quote.map((p) => ({ ...p })), row, 595).every((p) => p.aside === undefined)).toBe(true);
    const band = { kind: 'fill' as const, x: 42.8, y: 97.5, width: 300, height: 29.3, color: '#00587c' };
    expect(markAsides([piece('6. Next steps', 51, 116, 80, 15)], [band], 595)[0]!.aside).toBeUndefined();
  });

  it('keeps an aside out of the body paragraph around it and out of the outline', async () => {
    const { layout } = await import('../../src/layout/index.js');
    const t = (text: string, x: number, y: number, width: number, size = 10) => ({ text, x, y, width, size, bold: false, italic: false });
    const raw = { format: 'pdf' as const, flow: false, pageCount: 1, furniture: [], pages: [{ number: 1, width: 595, height: 842, shapes: [box], lines: [
      t('The community grants programme is valued by the voluntary sector, and the council', 309.5, 497, 244),
      t('could move to three-year agreements with its key partners for greater', 309.5, 511, 244),
      ...quote.map((q) => t(q.text, q.x, q.y, q.right - q.x, 12)),
      t('stability, which the sector has asked for.', 309.5, 643, 160),
    ] }] };
    const blocks = layout(raw).value.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'aside', 'paragraph']);
  });
});

describe('columnOfPieces', () => {
  it('puts a run of lines inside one column in it, and a lone line or a line across the gutter nowhere', () => {
    const columns: [number, number][] = [
      [42, 298],
      [298, 553],
    ];
    const header = piece('Running header over the right column', 321, 31, 232);
    const list = [piece('Cllr Ann Rowbotham, Planning Portfolio Holder, Fellbeck', 55, 123, 231), piece('District Council', 55, 136, 61)];
    const across = piece('A heading that spans the page from one margin to the other', 42, 160, 500);
    const got = columnOfPieces([header, ...list, across], columns);
    expect(got.get(header)).toBeUndefined();
    expect(list.map((p) => got.get(p))).toEqual([columns[0], columns[0]]);
    expect(got.get(across)).toBeUndefined();
  });
});

describe('formFields', () => {
  it('reads a label column as fields and takes in the labelled paragraphs after it', () => {
    const t = tableBlock([
      { cells: ['By:', 'Anna Taylor, Scrutiny Research Officer'], header: false, page: 1 },
      { cells: ['To:', 'Cabinet - 4 March 2025'], header: false, page: 1 },
    ]);
    const blocks: Block[] = [t, textBlock('paragraph', 'Subject: Cabinet reconsideration of Decision 24/00093', { page: 1 }), textBlock('paragraph', 'Cabinet may confirm the decision.', { page: 1 })];
    const out = formFields(blocks);
    expect(out).toHaveLength(2);
    expect((out[0] as TableBlock).fields).toEqual([
      { label: 'By', value: 'Anna Taylor, Scrutiny Research Officer' },
      { label: 'To', value: 'Cabinet - 4 March 2025' },
      { label: 'Subject', value: 'Cabinet reconsideration of Decision 24/00093' },
    ]);
  });

  it('reads labelled paragraphs opening the first page after a cover page as a form', () => {
    const blocks: Block[] = [
      textBlock('heading', 'Report of the Chief Executive to the Overview and Scrutiny Committee', { page: 1, level: 0, cues: ['title', 'size', 'bold'] }),
      textBlock('paragraph', 'Subject: LGA Corporate Peer Challenge 2018 – six-month progress report', { page: 2 }),
      textBlock('paragraph', 'Report of: Chief Executive', { page: 2 }),
      textBlock('paragraph', 'Key decision: No', { page: 2 }),
      textBlock('heading', 'Purpose of the report', { page: 2, marker: '1.' }),
    ];
    const out = formFields(blocks);
    expect(out.map((b) => b.kind)).toEqual(['heading', 'table', 'heading']);
    expect((out[1] as TableBlock).fields?.map((f) => f.label)).toEqual(['Subject', 'Report of', 'Key decision']);
  });

  it('leaves an ordinary two-column table alone', () => {
    const t = tableBlock([
      { cells: ['Name', 'Role'], header: true, page: 1 },
      { cells: ['Sarah Quinlan', 'Director'], header: false, page: 1 },
    ]);
    expect((formFields([t])[0] as TableBlock).fields).toBeUndefined();
  });
});

describe('real council exports (fixtures/real: Word → PDF by the council\'s system)', () => {
  const files = ['kent-2025-scrutiny-callin-cabinet-report', 'kent-2025-ics-delivery-plan-cabinet-report', 'kent-2025-devolution-lgr-council-report'];
  const meetings: Record<string, string> = {
    'kent-2025-scrutiny-callin-cabinet-report': '2025-03-04',
    'kent-2025-ics-delivery-plan-cabinet-report': '2025-01-30',
    'kent-2025-devolution-lgr-council-report': '2025-03-13',
  };

  it.each(files)('%s: no one-word tables, the front block as fields, its meeting date', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'real', `${name}.pdf`)));
    const { value } = await extractBlocks(bytes, { file: `${name}.pdf` });
    const tables = value.blocks.filter((b): b is TableBlock => b.kind === 'table');
    // justified lines are paragraphs: no table whose cells are single words
    for (const t of tables) {
      // the words of the cells after a row's first (a label, a marker, a number)
      const cells = t.rows.flatMap((r) => r.cells.slice(1)).filter((c) => c.trim());
      expect(cells.filter((c) => !/\s/.test(c.trim())).length / cells.length, JSON.stringify(t.rows.slice(0, 2))).toBeLessThan(0.5);
    }
    expect(tables[0]?.fields?.map((f) => f.label)).toEqual(expect.arrayContaining(['To', 'Subject']));
    const report = await extractReport(bytes, { file: `${name}.pdf` });
    expect(report.value.report.dates.meeting).toBe(meetings[name]);
  });

  it('keeps wrapped lettered items as list items with their wrapped lines', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'real', 'kent-2025-scrutiny-callin-cabinet-report.pdf')));
    const { value } = await extractBlocks(bytes, { file: 'x.pdf' });
    const lettered = value.blocks.filter((b) => b.kind === 'list-item' && /^[a-j]\.$/.test(b.marker ?? ''));
    expect(lettered.map((b) => (b.kind === 'list-item' ? b.marker : '')).join('')).toContain('a.b.c.d.e.f.g.h.i.j.');
    const h = lettered.find((b) => b.kind === 'list-item' && b.marker === 'h.');
    expect(h && h.kind === 'list-item' ? h.text : '').toMatch(/0-25years, not only early years\.$/);
    // a number a wrapped sentence carried to the next line is not a list item
    expect(value.blocks.some((b) => b.kind === 'list-item' && b.text.startsWith('for calling-in'))).toBe(false);
  });
});
