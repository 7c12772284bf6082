import type { PdfEngine } from '../../load/pdf.js';
import type { OcrMode } from '../../runtime/ocr.js';
import { runBatch, type BatchOptions } from '../../batch/run.js';
import { parseShard } from '../../batch/shard.js';
import type { FailOn } from '../../batch/summary.js';
import { describeFailure, EXIT, UsageError } from '../../runtime/exit.js';
import { reportError, type CliIO } from '../../runtime/io.js';

export interface BatchCommandOptions {
  out: string;
  format: 'json' | 'yaml';
  jobs: number;
  /** milliseconds; 0 for no limit */
  timeout: number;
  /** bytes */
  maxMemory: number;
  force?: boolean;
  failOn: FailOn;
  shard?: string;
  index?: string;
  csvRaw?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  base?: string;
  password?: string;
  maxPages: number;
  maxBytes: number;
  maxInflated: number;
  ocr: OcrMode;
  pdfEngine: PdfEngine;
}

export async function batchCommand(inputs: readonly string[], opts: BatchCommandOptions, io: CliIO): Promise<number> {
  try {
    let shard;
    try {
      shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
    } catch (e) {
      throw new UsageError(`--shard ${opts.shard}: ${(e as Error).message}`);
    }
    const options: BatchOptions = {
      out: opts.out,
      format: opts.format,
      jobs: opts.jobs,
      timeoutMs: opts.timeout > 0 ? opts.timeout : null,
      maxMemoryMb: Math.max(1, Math.round(opts.maxMemory / 1048576)),
      force: opts.force === true,
      failOn: opts.failOn,
      shard,
      index: opts.index,
      csvRaw: opts.csvRaw === true,
      quiet: opts.quiet === true,
      verbose: opts.verbose === true,
      base: opts.base,
      password: opts.password,
      maxPages: opts.maxPages,
      maxBytes: opts.maxBytes,
      maxInflated: opts.maxInflated,
      ocr: opts.ocr,
      pdfEngine: opts.pdfEngine,
    };
    return await runBatch(inputs, options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      reportError(io, null, e.message);
      return EXIT.usage;
    }
    const f = describeFailure(e);
    reportError(io, null, f.message);
    return f.code;
  }
}
