import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/model/validate.js';
import { cpc, ROOT } from '../helpers.js';
import { writePdf } from '../support/pdf-writer.js';

// an ANSI escape sequence (colour)
const ANSI = new RegExp(String.fromCharCode(27) + '\\[');
const tmp = mkdtempSync(join(tmpdir(), 'cpc-cli-'));
const PDF = 'fixtures/bromsgrove-redditch-2020-follow-up.pdf';

describe('cpc extract', () => {
  it('prints one report as JSON that passes the schema', () => {
    const r = cpc(['extract', PDF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(validateReport(report).ok).toBe(true);
    expect(report.source).toMatchObject({ file: PDF, name: 'bromsgrove-redditch-2020-follow-up.pdf', format: 'pdf', pages: 9 });
    expect(report.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.sections.length).toBeGreaterThan(5);
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    expect(cpc(['extract', PDF]).stdout).toBe(cpc(['extract', PDF]).stdout);
  });

  it('writes YAML that mirrors the JSON, and CSV with a header', () => {
    const json = JSON.parse(cpc(['extract', 'fixtures/bury-2021-cpc-revisit.docx']).stdout);
    const yaml = parseYaml(cpc(['extract', 'fixtures/bury-2021-cpc-revisit.docx', '--format', 'yaml']).stdout);
    expect(yaml).toEqual(json);
    const csv = cpc(['extract', 'fixtures/bury-2021-cpc-revisit.docx', '--format', 'csv']).stdout;
    expect(csv.split('\n')[0]).toBe('file,id,council,kind,year,cycle,recYear,number,title,text,page,sectionId,section,progress,nextSteps,status,owner,due,rule,confidence');
  });

  it('writes one file per input into a directory with -o dir/', () => {
    const out = join(tmp, 'out') + '/';
    const r = cpc(['extract', PDF, 'fixtures/bury-2021-cpc-revisit.docx', '-o', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['bromsgrove-redditch-2020-follow-up.json', 'bury-2021-cpc-revisit.json']);
    expect(cpc(['validate', join(out, 'bury-2021-cpc-revisit.json')]).code).toBe(0);
  });

  it('names the file in a one-line error and exits 1 for a missing or unreadable input', () => {
    const missing = cpc(['extract', 'nope/missing.pdf']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('cpc: nope/missing.pdf: input/not-found: no such file\n');

    const junk = join(tmp, 'random.pdf');
    writeFileSync(junk, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 17) % 256)));
    const r = cpc(['extract', junk]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('random.pdf');
    expect(r.stderr).toMatch(/not a PDF, Word/);
  });

  it('keeps the good outputs when one of several inputs fails', () => {
    const r = cpc(['extract', 'missing.pdf', 'fixtures/blaby-2022-progress-review.txt']);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.stdout);
    expect(reports).toHaveLength(1);
    expect(reports[0].source.name).toBe('blaby-2022-progress-review.txt');
  });

  it('exits 2 on a usage error', () => {
    expect(cpc(['extract']).code).toBe(2);
    expect(cpc(['extract', PDF, '--format', 'xml']).code).toBe(2);
    expect(cpc(['frobnicate']).code).toBe(2);
  });

  it('shows examples in --help', () => {
    const r = cpc(['extract', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Exit codes:');
  });
});

describe('encrypted PDFs', () => {
  const locked = join(tmp, 'locked.pdf');
  const ownerOnly = join(tmp, 'owner-only.pdf');
  const pages = [{ lines: ['Corporate Peer Challenge', 'Key recommendations', 'A paragraph of body text about the council and its plans.'] }];
  beforeAll(() => {
    writeFileSync(locked, writePdf(pages, { encrypt: { userPassword: 'user-secret', ownerPassword: 'owner-secret' } }));
    writeFileSync(ownerOnly, writePdf(pages, { encrypt: { userPassword: '', ownerPassword: 'owner-secret' } }));
  });

  it('exits 3 without the password, and with a wrong one', () => {
    const r = cpc(['extract', locked]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/locked\.pdf: input\/encrypted: the PDF is encrypted; pass its password with --password/);
    expect(cpc(['extract', locked, '--password', 'wrong']).stderr).toMatch(/password is incorrect/);
  });

  it('reads it with --password, and reads an owner-password-only PDF without one', () => {
    const withPassword = cpc(['extract', locked, '--password', 'user-secret']);
    expect(withPassword.code).toBe(0);
    expect(JSON.parse(withPassword.stdout).source).toMatchObject({ format: 'pdf', pages: 1 });
    const owner = cpc(['text', ownerOnly]);
    expect(owner.code).toBe(0);
    expect(owner.stdout).toContain('Key recommendations');
  });
});

describe('cpc text', () => {
  it('prints blocks with page markers and kinds (-f blocks), without colour when piped', () => {
    const r = cpc(['text', PDF, '-f', 'blocks']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('── page 1 ──');
    expect(r.stdout).toMatch(/\[#\d+ heading[^\]]*\] 1\. Introduction and purpose/);
    expect(r.stdout).toMatch(/\[#\d+ list 0\] • Pause and reflect/);
    expect(r.stdout).toMatch(/\[furniture\] 18 Smith Square/);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('colours with FORCE_COLOR and not with NO_COLOR', () => {
    expect(cpc(['text', PDF, '-f', 'blocks'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(cpc(['text', PDF, '-f', 'blocks'], { env: { FORCE_COLOR: '', NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });

  it('prints the blocks as JSON with --json', () => {
    const r = JSON.parse(cpc(['text', 'fixtures/bradford-2018-scrutiny-progress.docx', '--json']).stdout);
    expect(r.format).toBe('docx');
    expect(r.blocks.some((b: { kind: string }) => b.kind === 'table')).toBe(true);
  });
});

describe('cpc validate and cpc schema', () => {
  it('accepts a report and rejects a broken one with exit 4', () => {
    const good = join(tmp, 'good.json');
    writeFileSync(good, cpc(['extract', 'fixtures/bury-2021-cabinet-report.txt']).stdout);
    expect(cpc(['validate', good])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid (1 report)') });
    const bad = join(tmp, 'bad.json');
    const report = JSON.parse(readFileSync(good, 'utf8'));
    report.report.kind = 'novel';
    writeFileSync(bad, JSON.stringify(report));
    const r = cpc(['validate', bad]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/report\.kind/);
    const notJson = join(tmp, 'x.json');
    writeFileSync(notJson, '{ nope');
    expect(cpc(['validate', notJson]).code).toBe(1);
  });

  it('prints the JSON Schema', () => {
    const schema = JSON.parse(cpc(['schema']).stdout);
    expect(schema.$schema).toContain('2020-12');
    expect(Object.keys(schema.properties)).toEqual(['schemaVersion', 'source', 'report', 'peerTeam', 'sections', 'recommendations', 'requestedDecisions', 'warnings']);
  });
});

describe('a reader that goes away', () => {
  it('stops without a word, with status 141 (128 + SIGPIPE, as git), when stdout is closed early (| head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['bin/cpc.js', 'text', 'fixtures/bury-2021-cpc-revisit.pdf'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.destroy(); // the reader is gone before cpc writes
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(141);
    expect(stderr).toBe('');
  });
});
