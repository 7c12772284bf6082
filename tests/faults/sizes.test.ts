/**
 * Inputs valid but huge in one dimension. Here, what is deterministic: text the pattern engine or a
 * spread of arguments once overflowed the stack on, read now; long paragraphs read whole. How long
 * they take is measured by `npm run stress` (every place a report holds text × every kind of long
 * run, with a bound per case), not by a timed test.
 */
import { describe, expect, it } from 'vitest';
import { extractBlocks, extractReport } from '../../src/extract.js';
import { blockText } from '../../src/layout/blocks.js';
import { joinLines, joinWrapped } from '../../src/layout/join.js';
import { MAX_TEXT_CELLS } from '../../src/load/text.js';
import { documentXml, writeDocx } from '../support/docx-writer.js';

const words = ['council', 'peer', 'team', 'budget', 'plan', 'the', 'and', 'of', 'strategy', 'organis-'];
const line = (i: number) => Array.from({ length: 10 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
const utf8 = (s: string) => new TextEncoder().encode(s);
const codes = (r: Awaited<ReturnType<typeof extractReport>>) => r.messages.map((m) => m.code);
/** the text of each block layout found */
const blockTexts = async (bytes: Uint8Array, file: string) => (await extractBlocks(bytes, { file })).value.blocks.map(blockText);

describe('long paragraphs', () => {
  it('joinLines joins as joinWrapped does, line by line', () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(i));
    expect(joinLines(lines, null)).toBe(lines.reduce((acc, l) => joinWrapped(acc, l, null), ''));
  });

  it('a text paragraph of 40,000 wrapped lines is one paragraph with every word (the join took 28–47 s)', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => line(i));
    const bytes = utf8(`${lines.join('\n')}\n`);
    const r = await extractReport(bytes, { file: 'long.txt' });
    expect(r.value.source.format).toBe('txt');
    const rest = await blockTexts(bytes, 'long.txt');
    expect(rest).toHaveLength(1);
    // every line's words, those ending "organis-" joined to the next line's first
    expect(rest[0]!.split(' ').length).toBe(400_000 - lines.filter((l) => l.endsWith('-')).length);
    expect(rest[0]!.endsWith(lines[lines.length - 1]!)).toBe(true);
  });

  it('an HTML paragraph of 250,000 inline elements keeps every word (was over 300 s at 4 MB)', async () => {
    const html = `<html><body><h1>Anytown</h1><p>${Array.from({ length: 250_000 }, (_, i) => `<span>word${i} </span>`).join('')}</p></body></html>`;
    const r = await extractReport(utf8(html), { file: 'inline.html' });
    expect(r.value.sections[0]?.text).toBe(Array.from({ length: 250_000 }, (_, i) => `word${i}`).join(' '));
  });
});

describe('long runs that overflowed the stack ("internal error: Maximum call stack size exceeded")', () => {
  it('a Word paragraph that is one 8 MB word (a form-field label pattern)', async () => {
    const word = `A${'bcdefghij'.repeat(900_000)}`;
    const docx = await writeDocx(documentXml(['Anytown Council', 'Introduction', word]), { compression: 'STORE' });
    const r = await extractReport(docx, { file: 'word.docx' });
    expect(r.value.source.format).toBe('docx');
    expect(await blockTexts(docx, 'word.docx')).toContain(word);
  });

  it('an 8 MB heading of date-like tokens (the date-line pattern)', async () => {
    const heading = `and ${'1234567890'.repeat(800_000)}`;
    const r = await extractReport(utf8(`# Anytown Council\n\n## ${heading}\n\nThe council is well led.\n`), { file: 'dates.md' });
    expect(r.value.sections.map((s) => s.title.length)).toContain(heading.length);
  });

  it(`a line of 500,000 tab-separated cells is text, not a table row (more than ${MAX_TEXT_CELLS} cells; a spread over its cells)`, async () => {
    const row = Array.from({ length: 500_000 }, (_, i) => `c${i}`).join('\t');
    const bytes = utf8(`Anytown Council\n\n${row}\n`);
    const r = await extractReport(bytes, { file: 'tabs.txt' });
    expect(codes(r)).toContain('text/row-too-wide');
    expect((await blockTexts(bytes, 'tabs.txt')).some((t) => t.includes('c0 c1 c2') && t.endsWith('c499998 c499999'))).toBe(true);
  });

  it(`a table of ${MAX_TEXT_CELLS} tab-separated columns is still a table`, async () => {
    const row = (k: number) => Array.from({ length: MAX_TEXT_CELLS }, (_, i) => `r${k}c${i}`).join('\t');
    const bytes = utf8(`Anytown Council\n\n${row(1)}\n${row(2)}\n`);
    const r = await extractReport(bytes, { file: 'wide.txt' });
    expect(codes(r)).not.toContain('text/row-too-wide');
    expect(await blockTexts(bytes, 'wide.txt')).toContain(`${row(1)}\n${row(2)}`);
  });
});
