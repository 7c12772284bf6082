import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestCheckpoints } from '../../src/batch/checkpoint.js';
import { readManifest, serializeManifest } from '../../src/batch/manifest.js';
import { manifestEntry as e } from '../support/manifest-entry.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const onDisk = async (path: string) => Object.fromEntries([...(await readManifest(path)).entries.values()].map((x) => [x.path, x.ms]));

describe('ManifestCheckpoints', () => {
  it('saves the finished entries in place of the earlier ones, keeping the rest, in path order', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cpc-ckpt-')), 'manifest.jsonl');
    writeFileSync(path, serializeManifest([e('a.pdf', { ms: 1 }), e('b.pdf', { ms: 1 }), e('gone.pdf', { ms: 1 })]));
    const checkpoints = new ManifestCheckpoints(path, (p) => new Set(['a.pdf', 'b.pdf', 'c.pdf']).has(p), '.', { minIntervalMs: 10 });
    checkpoints.finished(e('c.pdf', { ms: 2 }));
    checkpoints.finished(e('a.pdf', { ms: 2 }));
    await sleep(60);
    await checkpoints.stop();
    // b not yet redone keeps its entry; gone.pdf is no longer an input
    expect(await onDisk(path)).toEqual({ 'a.pdf': 2, 'b.pdf': 1, 'c.pdf': 2 });
  });

  it('takes in what another writer (a shard) saved meanwhile, without letting it undo its own entries', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cpc-ckpt-')), 'manifest.jsonl');
    const checkpoints = new ManifestCheckpoints(path, (p) => new Set(['a.pdf', 'b.pdf']).has(p), '.', { minIntervalMs: 10 });
    checkpoints.finished(e('a.pdf', { ms: 2 }));
    await sleep(60);
    writeFileSync(path, serializeManifest([e('a.pdf', { ms: 7 }), e('b.pdf', { ms: 7 })]));
    checkpoints.finished(e('a.pdf', { ms: 3 }));
    await sleep(60);
    await checkpoints.stop();
    expect(await onDisk(path)).toEqual({ 'a.pdf': 3, 'b.pdf': 7 });
  });

  it('writes nothing when nothing finished, and nothing after stop()', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cpc-ckpt-')), 'manifest.jsonl');
    const checkpoints = new ManifestCheckpoints(path, (p) => new Set(['a.pdf']).has(p), '.', { minIntervalMs: 10 });
    await sleep(40);
    expect(existsSync(path)).toBe(false);
    await checkpoints.stop();
    checkpoints.finished(e('a.pdf'));
    await sleep(40);
    expect(existsSync(path)).toBe(false);
  });
});
