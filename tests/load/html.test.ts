import { describe, expect, it } from 'vitest';
import { htmlToLines, loadHtml } from '../../src/load/html.js';
import { layout } from '../../src/layout/index.js';

describe('htmlToLines', () => {
  it('keeps headings, list markers (with start values), tables and page order', () => {
    const { lines } = htmlToLines(`
      <h1>1. Introduction</h1><p>Body <b>text</b>.</p>
      <ol start="3"><li>Third</li><li>Fourth<ul><li>Nested</li></ul></li></ol>
      <table><thead><tr><th>Recommendation</th><th>Progress</th></tr></thead>
      <tbody><tr><td>1. Do it</td><td><p>Done.</p><p>More.</p></td></tr></tbody></table>`);
    expect(lines.map((l) => l.text)).toEqual(['1. Introduction', 'Body text.', 'Third', 'Fourth', 'Nested', 'Recommendation', 'Progress', '1. Do it', 'Done.', 'More.']);
    expect(lines[0]!.hint?.heading).toBe(1);
    expect(lines.slice(2, 5).map((l) => l.hint?.list)).toEqual([
      { marker: '3.', level: 0, ordered: true },
      { marker: '4.', level: 0, ordered: true },
      { marker: '•', level: 1, ordered: false },
    ]);
    expect(lines[5]!.hint?.cell).toEqual({ table: 1, row: 0, col: 0, header: true });
    expect(lines[9]!.hint?.cell).toEqual({ table: 1, row: 1, col: 1, header: false });
  });

  it('drops footnote references, images, scripts and site chrome (reported as furniture)', () => {
    const { lines, furniture } = htmlToLines(`<header>Council website</header><nav>Home | News</nav>
      <main><p>Transformation<sup><a href="#footnote-1">[1]</a></sup> matters.<img alt="Decorative arrows"></p><script>x()</script></main>
      <footer>© Council</footer>`);
    expect(lines.map((l) => l.text)).toEqual(['Transformation matters.']);
    expect(furniture).toEqual([]); // chrome outside <main> is not walked at all
    const page = htmlToLines('<body><nav>Menu</nav><p>Report</p><footer>Page footer</footer></body>');
    expect(page.lines.map((l) => l.text)).toEqual(['Report']);
    expect(page.furniture).toEqual(['Menu', 'Page footer']);
  });

  it.each([
    ['pandoc\'s title block', '<header id="title-block-header"><h1 class="title">Progress Review Anytown Council</h1></header>', ['Progress Review Anytown Council', 'Report'], []],
    ['a site header with its menu', '<header><h1>Anytown Council</h1><ul><li>Home</li><li>News</li></ul></header>', ['Report'], ['Anytown Council Home News']],
    ['a site header of links', '<header><nav>Home | News</nav><h1>Anytown Council</h1></header>', ['Report'], ['Home | News Anytown Council']],
  ])('keeps a <header> holding the document title as text, not one holding navigation: %s', (_name, header, text, furniture) => {
    const page = htmlToLines(`<body>${header}<p>Report</p></body>`);
    expect(page.lines.map((l) => l.text)).toEqual(text);
    expect(page.furniture).toEqual(furniture);
  });

  it('marks a whole bold paragraph bold', () => {
    const { lines } = htmlToLines('<p><strong>Peer team</strong></p><p>Mixed <strong>bold</strong> text</p>');
    expect(lines.map((l) => l.bold)).toEqual([true, false]);
  });

  it('loads a saved web page as one unpaged document', () => {
    const r = loadHtml(new TextEncoder().encode('<!doctype html><meta charset="utf-8"><h2>Key recommendations</h2><ol><li>One</li></ol>'));
    expect(r.value.format).toBe('html');
    expect(r.value.pages).toHaveLength(1);
    expect(r.value.pages[0]!.number).toBeNull();
  });

  it('reads a page nested 10,000 elements deep without overflowing the stack (the text deep down as plain text)', () => {
    const n = 10_000;
    const { lines, furniture } = htmlToLines(`<html><body><h1>Title</h1>${'<div>'.repeat(n)}Deep <b>text</b><script>no</script>${'</div>'.repeat(n)}<nav>${'<span>'.repeat(n)}Menu${'</span>'.repeat(n)}</nav></body></html>`);
    expect(lines.map((l) => l.text)).toEqual(['Title', 'Deep text']);
    expect(furniture).toEqual(['Menu']);
  });

  it("keeps a list item's further paragraphs apart from its first, as marker-less items of the list", () => {
    const { lines } = htmlToLines('<ol type="a"><li><p><strong>Develop a clear vision.</strong></p><p>Status: Amber</p><p>A series of workshops was held.</p></li><li><p>Refresh the plan.</p></li></ol><p>After the list.</p>');
    const { blocks } = layout({ format: 'html', flow: true, pages: [{ number: null, width: 0, height: 0, lines }], pageCount: null, furniture: [] }).value;
    expect(blocks.map((b) => (b.kind === 'table' ? 'table' : [b.kind, b.marker, b.level, b.text]))).toEqual([
      ['list-item', 'a.', 0, 'Develop a clear vision.'],
      ['list-item', null, 0, 'Status: Amber'],
      ['list-item', null, 0, 'A series of workshops was held.'],
      ['list-item', 'b.', 0, 'Refresh the plan.'],
      ['paragraph', null, null, 'After the list.'],
    ]);
  });

  it('reads a pull quote or an <aside> as an aside, apart from the paragraphs around it', () => {
    const { lines } = htmlToLines('<p>Before the quote.</p><div class="pullquote"><p>"The council has always been there." – partner</p></div><aside><p>Key facts</p></aside><p>After it.</p>');
    const { blocks } = layout({ format: 'html', flow: true, pages: [{ number: null, width: 0, height: 0, lines }], pageCount: null, furniture: [] }).value;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'aside', 'aside', 'paragraph']);
  });
});

