import { describe, expect, it } from 'vitest';
import { decodeText, MAX_TEXT_CELLS, stripInlineMarkdown, textToPages } from '../../src/load/text.js';

describe('text loader', () => {
  it('strips Markdown emphasis, links and images but keeps the words', () => {
    expect(stripInlineMarkdown('**Blaby DC should** act *now* — see [the report](http://x) ![logo](l.png)')).toBe('Blaby DC should act now — see the report ');
    expect(stripInlineMarkdown('24. *Under section 149 of the Act')).toBe('24. Under section 149 of the Act');
    expect(stripInlineMarkdown('the person;*')).toBe('the person;');
  });

  it('turns tab-separated and pipe rows into table cells', () => {
    const [page] = textToPages('Intro\n\nTerm\tMeaning\nLGA\tLocal Government Association\n\n| A | B |\n|---|---|\n| 1 | 2 |\n').pages;
    const cells = page!.lines.filter((l) => l.hint?.cell).map((l) => [l.text, l.hint!.cell!.table, l.hint!.cell!.row, l.hint!.cell!.col, l.hint!.cell!.header]);
    expect(cells).toEqual([
      ['Term', 1, 0, 0, false],
      ['Meaning', 1, 0, 1, false],
      ['LGA', 1, 1, 0, false],
      ['Local Government Association', 1, 1, 1, false],
      ['A', 2, 0, 0, true],
      ['B', 2, 0, 1, true],
      ['1', 2, 1, 0, false],
      ['2', 2, 1, 1, false],
    ]);
  });

  it('splits pages at form feeds and reads Markdown headings', () => {
    const { pages } = textToPages('# Title\nOne\fTwo');
    expect(pages.map((p) => p.number)).toEqual([1, 2]);
    expect(pages[0]!.lines[0]).toMatchObject({ text: 'Title', hint: { heading: 1 } });
  });

  it('cuts a Markdown heading\'s closing hashes, and only those', () => {
    const heading = (line: string) => textToPages(line).pages[0]!.lines[0];
    expect(heading('## Findings ##')).toMatchObject({ text: 'Findings', hint: { heading: 2 } });
    expect(heading('### C# ###')).toMatchObject({ text: 'C#', hint: { heading: 3 } });
    expect(heading('#  Spaced   title  #  ')).toMatchObject({ text: 'Spaced title', hint: { heading: 1 } });
    expect(heading('####### seven')!.hint).toBeUndefined();
    expect(heading(`## a${' '.repeat(100_000)}b`)).toMatchObject({ text: 'a b', hint: { heading: 2 } });
  });

  it('reads a line of more cells than a table has columns as text, and counts it', () => {
    const row = (n: number, sep: string) => Array.from({ length: n }, (_, i) => `c${i}`).join(sep);
    const at = (n: number, sep: string) => textToPages(`${sep === '|' ? `|${row(n, '|')}|` : row(n, sep)}\n`);
    expect(at(MAX_TEXT_CELLS, '\t')).toMatchObject({ wideRows: 0 });
    expect(at(MAX_TEXT_CELLS, '\t').pages[0]!.lines).toHaveLength(MAX_TEXT_CELLS);
    for (const sep of ['\t', '|']) {
      const wide = at(MAX_TEXT_CELLS + 1, sep);
      expect(wide.wideRows).toBe(1);
      expect(wide.pages[0]!.lines).toHaveLength(1);
      expect(wide.pages[0]!.lines[0]!.hint?.cell).toBeUndefined();
      expect(wide.pages[0]!.lines[0]!.text).toContain(`c0`);
      expect(wide.pages[0]!.lines[0]!.text).toContain(`c${MAX_TEXT_CELLS}`);
    }
  });

  it('decodes UTF-16 and falls back to Windows-1252', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0, 0x42, 0]))).toEqual({ text: 'AB', guessed: false });
    expect(decodeText(Uint8Array.from([0x93, 0x51, 0x94]))).toEqual({ text: '“Q”', guessed: true });
  });
});
