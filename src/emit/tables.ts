/**
 * The report as tables, one per thing a spreadsheet user looks at: recommendations, peers,
 * sections, requested decisions, warnings. CSV writes one of them, xlsx all of them as sheets.
 * Every row starts with the file, so the tables of several reports stack; ids join a row to the
 * JSON (and to `cpc diff`, whose links name recommendation ids).
 */
import type { Report } from '../model/report.js';

export type Cell = string | number | null;

export interface Column {
  name: string;
  /** a spreadsheet column's width, in characters */
  width: number;
  /** long text: wrapped in a spreadsheet */
  wrap?: boolean;
  /** a number to compute with (a page, a year, a confidence); every other cell stays text, so "2.10" is not 2.1 */
  numeric?: boolean;
}

export interface Table<Name extends string = string> {
  name: Name;
  columns: readonly Column[];
  rows(report: Report): Cell[][];
}

const col = (name: string, width: number, more: Partial<Column> = {}): Column => ({ name, width, ...more });

export const RECOMMENDATION_COLUMNS = [
  col('file', 30), col('id', 16), col('council', 26), col('kind', 18), col('year', 6, { numeric: true }), col('cycle', 9),
  col('recYear', 8, { numeric: true }), col('number', 8), col('title', 30, { wrap: true }), col('text', 70, { wrap: true }),
  col('page', 6, { numeric: true }), col('sectionId', 12), col('section', 30, { wrap: true }), col('progress', 50, { wrap: true }),
  col('nextSteps', 40, { wrap: true }), col('status', 12), col('owner', 20), col('due', 14), col('rule', 16), col('confidence', 10, { numeric: true }),
] as const satisfies readonly Column[];

export type RecommendationColumn = (typeof RECOMMENDATION_COLUMNS)[number]['name'];

const recommendations: Table<'recommendations'> = {
  name: 'recommendations',
  columns: RECOMMENDATION_COLUMNS,
  rows(report) {
    const sectionTitle = new Map(report.sections.map((s) => [s.id, s.number ? `${s.number} ${s.title}` : s.title]));
    return report.recommendations.map((r) => [
      report.source.file, r.id, report.report.councils.join('; '), report.report.kind, report.report.year, r.cycle,
      r.year, r.number, r.title, r.text,
      r.page, r.sectionId, r.sectionId ? (sectionTitle.get(r.sectionId) ?? r.sectionId) : null, r.response?.progress ?? null,
      r.response?.nextSteps ?? null, r.response?.status ?? null, r.response?.owner ?? null, r.response?.due ?? null, r.evidence.rule, r.evidence.confidence,
    ]);
  },
};

const peers: Table<'peers'> = {
  name: 'peers',
  columns: [col('file', 30), col('name', 28), col('role', 40, { wrap: true }), col('organisation', 36, { wrap: true })],
  rows: (report) => report.peerTeam.map((p) => [report.source.file, p.name, p.role, p.organisation]),
};

const sections: Table<'sections'> = {
  name: 'sections',
  columns: [col('file', 30), col('id', 12), col('number', 8), col('title', 40, { wrap: true }), col('level', 6, { numeric: true }), col('parentId', 12), col('page', 6, { numeric: true }), col('text', 80, { wrap: true })],
  rows: (report) => report.sections.map((s) => [report.source.file, s.id, s.number, s.title, s.level, s.parentId, s.page, s.text]),
};

const decisions: Table<'decisions'> = {
  name: 'decisions',
  columns: [col('file', 30), col('id', 12), col('text', 70, { wrap: true }), col('body', 16), col('sectionId', 12), col('page', 6, { numeric: true })],
  rows: (report) => report.requestedDecisions.map((d) => [report.source.file, d.id, d.text, d.body, d.sectionId, d.page]),
};

const warnings: Table<'warnings'> = {
  name: 'warnings',
  columns: [col('file', 30), col('code', 30), col('severity', 9), col('message', 80, { wrap: true }), col('page', 6, { numeric: true }), col('source', 8), col('rule', 16), col('block', 7, { numeric: true })],
  rows: (report) => report.warnings.map((w) => [report.source.file, w.code, w.severity, w.message, w.page ?? null, w.source, w.rule ?? null, w.block ?? null]),
};

/** In sheet order. */
export const TABLES = { recommendations, peers, sections, decisions, warnings } as const;
export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Every row of `table` over several reports, in input then document order. */
export function tableRows(table: Table, reports: Report | readonly Report[]): Cell[][] {
  const list: readonly Report[] = Array.isArray(reports) ? reports : [reports as Report];
  return list.flatMap((r) => table.rows(r));
}
