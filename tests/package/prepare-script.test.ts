/**
 * scripts/prepare.mjs without TypeScript, as `npm install --omit=dev` in a clone runs it: a copy of
 * the script in an empty project, where no typescript can be resolved. (With TypeScript it is
 * `tsc -p tsconfig.build.json`, which every `npm install`, `npm ci` and `npm pack` here runs.)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

function project(withDist: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-prepare-'));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(ROOT, 'scripts', 'prepare.mjs'), join(dir, 'scripts', 'prepare.mjs'));
  writeFileSync(join(dir, 'package.json'), '{"name":"cpc","version":"0.0.0","type":"module"}\n');
  if (withDist) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.js'), 'export {};\n');
  }
  return dir;
}

function prepare(dir: string, args: string[] = [], env: Record<string, string> = {}) {
  const { npm_command: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, [join(dir, 'scripts', 'prepare.mjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...rest, NODE_PATH: '', ...env } });
}

describe('scripts/prepare.mjs without TypeScript', () => {
  it('prepare: says in one line that dist/ was not built and how to build it, and succeeds', () => {
    const r = prepare(project(false));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('cpc: dist/ was not built (TypeScript, a dev dependency, is not installed): `npm install` with dev dependencies, then `npm run build`\n');
  });

  it('prepack: packs a dist/ already built, and refuses to pack without one', () => {
    const built = prepare(project(true), ['--pack']);
    expect(built.status).toBe(0);
    expect(built.stderr).toContain('packing the dist/ already built');
    const none = prepare(project(false), ['--pack']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('cannot pack: dist/ is not built');
  });

  it('prepare during npm pack leaves the build to prepack', () => {
    const r = prepare(project(false), [], { npm_command: 'pack' });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
  });
});
