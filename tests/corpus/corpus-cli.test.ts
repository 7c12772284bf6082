/**
 * Every file of the bad-input corpus gets its documented outcome through the built binary: alone in
 * `cpc extract` (main thread), all together in `cpc extract` (the worker pool), and mixed with good
 * reports in `cpc batch`, whose good outputs must all still be written.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../src/batch/manifest.js';
import { findOcrEngine } from '../../src/runtime/ocr.js';
import { ERROR_CODES } from '../../src/diagnostics.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/model/validate.js';
import { cpc, fixture, manifestEntries, warningLines } from '../helpers.js';
import { CORPUS_ARGS, makeCorpus, PWNED_MARKER, SECRET, type CorpusItem, type Outcome } from './make-corpus.js';

/** No corpus file may take anywhere near this; a hang fails its test instead of stalling the run. */
const HANG_MS = 90_000;

// Anything that dereferences the Word file's network references connects here.
const connections: string[] = [];
const probe = createServer((socket) => {
  connections.push(`${socket.remoteAddress}:${socket.remotePort}`);
  socket.destroy();
});
await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
const probeAddress = probe.address();
const probeUrl = `http://127.0.0.1:${typeof probeAddress === 'object' && probeAddress ? probeAddress.port : 9}/`;

const root = mkdtempSync(join(tmpdir(), 'cpc-corpus-'));
const corpus = await makeCorpus(root, { probeUrl });

afterAll(() => new Promise<void>((resolve) => probe.close(() => resolve())));

function expectReport(report: Report, outcome: Extract<Outcome, { ok: true }>, file: string): void {
  expect(validateReport(report).ok).toBe(true);
  expect(report.source).toMatchObject({ file, format: outcome.format });
  if (outcome.pages !== undefined) expect(report.source.pages).toBe(outcome.pages);
  for (const w of outcome.warnings ?? []) {
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: w.code, ...(w.message ? { message: expect.stringMatching(w.message) } : {}) }));
  }
  if (outcome.meta) expect(report.report).toMatchObject(outcome.meta);
}

function expectExtract(item: CorpusItem, outcome: Outcome, args: readonly string[]): void {
  const r = cpc(['extract', item.file, ...CORPUS_ARGS, ...args], { cwd: corpus.dir, timeout: HANG_MS });
  if (outcome.ok) {
    const report = JSON.parse(r.stdout) as Report;
    // stderr holds the report's warnings, one line each, and nothing else
    expect({ code: r.code, stderr: r.stderr.split('\n').filter(Boolean) }).toEqual({ code: 0, stderr: warningLines(report, item.file) });
    expectReport(report, outcome, item.file);
  } else {
    expect(r.stdout).toBe('');
    // one line: the file, its error code, then that code's message, with that code's exit status
    const prefix = `cpc: ${item.file}: ${outcome.code}: `;
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`)), '']);
    expect(r.stderr.slice(prefix.length).trimEnd()).toMatch(outcome.message);
    expect(r.code).toBe(ERROR_CODES[outcome.code]);
  }
}

describe('cpc extract: each corpus file alone', () => {
  it.each(corpus.items.map((item) => [item.file, item] as const))('%s', (_file, item) => {
    expectExtract(item, item.outcome, []);
  });

  const variants = corpus.items.flatMap((item) => (item.variants ?? []).map((v) => [`${item.file} ${v.args.join(' ')}`, item, v] as const));
  const ocrInstalled = findOcrEngine() !== null;
  it.each(variants)('%s', (_name, item, variant) => {
    if (variant.ocr && !ocrInstalled) return; // tests/load/ocr.test.ts covers the message without the tools
    expectExtract(item, variant.outcome, variant.args);
  });

  it('runs nothing a font program carries, and reads no file and opens no connection an entity or link names', async () => {
    const fontEval = cpc(['extract', 'font-eval.pdf', ...CORPUS_ARGS], { cwd: corpus.dir, timeout: HANG_MS });
    expect(fontEval.code).toBe(0);
    expect(fontEval.stdout + fontEval.stderr).not.toContain(PWNED_MARKER);
    const entities = cpc(['extract', 'entities.docx', ...CORPUS_ARGS], { cwd: corpus.dir, timeout: HANG_MS });
    expect(entities.code).toBe(0);
    expect(entities.stdout).not.toContain(SECRET);
    // the references stay as written, unexpanded (no billion laughs), and the linked images unread
    const text = cpc(['text', 'entities.docx', '-f', 'blocks'], { cwd: corpus.dir, timeout: HANG_MS });
    expect(text.stdout.split('\n').filter((l) => l.startsWith('['))).toEqual(['[#0 para standalone] Corporate Peer Challenge', '[#1 para] &secret;', '[#2 para] &net;', '[#3 para] &l10;', '[#4 para standalone] Key recommendations']);
    expect(JSON.parse(entities.stdout)).toMatchObject({ warnings: expect.arrayContaining([expect.objectContaining({ code: 'docx/image-skipped', message: '2 images skipped (alt text is not report text)' })]) });
    // connections made while the child ran wait in the backlog until this thread looks
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connections).toEqual([]);
  });
});

describe('cpc extract: all corpus files at once (the worker pool)', () => {
  it('writes a report for each readable file and one error line for each other, in input order', () => {
    const files = corpus.items.map((i) => i.file);
    const r = cpc(['extract', ...files, ...CORPUS_ARGS], { cwd: corpus.dir, timeout: HANG_MS });
    const firstFailure = corpus.items.find((i) => !i.outcome.ok)!.outcome as Extract<Outcome, { ok: false }>;
    expect(r.code).toBe(ERROR_CODES[firstFailure.code]);
    const reports = JSON.parse(r.stdout) as Report[];
    const good = corpus.items.filter((i) => i.outcome.ok);
    expect(reports.map((x) => x.source.file)).toEqual(good.map((i) => i.file));
    good.forEach((item, k) => expectReport(reports[k]!, item.outcome as Extract<Outcome, { ok: true }>, item.file));
    const bad = corpus.items.filter((i) => !i.outcome.ok);
    const warned = new Set(reports.flatMap((x) => warningLines(x, x.source.file)));
    expect(warned.size).toBeGreaterThan(0);
    const lines = r.stderr.trimEnd().split('\n').filter((l) => !warned.has(l));
    expect(lines).toHaveLength(bad.length);
    bad.forEach((item, k) => {
      const outcome = item.outcome as Extract<Outcome, { ok: false }>;
      const prefix = `cpc: ${item.file}: ${outcome.code}: `;
      expect(lines[k]!.startsWith(prefix)).toBe(true);
      expect(lines[k]!.slice(prefix.length)).toMatch(outcome.message);
    });
  });
});

describe('cpc batch: the corpus mixed with good reports', () => {
  const GOOD = ['bury-2021-cpc-revisit.pdf', 'blaby-2022-progress-review.docx', 'bradford-2018-scrutiny-progress.html', 'bromsgrove-redditch-2020-follow-up.txt'];
  const out = join(mkdtempSync(join(tmpdir(), 'cpc-corpus-out-')), 'out');
  let run: ReturnType<typeof cpc>;
  let manifest: Map<string, ManifestEntry>;
  beforeAll(() => {
    for (const name of GOOD) cpSync(fixture(name), join(root, 'good', name));
    // the default --timeout (60s) and --max-memory (1024MB): the 3,000-page PDF must fit within them
    run = cpc(['batch', corpus.dir, join(root, 'good'), '--out', out, '-j', '2', '--quiet', ...CORPUS_ARGS], { timeout: HANG_MS });
    manifest = new Map(manifestEntries<ManifestEntry>(readFileSync(join(out, 'manifest.jsonl'), 'utf8')).map((e) => [e.path, e]));
  });

  it('exits 1 and records every file, good and bad', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect([...manifest.keys()].sort()).toEqual([...corpus.items.map((i) => `corpus/${i.file}`), ...GOOD.map((g) => `good/${g}`)].sort());
  });

  it.each(corpus.items.map((item) => [item.file, item] as const))('%s', (_file, item) => {
    const entry = manifest.get(`corpus/${item.file}`)!;
    const outcome = item.outcome;
    if (outcome.ok) {
      expect(entry).toMatchObject({ status: 'ok', error: null, format: outcome.format });
      const report = JSON.parse(readFileSync(join(out, entry.output!), 'utf8')) as Report;
      expectReport(report, outcome, `corpus/${item.file}`);
    } else {
      expect(entry).toMatchObject({ status: 'failed', output: null, error: { code: outcome.code, message: expect.stringMatching(outcome.message) } });
      // --quiet keeps exactly one line per failed file: path, code, message
      expect(run.stderr).toContain(`cpc: corpus/${item.file}: ${outcome.code}: `);
    }
  });

  it('still writes every good report, valid', () => {
    for (const name of GOOD) {
      const entry = manifest.get(`good/${name}`)!;
      expect(entry).toMatchObject({ status: 'ok', error: null });
      expect(existsSync(join(out, entry.output!))).toBe(true);
      const report = JSON.parse(readFileSync(join(out, entry.output!), 'utf8')) as Report;
      expect(validateReport(report).ok).toBe(true);
      expect(report.recommendations.length).toBeGreaterThan(0);
    }
    const failed = corpus.items.filter((i) => !i.outcome.ok).length;
    const ok = corpus.items.length - failed + GOOD.length;
    expect(run.stderr).toMatch(new RegExp(`^cpc batch: ${ok + failed} files: ${ok} ok, 0 skipped, ${failed} failed, 0 timed out;`, 'm'));
  });

  it('leaks no secret into any output, runs no font program, opens no connection', async () => {
    expect(readFileSync(join(out, manifest.get('corpus/entities.docx')!.output!), 'utf8')).not.toContain(SECRET);
    expect(run.stderr).not.toContain(PWNED_MARKER);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connections).toEqual([]);
  });
});
