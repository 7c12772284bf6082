import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CpcError, isCpcError, type Message } from '../../diagnostics.js';
import { EXTENSIONS, emit, type OutputFormat } from '../../emit/index.js';
import type { Report } from '../../model/report.js';
import { DEFAULT_WORKER_MEMORY_MB } from '../../batch/task.js';
import { describeFailure, EXIT } from '../../runtime/exit.js';
import type { PdfEngine } from '../../load/pdf.js';
import { ocrFor, type OcrMode } from '../../runtime/ocr.js';
import { reportError, type CliIO } from '../../runtime/io.js';
import { readInput } from '../../runtime/read.js';
import { writeAtomic } from '../../runtime/write.js';

export interface ExtractCommandOptions {
  format: OutputFormat;
  output?: string;
  password?: string;
  maxPages: number;
  maxBytes: number;
  maxInflated: number;
  verbose?: boolean;
  /** per-file limit in milliseconds (0: none); given, the file runs in a worker thread */
  timeout?: number;
  ocr: OcrMode;
  pdfEngine: PdfEngine;
}

/** What became of one input: its report, or the exit code and message of its failure. */
type Extracted = { ok: true; report: Report; messages: Message[] } | { ok: false; code: number; message: string; errorCode: string };

/** The path recorded in source.file: relative to the working directory, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  return rel.replace(/\\/g, '/');
}

const isDirTarget = (out: string, cwd: string) => /[\\/]$/.test(out) || (existsSync(resolve(cwd, out)) && statSync(resolve(cwd, out)).isDirectory());

/** One file on this thread: the quickest way for the common `cpc extract report.pdf`. */
async function extractHere(file: string, opts: ExtractCommandOptions, io: CliIO): Promise<Extracted> {
  try {
    // imported here: with several inputs the pipeline loads in the workers, not on this thread too
    const { extractReport } = await import('../../extract.js');
    const bytes = await readInput(resolve(io.cwd, file), opts.maxBytes);
    const { value, messages } = await extractReport(bytes, {
      file: displayPath(file, io.cwd),
      password: opts.password,
      maxPages: opts.maxPages,
      maxInflatedBytes: opts.maxInflated,
      pdfEngine: opts.pdfEngine,
      ...ocrFor(opts.ocr),
    });
    return { ok: true, report: value, messages };
  } catch (e) {
    const f = describeFailure(e);
    return { ok: false, code: f.code, message: f.message, errorCode: f.errorCode };
  }
}

/**
 * Several files (or a time limit) go through the batch engine's worker pool, the code path
 * `cpc batch` uses: in parallel, and a file that hangs pdf.js can be stopped.
 */
async function extractInWorkers(files: readonly string[], opts: ExtractCommandOptions, io: CliIO): Promise<Extracted[]> {
  const [{ ExtractPool }, { forEachConcurrent }] = await Promise.all([import('../../batch/pool.js'), import('../../batch/concurrent.js')]);
  const jobs = Math.min(availableParallelism(), files.length);
  const pool = new ExtractPool({ jobs, timeoutMs: opts.timeout ? opts.timeout : null, maxMemoryMb: DEFAULT_WORKER_MEMORY_MB });
  const results: Extracted[] = [];
  try {
    await forEachConcurrent(files, jobs * 2, async (file, i) => {
      try {
        const bytes = await readInput(resolve(io.cwd, file), opts.maxBytes);
        const outcome = await pool.extract({
          bytes,
          file: displayPath(file, io.cwd),
          password: opts.password,
          maxPages: opts.maxPages,
          maxInflatedBytes: opts.maxInflated,
          pdfEngine: opts.pdfEngine,
          ocr: opts.ocr,
          timeoutMs: opts.timeout ? opts.timeout : null,
          write: null,
        });
        results[i] = outcome.status === 'ok' ? { ok: true, report: outcome.report!, messages: outcome.messages } : { ok: false, code: outcome.error.exitCode, message: outcome.error.message, errorCode: outcome.error.code };
      } catch (e) {
        const f = describeFailure(e);
        results[i] = { ok: false, code: f.code, message: f.message, errorCode: f.errorCode };
      }
    });
  } finally {
    await pool.close();
  }
  return results;
}

export async function extractCommand(files: readonly string[], opts: ExtractCommandOptions, io: CliIO): Promise<number> {
  const extracted = files.length === 1 && !opts.timeout ? [await extractHere(files[0]!, opts, io)] : await extractInWorkers(files, opts, io);
  const reports: { file: string; report: Report }[] = [];
  let exitCode: number = EXIT.ok;
  // diagnostics in input order, whichever file finished first
  extracted.forEach((x, i) => {
    const file = files[i]!;
    const shown = displayPath(file, io.cwd);
    if (x.ok) {
      if (opts.verbose) for (const m of x.messages) if (m.severity === 'warning') io.stderr.write(`cpc: ${shown}: warning: ${m.code}: ${m.message}\n`);
      reports.push({ file, report: x.report });
    } else {
      reportError(io, shown, x.message, x.errorCode);
      if (exitCode === EXIT.ok) exitCode = x.code;
    }
  });
  try {
    if (!opts.output) {
      if (reports.length === 1 && files.length === 1) io.stdout.write(emit(reports[0]!.report, opts.format));
      else if (reports.length > 0) io.stdout.write(emit(reports.map((r) => r.report), opts.format));
    } else if (isDirTarget(opts.output, io.cwd)) {
      const used = new Set<string>();
      for (const { file, report } of reports) {
        const stem = basename(file, extname(file));
        let name = `${stem}${EXTENSIONS[opts.format]}`;
        for (let n = 2; used.has(name); n++) name = `${stem}-${n}${EXTENSIONS[opts.format]}`;
        used.add(name);
        await writeAtomic(join(resolve(io.cwd, opts.output), name), emit(report, opts.format));
      }
    } else if (reports.length > 0) {
      const data = files.length === 1 ? emit(reports[0]!.report, opts.format) : emit(reports.map((r) => r.report), opts.format);
      await writeAtomic(resolve(io.cwd, opts.output), data);
    }
  } catch (e) {
    const f = describeFailure(isCpcError(e) ? e : new CpcError('output/write-failed', `cannot write the output (${(e as Error).message})`));
    reportError(io, opts.output ?? null, f.message, f.errorCode);
    return f.code;
  }
  return exitCode;
}
