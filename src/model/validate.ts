import { z } from 'zod';
import { Report } from './report.js';

export type Validation = { ok: true; value: Report } | { ok: false; errors: string };

/** Check any value against the report schema; errors come back readable, one per line. */
export function validateReport(data: unknown): Validation {
  const r = Report.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: z.prettifyError(r.error) };
}
