import { describe, expect, it } from 'vitest';
import type { RawLine, RawPage } from '../../src/load/raw.js';
import { layout, type TextBlock } from '../../src/layout/index.js';

/** A positioned piece, as the PDF loader gives them (baseline y from the top, in points). */
const t = (text: string, x: number, y: number, width = text.length * 6, extra: Partial<RawLine> = {}): RawLine => ({
  text, x, y, width, size: 12, bold: false, italic: false, ...extra,
});

function pdf(pages: RawLine[][]) {
  const raw: RawPage[] = pages.map((lines, i) => ({ number: i + 1, width: 595, height: 842, lines }));
  return layout({ format: 'pdf', flow: false, pages: raw, pageCount: raw.length, furniture: [] }).value;
}

describe('positioned layout', () => {
  it('joins wrapped lines, splits paragraphs at gaps and turns bullet pieces into list items', () => {
    const { blocks } = pdf([
      [
        t('Scope and focus', 65, 100, 100, { bold: true }),
        t('The peer team were asked to consider the progress made since January', 65, 124, 460),
        t('2018 and to make recommendations for continued improvement in the', 65, 138, 450),
        t('councils.', 65, 152, 54),
        t('•', 77, 176, 7),
        t('Pause and reflect on the shared service journey to date – celebrate', 101, 176, 420),
        t('your success', 101, 190, 70),
        t('•', 77, 204, 7),
        t('Spend more time together', 101, 204, 160),
      ],
    ]);
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : [b.kind, b.marker, b.text]))).toEqual([
      ['heading', null, 'Scope and focus'],
      ['paragraph', null, 'The peer team were asked to consider the progress made since January 2018 and to make recommendations for continued improvement in the councils.'],
      ['list-item', '•', 'Pause and reflect on the shared service journey to date – celebrate your success'],
      ['list-item', '•', 'Spend more time together'],
    ]);
  });

  it('rebuilds a table written cell by cell, with multi-line cells and an empty cell', () => {
    const { blocks } = pdf([
      [
        t('Intro paragraph that spans the full width of the text block here.', 65, 100, 460),
        // row 1, written cell by cell
        t('Term', 65, 130, 30), t('Meaning', 300, 130, 50),
        // row 2: the first cell wraps over two lines
        t('Corporate', 65, 150, 60), t('Peer Challenge', 65, 164, 90), t('A review by peers', 300, 150, 110),
        // row 3: second cell empty
        t('Open', 65, 184, 30),
        // row 4
        t('LGA', 65, 202, 25), t('Local Government Association', 300, 202, 170),
        t('A closing paragraph that again spans the full width of the text.', 65, 240, 460),
      ],
    ]);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r.cells)).toEqual([
      ['Term', 'Meaning'],
      ['Corporate Peer Challenge', 'A review by peers'],
      ['Open', ''],
      ['LGA', 'Local Government Association'],
    ]);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
  });

  it('runs a paragraph on across a page break when its last line was full', () => {
    const { blocks } = pdf([
      [
        t('First paragraph line that is full and runs right up to the margin of', 65, 700, 460),
        t('the page where it is then cut by the page break in the middle of a', 65, 714, 460),
      ],
      [t('sentence that ends here.', 65, 90, 150), t('A new paragraph.', 65, 124, 100)],
    ]);
    expect(blocks.map((b) => (b.kind === 'table' ? '' : b.text))).toEqual([
      'First paragraph line that is full and runs right up to the margin of the page where it is then cut by the page break in the middle of a sentence that ends here.',
      'A new paragraph.',
    ]);
    expect(blocks[0]!.page).toBe(1);
    expect(blocks[0]!.pageEnd).toBe(2);
  });

  it("takes a paragraph set at a list item's text indent as a further paragraph of that item", () => {
    const { blocks } = pdf([
      [
        t('5.1 The recommendations are set out below with their status and a commentary on', 65, 100, 460),
        t('progress.', 65, 114, 50),
        t('(a)', 77, 138, 15),
        t('Develop a clear and compelling long-term vision for the borough as a', 101, 138, 420),
        t('place, shared with partners.', 101, 152, 170),
        t('Status: Amber', 101, 176, 80),
        t('A series of workshops was held between April and June with the', 101, 200, 410),
        t('partnership board.', 101, 214, 110),
        t('(b)', 77, 238, 15),
        t('Refresh the corporate plan.', 101, 238, 170),
        t('5.2 In summary, three of the eight recommendations are rated green.', 65, 262, 420),
      ],
    ]);
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : [b.kind, b.marker, b.level]))).toEqual([
      ['paragraph', '5.1', null],
      ['list-item', '(a)', 0],
      ['list-item', null, 0],
      ['list-item', null, 0],
      ['list-item', '(b)', 0],
      ['paragraph', '5.2', null],
    ]);
  });

  it('keeps numbers set right-aligned at one level: 9. and 10. start apart, their text together', () => {
    const item = (n: number, y: number) => [t(`${n}.`, n < 10 ? 83 : 77, y, n < 10 ? 9 : 15), t(`Recommendation number ${n} of the peer team for the council`, 101, y, 330)];
    const { blocks } = pdf([[t('The peer team made these recommendations to the councils:', 65, 80, 340), ...[8, 9, 10, 11].flatMap((n, i) => item(n, 104 + 24 * i))]]);
    const items = blocks.filter((b): b is TextBlock => b.kind === 'list-item');
    expect(items.map((b) => [b.marker, b.level])).toEqual([['8.', 0], ['9.', 0], ['10.', 0], ['11.', 0]]);
  });

  it('keeps a run of consecutive numbers at one level when each number shares its run with the text', () => {
    const item = (n: number, y: number) => t(`${n}. Recommendation number ${n} of the peer team`, n < 10 ? 85 : 77, y, 300);
    const { blocks } = pdf([[t('The peer team made these recommendations to the councils:', 65, 80, 340), ...[8, 9, 10, 11].map((n, i) => item(n, 104 + 24 * i))]]);
    const items = blocks.filter((b): b is TextBlock => b.kind === 'list-item');
    expect(items.map((b) => [b.marker, b.level])).toEqual([['8.', 0], ['9.', 0], ['10.', 0], ['11.', 0]]);
  });

  it('ends a heading set in its own colour and weight where the body begins, though its last line is full', () => {
    const red = { bold: true, color: '#b5121b', size: 10.5 };
    const { blocks } = pdf([[
      t('Recommendation 7 - use communications to full effect', 65, 100, 400, red),
      t('throughout the council, to engage with customers and', 65, 114, 452, red),
      t('Given its suggested health check of the communications service, the council', 65, 128, 455, { color: '#1d1d1b', size: 10.5 }),
      t('should act on it as soon as it can and report on its progress to the members.', 65, 142, 440, { color: '#1d1d1b', size: 10.5 }),
      t('A bold lead-in sentence in the theme colour that wraps on to the', 65, 170, 452, red),
      t('next line in lower case, where the plain text of its sentence continues on.', 65, 184, 440, { color: '#1d1d1b', size: 10.5 }),
    ]]);
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : b.text.split(' ').slice(0, 2).join(' ')))).toEqual(['Recommendation 7', 'Given its', 'A bold']);
  });

  it('wraps a numbered paragraph set flush back under its number', () => {
    const { blocks } = pdf([[
      t('2.7', 65, 100, 13),
      t('Work with others to co-design the community engagement strategy and the', 86, 100, 439),
      t('workforce plan, so that the two support each other across the council.', 65, 114, 420),
    ]]);
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : [b.marker, b.text]))).toEqual([
      ['2.7', 'Work with others to co-design the community engagement strategy and the workforce plan, so that the two support each other across the council.'],
    ]);
  });

  it('takes a bold header row set above a table, its labels centred in the columns, into the table', () => {
    const head = { bold: true, size: 9.5 };
    const cell = { size: 9.5 };
    const { blocks } = pdf([[
      t('Summary of progress made to date', 65, 80, 190, { bold: true }),
      t('LGA', 98, 110, 20, head), t('Progress made', 228, 110, 69, head), t('Next steps', 436, 110, 48, head),
      t('Recommendation', 69, 123, 80, head),
      // each row's first cell starts a little above the others (cells aligned to different baselines)
      ...[0, 1, 2].flatMap((i) => [0, 1, 2].flatMap((l) => [t(`Recommendation ${i + 1} line ${l}`, 68, 143 + 60 * i + 12.8 * l, 76, cell), t(`Progress on recommendation ${i + 1}, line ${l} of it`, 156, 152.8 + 60 * i + 12.8 * l, 200, cell), t(`Next steps for recommendation ${i + 1}, ${l}`, 375, 152.8 + 60 * i + 12.8 * l, 164, cell)])),
    ]]);
    const table = blocks.find((b) => b.kind === 'table');
    // the label's second line ("Recommendation") joins the header row
    expect(table && table.kind === 'table' ? table.rows[0]!.cells : null).toEqual(['LGA Recommendation', 'Progress made', 'Next steps']);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.kind !== 'table' && b.text)).toEqual(['Summary of progress made to date']);
  });

  it("reads a table whose centred header labels leave a gutter that the wider cells below cross as one table", () => {
    const head = { bold: true };
    const { blocks } = pdf([[
      t('Year', 68, 100, 24, head), t('Recommendation', 220, 100, 90, head), t('Peer team assessment', 400, 100, 120, head),
      ...['Shared vision', 'Financial resilience and reserves', 'Senior management capacity', 'Use of assets'].flatMap((r, i) => [t('2016', 68, 120 + 16 * i, 24), t(r, 130, 120 + 16 * i, r.length * 6), t('Addressed', 400, 120 + 16 * i, 54)]),
    ]]);
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.kind === 'table' && tables[0]!.rows.map((r) => r.cells.length)).toEqual([3, 3, 3, 3, 3]);
  });

  it("takes a paragraph after an item's sub-items, at the item's own text indent, as a further paragraph of the item", () => {
    const { blocks } = pdf([[
      t('The peer team recommends that the council should act on these points:', 65, 80, 400),
      t('2.', 77, 104, 12), t('Put the medium-term financial strategy on a sustainable footing:', 101, 104, 380),
      t('a.', 113, 128, 10), t('identify savings proposals for the whole of the gap;', 137, 128, 300),
      t('b.', 113, 152, 10), t('set a clear reserves policy for the next three years;', 137, 152, 300),
      t('The peer team recognises that front-line services have been protected well.', 101, 176, 400),
      t('3.', 77, 200, 12), t('Strengthen the corporate grip on the transformation programme.', 101, 200, 370),
    ]]);
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : [b.kind, b.marker, b.level]))).toEqual([
      ['paragraph', null, null],
      ['list-item', '2.', 0],
      ['list-item', 'a.', 1],
      ['list-item', 'b.', 1],
      ['list-item', null, 0],
      ['list-item', '3.', 0],
    ]);
  });

  it('keeps a hand-broken title in display type together', () => {
    const title = { bold: true, size: 30 };
    const { blocks } = pdf([[
      t('Eastwold District Council', 80, 166, 250, title),
      t('Corporate Peer Challenge', 80, 199, 250, title),
      t('Feedback Report', 80, 232, 209, title),
      t('The council invited the peer team to carry out a corporate peer challenge in March.', 65, 300, 460),
    ]]);
    expect(blocks[0]!.kind !== 'table' && blocks[0]!.text).toBe('Eastwold District Council Corporate Peer Challenge Feedback Report');
  });

  it('takes a long bold line set apart and ending as no sentence does for a heading, a bold lead-in for a paragraph', () => {
    const bold = { bold: true };
    const { blocks } = pdf([[
      t('Recommendations 1 and 2 - develop and lead a long-term vision for the district with', 65, 100, 455, bold),
      t('partners, and review the corporate plan to drive the council and its priorities', 65, 114, 450, bold),
      t('forward, post pandemic', 65, 128, 130, bold),
      t('The council has made good progress on both of these recommendations since the visit.', 65, 152, 455),
      t('In particular, the council has taken the following steps to strengthen its governance', 65, 176, 455, bold),
      t('arrangements and the way it works with partners across the district and beyond:', 65, 190, 440, bold),
      t('It has refreshed the constitution and agreed a new protocol for members and officers.', 65, 214, 455),
    ]]);
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('runs a sentence on past a wrapped line that starts with a number and a capital ("10 January")', () => {
    const { blocks } = pdf([[
      t('The Minister wrote to council leaders setting out next steps, including a deadline of', 65, 100, 455),
      t('10 January 2025 for formal requests for areas to be included in the programme.', 65, 114, 440),
    ]]);
    expect(blocks).toHaveLength(1);
  });

  it("folds a header label centred clear of its column's cells into that column, and leaves the heading above the table out", () => {
    const head = { bold: true, size: 9.5 };
    const cell = { size: 9.5 };
    const { blocks } = pdf([[
      t('The peer team', 65, 160, 85, { bold: true, size: 14 }),
      t('Peer', 175, 171, 21, head), t('Role', 416, 171, 21, head),
      ...['Jonathan Greer', 'Cllr Bernadette Quinn', 'Cllr Ian Stanforth'].flatMap((n, i) => [t(n, 68, 190 + 20 * i, n.length * 5), t('Chief Executive, Haverleigh Borough Council', 309, 190 + 20 * i, 189, cell)]),
    ]]);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' ? table.rows.map((r) => r.cells.join('|')) : null).toEqual(['Peer|Role', ...['Jonathan Greer', 'Cllr Bernadette Quinn', 'Cllr Ian Stanforth'].map((n) => `${n}|Chief Executive, Haverleigh Borough Council`)]);
    expect(blocks[0]!.kind !== 'table' && blocks[0]!.text).toBe('The peer team');
  });
});

