/** The library's one call from a path: the file read as the CLI reads it, then the whole pipeline. */
import type { Result } from '../diagnostics.js';
import { extractReport, type ExtractOptions } from '../extract.js';
import { DEFAULT_LIMITS } from '../load/index.js';
import type { Report } from '../model/report.js';
import { readInput } from './read.js';

export interface ExtractFileOptions extends Omit<ExtractOptions, 'file'> {
  /** recorded as source.file; by default the path as given */
  file?: string;
  /** refuse files larger than this, before reading them (default 200 MB, as `cpc extract`) */
  maxBytes?: number;
}

/**
 * Read a document and extract its report. Like extractReport, it throws a CpcError (`input/not-found`,
 * `input/too-large`, `input/corrupt`, …) only when there is no report to give.
 */
export async function extractFile(path: string, options: ExtractFileOptions = {}): Promise<Result<Report>> {
  const { maxBytes = DEFAULT_LIMITS.maxInputBytes, file = path, ...rest } = options;
  const bytes = await readInput(path, maxBytes);
  return extractReport(bytes, { ...rest, file });
}
