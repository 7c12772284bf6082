import { createRequire } from 'node:module';
import type * as CsvStringify from 'csv-stringify/sync';

// loaded on first use, like yaml: most runs write JSON
let csv: typeof CsvStringify | undefined;
const csvLib = () => (csv ??= createRequire(import.meta.url)('csv-stringify/sync') as typeof CsvStringify);
import type { Report } from '../model/report.js';

export const CSV_COLUMNS = [
  'file', 'council', 'kind', 'year', 'cycle', 'recYear', 'number', 'title', 'text', 'page', 'section',
  'progress', 'nextSteps', 'status', 'owner', 'due',
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

/** One row per recommendation, in document order. */
export function recommendationRows(report: Report): CsvRow[] {
  const sectionTitle = new Map(report.sections.map((s) => [s.id, s.number ? `${s.number} ${s.title}` : s.title]));
  return report.recommendations.map((r) => ({
    file: report.source.file,
    council: report.report.councils.join('; '),
    kind: report.report.kind,
    year: report.report.year,
    cycle: r.cycle,
    recYear: r.year,
    number: r.number,
    title: r.title,
    text: r.text,
    page: r.page,
    section: r.sectionId ? (sectionTitle.get(r.sectionId) ?? r.sectionId) : null,
    progress: r.response?.progress ?? null,
    nextSteps: r.response?.nextSteps ?? null,
    status: r.response?.status ?? null,
    owner: r.response?.owner ?? null,
    due: r.response?.due ?? null,
  }));
}

export function csvHeader(): string {
  return csvLib().stringify([], { header: true, columns: [...CSV_COLUMNS] });
}

export function csvRows(rows: readonly CsvRow[], header: boolean): string {
  return csvLib().stringify(rows as CsvRow[], { header, columns: [...CSV_COLUMNS], cast: { number: (n) => String(n) } });
}

/** Several reports make one table with one header. */
export function emitCsv(reports: Report | readonly Report[]): string {
  const list: readonly Report[] = Array.isArray(reports) ? reports : [reports as Report];
  const rows = list.flatMap(recommendationRows);
  return rows.length ? csvRows(rows, true) : csvHeader();
}
