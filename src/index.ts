/** cpc as a library: the one-call pipeline, and each stage for those who need it. */
import type { Result } from './diagnostics.js';
import * as pipeline from './extract.js';
import type { ExtractOptions, TextResult } from './extract.js';
import * as loader from './load/index.js';
import type { LoadOptions, LoadResult } from './load/index.js';
import type { InputFormat, Report } from './model/report.js';
import type { runBatch as runBatchType } from './batch/run.js';
import * as file from './runtime/extract-file.js';
import { guardPdfJs } from './runtime/rejections.js';

// Each entry point that may read a PDF drops the rejections pdf.js orphans on a damaged one
// (src/load/pdfjs-orphans.ts) while it runs, so a host process needs to install nothing.

/**
 * The whole pipeline on one document's bytes: load → layout → parse → validate. Throws a CpcError
 * only when the document cannot be read at all; everything else travels in `messages`.
 */
export function extractReport(bytes: Uint8Array, options: ExtractOptions): Promise<Result<Report>> {
  return guardPdfJs(() => pipeline.extractReport(bytes, options));
}

/** Read a file as `cpc extract` does (refusing one over `maxBytes`, default 200 MB) and extract its report. */
export function extractFile(path: string, options?: file.ExtractFileOptions): Promise<Result<Report>> {
  return guardPdfJs(() => file.extractFile(path, options));
}

/** Load and lay out: the blocks the parser sees (what `cpc text` shows). */
export function extractBlocks(bytes: Uint8Array, options: ExtractOptions): Promise<Result<TextResult>> {
  return guardPdfJs(() => pipeline.extractBlocks(bytes, options));
}

/** Read a document of any supported format; the format comes from the bytes. */
export function load(bytes: Uint8Array, fileName: string, options?: LoadOptions): Promise<LoadResult & { format: InputFormat }> {
  return guardPdfJs(() => loader.load(bytes, fileName, options));
}

/** Read a document as the given format. */
export function loadAs(format: InputFormat, bytes: Uint8Array, options?: LoadOptions): Promise<LoadResult> {
  return guardPdfJs(() => loader.loadAs(format, bytes, options));
}

export type { ExtractOptions, TextResult } from './extract.js';
export type { ExtractFileOptions } from './runtime/extract-file.js';
export { detectFormat, DEFAULT_LIMITS, type RawDoc, type LoadOptions, type LoadResult } from './load/index.js';
export { layout, type Block, type Layout, type TextBlock, type TableBlock } from './layout/index.js';
export { parse, type Parsed } from './parse/index.js';
export { emit, emitJson, emitYaml, emitCsv, OUTPUT_FORMATS, type OutputFormat } from './emit/index.js';
export * from './model/index.js';
export { diffRecommendations, hasChanges, renderDiff, DIFF_FORMATS, DEFAULT_THRESHOLD, type DiffOptions, type DiffFormat } from './diff/index.js';

/**
 * `cpc batch` as a call: converts inputs (directories, globs, files) into `opts.out` in worker
 * threads, with its manifest; resolves to the exit status `cpc batch` would have. Loaded on first
 * call, so importing cpc starts no thread pool code; the rest of the engine is in `cpc/batch`.
 */
export async function runBatch(...args: Parameters<typeof runBatchType>): ReturnType<typeof runBatchType> {
  // the caller's own arguments, passed on
  // eslint-disable-next-line no-restricted-syntax
  return (await import('./batch/run.js')).runBatch(...args);
}
export type { BatchOptions } from './batch/run.js';
export type { CliIO } from './runtime/io.js';

/** kept for programs written before the entry points above guarded themselves: they need it no more */
export { dropOrphanedPdfJsRejections } from './runtime/rejections.js';
/** a host with its own 'unhandledRejection' listener is shown pdf.js's orphans too: this tells them apart */
export { isPdfJsParserException } from './load/pdfjs-orphans.js';
export { CpcError, ERROR_CODES, WARNING_CODES, type ErrorCode, type WarningCode, type Message, type Result } from './diagnostics.js';
