/**
 * Replays every fuzz case that ever failed (tests/fuzz/regressions/) through the batch engine's
 * worker pool: each must now end as its note expects — a valid report or its documented error.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractPool } from '../../src/batch/pool.js';
import { fixtureBytes } from '../helpers.js';
import { FUZZ_LIMITS, openPool, runOne } from './engine.js';
import { loadRegressions } from './regressions.js';
import { judge, outcomeKey, type Verdict } from './verdict.js';

const regressions = loadRegressions();
let pool: ExtractPool | undefined;
// one worker, so the sentinel below runs where the case ran
const getPool = async () => (pool ??= await openPool({ jobs: 1, ...FUZZ_LIMITS }));
afterAll(() => pool?.close());

/** A failure shows its message, not just its code. */
const shown = (v: Verdict) => (v.kind === 'failure' ? `${v.code}: ${v.message}` : outcomeKey(v));

describe('fuzz regressions', () => {
  it('has fixtures, each with its bytes and a decided outcome', () => {
    expect(regressions.length).toBeGreaterThan(0);
    for (const { note } of regressions) expect(note.expected, note.file).not.toBeNull();
  });

  it.each(regressions.map((r) => [r.note.file, r] as const))('%s', async (_file, { note, bytes }) => {
    const p = await getPool();
    expect(shown(judge(await runOne(p, note.file, bytes, FUZZ_LIMITS.timeoutMs)))).toBe(note.expected && 'code' in note.expected ? note.expected.code : 'report');
    // a case may also break its worker after answering (an unobserved rejection): the next file
    // must not pay for it. A Word file, whose conversion yields to the event loop where the worker
    // meets such a rejection; a text file is read in one go and would slip past it.
    expect(shown(judge(await runOne(p, 'sentinel.docx', fixtureBytes('blaby-2022-progress-review.docx'), FUZZ_LIMITS.timeoutMs)))).toBe('report');
  });
});
