/** The outputs people look at, through the built binary: xlsx, CSV tables, Markdown and text. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpc } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cpc-out-'));
const CABINET = 'fixtures/bury-2021-cabinet-report.docx';

describe('cpc extract --format xlsx and csv', () => {
  it('writes a workbook to a file, and to stdout when it is not a terminal', () => {
    const file = join(tmp, 'r.xlsx');
    expect(cpc(['extract', CABINET, 'fixtures/bury-2021-cpc-revisit.pdf', '-f', 'xlsx', '-o', file]).code).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('xl/worksheets/sheet5.xml'))).toBe(true);
    const piped = cpc(['extract', CABINET, '-f', 'xlsx']);
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith('PK')).toBe(true);
  });

  it('writes any table as CSV, with a byte-order mark on request; --table needs --format csv', () => {
    const r = cpc(['extract', CABINET, '-f', 'csv', '--table', 'decisions', '--bom']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('\uFEFFfile,id,text,body,sectionId,page');
    expect(r.stdout).toMatch(/\nfixtures\/bury-2021-cabinet-report\.docx,decision-1,/);
    const wrong = cpc(['extract', CABINET, '--table', 'peers']);
    expect(wrong).toMatchObject({ code: 2, stdout: '', stderr: 'cpc: --table, --bom and --csv-raw shape CSV output: add --format csv\n' });
  });
});

describe('cpc text', () => {
  it('prints Markdown by default, plain text with -f text, the blocks with -f blocks', () => {
    const md = cpc(['text', CABINET]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^#{1,2} /m);
    expect(md.stdout).not.toContain('[#0 ');
    const text = cpc(['text', CABINET, '-f', 'text']).stdout;
    expect(text).not.toMatch(/^#{1,6} /m);
    expect(text.replace(/\s+/g, ' ')).toContain(md.stdout.split('\n').find((l) => /^[A-Z][a-z]/.test(l) && l.length > 80)!.replace(/\\(.)/g, '$1').replace(/\s+/g, ' '));
    expect(cpc(['text', CABINET, '-f', 'blocks']).stdout).toMatch(/^\[#0 /m);
  });
});
