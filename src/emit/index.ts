import type { Report } from '../model/report.js';
import { emitCsv, type CsvOptions } from './csv.js';
import { emitJson } from './json.js';
import { emitYaml } from './yaml.js';

export const OUTPUT_FORMATS = ['json', 'jsonl', 'yaml', 'csv', 'xlsx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** the formats that are text (xlsx is a zip: `emitXlsx`) */
export type TextFormat = Exclude<OutputFormat, 'xlsx'>;

export const EXTENSIONS: Record<OutputFormat, string> = { json: '.json', jsonl: '.jsonl', yaml: '.yaml', csv: '.csv', xlsx: '.xlsx' };

/** JSON Lines: one report per line, for several inputs streamed to jq or a log. */
export function emitJsonLines(report: Report | readonly Report[]): string {
  const reports: readonly Report[] = Array.isArray(report) ? report : [report as Report];
  return reports.map((r) => `${JSON.stringify(r)}\n`).join('');
}

export function emit(report: Report | readonly Report[], format: TextFormat, csv: CsvOptions = {}): string {
  switch (format) {
    case 'json':
      return emitJson(report);
    case 'jsonl':
      return emitJsonLines(report);
    case 'yaml':
      return emitYaml(report);
    case 'csv':
      return emitCsv(report, csv);
  }
}

export { emitCsv, emitJson, emitYaml };
export { emitXlsx, type Xlsx } from './xlsx.js';
export { TABLES, TABLE_NAMES, tableRows, type Table, type TableName, type Column, type Cell } from './tables.js';
export type { CsvOptions } from './csv.js';
export { recommendationRows, csvRows, csvHeader, CSV_COLUMNS, type CsvRow } from './csv.js';
