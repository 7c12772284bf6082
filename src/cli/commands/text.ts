import { Chalk } from 'chalk';
import { renderDocument, type DocumentFormat } from '../../emit/markdown.js';
import { extractBlocks } from '../../extract.js';
import { documentOutline } from '../../parse/index.js';
import type { Block } from '../../layout/blocks.js';
import { describeFailure, EXIT } from '../../runtime/exit.js';
import { readDocument, shownName } from '../../runtime/input.js';
import { colorLevel, reportError, reportMessages, verbosityOf, type CliIO, type ColorMode } from '../../runtime/io.js';
import type { PdfEngine } from '../../load/pdf.js';
import { ocrFor, type OcrMode } from '../../runtime/ocr.js';

export const TEXT_FORMATS = ['markdown', 'text', 'blocks'] as const;

export interface TextCommandOptions {
  /** markdown (the default) or text: the cleaned document; blocks: the parser's view, for debugging */
  format?: (typeof TEXT_FORMATS)[number];
  json?: boolean;
  password?: string;
  maxPages: number;
  maxBytes: number;
  maxInflated: number;
  ocr: OcrMode;
  pdfEngine: PdfEngine;
  keepFurniture?: boolean;
  color?: ColorMode;
  quiet?: boolean;
  verbose?: boolean;
}

function label(b: Block): string {
  switch (b.kind) {
    case 'table':
      return `table ${b.columns}×${b.rows.length}`;
    case 'list-item':
      return `list ${b.level ?? 0}`;
    case 'heading':
      return `heading${b.level != null ? ` ${b.level}` : ''}`;
    case 'aside':
      return 'aside';
    default:
      return 'para';
  }
}

/** The blocks as the parser sees them, page by page, each with its index (as messages cite it), kind and cues. */
export function renderBlocks(blocks: readonly Block[], level: 0 | 1 | 2 | 3): string {
  const c = new Chalk({ level });
  const out: string[] = [];
  let page: number | null | undefined;
  for (const b of blocks) {
    if (b.page !== page) {
      page = b.page;
      out.push(c.dim(`── page ${page ?? '?'} ──`));
    }
    const tag = `[#${b.index} ${label(b)}${b.kind !== 'table' && b.cues.length ? ` ${b.cues.join(',')}` : ''}]`;
    if (b.kind === 'table') {
      out.push(c.magenta(tag));
      for (const r of b.rows) out.push(`  ${r.header ? c.bold('│ ') : '│ '}${r.cells.map((x) => x.replace(/\n/g, ' ⏎ ')).join(c.dim(' │ '))}`);
      continue;
    }
    const text = b.marker ? `${c.yellow(b.marker)} ${b.text}` : b.text;
    const colour = b.kind === 'heading' ? c.cyan : b.kind === 'list-item' ? c.green : (s: string) => s;
    out.push(`${colour(tag)} ${b.kind === 'heading' ? c.bold(text) : text}`);
  }
  return out.join('\n') + '\n';
}

export async function textCommand(file: string, opts: TextCommandOptions, io: CliIO): Promise<number> {
  const shown = shownName(file);
  try {
    const bytes = await readDocument(file, io, opts.maxBytes);
    const { value, messages } = await extractBlocks(bytes, {
      file: shown,
      password: opts.password,
      maxPages: opts.maxPages,
      maxInflatedBytes: opts.maxInflated,
      pdfEngine: opts.pdfEngine,
      ...ocrFor(opts.ocr),
      keepFurniture: opts.keepFurniture,
    });
    if (!opts.json) reportMessages(io, shown, messages, verbosityOf(opts));
    if (opts.json) {
      io.stdout.write(`${JSON.stringify({ file: shown, format: value.format, pages: value.pages, blocks: value.blocks, furniture: value.furniture, toc: value.toc, messages }, null, 2)}\n`);
      return EXIT.ok;
    }
    const format = opts.format ?? 'markdown';
    if (format !== 'blocks') {
      io.stdout.write(renderDocument(value.blocks, documentOutline(value, value.format), format as DocumentFormat));
      return EXIT.ok;
    }
    const level = colorLevel(io.stdout, io.env, opts.color);
    io.stdout.write(renderBlocks(value.blocks, level));
    const c = new Chalk({ level });
    for (const f of value.furniture) io.stdout.write(c.dim(`[furniture] ${f.text}${f.pages.length ? ` (pages ${f.pages.join(', ')})` : ''}\n`));
    for (const t of value.toc) io.stdout.write(c.dim(`[toc] ${t}\n`));
    return EXIT.ok;
  } catch (e) {
    const f = describeFailure(e);
    reportError(io, shown, f.message, f.errorCode);
    return f.code;
  }
}
