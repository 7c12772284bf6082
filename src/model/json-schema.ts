import { z } from 'zod';
import { Report, SCHEMA_VERSION } from './report.js';

/** The report schema as JSON Schema (draft 2020-12), generated from the zod schema. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://cpc.local/schemas/report-${SCHEMA_VERSION}.schema.json`,
    title: 'cpc report',
    ...z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' }),
  };
}
