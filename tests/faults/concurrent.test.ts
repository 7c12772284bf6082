/** Two runs into one --out at the same time keep every entry; the lock behind it; --index checks. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../src/runtime/lock.js';
import { BIN, cpc, manifestEntries } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cpc-concurrent-'));

describe('withLock', () => {
  it('lets one holder in at a time, and takes over a lock whose holder died', async () => {
    const lock = join(tmp, 'x.lock');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withLock(lock, async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 5));
          inside--;
        }, { pollMs: 1 }),
      ),
    );
    expect(most).toBe(1);
    writeFileSync(lock, '999999999'); // no such process
    expect(await withLock(lock, async () => 'taken', { timeoutMs: 1000 })).toBe('taken');
  });
});

describe('two shards at once into one --out', () => {
  it('keep every entry, in 3 runs out of 3', async () => {
    const archive = join(tmp, 'archive');
    mkdirSync(archive);
    for (let i = 0; i < 240; i++) writeFileSync(join(archive, `r${String(i).padStart(3, '0')}.txt`), `Anytown Council\n\nThe peer team made ${i} observations in 2023.\n`);
    const run = (out: string, shard: string) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, [BIN, 'batch', archive, '--out', out, '--shard', shard, '-j', '1', '-q'], { stdio: 'ignore' }).on('close', resolve));
    for (let k = 0; k < 3; k++) {
      const out = join(tmp, `out-${k}`);
      expect(await Promise.all([run(out, '1/2'), run(out, '2/2')])).toEqual([0, 0]);
      expect(manifestEntries(readFileSync(join(out, 'manifest.jsonl'), 'utf8'))).toHaveLength(240);
    }
  }, 180_000);
});

describe('--index', () => {
  it('is refused when it is the manifest', () => {
    const archive = join(tmp, 'small');
    mkdirSync(archive);
    writeFileSync(join(archive, 'a.txt'), 'Anytown Council\n');
    const out = join(tmp, 'small-out');
    const manifest = cpc(['batch', archive, '--out', out, '--index', join(out, 'manifest.jsonl')]);
    expect(manifest).toMatchObject({ code: 2, stderr: expect.stringMatching(/--index .*manifest\.jsonl: is the manifest; name the index another file/) });
    expect(manifest.stdout).toBe('');
  });
});

describe('recordManifest', () => {
  it('two runs recording at the same moment both keep their entries', async () => {
    const { recordManifest } = await import('../../src/batch/run.js');
    const { readManifest } = await import('../../src/batch/manifest.js');
    const { manifestEntry } = await import('../support/manifest-entry.js');
    const out = mkdtempSync(join(tmp, 'record-'));
    const path = join(out, 'manifest.jsonl');
    const a = Array.from({ length: 50 }, (_, i) => manifestEntry(`a/${i}.pdf`));
    const b = Array.from({ length: 50 }, (_, i) => manifestEntry(`b/${i}.pdf`));
    for (let k = 0; k < 5; k++) {
      // each run keeps what it did not convert itself: the other's entries
      await Promise.all([recordManifest(path, tmp, a, (p) => !p.startsWith('a/')), recordManifest(path, tmp, b, (p) => !p.startsWith('b/'))]);
      expect((await readManifest(path)).entries.size).toBe(100);
    }
  });
});
