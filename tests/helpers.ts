import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gold } from '../bench/score.js';

/** the gold annotation format, as the scoring rules read it */
export type { Gold };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'fixtures');
export const BIN = join(ROOT, 'bin', 'cpc.js');

export const REPORTS = [
  'blaby-2022-progress-review',
  'bradford-2018-scrutiny-progress',
  'bromsgrove-redditch-2020-follow-up',
  'bury-2021-cabinet-report',
  'bury-2021-cpc-revisit',
] as const;
export type ReportName = (typeof REPORTS)[number];
export const FORMATS = ['pdf', 'docx', 'txt', 'html'] as const;

export const fixture = (name: string) => join(FIXTURES, name);
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(fixture(name)));
export const allFixtureFiles = () => readdirSync(FIXTURES).filter((f) => /\.(pdf|docx|txt|md|html)$/.test(f)).sort();

export const gold = (name: ReportName): Gold => JSON.parse(readFileSync(join(FIXTURES, 'gold', `${name}.json`), 'utf8')) as Gold;

/** Run the built binary (the real CLI, as a user runs it). */
export function cpc(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    // a hang must fail the test, not stall the run: the child is killed (status null) at the limit
    timeout: options.timeout,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The lines cpc prints on stderr by default for a report: its warnings, `cpc: <file>: <code>: <message>`. */
export function warningLines(report: { warnings: readonly { code: string; severity: string; message: string; page?: number }[] }, file: string): string[] {
  return report.warnings.filter((w) => w.severity === 'warning').map((w) => `cpc: ${file}: ${w.code}: ${w.message}${w.page != null ? ` (page ${w.page})` : ''}`);
}

/** A manifest's entries, without its header line. */
export function manifestEntries<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((x) => !('manifest' in x)) as T[];
}
