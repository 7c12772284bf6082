import { existsSync, statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CpcError, isCpcError, type Message } from '../../diagnostics.js';
import { EXTENSIONS, emit, emitXlsx, type OutputFormat, type TableName } from '../../emit/index.js';
import type { Report } from '../../model/report.js';
import { DEFAULT_WORKER_MEMORY_MB } from '../../batch/task.js';
import { describeFailure, EXIT } from '../../runtime/exit.js';
import type { PdfEngine } from '../../load/pdf.js';
import { ocrFor, type OcrMode } from '../../runtime/ocr.js';
import { isStdio, readDocument, shownName, STDIN_NAME } from '../../runtime/input.js';
import { reportError, reportMessages, verbosityOf, type CliIO } from '../../runtime/io.js';
import { writeAtomic } from '../../runtime/write.js';
import { commonAncestor } from '../../batch/discover.js';
import { planOutputs } from '../../batch/output-paths.js';

export interface ExtractCommandOptions {
  format: OutputFormat;
  output?: string;
  password?: string;
  maxPages: number;
  maxBytes: number;
  maxInflated: number;
  verbose?: boolean;
  quiet?: boolean;
  /** CSV: which table (default recommendations) */
  table?: TableName;
  /** CSV: start with a byte-order mark */
  bom?: boolean;
  /** CSV: cells as they are, formulas not neutralised */
  csvRaw?: boolean;
  /** worker threads for several inputs; 0 or absent: one per core */
  jobs?: number;
  /** per-file limit in milliseconds (0: none); given, the file runs in a worker thread */
  timeout?: number;
  ocr: OcrMode;
  pdfEngine: PdfEngine;
}

/** What became of one input: its report, or the exit code and message of its failure. */
type Extracted = { ok: true; report: Report; messages: Message[] } | { ok: false; code: number; message: string; errorCode: string };

/** The same file (a hard or symbolic link to it too), when both exist. */
function sameFile(a: string, b: string): boolean {
  let x: Stats, y: Stats;
  try {
    [x, y] = [statSync(a), statSync(b)];
  } catch {
    return resolve(a) === resolve(b);
  }
  return x.dev === y.dev && x.ino === y.ino;
}

const isDirTarget = (out: string, cwd: string) => /[\\/]$/.test(out) || (existsSync(resolve(cwd, out)) && statSync(resolve(cwd, out)).isDirectory());

/**
 * Output names in a directory, as `cpc batch` gives them: each input's path below the inputs'
 * common folder, its extension replaced (kept where two inputs share a stem). stdin is "stdin".
 */
export function outputNames(files: readonly string[], cwd: string, extension: string): string[] {
  const abs = files.map((f) => (isStdio(f) ? resolve(cwd, 'stdin') : resolve(cwd, f)));
  const base = commonAncestor(abs.map((a) => dirname(a)));
  const rels = abs.map((a) => relative(base, a).split(sep).join('/'));
  const plan = planOutputs(rels, extension);
  return rels.map((r) => plan.get(r)!);
}

/** One file on this thread: the quickest way for the common `cpc extract report.pdf`. */
async function extractHere(file: string, opts: ExtractCommandOptions, io: CliIO): Promise<Extracted> {
  try {
    // imported here: with several inputs the pipeline loads in the workers, not on this thread too
    const { extractReport } = await import('../../extract.js');
    const bytes = await readDocument(file, io, opts.maxBytes);
    const { value, messages } = await extractReport(bytes, {
      file: shownName(file),
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
  const jobs = Math.min(opts.jobs || availableParallelism(), files.length);
  const pool = new ExtractPool({ jobs, timeoutMs: opts.timeout ? opts.timeout : null, maxMemoryMb: DEFAULT_WORKER_MEMORY_MB });
  const results: Extracted[] = [];
  try {
    await forEachConcurrent(files, jobs * 2, async (file, i) => {
      try {
        const bytes = await readDocument(file, io, opts.maxBytes);
        const outcome = await pool.extract({
          bytes,
          file: shownName(file),
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
  if (files.filter(isStdio).length > 1) {
    reportError(io, null, `${STDIN_NAME} can be read only once: give - as one input at most`);
    return EXIT.usage;
  }
  if (opts.format !== 'csv' && (opts.bom || opts.csvRaw || (opts.table && opts.table !== 'recommendations'))) {
    reportError(io, null, `--table, --bom and --csv-raw shape CSV output: add --format csv`);
    return EXIT.usage;
  }
  const toStdout = !opts.output || isStdio(opts.output);
  if (opts.format === 'xlsx' && toStdout && io.stdout.isTTY) {
    reportError(io, null, 'an xlsx workbook is binary: write it to a file with -o recs.xlsx (or redirect stdout)');
    return EXIT.usage;
  }
  const shownOut = toStdout ? 'stdout' : opts.output!;
  /** where each input's report goes, with one input per file in a directory target */
  const dirTarget = !toStdout && isDirTarget(opts.output!, io.cwd);
  const targets = toStdout ? [] : dirTarget ? outputNames(files, io.cwd, EXTENSIONS[opts.format]).map((n) => join(resolve(io.cwd, opts.output!), n)) : [resolve(io.cwd, opts.output!)];
  // an output never replaces an input (`cpc extract r.txt -o r.txt`): refused before any work
  const clash = files.filter((f) => !isStdio(f)).find((i) => targets.some((t) => sameFile(t, resolve(io.cwd, i))));
  if (clash) {
    reportError(io, opts.output!, `would write over the input ${clash}; cpc never replaces an input: name another output`);
    return EXIT.usage;
  }
  const extracted = files.length === 1 && !opts.timeout ? [await extractHere(files[0]!, opts, io)] : await extractInWorkers(files, opts, io);
  const verbosity = verbosityOf(opts);
  const reports: { index: number; report: Report }[] = [];
  let exitCode: number = EXIT.ok;
  // diagnostics in input order, whichever file finished first
  extracted.forEach((x, i) => {
    const shown = shownName(files[i]!);
    if (x.ok) {
      reportMessages(io, shown, x.messages, verbosity);
      reports.push({ index: i, report: x.report });
    } else {
      reportError(io, shown, x.message, x.errorCode);
      if (exitCode === EXIT.ok) exitCode = x.code;
    }
  });
  /** the output of some reports: text, or an xlsx workbook (whose cut cells are told) */
  const render = async (list: Report | Report[]): Promise<string | Uint8Array> => {
    if (opts.format !== 'xlsx') return emit(list, opts.format, { table: opts.table, bom: opts.bom, raw: opts.csvRaw });
    const book = await emitXlsx(list);
    if (book.truncated && verbosity !== 'quiet') io.stderr.write(`cpc: ${shownOut}: xlsx/cell-truncated: ${book.truncated} cell${book.truncated === 1 ? '' : 's'} longer than Excel's 32,767 characters cut there (the JSON has them whole)\n`);
    return book.bytes;
  };
  // one input gives one report; several a JSON array, a YAML list, one CSV table or JSON Lines
  const whole = () => render(files.length === 1 ? reports[0]!.report : reports.map((r) => r.report));
  try {
    if (toStdout) {
      if (reports.length > 0) io.stdout.write(await whole());
    } else if (dirTarget) {
      for (const { index, report } of reports) await writeAtomic(targets[index]!, await render(report));
    } else if (reports.length > 0) {
      await writeAtomic(targets[0]!, await whole());
    }
  } catch (e) {
    const f = describeFailure(isCpcError(e) ? e : new CpcError('output/write-failed', `cannot write the output (${(e as Error).message})`));
    reportError(io, opts.output ?? null, f.message, f.errorCode);
    return f.code;
  }
  return exitCode;
}
