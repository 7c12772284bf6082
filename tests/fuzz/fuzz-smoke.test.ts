/**
 * A short run of the fuzzer (`npm run fuzz` runs ≥ 10,000 cases): a fixed seed, every fixture
 * mutated a few times, through the same worker pool. Keeps the harness itself working and catches
 * the commonest regressions in seconds.
 */
import { describe, expect, it } from 'vitest';
import { loadSources } from './cases.js';
import { FUZZ_LIMITS, runFuzz } from './engine.js';
import { outcomeKey } from './verdict.js';

const SMOKE_SEED = 20240601;
const SMOKE_CASES = 120;

describe('fuzz smoke', () => {
  it(`${SMOKE_CASES} mutated fixtures each end in a valid report or a documented error`, async () => {
    const stats = await runFuzz(loadSources(), { jobs: 2, ...FUZZ_LIMITS, seed: SMOKE_SEED, count: SMOKE_CASES });
    const failures = stats.failures.map((f) => `case ${f.fuzzCase.index} (${f.fuzzCase.source}: ${f.fuzzCase.description}) → ${outcomeKey(f.verdict)}`);
    expect(failures).toEqual([]);
    expect(stats.cases).toBe(SMOKE_CASES);
    // both kinds of ending occur: mutations that cpc reads through, and ones it refuses
    expect(stats.byOutcome.get('report')).toBeGreaterThan(0);
    expect([...stats.byOutcome.keys()].some((k) => k.startsWith('input/'))).toBe(true);
  });
});
