/**
 * What a fuzz case's outcome means. A damaged document may give a report (which must be valid)
 * or be refused with a documented input error; anything else is a bug in cpc: an `internal`
 * error, a report that fails the schema, a hang stopped by the time limit, a worker that ran out
 * of memory or died.
 */
import type { TaskOutcome } from '../../src/batch/pool.js';
import { ERROR_CODES } from '../../src/diagnostics.js';
import { validateReport } from '../../src/model/validate.js';

/** Refusals a damaged file may legitimately get. Time and memory limits are not among them: a small file that hits one is a bug. */
export const ACCEPTED_REFUSALS: ReadonlySet<string> = new Set(
  Object.keys(ERROR_CODES).filter((code) => code.startsWith('input/') && code !== 'input/timeout' && code !== 'input/out-of-memory'),
);

export type Verdict =
  | { kind: 'report' }
  | { kind: 'refused'; code: string }
  | { kind: 'failure'; code: string; message: string };

export function judge(outcome: TaskOutcome): Verdict {
  if (outcome.status === 'ok') {
    const checked = validateReport(outcome.report);
    return checked.ok ? { kind: 'report' } : { kind: 'failure', code: 'invalid-report', message: checked.errors.split('\n').slice(0, 3).join(' ') };
  }
  if (outcome.status === 'failed' && ACCEPTED_REFUSALS.has(outcome.error.code)) return { kind: 'refused', code: outcome.error.code };
  return { kind: 'failure', code: outcome.error.code, message: outcome.error.message };
}

/** The key outcomes are counted by: `report`, or the error code. */
export const outcomeKey = (v: Verdict) => (v.kind === 'report' ? 'report' : v.code);

/** Failures alike up to numbers and paths: one regression fixture per kind of failure is enough. */
export const failureSignature = (v: Extract<Verdict, { kind: 'failure' }>) =>
  `${v.code}: ${v.message.replace(/\d+/g, '#').replace(/\(.*?\)|'.*?'|".*?"/g, '…').slice(0, 120)}`;
