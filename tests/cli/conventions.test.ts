/**
 * The CLI behaves as its users' other tools do (pdftotext, ripgrep, jq, git, diff): exit codes,
 * streams, `-`, paths as typed, signals, colour, sizes, JSON Lines, validate over what cpc wrote.
 * Each case spawns the built binary.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { BIN, cpc, fixture, manifestEntries, ROOT, warningLines } from '../helpers.js';
import { writePdf } from '../support/pdf-writer.js';

const tmp = mkdtempSync(join(tmpdir(), 'cpc-conv-'));
const ANSI = new RegExp(String.fromCharCode(27) + '\\[');
const REVISIT = 'fixtures/bury-2021-cpc-revisit';
const CABINET = 'fixtures/bury-2021-cabinet-report';
/** a text that is no report: it draws warnings (kind, council, year unknown) */
const NOTE = join(tmp, 'note.txt');
writeFileSync(NOTE, 'Minutes of the allotments working group.\n\nThose present discussed the water supply.\n');

describe('exit codes and streams', () => {
  it('no arguments: usage on stderr, exit 2, nothing on stdout', () => {
    const r = cpc([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: cpc \[options\] \[command\]/);
  });

  it('diff: 0 the same, 1 differs (--exit-code), 2 trouble — a missing file, an encrypted one, a usage error', () => {
    expect(cpc(['diff', `${REVISIT}.txt`, `${REVISIT}.txt`, '--exit-code']).code).toBe(0);
    expect(cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`, '--exit-code']).code).toBe(1);
    expect(cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`]).code).toBe(0);
    const missing = cpc(['diff', `${REVISIT}.txt`, 'nope.pdf', '--exit-code']);
    expect(missing).toMatchObject({ code: 2, stderr: 'cpc: nope.pdf: input/not-found: no such file\n' });
    const locked = join(tmp, 'locked.pdf');
    writeFileSync(locked, writePdf([{ lines: ['Corporate Peer Challenge'] }], { encrypt: { userPassword: 'u', ownerPassword: 'o' } }));
    expect(cpc(['diff', locked, `${REVISIT}.txt`, '--exit-code'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/locked\.pdf: input\/encrypted: /) });
    expect(cpc(['diff', `${REVISIT}.txt`, '--threshold', '7']).code).toBe(2);
  });

  it('prints warnings on stderr by default as cpc: <file>: <code>: <message>; -q silences them, -v adds notes', () => {
    const r = cpc(['extract', NOTE]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(r.stderr.trimEnd().split('\n')).toEqual(warningLines(report, NOTE));
    expect(r.stderr).toContain(`cpc: ${NOTE}: metadata/kind-unknown: `);
    expect(cpc(['extract', NOTE, '-q']).stderr).toBe('');
    const verbose = cpc(['extract', `${REVISIT}.pdf`, '-v']).stderr;
    expect(verbose).toMatch(/^cpc: fixtures\/bury-2021-cpc-revisit\.pdf: layout\/furniture-removed: /m);
    expect(cpc(['extract', `${REVISIT}.pdf`]).stderr).toBe('');
  });

  it('batch --fail-on warning -q names each file with warnings and its codes', () => {
    const dir = join(tmp, 'warned');
    mkdirSync(dir, { recursive: true });
    cpSync(NOTE, join(dir, 'note.txt'));
    cpSync(fixture('bury-2021-cpc-revisit.txt'), join(dir, 'revisit.txt'));
    const r = cpc(['batch', dir, '--out', join(tmp, 'warned-out'), '--fail-on', 'warning', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cpc: note\.txt: warning: metadata\/council-unknown, metadata\/kind-unknown, metadata\/year-unknown, sections\/none-found$/m);
    expect(r.stderr).not.toMatch(/revisit\.txt/);
  });

  it('a write error (a full disk) is one line with its own exit code, 5', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'extract', `${REVISIT}.txt`], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(5);
      expect(r.stderr).toBe('cpc: cannot write to stdout: ENOSPC: no space left on device, write\n');
    } finally {
      closeSync(full);
    }
    // a file where the output's folder should be
    const blocked = join(tmp, 'blocked');
    writeFileSync(blocked, '');
    const w = cpc(['extract', `${REVISIT}.txt`, '-o', join(blocked, 'r.json')]);
    expect(w.code).toBe(5);
    expect(w.stderr).toMatch(/^cpc: .*blocked\/r\.json: output\/write-failed: cannot write the output/);
  });

  it('- reads stdin as an input (named <stdin>) and -o - writes stdout', () => {
    const pdf = readFileSync(fixture('bury-2021-cpc-revisit.pdf'));
    const r = spawnSync(process.execPath, [BIN, 'extract', '-', '-o', '-'], { cwd: ROOT, input: pdf, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.source).toMatchObject({ file: '<stdin>', format: 'pdf', pages: 14 });
    const fromFile = JSON.parse(cpc(['extract', `${REVISIT}.pdf`]).stdout) as Report;
    expect(report.recommendations).toEqual(fromFile.recommendations);
    expect(existsSync(join(ROOT, '-'))).toBe(false);
    const text = spawnSync(process.execPath, [BIN, 'text', '-'], { cwd: ROOT, input: readFileSync(NOTE), encoding: 'utf8' });
    expect(text.stdout).toContain('allotments working group');
    const big = spawnSync(process.execPath, [BIN, 'extract', '-', '--max-bytes', '10KB'], { cwd: ROOT, input: pdf, encoding: 'utf8' });
    expect(big.status).toBe(1);
    expect(big.stderr).toBe('cpc: <stdin>: input/too-large: the input runs past the limit of 10 KB (raise it with --max-bytes)\n');
  });

  it('paths are as typed, in messages and in source.file', () => {
    const abs = resolve(ROOT, `${REVISIT}.txt`);
    expect((JSON.parse(cpc(['extract', abs]).stdout) as Report).source.file).toBe(abs);
    expect((JSON.parse(cpc(['extract', `./${REVISIT}.txt`]).stdout) as Report).source.file).toBe(`./${REVISIT}.txt`);
    expect(cpc(['extract', '/etc/../nope/x.pdf']).stderr).toBe('cpc: /etc/../nope/x.pdf: input/not-found: no such file\n');
  });

  it('sizes in messages are in the unit given', () => {
    const r = cpc(['extract', `${REVISIT}.pdf`, '--max-bytes', '10KB']);
    expect(r.stderr).toBe('cpc: fixtures/bury-2021-cpc-revisit.pdf: input/too-large: the file is 85.1 KB, over the limit of 10 KB (raise it with --max-bytes)\n');
    expect(cpc(['extract', `${REVISIT}.pdf`, '--max-bytes', '1000']).stderr).toMatch(/the file is 87\d\d\d bytes, over the limit of 1000 bytes/);
  });
});

describe('small conventions', () => {
  it('-j 0 is one worker per core; yml is yaml; jsonl gives one report per line', () => {
    const two = [`${REVISIT}.txt`, `${CABINET}.txt`];
    const lines = cpc(['extract', ...two, '-j', '0', '--format', 'jsonl']).stdout.trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Report).source.file)).toEqual(two);
    expect(cpc(['extract', `${REVISIT}.txt`, '--format', 'yml']).stdout).toMatch(/^schemaVersion: /);
    const out = join(tmp, 'yml-out');
    const b = cpc(['batch', join(ROOT, 'fixtures', 'bury-2021-cpc-revisit.txt'), '--out', out, '-j', '0', '--format', 'yml', '-q']);
    expect(b.code).toBe(0);
    expect(existsSync(join(out, 'bury-2021-cpc-revisit.yaml'))).toBe(true);
  });

  it('--color always|never, NO_COLOR, FORCE_COLOR and TERM=dumb decide colour', () => {
    const args = ['diff', `${CABINET}.txt`, `${REVISIT}.txt`];
    expect(cpc([...args, '--color', 'always']).stdout).toMatch(ANSI);
    expect(cpc([...args, '--color', 'never'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(cpc(args, { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(cpc(['text', `${REVISIT}.txt`, '-f', 'blocks', '--color', 'always'], { env: { NO_COLOR: '1' } }).stdout).toMatch(ANSI);
  });

  it('extract -o dir/ names outputs as batch does (the tree below the common folder; shared stems keep their extension)', () => {
    const src = join(tmp, 'names');
    for (const p of ['a/report.pdf', 'a/report.docx', 'b/other.txt']) {
      mkdirSync(join(src, p, '..'), { recursive: true });
      const ext = p.split('.').pop()!;
      cpSync(fixture(`bury-2021-cpc-revisit.${ext === 'txt' ? 'txt' : ext}`), join(src, p));
    }
    const files = ['a/report.pdf', 'a/report.docx', 'b/other.txt'];
    expect(cpc(['extract', ...files, '-o', 'ex/', '-q'], { cwd: src }).code).toBe(0);
    expect(cpc(['batch', 'a', 'b', '--out', 'bt', '-q'], { cwd: src }).code).toBe(0);
    const listed = (dir: string) => manifestEntries<{ output: string }>(readFileSync(join(src, dir, 'manifest.jsonl'), 'utf8')).map((e) => e.output).sort();
    const batchNames = listed('bt');
    expect(batchNames).toEqual(['a/report.docx.json', 'a/report.pdf.json', 'b/other.json']);
    for (const n of batchNames) expect(existsSync(join(src, 'ex', n))).toBe(true);
  });
});

describe('batch --base', () => {
  const arch = join(tmp, 'arch');
  beforeAll(() => {
    for (const [dir, name] of [['2020', 'blaby-2022-progress-review.txt'], ['2021', 'bury-2021-cpc-revisit.txt'], ['2021', 'bradford-2018-scrutiny-progress.txt']] as const) {
      mkdirSync(join(arch, dir), { recursive: true });
      cpSync(fixture(name), join(arch, dir, name));
    }
  });
  const entries = (out: string) => manifestEntries<{ path: string; status: string; output: string }>(readFileSync(join(out, 'manifest.jsonl'), 'utf8'));

  it('a later run over a subfolder keeps the tree and every entry', () => {
    const out = join(tmp, 'base-out');
    expect(cpc(['batch', arch, '--out', out, '-q']).code).toBe(0);
    const r = cpc(['batch', join(arch, '2021'), '--out', out, '-q']);
    expect(r.code).toBe(0);
    expect(entries(out).map((e) => [e.path, e.status, e.output])).toEqual([
      ['2020/blaby-2022-progress-review.txt', 'ok', '2020/blaby-2022-progress-review.json'],
      ['2021/bradford-2018-scrutiny-progress.txt', 'skipped', '2021/bradford-2018-scrutiny-progress.json'],
      ['2021/bury-2021-cpc-revisit.txt', 'skipped', '2021/bury-2021-cpc-revisit.json'],
    ]);
    expect(existsSync(join(out, 'bury-2021-cpc-revisit.json'))).toBe(false);
  });

  it('a run over a wider folder than the recorded base needs --base, and then re-roots the tree', () => {
    const out = join(tmp, 'narrow-out');
    expect(cpc(['batch', join(arch, '2021'), '--out', out, '-q']).code).toBe(0);
    const refused = cpc(['batch', arch, '--out', out, '-q']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not all below .*2021, the folder .*manifest\.jsonl mirrors; give --base/);
    expect(cpc(['batch', arch, '--out', out, '--base', arch, '-q']).code).toBe(0);
    expect(entries(out).map((e) => e.path)).toEqual(['2020/blaby-2022-progress-review.txt', '2021/bradford-2018-scrutiny-progress.txt', '2021/bury-2021-cpc-revisit.txt']);
    expect(cpc(['batch', arch, '--out', out, '--base', join(arch, '2021'), '-q']).code).toBe(2);
  });
});

describe('validate over what cpc writes', () => {
  it('checks directories, JSON Lines (manifest, index, extract --format jsonl) and diff JSON, with no Node warnings', () => {
    const out = join(tmp, 'val-out');
    expect(cpc(['batch', join(ROOT, 'fixtures', 'bury-2021-cpc-revisit.txt'), '--out', out, '--index', join(out, 'index.jsonl'), '-q']).code).toBe(0);
    writeFileSync(join(out, 'diff.json'), cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`, '--format', 'json']).stdout);
    writeFileSync(join(out, 'reports.jsonl'), cpc(['extract', `${CABINET}.txt`, `${REVISIT}.txt`, '--format', 'jsonl']).stdout);
    writeFileSync(join(out, 'tagged.yaml'), `!custom\n${cpc(['extract', `${REVISIT}.txt`, '--format', 'yaml']).stdout}`);
    const r = cpc(['validate', out]);
    expect(r.stderr).not.toMatch(/Warning/);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `${out}/bury-2021-cpc-revisit.json: valid (1 report)`,
      `${out}/diff.json: valid (1 diff)`,
      `${out}/index.jsonl: valid (18 index rows)`,
      `${out}/manifest.jsonl: valid (1 manifest header, 1 manifest entry)`,
      `${out}/reports.jsonl: valid (2 reports)`,
      `${out}/tagged.yaml: valid (1 report)`,
    ]);
    expect(r.code).toBe(0);
    const diffJson = cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`, '--format', 'json']).stdout;
    const piped = spawnSync(process.execPath, [BIN, 'validate', '-'], { cwd: ROOT, input: diffJson.replace('"unchanged"', '"same"'), encoding: 'utf8' });
    expect(piped.status).toBe(4);
    expect(piped.stderr).toMatch(/^cpc: <stdin>: not a valid cpc diff:/);
  });
});

describe('signals', () => {
  it('Ctrl-C and SIGTERM during batch on a terminal restore the cursor and line wrap, then exit 130 / 143', () => {
    const dir = join(tmp, 'many');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 30; i++) cpSync(fixture('bury-2021-cpc-revisit.pdf'), join(dir, `r${i}.pdf`));
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const r = spawnSync('python3', [join(ROOT, 'tests', 'support', 'pty-run.py'), signal, 'files', process.execPath, BIN, 'batch', dir, '--out', join(tmp, `many-${signal}`), '-j', '1'], { encoding: 'utf8', timeout: 90_000 });
      const [screen, status] = r.stdout.trimEnd().split('\n').slice(-2);
      expect(status).toBe(`sent=True exit=${code}`);
      // after the bar hid the cursor and turned line wrap off, both are turned back on
      const hidden = screen!.lastIndexOf('\\x1b[?25l');
      expect(hidden).toBeGreaterThanOrEqual(0);
      expect(screen!.indexOf('\\x1b[?25h', hidden)).toBeGreaterThan(hidden);
      expect(screen!.indexOf('\\x1b[?7h', hidden)).toBeGreaterThan(hidden);
    }
  });
});
