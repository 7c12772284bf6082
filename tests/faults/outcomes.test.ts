/** Clear outcomes at the edges of a batch: damaged outputs, links out of --out, inputs under it, impossible --out, the manifest named. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpc, fixture, manifestEntries } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cpc-outcomes-'));
const archive = join(tmp, 'archive');
mkdirSync(join(archive, 'sub'), { recursive: true });
cpSync(fixture('bury-2021-cpc-revisit.txt'), join(archive, 'a.txt'));
cpSync(fixture('blaby-2022-progress-review.txt'), join(archive, 'sub', 'b.txt'));
const statuses = (out: string) => Object.fromEntries(manifestEntries<{ path: string; status: string }>(readFileSync(join(out, 'manifest.jsonl'), 'utf8')).map((e) => [e.path, e.status]));

describe('batch edges', () => {
  it('an output damaged by hand is converted again, not trusted as skipped', () => {
    const out = join(tmp, 'damaged');
    expect(cpc(['batch', archive, '--out', out, '-q']).code).toBe(0);
    writeFileSync(join(out, 'a.json'), '{"schemaVersion": "1.1.0"}');
    expect(cpc(['batch', archive, '--out', out, '-q']).code).toBe(0);
    expect(statuses(out)).toEqual({ 'a.txt': 'ok', 'sub/b.txt': 'skipped' });
    expect(cpc(['validate', join(out, 'a.json')]).code).toBe(0);
  });

  it('a directory link inside --out that leads outside is not written through', () => {
    const out = join(tmp, 'linked');
    const elsewhere = join(tmp, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'sub'));
    const r = cpc(['batch', archive, '--out', out, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cpc: sub/b.txt: output/write-failed: its output sub/b.json would be written through a symbolic link to outside --out');
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(statuses(out)).toEqual({ 'a.txt': 'ok', 'sub/b.txt': 'failed' });
  });

  it('an input named under --out is refused by name', () => {
    const out = join(tmp, 'holds-input');
    mkdirSync(out);
    cpSync(fixture('bury-2021-cpc-revisit.txt'), join(out, 'inside.txt'));
    const r = cpc(['batch', join(out, 'inside.txt'), join(archive, 'a.txt'), '--out', out], { cwd: tmp });
    expect(r).toMatchObject({ code: 2, stderr: 'cpc: holds-input/inside.txt: inside --out (or the --index file), where cpc writes; move it out or choose another --out\n' });
  });

  it('an --out below a regular file is a usage error; an unreadable manifest is named', () => {
    writeFileSync(join(tmp, 'plain'), '');
    const below = cpc(['batch', archive, '--out', join(tmp, 'plain', 'out')]);
    expect(below).toMatchObject({ code: 2, stderr: `cpc: --out ${join(tmp, 'plain', 'out')}: cannot be made: ${join(tmp, 'plain')} is a file, not a directory\n` });
    const out = join(tmp, 'bad-manifest');
    mkdirSync(join(out, 'manifest.jsonl'), { recursive: true });
    const r = cpc(['batch', archive, '--out', out], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cpc: bad-manifest\/manifest\.jsonl: cannot read the manifest \(EISDIR/);
    expect(existsSync(join(out, 'a.json'))).toBe(false);
  });
});

describe('memory and an --out nothing was written into', () => {
  it('a file larger than --max-memory is refused before it is read; the manifest is written though no output was', () => {
    const dir = mkdtempSync(join(tmp, 'big-'));
    writeFileSync(join(dir, 'big.txt'), `Anytown Council\n\n${'word '.repeat(700_000)}\n`);
    const out = join(dir, 'out');
    const r = cpc(['batch', join(dir, 'big.txt'), '--out', out, '--max-memory', '2MB', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cpc: big.txt: input/out-of-memory: the file is 3.3 MB, more than the memory limit of 2 MB per file (raise it with --max-memory)');
    expect(statuses(out)).toEqual({ 'big.txt': 'failed' });
  });
});

describe('what a walk cannot read', () => {
  // as root every folder is readable: the run is made as nobody there, as the user otherwise
  const asOther = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  it.skipIf(asOther.length > 0 && !existsSync('/usr/bin/setpriv'))('a folder it cannot list is a failed entry, named, and the run exits 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const { chmodSync } = await import('node:fs');
    const root = mkdtempSync(join(tmpdir(), 'cpc-unreadable-'));
    chmodSync(root, 0o777);
    mkdirSync(join(root, 'a', 'locked'), { recursive: true });
    cpSync(fixture('bury-2021-cpc-revisit.txt'), join(root, 'a', 'r.txt'));
    cpSync(fixture('blaby-2022-progress-review.txt'), join(root, 'a', 'locked', 'b.txt'));
    chmodSync(join(root, 'a'), 0o755);
    chmodSync(join(root, 'a', 'locked'), 0o000);
    mkdirSync(join(root, 'out'), { mode: 0o777 });
    chmodSync(join(root, 'out'), 0o777);
    try {
      const [cmd, ...pre] = asOther.length ? asOther : [process.execPath];
      const args = [...pre, ...(asOther.length ? [process.execPath] : []), join(process.cwd(), 'bin', 'cpc.js'), 'batch', join(root, 'a'), '--out', join(root, 'out'), '-q'];
      const r = spawnSync(cmd!, args, { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('cpc: locked/: input/unreadable: cannot list this folder (permission denied); its files were not converted');
      expect(r.stderr).toMatch(/2 files: 1 ok, 0 skipped, 1 failed/);
      expect(statuses(join(root, 'out'))).toEqual({ 'locked/': 'failed', 'r.txt': 'ok' });
    } finally {
      chmodSync(join(root, 'a', 'locked'), 0o755);
    }
  });
});
