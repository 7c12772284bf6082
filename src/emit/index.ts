import type { Report } from '../model/report.js';
import { emitCsv } from './csv.js';
import { emitJson } from './json.js';
import { emitYaml } from './yaml.js';

export const OUTPUT_FORMATS = ['json', 'jsonl', 'yaml', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const EXTENSIONS: Record<OutputFormat, string> = { json: '.json', jsonl: '.jsonl', yaml: '.yaml', csv: '.csv' };

/** JSON Lines: one report per line, for several inputs streamed to jq or a log. */
export function emitJsonLines(report: Report | readonly Report[]): string {
  const reports: readonly Report[] = Array.isArray(report) ? report : [report as Report];
  return reports.map((r) => `${JSON.stringify(r)}\n`).join('');
}

export function emit(report: Report | readonly Report[], format: OutputFormat): string {
  switch (format) {
    case 'json':
      return emitJson(report);
    case 'jsonl':
      return emitJsonLines(report);
    case 'yaml':
      return emitYaml(report);
    case 'csv':
      return emitCsv(report);
  }
}

export { emitCsv, emitJson, emitYaml };
export { recommendationRows, csvRows, csvHeader, CSV_COLUMNS, type CsvRow } from './csv.js';
