/**
 * What an input controls is bounded (issue: faults beyond bad bytes): list numbering and labels,
 * inputs that are not regular files, a stray NUL in text, CSV cells a spreadsheet would run,
 * control characters in printed names, an output over its input.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/load/docx-numbering.js';
import { extractReport } from '../../src/extract.js';
import { safeCell } from '../../src/emit/csv.js';
import { printable } from '../../src/runtime/io.js';
import { cpc, fixture } from '../helpers.js';
import { documentXml, writeDocx } from '../support/docx-writer.js';

const tmp = mkdtempSync(join(tmpdir(), 'cpc-bounds-'));
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A Word list whose numbering starts at `start` in `fmt`, three items long. */
async function numberedDocx(start: string, fmt: string): Promise<Uint8Array> {
  const item = (t: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const xml = documentXml(['Corporate Peer Challenge', 'The peer team recommends:']).replace('</w:body>', `${item('Refresh the plan')}${item('Invest in scrutiny')}${item('Review the budget')}</w:body>`);
  const numbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>';
  return writeDocx(xml, { parts: { 'word/numbering.xml': numbering, 'word/_rels/document.xml.rels': rels } });
}

describe('list numbering a document controls', () => {
  it('labels beyond Roman numerals (3999) and 20 repeated letters fall back to digits', () => {
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(3999, 'upperRoman')).toBe('MMMCMXCIX');
    expect(formatNumber(4000, 'upperRoman')).toBe('4000');
    expect(formatNumber(27, 'lowerLetter')).toBe('aa');
    expect(formatNumber(1e20, 'lowerLetter')).toBe('100000000000000000000');
    expect(formatNumber(1e20, 'lowerRoman')).toBe('100000000000000000000');
  });

  it.each([['lowerRoman'], ['upperLetter']])('a 2 KB Word file numbering from 1e20 in %s is read at once, its labels short', async (fmt) => {
    const bytes = await numberedDocx('100000000000000000000', fmt);
    expect(bytes.length).toBeLessThan(4096);
    // before: a label 1e20 characters long was built (V8 out of memory after ~75 s, or a 115 MB JSON)
    const { value } = await extractReport(bytes, { file: 'n.docx' });
    expect(JSON.stringify(value).length).toBeLessThan(100_000);
  });
});

describe('inputs that are not regular files', () => {
  it('a FIFO with no writer and a character device are refused before they are opened', () => {
    const fifo = join(tmp, 'r.pdf');
    execFileSync('mkfifo', [fifo]);
    const r = cpc(['extract', fifo], { timeout: 20_000 });
    expect(r).toMatchObject({ code: 1, stderr: `cpc: ${fifo}: input/not-a-file: is a named pipe (FIFO), not a regular file (pipe it in with - to read it as a stream)\n` });
    expect(cpc(['extract', '/dev/zero'], { timeout: 20_000 }).stderr).toMatch(/^cpc: \/dev\/zero: input\/not-a-file: is a character device/);
    expect(cpc(['text', '/dev/zero'], { timeout: 20_000 }).code).toBe(1);
  });

  it('a FIFO met on a batch walk is a failed entry, not opened and not passed over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-fifo-'));
    execFileSync('mkfifo', [join(dir, 'a.pdf')]);
    writeFileSync(join(dir, 'b.txt'), readFileSync(fixture('bury-2021-cpc-revisit.txt')));
    const r = cpc(['batch', dir, '--out', join(dir, '..', `${dir.split('/').pop()}-out`), '-q'], { timeout: 30_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cpc: a.pdf: input/not-a-file: a named pipe, socket or device, not a regular file: not opened');
    expect(r.stderr).toMatch(/2 files: 1 ok, 0 skipped, 1 failed/);
  });
});

describe('text with a stray NUL', () => {
  it('is read as text, the NUL removed with a warning', () => {
    const file = join(tmp, 'nul.txt');
    writeFileSync(file, 'Bury Council\n\nThe council\u0000 received a corporate peer challenge in 2021.\n');
    const r = cpc(['extract', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The council received a corporate peer challenge');
    expect(r.stderr).toContain(`cpc: ${file}: text/nul-removed: 1 NUL character (no text) removed`);
  });
});

describe('output safety', () => {
  it('CSV cells that a spreadsheet would run get an apostrophe (OWASP), unless --csv-raw', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(safeCell(cell)).toBe(`'${cell}`);
    expect(safeCell('Refresh the plan')).toBe('Refresh the plan');
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell('bell\u0007')).toBe('bell\\x07');
    const dir = mkdtempSync(join(tmpdir(), 'cpc-csv-'));
    const file = join(dir, '=cmd.txt');
    writeFileSync(file, readFileSync(fixture('bury-2021-cpc-revisit.txt')));
    const safe = cpc(['extract', '=cmd.txt', '-f', 'csv'], { cwd: dir }).stdout;
    expect(safe.split('\n')[1]).toMatch(/^'=cmd\.txt,/);
    expect(cpc(['extract', '=cmd.txt', '-f', 'csv', '--csv-raw'], { cwd: dir }).stdout.split('\n')[1]).toMatch(/^=cmd\.txt,/);
    const out = join(dir, 'out');
    expect(cpc(['batch', dir, '--out', out, '--index', join(dir, 'index.csv'), '-q']).code).toBe(0);
    expect(readFileSync(join(dir, 'index.csv'), 'utf8').split('\n')[1]).toMatch(/^'=cmd\.txt,/);
  });

  it('names printed to a terminal or log show control characters instead of obeying them', () => {
    expect(printable('a\nb\u001b[31mc\u0007')).toBe('a\\nb\\x1b[31mc\\x07');
    const dir = mkdtempSync(join(tmpdir(), 'cpc-names-'));
    const name = 'evil\n[1 of 1] ok      forged.pdf\u001b[2J.pdf';
    writeFileSync(join(dir, name), 'not a pdf');
    const r = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'cpc.js'), 'extract', name], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^cpc: evil\\n\[1 of 1\] ok {6}forged\.pdf\\x1b\[2J\.pdf: input\/wrong-type: /), '']);
  });

  it('an output never replaces an input', () => {
    const file = join(tmp, 'r.txt');
    const original = readFileSync(fixture('bury-2021-cpc-revisit.txt'));
    writeFileSync(file, original);
    const r = cpc(['extract', file, '-o', file]);
    expect(r).toMatchObject({ code: 2, stderr: `cpc: ${file}: would write over the input ${file}; cpc never replaces an input: name another output\n` });
    expect(readFileSync(file).equals(original)).toBe(true);
  });
});
