import { z } from 'zod';
import { DIFF_SCHEMA_VERSION, DiffResult } from './diff.js';
import { Report, SCHEMA_VERSION } from './report.js';

/** The report schema as JSON Schema (draft 2020-12), generated from the zod schema. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://cpc.local/schemas/report-${SCHEMA_VERSION}.schema.json`,
    title: 'cpc report',
    ...z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' }),
  };
}

/** The `cpc diff` output schema as JSON Schema (draft 2020-12), generated from the zod schema. */
export function diffJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://cpc.local/schemas/diff-${DIFF_SCHEMA_VERSION}.schema.json`,
    title: 'cpc diff',
    ...z.toJSONSchema(DiffResult, { target: 'draft-2020-12', io: 'output' }),
  };
}
