import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validateReport } from '../../model/validate.js';
import { describeFailure, EXIT } from '../../runtime/exit.js';
import { reportError, type CliIO } from '../../runtime/io.js';
import { displayPath } from './extract.js';

function parseData(text: string, file: string): unknown {
  if (/\.json$/i.test(file) || /^\s*[[{]/.test(text)) return JSON.parse(text);
  return parseYaml(text);
}

/** Check cpc output files (a report, or an array of them) against the schema. */
export async function validateCommand(files: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    let data: unknown;
    try {
      data = parseData(await readFile(resolve(io.cwd, file), 'utf8'), file);
    } catch (e) {
      const f = e instanceof SyntaxError || (e as Error).name === 'YAMLParseError' ? { code: EXIT.input, errorCode: 'input/unreadable', message: `not JSON or YAML (${(e as Error).message.split('\n')[0]})` } : describeFailure(e);
      reportError(io, shown, f.message, f.errorCode);
      if (exitCode === EXIT.ok) exitCode = f.code;
      continue;
    }
    const items = Array.isArray(data) ? data : [data];
    let bad = 0;
    items.forEach((item, i) => {
      const v = validateReport(item);
      if (v.ok) return;
      bad++;
      const where = Array.isArray(data) ? ` (item ${i + 1})` : '';
      io.stderr.write(`cpc: ${shown}${where}: not a valid cpc report:\n${v.errors.replace(/^/gm, '  ')}\n`);
    });
    if (bad) {
      if (exitCode === EXIT.ok) exitCode = EXIT.invalid;
    } else {
      io.stdout.write(`${shown}: valid (${items.length} report${items.length === 1 ? '' : 's'})\n`);
    }
  }
  return exitCode;
}
