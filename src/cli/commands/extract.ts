import { existsSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CpcError } from '../../diagnostics.js';
import { EXTENSIONS, emit, type OutputFormat } from '../../emit/index.js';
import { extractReport } from '../../extract.js';
import type { Report } from '../../model/report.js';
import { describeFailure, EXIT } from '../exit.js';
import { reportError, type CliIO } from '../io.js';
import { readInput } from '../read.js';
import { writeAtomic } from '../write.js';

export interface ExtractCommandOptions {
  format: OutputFormat;
  output?: string;
  password?: string;
  maxPages: number;
  maxBytes: number;
  maxInflated: number;
  verbose?: boolean;
}

/** The path recorded in source.file: relative to the working directory, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  return rel.replace(/\\/g, '/');
}

const isDirTarget = (out: string, cwd: string) => /[\\/]$/.test(out) || (existsSync(resolve(cwd, out)) && statSync(resolve(cwd, out)).isDirectory());

export async function extractCommand(files: readonly string[], opts: ExtractCommandOptions, io: CliIO): Promise<number> {
  const reports: { file: string; report: Report }[] = [];
  let exitCode: number = EXIT.ok;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    try {
      const bytes = await readInput(resolve(io.cwd, file), opts.maxBytes);
      const { value, messages } = await extractReport(bytes, {
        file: shown,
        password: opts.password,
        maxPages: opts.maxPages,
        maxInflatedBytes: opts.maxInflated,
      });
      if (opts.verbose) for (const m of messages) if (m.severity === 'warning') io.stderr.write(`cpc: ${shown}: warning: ${m.code}: ${m.message}\n`);
      reports.push({ file, report: value });
    } catch (e) {
      const f = describeFailure(e);
      reportError(io, shown, f.message);
      if (exitCode === EXIT.ok) exitCode = f.code;
    }
  }
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
    const f = describeFailure(e instanceof CpcError ? e : new CpcError('output/write-failed', `cannot write the output (${(e as Error).message})`));
    reportError(io, opts.output ?? null, f.message);
    return f.code;
  }
  return exitCode;
}
