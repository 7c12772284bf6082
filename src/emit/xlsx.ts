/**
 * xlsx: one sheet per table (recommendations, peers, sections, decisions, warnings), written by
 * exceljs. Every cell is text but the numbers one computes with (pages, years, confidence), so a
 * spreadsheet keeps "2.10" apart from "2.1"; the header row is frozen, columns have widths, long
 * text wraps. The workbook's dates are fixed: the same report gives the same sheets.
 */
import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';
import type { Report } from '../model/report.js';
import { TABLE_NAMES, TABLES, tableRows } from './tables.js';

// loaded on first use: a large library most runs never need
let excel: typeof ExcelJS | undefined;
const excelLib = () => (excel ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJS);

/** No timestamps unless asked: the workbook says it was made at the epoch. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
/** Excel's limit on one cell's text */
const MAX_CELL = 32_767;

export interface Xlsx {
  bytes: Uint8Array;
  /** cells cut at Excel's limit (the JSON has them whole) */
  truncated: number;
}

export async function emitXlsx(reports: Report | readonly Report[]): Promise<Xlsx> {
  let truncated = 0;
  const fit = (s: string) => {
    if (s.length <= MAX_CELL) return s;
    truncated++;
    return s.slice(0, MAX_CELL);
  };
  const { Workbook } = excelLib();
  const book = new Workbook();
  book.creator = 'cpc';
  book.created = FIXED_DATE;
  book.modified = FIXED_DATE;
  for (const name of TABLE_NAMES) {
    const table = TABLES[name];
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.name, key: c.name, width: c.width, style: c.numeric ? {} : { numFmt: '@' } }));
    sheet.getRow(1).font = { bold: true };
    for (const cells of tableRows(table, reports)) {
      const row = sheet.addRow(cells.map((v, i) => (v === null ? null : table.columns[i]!.numeric ? v : fit(String(v)))));
      table.columns.forEach((c, i) => {
        if (c.wrap) row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
        else row.getCell(i + 1).alignment = { vertical: 'top' };
      });
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return { bytes: await withFixedDates(new Uint8Array(await book.xlsx.writeBuffer())), truncated };
}

/**
 * exceljs stamps each zip entry with the time of writing; stamped again at a fixed date, the same
 * report gives a byte-identical workbook (a diff in git then means the data changed).
 */
async function withFixedDates(bytes: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
