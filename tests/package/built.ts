/** The built package, as a user's program imports it: these tests need `npm run build` first (npm test does). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers.js';

export const DIST_INDEX = join(ROOT, 'dist', 'index.js');

export function assertBuilt(): void {
  if (!existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: run \`npm run build\` first`);
}

/** The damaged PDF whose repair leaves pdf.js's orphaned rejections (tests/fuzz/regressions: XRefEntryException). */
export const ORPHANING_PDF = join(ROOT, 'tests', 'fuzz', 'regressions', 'bradford-2018-scrutiny-progress-seed2-case321.pdf');

/**
 * Run an ES module in a fresh Node process, as a host program would: `CPC` in its text is
 * replaced by the URL of the module to import (the built library unless told otherwise).
 */
export function runHost(source: string, options: { cpc?: string; args?: readonly string[]; cwd?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-host-'));
  const script = join(dir, 'host.mjs');
  writeFileSync(script, source.replaceAll('CPC', pathToFileURL(options.cpc ?? DIST_INDEX).href));
  const r = spawnSync(process.execPath, [...(options.args ?? []), script], { cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
