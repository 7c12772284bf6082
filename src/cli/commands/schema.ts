import { allJsonSchemas } from '../../model/schemas.js';
import { EXIT } from '../../runtime/exit.js';
import type { CliIO } from '../../runtime/io.js';

/** Print one published JSON Schema: `report` (cpc extract output) or `diff` (cpc diff --format json). */
export function schemaCommand(io: CliIO, name: 'report' | 'diff' = 'report'): number {
  io.stdout.write(`${JSON.stringify(allJsonSchemas()[name], null, 2)}\n`);
  return EXIT.ok;
}
