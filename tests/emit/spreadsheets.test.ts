/**
 * CSV and xlsx: the tables, their columns, and the workbook read back — by exceljs, and by
 * LibreOffice converting each sheet to CSV, which must equal cpc's own CSV of that table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emitCsv, emitXlsx, TABLE_NAMES } from '../../src/emit/index.js';
import { extractReport } from '../../src/extract.js';
import type { Report } from '../../src/model/report.js';
import { fixtureBytes } from '../helpers.js';

const { Workbook } = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
const reportOf = async (name: string) => (await extractReport(fixtureBytes(name), { file: name })).value;
const revisit = await reportOf('bury-2021-cpc-revisit.pdf');
const cabinet = await reportOf('bury-2021-cabinet-report.docx');
/** a recommendation numbered 2.10: a spreadsheet must not read it as the number 2.1 */
const tenth: Report = { ...revisit, recommendations: [...revisit.recommendations, { ...revisit.recommendations[0]!, id: '2021-2.10', number: '2.10', text: 'Say “why” — with curly quotes.' }] };

describe('CSV', () => {
  it('has id, sectionId, rule and confidence columns that join a row to the JSON', () => {
    const lines = emitCsv(revisit).trimEnd().split('\n');
    expect(lines[0]).toBe('file,id,council,kind,year,cycle,recYear,number,title,text,page,sectionId,section,progress,nextSteps,status,owner,due,rule,confidence');
    expect(lines).toHaveLength(revisit.recommendations.length + 1);
    const r = revisit.recommendations[0]!;
    expect(lines[1]).toMatch(new RegExp(`^bury-2021-cpc-revisit\\.pdf,${r.id},Bury Council,.*,${r.sectionId},.*,${r.evidence.rule},${r.evidence.confidence}$`));
  });

  it('writes any table with --table, and a byte-order mark with --bom', () => {
    expect(emitCsv(revisit, { table: 'peers' }).split('\n')[0]).toBe('file,name,role,organisation');
    expect(emitCsv(revisit, { table: 'peers' }).trimEnd().split('\n')).toHaveLength(revisit.peerTeam.length + 1);
    expect(emitCsv(revisit, { table: 'sections' }).trimEnd().split('\n')[0]).toBe('file,id,number,title,level,parentId,page,text');
    expect(emitCsv(cabinet, { table: 'decisions' }).split('\n').slice(0, 2)).toEqual(['file,id,text,body,sectionId,page', expect.stringMatching(/^bury-2021-cabinet-report\.docx,decision-1,/)]);
    expect(emitCsv(revisit, { table: 'warnings' }).split('\n')[0]).toBe('file,code,severity,message,page,source,rule,block');
    const bom = emitCsv(tenth, { bom: true });
    expect(bom.charCodeAt(0)).toBe(0xfeff);
    expect(bom.slice(1)).toBe(emitCsv(tenth));
    expect(bom).toContain('“why”');
  });
});

describe('xlsx', () => {
  const book = async (reports: Report | Report[]) => {
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from((await emitXlsx(reports)).bytes) as unknown as ExcelJS.Buffer);
    return wb;
  };

  it('has one sheet per table, a frozen bold header, widths, wrapped text, and numbers kept as printed text', async () => {
    const wb = await book([tenth, cabinet]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(TABLE_NAMES);
    const recs = wb.getWorksheet('recommendations')!;
    expect(recs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (recs.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(emitCsv(revisit).split('\n')[0]!.split(','));
    const at = (name: string) => header.indexOf(name) + 1;
    expect(recs.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(recs.getColumn(at('text')).width).toBe(70);
    expect(recs.rowCount).toBe(1 + tenth.recommendations.length + cabinet.recommendations.length);
    const last = recs.getRow(1 + tenth.recommendations.length);
    expect(last.getCell(at('number')).value).toBe('2.10');
    expect(last.getCell(at('id')).value).toBe('2021-2.10');
    expect(last.getCell(at('text')).alignment?.wrapText).toBe(true);
    expect(last.getCell(at('page')).value).toBe(revisit.recommendations[0]!.page);
    expect(typeof last.getCell(at('confidence')).value).toBe('number');
    expect(wb.getWorksheet('peers')!.rowCount).toBe(1 + revisit.peerTeam.length + cabinet.peerTeam.length);
    expect(wb.getWorksheet('decisions')!.getRow(2).getCell(3).value).toBe(cabinet.requestedDecisions[0]!.text);
  });

  it('is byte-identical for the same report (no time of writing inside)', async () => {
    const a = (await emitXlsx(revisit)).bytes;
    await new Promise((r) => setTimeout(r, 1100)); // a zip entry's time has two-second steps
    const b = (await emitXlsx(revisit)).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)('reads back in LibreOffice: each sheet converted to CSV equals cpc’s CSV of that table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-xlsx-'));
    writeFileSync(join(dir, 'r.xlsx'), (await emitXlsx([tenth, cabinet])).bytes);
    // 44,34,76: comma, double quote, UTF-8; the last field -1 writes every sheet to its own file
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, join(dir, 'r.xlsx')], { stdio: 'pipe', timeout: 60_000 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()).toEqual(TABLE_NAMES.map((t) => `r-${t}.csv`).sort());
    for (const table of TABLE_NAMES) expect(readFileSync(join(dir, `r-${table}.csv`), 'utf8')).toBe(emitCsv([tenth, cabinet], { table }));
  }, 90_000);
});
