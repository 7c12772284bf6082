import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../src/batch/manifest.js';
import { exitStatusFor, summaryLine, tally } from '../../src/batch/summary.js';

const e = (status: ManifestEntry['status'], fields: Partial<ManifestEntry> = {}): ManifestEntry => ({
  path: `${status}.pdf`,
  status,
  sha256: null,
  output: null,
  format: null,
  pages: 10,
  counts: { recommendationsCurrent: 3, recommendationsPrevious: 2, sections: 1, peers: 0 },
  warnings: [],
  error: null,
  ms: 5,
  cpcVersion: '0.0.0',
  ...fields,
});

describe('exitStatusFor', () => {
  const clean = [e('ok'), e('skipped')];
  const warned = [e('ok', { warnings: ['pdf/no-text-layer'] })];
  const failed = [e('ok'), e('failed')];
  const timedOut = [e('timeout')];
  it.each([
    ['error', clean, 0],
    ['error', warned, 0],
    ['error', failed, 1],
    ['error', timedOut, 1],
    ['warning', clean, 0],
    ['warning', warned, 1],
    ['warning', failed, 1],
    ['never', failed, 0],
    ['never', timedOut, 0],
  ] as const)('--fail-on %s', (failOn, entries, code) => {
    expect(exitStatusFor(entries, failOn)).toBe(code);
  });
});

describe('summaryLine', () => {
  it('counts statuses, and pages and recommendations of the files converted in this run', () => {
    const t = tally([e('ok'), e('ok', { pages: null }), e('skipped'), e('failed'), e('timeout')], 2, 2000);
    expect(summaryLine(t)).toBe('cpc batch: 5 files: 2 ok, 1 skipped, 1 failed, 1 timed out, 2 ignored; 10 pages, 10 recommendations in 2 s (5.0 pages/s)');
  });
});
