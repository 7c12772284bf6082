import { reportJsonSchema } from '../../model/json-schema.js';
import { EXIT } from '../exit.js';
import type { CliIO } from '../io.js';

export function schemaCommand(io: CliIO): number {
  io.stdout.write(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
