// Writes schemas/*.schema.json from the zod schemas (the single source of truth). A test fails when they drift.
import { writeFileSync, mkdirSync } from 'node:fs';
import { allJsonSchemas } from '../src/model/schemas.js';

mkdirSync('schemas', { recursive: true });
for (const [name, schema] of Object.entries(allJsonSchemas())) {
  writeFileSync(`schemas/${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schemas/${name}.schema.json`);
}
