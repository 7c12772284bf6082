import { createRequire } from 'node:module';
import type * as CsvStringify from 'csv-stringify/sync';
import type { Report } from '../model/report.js';
import { RECOMMENDATION_COLUMNS, TABLES, tableRows, type Cell, type RecommendationColumn, type TableName } from './tables.js';

// loaded on first use, like yaml: most runs write JSON
let csv: typeof CsvStringify | undefined;
const csvLib = () => (csv ??= createRequire(import.meta.url)('csv-stringify/sync') as typeof CsvStringify);

/** The recommendations table's columns: `extract --format csv` and `batch --index`. */
export const CSV_COLUMNS = RECOMMENDATION_COLUMNS.map((c) => c.name) as readonly RecommendationColumn[];

export type CsvRow = Record<RecommendationColumn, Cell>;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return before
 * one) gets a leading apostrophe, as OWASP advises against CSV injection; control characters
 * other than line breaks and tabs are shown as \xNN. Numbers are left alone.
 */
export function safeCell(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  const shown = value.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
}

export interface CsvOptions {
  /** which table (default recommendations) */
  table?: TableName;
  /** start with a byte-order mark, so Excel and LibreOffice read UTF-8 (curly quotes) right */
  bom?: boolean;
  /** cells exactly as they are, formulas and all (`--csv-raw`) */
  raw?: boolean;
}

/** One row per recommendation, in document order, keyed by column (an index's JSON Lines rows). */
export function recommendationRows(report: Report): CsvRow[] {
  return TABLES.recommendations.rows(report).map((cells) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i]!])) as CsvRow);
}

export function csvHeader(): string {
  return csvLib().stringify([], { header: true, columns: [...CSV_COLUMNS] });
}

export function csvRows(rows: readonly CsvRow[], header: boolean, raw = false): string {
  const cells = raw ? rows : rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, safeCell(v)])) as CsvRow);
  return csvLib().stringify(cells as CsvRow[], { header, columns: [...CSV_COLUMNS], cast: { number: (n) => String(n) } });
}

/** Several reports make one table with one header. */
export function emitCsv(reports: Report | readonly Report[], options: CsvOptions = {}): string {
  const table = TABLES[options.table ?? 'recommendations'];
  const columns = table.columns.map((c) => c.name);
  const rows = options.raw ? tableRows(table, reports) : tableRows(table, reports).map((r) => r.map(safeCell));
  const text = csvLib().stringify(rows, { header: true, columns, cast: { number: (n) => String(n) } });
  return (options.bom ? '\uFEFF' : '') + text;
}
