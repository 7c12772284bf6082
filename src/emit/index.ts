import type { Report } from '../model/report.js';
import { emitCsv } from './csv.js';
import { emitJson } from './json.js';
import { emitYaml } from './yaml.js';

export const OUTPUT_FORMATS = ['json', 'yaml', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const EXTENSIONS: Record<OutputFormat, string> = { json: '.json', yaml: '.yaml', csv: '.csv' };

export function emit(report: Report | readonly Report[], format: OutputFormat): string {
  switch (format) {
    case 'json':
      return emitJson(report);
    case 'yaml':
      return emitYaml(report);
    case 'csv':
      return emitCsv(report);
  }
}

export { emitCsv, emitJson, emitYaml };
export { recommendationRows, csvRows, csvHeader, CSV_COLUMNS, type CsvRow } from './csv.js';
