import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUpToDate, mergeManifest, readManifest, serializeManifest } from '../../src/batch/manifest.js';
import { manifestEntry as e } from '../support/manifest-entry.js';

const sha = (c: string) => c.repeat(64);

describe('mergeManifest', () => {
  it("replaces earlier entries with this run's and sorts by path", () => {
    const merged = mergeManifest([e('b.pdf', { ms: 1 }), e('a.pdf')], [e('b.pdf', { ms: 2 }), e('c.pdf')], () => true);
    expect(merged.map((x) => [x.path, x.ms])).toEqual([
      ['a.pdf', 10],
      ['b.pdf', 2],
      ['c.pdf', 10],
    ]);
  });

  it('keeps only the earlier entries it is told to (other shards), dropping the rest', () => {
    const merged = mergeManifest([e('other-shard.pdf'), e('deleted.pdf')], [e('mine.pdf')], (p) => p === 'other-shard.pdf');
    expect(merged.map((x) => x.path)).toEqual(['mine.pdf', 'other-shard.pdf']);
  });
});

describe('isUpToDate', () => {
  const now = { sha256: sha('a'), cpcVersion: '1.0.0', output: 'r.json', outputExists: true };
  const last = e('r.pdf', { output: 'r.json' });
  it('is true for the same bytes, version and output, when the output exists', () => {
    expect(isUpToDate(last, now)).toBe(true);
    expect(isUpToDate({ ...last, status: 'skipped' }, now)).toBe(true);
  });

  it.each([
    ['no earlier entry', undefined, now],
    ['changed bytes', last, { ...now, sha256: sha('b') }],
    ['another cpc version', last, { ...now, cpcVersion: '1.0.1' }],
    ['another output (format)', last, { ...now, output: 'r.yaml' }],
    ['a deleted output', last, { ...now, outputExists: false }],
    ['a failed file', { ...last, status: 'failed' as const, output: null }, now],
    ['a timed-out file', { ...last, status: 'timeout' as const, output: null }, now],
  ])('is false with %s', (_name, entry, current) => {
    expect(isUpToDate(entry, current)).toBe(false);
  });
});

describe('manifest files', () => {
  it('round-trips, one line per entry, keys in schema order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-manifest-'));
    const entries = [e('a.pdf'), e('b.txt', { status: 'failed', sha256: null, output: null, format: null, pages: null, counts: null, error: { code: 'input/empty', message: 'the file is empty' } })];
    const text = serializeManifest(entries);
    expect(text.split('\n')).toHaveLength(3);
    expect(Object.keys(JSON.parse(text.split('\n')[0]!))).toEqual(['path', 'status', 'sha256', 'output', 'format', 'pages', 'counts', 'warnings', 'error', 'ms', 'cpcVersion']);
    writeFileSync(join(dir, 'manifest.jsonl'), text);
    const read = await readManifest(join(dir, 'manifest.jsonl'));
    expect([...read.entries.values()]).toEqual(entries);
    expect(read.invalidLines).toBe(0);
  });

  it('takes the last entry per path and counts unreadable lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-manifest-'));
    writeFileSync(join(dir, 'manifest.jsonl'), `${JSON.stringify(e('a.pdf', { ms: 1 }))}\nnot json\n{"path":"x"}\n${JSON.stringify(e('a.pdf', { ms: 2 }))}\n`);
    const read = await readManifest(join(dir, 'manifest.jsonl'));
    expect(read.entries.get('a.pdf')?.ms).toBe(2);
    expect(read.invalidLines).toBe(2);
  });

  it('is empty when there is no manifest yet', async () => {
    expect((await readManifest(join(tmpdir(), 'no-such-dir-cpc', 'manifest.jsonl'))).entries.size).toBe(0);
  });
});
