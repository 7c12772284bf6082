import { formatDuration, plural } from './format.js';
import type { ManifestEntry } from './manifest.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface RunTotals {
  files: number;
  ok: number;
  skipped: number;
  failed: number;
  timeout: number;
  /** files met on a walk that are not documents */
  ignored: number;
  /** pages and recommendations of the files converted in this run (skipped files are not re-read) */
  pages: number;
  recommendations: number;
  elapsedMs: number;
}

export function tally(entries: readonly ManifestEntry[], ignored: number, elapsedMs: number): RunTotals {
  const t: RunTotals = { files: entries.length, ok: 0, skipped: 0, failed: 0, timeout: 0, ignored, pages: 0, recommendations: 0, elapsedMs };
  for (const e of entries) {
    t[e.status]++;
    if (e.status !== 'ok') continue;
    t.pages += e.pages ?? 0;
    t.recommendations += (e.counts?.recommendationsCurrent ?? 0) + (e.counts?.recommendationsPrevious ?? 0);
  }
  return t;
}

export function summaryLine(t: RunTotals): string {
  const seconds = t.elapsedMs / 1000;
  const rate = seconds > 0 ? t.pages / seconds : 0;
  const ignored = t.ignored ? `, ${t.ignored} ignored` : '';
  return (
    `cpc batch: ${plural(t.files, 'file')}: ${t.ok} ok, ${t.skipped} skipped, ${t.failed} failed, ${t.timeout} timed out${ignored}; ` +
    `${plural(t.pages, 'page')}, ${plural(t.recommendations, 'recommendation')} in ${formatDuration(t.elapsedMs)} (${rate.toFixed(1)} pages/s)`
  );
}

/**
 * 1 when the run should fail CI: any failed or timed-out file (`error`, the default), also any
 * file with warning-severity diagnostics (`warning`), never for `never`.
 */
export function exitStatusFor(entries: readonly ManifestEntry[], failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const failed = entries.some((e) => e.status === 'failed' || e.status === 'timeout');
  const warned = entries.some((e) => (e.status === 'ok' || e.status === 'skipped') && e.warnings.length > 0);
  return failed || (failOn === 'warning' && warned) ? 1 : 0;
}
