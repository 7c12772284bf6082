/** A batch output read back: the report a skipped file stands on, and what the index is built from. */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { Report } from '../model/report.js';
import { validateReport } from '../model/validate.js';

export type OutputRead = { ok: true; report: Report } | { ok: false; problem: 'unreadable' | 'invalid'; message: string };

/** The JSON or YAML report at `path`, checked against the schema. */
export async function readOutputReport(path: string): Promise<OutputRead> {
  let data: unknown;
  try {
    const text = await readFile(path, 'utf8');
    data = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text, { logLevel: 'error' });
  } catch (e) {
    return { ok: false, problem: 'unreadable', message: (e as Error).message.split('\n')[0]! };
  }
  const checked = validateReport(data);
  return checked.ok ? { ok: true, report: checked.value } : { ok: false, problem: 'invalid', message: 'not a valid report' };
}
