/**
 * A batch stopped by a signal, or whose stderr reader goes away, keeps what it did: the manifest
 * of what finished, no temporary files, no scratch directory, the summary where a reader remains.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fixture, manifestEntries } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cpc-signals-'));
const archive = join(tmp, 'archive');
mkdirSync(archive);
for (let i = 0; i < 40; i++) cpSync(fixture('bury-2021-cpc-revisit.pdf'), join(archive, `r${String(i).padStart(2, '0')}.pdf`));

const filesBelow = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('a batch stopped by SIGINT or SIGTERM', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s: records what finished, removes its temporary files and scratch, prints the summary, exits %i', async (signal, code) => {
    const out = join(tmp, `out-${signal}`);
    const scratch = mkdtempSync(join(tmp, 'tmpdir-'));
    const child = spawn(process.execPath, [BIN, 'batch', archive, '--out', out, '-j', '2', '--index', join(tmp, `${signal}.csv`)], { env: { ...process.env, TMPDIR: scratch }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // a few files done: stop it (once: a second signal ends the process at once, by design)
      if (!sent && (stderr.match(/^\[/gm) ?? []).length >= 3) {
        sent = true;
        child.kill(signal);
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(code);
    const summary = stderr.trimEnd().split('\n').pop()!;
    expect(summary).toMatch(/^cpc batch: (\d+) files: \1 ok, 0 skipped, 0 failed, 0 timed out; .*; interrupted, \d+ not converted$/);
    const done = Number(/^cpc batch: (\d+) files/.exec(summary)![1]);
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(40);
    const entries = manifestEntries<{ path: string; status: string; output: string }>(readFileSync(join(out, 'manifest.jsonl'), 'utf8'));
    expect(entries).toHaveLength(done);
    for (const e of entries) expect(existsSync(join(out, e.output))).toBe(true);
    expect(filesBelow(out).filter((f) => f.endsWith('.cpc-tmp'))).toEqual([]);
    expect(readdirSync(scratch)).toEqual([]);
    expect(stderr).toContain('not written: the run was interrupted');
    expect(existsSync(join(tmp, `${signal}.csv`))).toBe(false);
    // the next run converts only what is left
    const next = spawn(process.execPath, [BIN, 'batch', archive, '--out', out, '-q'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let nextErr = '';
    next.stderr.on('data', (d: Buffer) => (nextErr += d.toString()));
    expect(await new Promise((resolve) => next.on('close', resolve))).toBe(0);
    expect(nextErr).toMatch(new RegExp(`^cpc batch: 40 files: ${40 - done} ok, ${done} skipped`));
  }, 120_000);
});

describe('a batch whose stderr reader goes away (2>&1 | head)', () => {
  it('converts every file and writes the manifest, exit 0', async () => {
    const out = join(tmp, 'out-closed');
    const child = spawn(process.execPath, [BIN, 'batch', archive, '--out', out, '-j', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.once('data', () => child.stderr.destroy()); // the first line read, the reader is gone
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(manifestEntries(readFileSync(join(out, 'manifest.jsonl'), 'utf8'))).toHaveLength(40);
  }, 120_000);
});
