import { diffJsonSchema, reportJsonSchema } from './json-schema.js';

/** Every JSON Schema cpc publishes, by file stem (schemas/<stem>.schema.json). */
export function allJsonSchemas(): Record<string, Record<string, unknown>> {
  return { report: reportJsonSchema(), diff: diffJsonSchema() };
}
