/**
 * `cpc batch` through the built binary, over a copy of the fixtures plus bad files made here.
 * Statuses and contents are asserted, never speed: timings belong to `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../src/batch/manifest.js';
import { csvHeader, csvRows, recommendationRows } from '../../src/emit/csv.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/model/validate.js';
import { allFixtureFiles, BIN, cpc, fixture, fixtureBytes, manifestEntries } from '../helpers.js';
import { writePdf } from '../support/pdf-writer.js';
import { slowPdf } from '../support/slow-pdf.js';

const tmp = mkdtempSync(join(tmpdir(), 'cpc-batch-'));
const put = (path: string, data: string | Uint8Array) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
};
const random = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 17) % 256);
const textPage = { lines: ['Corporate Peer Challenge', 'Key recommendations', 'A paragraph of body text about the council and its plans.'] };

function manifest(out: string): ManifestEntry[] {
  return manifestEntries<ManifestEntry>(readFileSync(join(out, 'manifest.jsonl'), 'utf8'));
}
const byPath = (entries: ManifestEntry[]) => new Map(entries.map((e) => [e.path, e]));
const statuses = (entries: ManifestEntry[]) => Object.fromEntries(entries.map((e) => [e.path, e.status]));

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** The index cpc should have written: every output's recommendations, outputs in path order. */
function expectedCsvIndex(out: string, entries: ManifestEntry[]): string {
  let csv = csvHeader();
  for (const e of entries) {
    if (!e.output) continue;
    const text = readFileSync(join(out, e.output), 'utf8');
    const report = (e.output.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as Report;
    const rows = recommendationRows(report);
    if (rows.length) csv += csvRows(rows, false);
  }
  return csv;
}

/** where a fixture goes in the archive: reports/<year>/<name> */
const goodPath = (name: string) => `reports/${/-(\d{4})-/.exec(name)?.[1] ?? 'undated'}/${name}`;
/** the reports with a text layer (the scanned fixture goes through OCR, which has tests of its own) */
const REPORT_FIXTURES = allFixtureFiles().filter((name) => !name.startsWith('scanned-'));
const GOOD = [...REPORT_FIXTURES.map(goodPath), 'single/revisit.txt'].sort();
const BAD: Record<string, string> = {
  'bad/empty.pdf': 'input/empty',
  'bad/truncated.pdf': 'input/corrupt',
  'bad/random.pdf': 'input/unsupported-format',
  'bad/not-word.docx': 'input/wrong-type',
  'bad/locked.pdf': 'input/encrypted',
};
const ALL = [...GOOD, ...Object.keys(BAD)].sort();

const archive = join(tmp, 'archive');
beforeAll(() => {
  for (const name of REPORT_FIXTURES) cpSync(fixture(name), join(archive, goodPath(name)));
  cpSync(fixture('bury-2021-cpc-revisit.txt'), join(archive, 'single/revisit.txt'));
  const pdf = fixtureBytes('bury-2021-cpc-revisit.pdf');
  put(join(archive, 'bad/empty.pdf'), '');
  put(join(archive, 'bad/truncated.pdf'), pdf.subarray(0, pdf.length >> 1));
  put(join(archive, 'bad/random.pdf'), random);
  put(join(archive, 'bad/not-word.docx'), 'This was meant to be a Word file, but the download saved an error message.\n');
  put(join(archive, 'bad/locked.pdf'), writePdf([textPage], { encrypt: { userPassword: 'secret', ownerPassword: 'owner' } }));
  // not documents: found on the walk and ignored
  put(join(archive, 'misc/photo.png'), random);
  put(join(archive, 'misc/table.csv'), 'a,b\n1,2\n');
});

describe('cpc batch over an archive', () => {
  const out = join(tmp, 'out');
  let first: ReturnType<typeof cpc>;
  beforeAll(() => {
    first = cpc(['batch', archive, '--out', out, '-j', '2', '--index', join(tmp, 'index.jsonl')]);
  });

  it('writes every good report, valid, in a tree that mirrors the input, and exits 1 for the bad ones', () => {
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('');
    const entries = manifest(out);
    expect(entries.map((e) => e.path)).toEqual(ALL);
    // report.pdf → report.json, unless a sibling shares the stem: then report.pdf.json, report.docx.json
    const stem = (p: string) => p.replace(/\.[^./]+$/, '');
    const expectedOutputs = GOOD.map((p) => (GOOD.filter((q) => stem(q) === stem(p)).length > 1 ? `${p}.json` : `${stem(p)}.json`));
    expect(expectedOutputs).toContain('single/revisit.json');
    expect(expectedOutputs).toContain('reports/2021/bury-2021-cpc-revisit.pdf.json');
    expect(filesBelow(out)).toEqual([...expectedOutputs, 'manifest.jsonl'].sort());
    for (const p of GOOD) {
      const e = byPath(entries).get(p)!;
      expect(e).toMatchObject({ status: 'ok', error: null });
      const report = JSON.parse(readFileSync(join(out, e.output!), 'utf8')) as Report;
      expect(validateReport(report).ok).toBe(true);
      // the path within the archive, the manifest's key, is the report's source.file
      expect(report.source.file).toBe(p);
      expect(report.source.sha256).toBe(e.sha256);
      expect(e.counts).toEqual({
        recommendationsCurrent: report.recommendations.filter((r) => r.cycle === 'current').length,
        recommendationsPrevious: report.recommendations.filter((r) => r.cycle === 'previous').length,
        sections: report.sections.length,
        peers: report.peerTeam.length,
      });
      expect(e.pages).toBe(report.source.pages);
      expect(e.warnings).toEqual([...new Set(report.warnings.filter((w) => w.severity === 'warning').map((w) => w.code))].sort());
    }
  });

  it('records each bad file in the manifest with its error code, and writes nothing for it', () => {
    const entries = byPath(manifest(out));
    for (const [p, code] of Object.entries(BAD)) {
      expect(entries.get(p)).toMatchObject({ status: 'failed', output: null, error: { code } });
      expect(entries.get(p)!.error!.message).not.toBe('');
    }
    expect(entries.get('bad/empty.pdf')!.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('prints one plain line per finished file when stderr is not a terminal, then a summary', () => {
    const lines = first.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(ALL.length + 1);
    const progress = lines.slice(0, -1);
    expect(progress.map((l) => new RegExp(`^\\[\\s*(\\d+)/${ALL.length}\\]`).exec(l)?.[1]).map(Number)).toEqual(ALL.map((_, i) => i + 1));
    expect(progress.filter((l) => /^\[\s*\d+\/\d+\] ok {6}reports\/2021\/bury-2021-cpc-revisit\.pdf \(14 pages, /.test(l))).toHaveLength(1);
    expect(progress.filter((l) => l.includes('failed  bad/locked.pdf: input/encrypted: '))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(new RegExp(`^cpc batch: ${ALL.length} files: ${GOOD.length} ok, 0 skipped, 5 failed, 0 timed out, 2 ignored; \\d+ pages, \\d+ recommendations in .+ \\([\\d.]+ pages/s\\)$`));
  });

  it('indexes one row per recommendation of the written reports, in path order', () => {
    const rows = readFileSync(join(tmp, 'index.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const entries = manifest(out);
    const expected = entries.filter((e) => e.output).flatMap((e) => recommendationRows(JSON.parse(readFileSync(join(out, e.output!), 'utf8')) as Report));
    expect(rows).toEqual(JSON.parse(JSON.stringify(expected)));
    const total = entries.reduce((n, e) => n + (e.counts ? e.counts.recommendationsCurrent + e.counts.recommendationsPrevious : 0), 0);
    expect(rows).toHaveLength(total);
  });

  it('skips every converted file on a second run, retries the failed ones, and still indexes them all', () => {
    const before = Object.fromEntries(GOOD.map((p) => [p, readFileSync(join(out, byPath(manifest(out)).get(p)!.output!), 'utf8')]));
    const r = cpc(['batch', archive, '--out', out, '-j', '2', '--index', join(tmp, 'index.csv')]);
    expect(r.code).toBe(1);
    const entries = manifest(out);
    expect(statuses(entries)).toEqual(Object.fromEntries(ALL.map((p) => [p, p in BAD ? 'failed' : 'skipped'])));
    for (const p of GOOD) expect(readFileSync(join(out, byPath(entries).get(p)!.output!), 'utf8')).toBe(before[p]);
    expect(byPath(entries).get(GOOD[0]!)!.counts).not.toBeNull();
    expect(r.stderr).toContain(`cpc batch: ${ALL.length} files: 0 ok, ${GOOD.length} skipped, 5 failed, 0 timed out, 2 ignored; 0 pages`);
    expect(readFileSync(join(tmp, 'index.csv'), 'utf8')).toBe(expectedCsvIndex(out, entries));
  });

  it('converts a changed file again, and every file with --force', () => {
    writeFileSync(join(archive, 'single/revisit.txt'), `${readFileSync(join(archive, 'single/revisit.txt'), 'utf8')}\nAppendix.\n`);
    const changed = cpc(['batch', archive, '--out', out, '-j', '2']);
    expect(statuses(manifest(out))['single/revisit.txt']).toBe('ok');
    expect(changed.stderr).toContain(`: 1 ok, ${GOOD.length - 1} skipped, 5 failed`);

    const forced = cpc(['batch', archive, '--out', out, '-j', '2', '--force', '--quiet']);
    expect(forced.code).toBe(1);
    expect(statuses(manifest(out))).toEqual(Object.fromEntries(ALL.map((p) => [p, p in BAD ? 'failed' : 'ok'])));
  });
});

describe('cpc batch --shard', () => {
  it('splits the archive so that shards 1/2 and 2/2 cover every file exactly once', () => {
    const out = join(tmp, 'out-shards');
    const one = cpc(['batch', archive, '--out', out, '--shard', '1/2', '-j', '2']);
    const firstPaths = manifest(out).map((e) => e.path);
    const two = cpc(['batch', archive, '--out', out, '--shard', '2/2', '-j', '2']);
    const done = (r: ReturnType<typeof cpc>) => r.stderr.split('\n').flatMap((l) => /^\[\s*\d+\/\d+\] \w+\s+(\S+?)(?::| \()/.exec(l)?.[1] ?? []);
    const a = done(one);
    const b = done(two);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((p) => b.includes(p))).toEqual([]);
    expect([...a, ...b].sort()).toEqual(ALL);
    expect(firstPaths).toEqual([...a].sort());
    // the second shard kept the first's entries: one manifest for the whole archive, each path once
    expect(manifest(out).map((e) => e.path)).toEqual(ALL);
  });

  it('refuses a shard that is not i/n with 1 ≤ i ≤ n', () => {
    for (const shard of ['0/2', '3/2', 'half']) {
      const r = cpc(['batch', archive, '--out', join(tmp, 'never'), '--shard', shard]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--shard/);
    }
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});

describe('cpc batch limits', () => {
  const dir = join(tmp, 'slow');
  beforeAll(() => {
    put(join(dir, 'slow.pdf'), slowPdf());
    cpSync(fixture('bury-2021-cabinet-report.txt'), join(dir, 'note.txt'));
  });

  it('stops a file that runs past --timeout (terminating its worker) and goes on with the rest', () => {
    const out = join(tmp, 'out-slow');
    const r = cpc(['batch', dir, '--out', out, '--timeout', '1s', '-j', '2']);
    expect(r.code).toBe(1);
    const entries = byPath(manifest(out));
    expect(entries.get('slow.pdf')).toMatchObject({ status: 'timeout', output: null, error: { code: 'input/timeout' } });
    expect(entries.get('note.txt')).toMatchObject({ status: 'ok', output: 'note.json' });
    expect(r.stderr).toMatch(/timeout slow\.pdf: input\/timeout: stopped after 1 s/);
    expect(r.stderr).toMatch(/: 1 ok, 0 skipped, 0 failed, 1 timed out;/);
  });

  it('keeps the manifest of what it finished when it is killed, and the next run skips those', async () => {
    const archive = join(tmp, 'killed');
    for (const name of ['bury-2021-cabinet-report', 'bury-2021-cpc-revisit', 'blaby-2022-progress-review']) cpSync(fixture(`${name}.txt`), join(archive, 'a', `${name}.txt`));
    // after the quick files (paths sort first, one worker): seconds of work the run is killed in
    const slow = slowPdf();
    for (let i = 1; i <= 4; i++) put(join(archive, `z${i}-slow.pdf`), slow);
    const out = join(tmp, 'out-killed');
    const child = spawn(process.execPath, [BIN, 'batch', archive, '--out', out, '-j', '1', '--timeout', '0', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const quick = (entries: ManifestEntry[]) => entries.filter((e) => e.path.startsWith('a/') && e.status === 'ok').length;
    let seen: ManifestEntry[] = [];
    for (let waited = 0; waited < 20_000 && quick(seen) < 3; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      if (existsSync(join(out, 'manifest.jsonl'))) seen = manifest(out);
    }
    const stillRunning = child.exitCode === null;
    child.kill('SIGKILL');
    await exited;
    expect(stillRunning).toBe(true);
    expect(quick(manifest(out))).toBe(3);
    expect(manifest(out).some((e) => e.path.startsWith('z'))).toBe(false);

    for (let i = 1; i <= 4; i++) rmSync(join(archive, `z${i}-slow.pdf`));
    const again = cpc(['batch', archive, '--out', out, '-j', '1']);
    expect(again.code).toBe(0);
    expect(statuses(manifest(out))).toEqual({ 'a/blaby-2022-progress-review.txt': 'skipped', 'a/bury-2021-cabinet-report.txt': 'skipped', 'a/bury-2021-cpc-revisit.txt': 'skipped' });
    expect(again.stderr).toMatch(/: 0 ok, 3 skipped, 0 failed, 0 timed out;/);
  });

  it("fails a PDF whose PDFium heap would pass --max-memory, not the run (V8's heap limit does not cover WebAssembly memory)", () => {
    const heavy = join(tmp, 'heavy');
    // the slow PDF's first page, 400,000 text objects, needs some 150 MB of PDFium's heap to parse
    put(join(heavy, 'heavy.pdf'), slowPdf());
    cpSync(fixture('bury-2021-cabinet-report.pdf'), join(heavy, 'report.pdf'));
    const out = join(tmp, 'out-heavy');
    const r = cpc(['batch', heavy, '--out', out, '--timeout', '60s', '--max-memory', '96MB', '-j', '1']);
    expect(r.code).toBe(1);
    const entries = byPath(manifest(out));
    expect(entries.get('heavy.pdf')).toMatchObject({ status: 'failed', error: { code: 'input/out-of-memory', message: expect.stringContaining('96 MB') } });
    expect(entries.get('report.pdf')).toMatchObject({ status: 'ok' });
  });

  it('fails a file whose worker runs out of memory, not the run', () => {
    const big = join(tmp, 'big');
    // 25 MB of text in 400,000 lines: the decoded text and its lines alone need more than a 48 MB heap
    put(join(big, 'big.txt'), Array.from({ length: 400_000 }, (_, i) => `Paragraph ${i} of a report far too long for the heap limit.`).join('\n'));
    cpSync(fixture('bury-2021-cabinet-report.txt'), join(big, 'note.txt'));
    const out = join(tmp, 'out-oom');
    const r = cpc(['batch', big, '--out', out, '--timeout', '30s', '--max-memory', '48MB', '-j', '1']);
    expect(r.code).toBe(1);
    const entries = byPath(manifest(out));
    expect(entries.get('big.txt')).toMatchObject({ status: 'failed', error: { code: 'input/out-of-memory' } });
    expect(entries.get('note.txt')).toMatchObject({ status: 'ok' });
  });

  it('gives cpc extract the same time limit: the slow file is named, the others still print', () => {
    const r = cpc(['extract', 'slow.pdf', 'note.txt', '--timeout', '1s'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('cpc: slow.pdf: input/timeout: stopped after 1 s, the time limit per file (raise it with --timeout)\n');
    const reports = JSON.parse(r.stdout) as Report[];
    expect(reports.map((x) => x.source.file)).toEqual(['note.txt']);
  });
});

describe('cpc batch --fail-on', () => {
  const dir = join(tmp, 'warned');
  beforeAll(() => {
    // a PDF with no text layer (a scan) converts, with a warning
    put(join(dir, 'scan.pdf'), writePdf([{ lines: [] }]));
    cpSync(fixture('bury-2021-cpc-revisit.txt'), join(dir, 'revisit.txt'));
  });

  it('fails on failures by default, on warnings with --fail-on warning, never with never', () => {
    const out = join(tmp, 'out-warned');
    const byDefault = cpc(['batch', dir, '--out', out, '-j', '2']);
    expect(byDefault.code).toBe(0);
    expect(byPath(manifest(out)).get('scan.pdf')).toMatchObject({ status: 'ok', warnings: expect.arrayContaining(['pdf/no-text-layer']) });
    expect(cpc(['batch', dir, '--out', out, '--fail-on', 'warning']).code).toBe(1);
    expect(cpc(['batch', dir, '--out', out, '--fail-on', 'error']).code).toBe(0);

    put(join(dir, 'broken.pdf'), random);
    expect(cpc(['batch', dir, '--out', out, '--fail-on', 'error']).code).toBe(1);
    const never = cpc(['batch', dir, '--out', out, '--fail-on', 'never']);
    expect(never.code).toBe(0);
    expect(byPath(manifest(out)).get('broken.pdf')).toMatchObject({ status: 'failed', error: { code: 'input/unsupported-format' } });
  });
});

describe('cpc batch output names', () => {
  it('keeps every output inside --out: inputs from several folders, and a manifest edited to point outside', () => {
    const base = join(tmp, 'names');
    cpSync(fixture('bury-2021-cpc-revisit.txt'), join(base, 'one', 'r.txt'));
    cpSync(fixture('blaby-2022-progress-review.txt'), join(base, 'two', 'deep', 'r.txt'));
    const out = join(base, 'out');
    const r = cpc(['batch', 'one', 'two/deep/r.txt', '--out', 'out'], { cwd: base });
    expect(r.code).toBe(0);
    expect(filesBelow(out)).toEqual(['manifest.jsonl', 'one/r.json', 'two/deep/r.json']);

    // a hand-edited manifest claims the output lives outside --out: cpc converts again rather than trust it
    const edited = manifest(out).map((e) => (e.path === 'one/r.txt' ? { ...e, output: '../../escaped.json' } : e));
    writeFileSync(join(out, 'manifest.jsonl'), edited.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const again = cpc(['batch', 'one', 'two/deep/r.txt', '--out', 'out', '--index', 'out/index.csv'], { cwd: base });
    expect(again.code).toBe(0);
    expect(statuses(manifest(out))).toEqual({ 'one/r.txt': 'ok', 'two/deep/r.txt': 'skipped' });
    expect(readdirSync(tmp).filter((f) => f.includes('escaped'))).toEqual([]);
    expect(filesBelow(base).filter((f) => !f.startsWith('one/') && !f.startsWith('two/') && !f.startsWith('out/'))).toEqual([]);
  });
});

describe('cpc batch options', () => {
  const dir = join(tmp, 'small');
  beforeAll(() => {
    cpSync(fixture('bromsgrove-redditch-2020-follow-up.txt'), join(dir, 'a.txt'));
    cpSync(fixture('bury-2021-cabinet-report.docx'), join(dir, 'b.docx'));
    put(join(dir, 'c.pdf'), '');
  });

  it('writes YAML with --format yaml, and indexes it', () => {
    const out = join(tmp, 'out-yaml');
    const r = cpc(['batch', dir, '--out', out, '--format', 'yaml', '--index', join(out, 'recs.csv')]);
    expect(r.code).toBe(1);
    expect(filesBelow(out)).toEqual(['a.yaml', 'b.yaml', 'manifest.jsonl', 'recs.csv']);
    expect(validateReport(parseYaml(readFileSync(join(out, 'a.yaml'), 'utf8'))).ok).toBe(true);
    expect(readFileSync(join(out, 'recs.csv'), 'utf8')).toBe(expectedCsvIndex(out, manifest(out)));
  });

  it('--quiet prints only the failed files and the summary', () => {
    const r = cpc(['batch', dir, '--out', join(tmp, 'out-quiet'), '--quiet']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('cpc: c.pdf: input/empty: the file is empty');
    expect(lines[1]).toMatch(/^cpc batch: 3 files: 2 ok, 0 skipped, 1 failed, 0 timed out;/);
  });

  it('exits 2 on usage errors, before writing anything', () => {
    const out = join(tmp, 'out-usage');
    const cases = [
      ['batch', dir],
      ['batch', dir, '--out', out, '-j', '-1'],
      ['batch', dir, '--out', out, '--timeout', 'soon'],
      ['batch', dir, '--out', out, '--fail-on', 'sometimes'],
      ['batch', dir, '--out', out, '--index', join(tmp, 'recs.xlsx')],
      ['batch', join(tmp, 'no-such-dir'), '--out', out],
      ['batch', join(dir, '*.zzz'), '--out', out],
      ['batch', join(tmp, 'archive', 'misc'), '--out', out],
      ['batch', dir, '--out', join(dir, 'a.txt')],
    ];
    for (const args of cases) {
      const r = cpc(args);
      expect({ args: args.map((a) => basename(a)), code: r.code }).toEqual({ args: args.map((a) => basename(a)), code: 2 });
      expect(r.stderr).not.toBe('');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('shows examples and exit codes in --help', () => {
    const r = cpc(['batch', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--shard <i/n>');
    expect(r.stdout).toContain('Exit codes:');
    expect(cpc(['--help']).stdout).toContain('cpc batch');
  });
});
