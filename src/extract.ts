import { createHash } from 'node:crypto';
import { CpcError, sortMessages, type Message, type Result } from './diagnostics.js';
import { layout, type Layout, type LayoutOptions } from './layout/index.js';
import { load, type LoadOptions } from './load/index.js';
import { SCHEMA_VERSION, type InputFormat, type Report, type Warning } from './model/report.js';
import { validateReport } from './model/validate.js';
import { parse } from './parse/index.js';

export interface ExtractOptions extends LoadOptions, LayoutOptions {
  /** the input path as the user gave it; recorded as source.file */
  file: string;
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

function toWarning(m: Message): Warning {
  const w: Warning = { code: m.code, severity: m.severity, message: m.message, source: m.source };
  if (m.page != null) w.page = m.page;
  if (m.rule != null) w.rule = m.rule;
  if (m.block != null) w.block = m.block;
  return w;
}

export interface TextResult extends Layout {
  format: InputFormat;
  pages: number | null;
}

/** Load and lay out: the blocks the parser sees (what `cpc text` shows). */
export async function extractBlocks(bytes: Uint8Array, options: ExtractOptions): Promise<Result<TextResult>> {
  const loaded = await load(bytes, baseName(options.file), options);
  const laid = layout(loaded.value, options);
  return {
    value: { ...laid.value, format: loaded.format, pages: loaded.value.pageCount },
    messages: sortMessages([...loaded.messages, ...laid.messages]),
  };
}

/**
 * The whole pipeline on one document: load → layout → parse → validate. Throws a CpcError only
 * when the document cannot be read at all; everything else travels in `messages`.
 */
export async function extractReport(bytes: Uint8Array, options: ExtractOptions): Promise<Result<Report>> {
  const loaded = await load(bytes, baseName(options.file), options);
  const laid = layout(loaded.value, options);
  const parsed = parse(laid.value, loaded.format);
  const messages = sortMessages([...loaded.messages, ...laid.messages, ...parsed.messages]);
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      file: options.file.replace(/\\/g, '/'),
      name: baseName(options.file),
      format: loaded.format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      pages: loaded.value.pageCount,
    },
    report: parsed.value.meta,
    peerTeam: parsed.value.peerTeam,
    sections: parsed.value.sections,
    recommendations: parsed.value.recommendations,
    requestedDecisions: parsed.value.requestedDecisions,
    warnings: messages.map(toWarning),
  };
  const checked = validateReport(report);
  if (!checked.ok) {
    // one line: the first problem and where (the CLI prints errors on one line)
    const problems = checked.errors.split('\n').filter((l) => l.startsWith('✖')).length;
    const first = checked.errors.replace(/\s*\n\s*(→ at)/g, ' $1').split('\n')[0]!.replace(/^✖\s*/, '');
    throw new CpcError('output/invalid', `the extracted report does not match the schema (${problems} problem${problems === 1 ? '' : 's'}; first: ${first})`);
  }
  return { value: checked.value, messages };
}
