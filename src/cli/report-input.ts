import type { PdfEngine } from '../load/pdf.js';
import { ocrFor, type OcrMode } from '../runtime/ocr.js';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CpcError, type Message } from '../diagnostics.js';
import { extractReport } from '../extract.js';
import type { Report } from '../model/report.js';
import { validateReport } from '../model/validate.js';
import { readDocument } from '../runtime/input.js';
import type { CliIO } from '../runtime/io.js';

export interface ReportInputOptions {
  password?: string;
  maxPages: number;
  maxBytes: number;
  maxInflated: number;
  ocr: OcrMode;
  pdfEngine: PdfEngine;
}

type DataKind = 'json' | 'yaml';

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/**
 * Whether the bytes are `cpc extract` output rather than a document: by extension (.json, .yaml,
 * .yml), else by content — JSON that parses, or YAML that opens with the report's first key. A
 * text document that merely starts with "{" is still read as a document.
 */
function dataKind(bytes: Uint8Array, file: string): DataKind | null {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  const head = stripBom(new TextDecoder().decode(bytes.subarray(0, 256))).trimStart();
  if (/^[[{]/.test(head)) {
    try {
      JSON.parse(stripBom(new TextDecoder().decode(bytes)));
      return 'json';
    } catch {
      return null;
    }
  }
  return /^(?:---[ \t]*\r?\n)?schemaVersion:[ \t]/.test(head) ? 'yaml' : null;
}

/** A report from `cpc extract` output: one report, or a list holding exactly one. */
export function parseReportData(text: string, kind: DataKind, shown: string): Report {
  let data: unknown;
  try {
    data = kind === 'json' ? JSON.parse(stripBom(text)) : parseYaml(text, { logLevel: 'error' });
  } catch (e) {
    throw new CpcError('input/corrupt', `not ${kind === 'json' ? 'JSON' : 'YAML'} (${(e as Error).message.split('\n')[0]})`);
  }
  if (Array.isArray(data)) {
    if (data.length !== 1) {
      throw new CpcError('input/unsupported-format', `holds ${data.length} reports; cpc diff compares one report with another (pick one, e.g. with jq '.[0]')`);
    }
    data = data[0];
  }
  const v = validateReport(data);
  if (!v.ok) throw new CpcError('output/invalid', `not a valid cpc report (cpc validate ${shown} shows why)`);
  return v.value;
}

/** A report from a document (extracted, with its diagnostics) or from `cpc extract` output (validated). */
export async function readReport(file: string, shown: string, opts: ReportInputOptions, io: CliIO): Promise<{ report: Report; messages: Message[] }> {
  const bytes = await readDocument(file, io, opts.maxBytes);
  const kind = dataKind(bytes, file);
  if (kind) return { report: parseReportData(stripBom(new TextDecoder().decode(bytes)), kind, shown), messages: [] };
  const { value, messages } = await extractReport(bytes, {
    file: shown,
    password: opts.password,
    maxPages: opts.maxPages,
    maxInflatedBytes: opts.maxInflated,
    pdfEngine: opts.pdfEngine,
    ...ocrFor(opts.ocr),
  });
  return { report: value, messages };
}
