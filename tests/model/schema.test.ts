import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allJsonSchemas } from '../../src/model/schemas.js';
import { validateReport } from '../../src/model/validate.js';
import { ROOT } from '../helpers.js';

describe('JSON Schema', () => {
  it.each(Object.entries(allJsonSchemas()))('schemas/%s.schema.json matches the zod schema (run npm run schemas)', (name, schema) => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});

describe('validateReport', () => {
  it('explains what is wrong, field by field', () => {
    const v = validateReport({ schemaVersion: '1.0.0', source: { file: 'x' } });
    expect(v.ok).toBe(false);
    expect(!v.ok && v.errors).toMatch(/source\.sha256|report/);
  });
});
