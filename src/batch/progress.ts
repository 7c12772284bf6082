import cliProgress from 'cli-progress';
import type { Message } from '../diagnostics.js';
import { printable, type CliIO, type Verbosity } from '../runtime/io.js';
import { formatDuration, plural } from './format.js';
import type { ManifestEntry } from './manifest.js';

/** Reports each finished file while a batch runs. */
export interface Progress {
  /** `messages`: the diagnostics of a file converted in this run (a skipped file has only its codes) */
  fileDone(entry: ManifestEntry, messages: readonly Message[]): void;
  /** leave the terminal clean for the summary line (also on Ctrl-C: the cursor shown, line wrap on) */
  finish(): void;
}

/** One line, plain text: the shape CI logs get, and what --quiet keeps for failures. */
export function describeEntry(entry: ManifestEntry): string {
  switch (entry.status) {
    case 'ok': {
      const c = entry.counts;
      const recommendations = c ? c.recommendationsCurrent + c.recommendationsPrevious : 0;
      const parts = [entry.pages === null ? null : plural(entry.pages, 'page'), plural(recommendations, 'recommendation'), entry.warnings.length ? plural(entry.warnings.length, 'warning') : null, formatDuration(entry.ms)];
      return `${printable(entry.path)} (${parts.filter((p) => p !== null).join(', ')})`;
    }
    case 'skipped':
      return `${printable(entry.path)} (unchanged)`;
    case 'failed':
    case 'timeout':
      return `${printable(entry.path)}: ${entry.error?.code ?? 'error'}: ${printable(entry.error?.message.split('\n')[0] ?? '')}`;
  }
}

/**
 * A file's diagnostics, one line each as `cpc extract` prints them (`cpc: <file>: <code>: <message>`):
 * warnings, and notes too when verbose. A skipped file's were printed by the run that converted it.
 */
export function diagnosticLines(entry: ManifestEntry, messages: readonly Message[], verbosity: Verbosity): string[] {
  if (verbosity === 'quiet' || entry.status !== 'ok') return [];
  return messages.filter((m) => m.severity === 'warning' || verbosity === 'verbose').map((m) => `cpc: ${printable(entry.path)}: ${m.code}: ${printable(m.message)}${m.page != null ? ` (page ${m.page})` : ''}\n`);
}

export interface ProgressOptions {
  verbosity: Verbosity;
  /** --fail-on warning: a file with warnings fails the run, so even -q names it and its codes */
  failOnWarning: boolean;
}

/**
 * A bar on a terminal; one plain line per finished file otherwise, so CI logs stay readable; each
 * file's warnings after it. `quiet` drops all that and keeps one line per failed file.
 */
export function createProgress(io: CliIO, total: number, options: ProgressOptions): Progress {
  if (options.verbosity === 'quiet') return quietProgress(io, options);
  if (io.stderr.isTTY) return barProgress(io, total, options);
  return lineProgress(io, total, options);
}

const failedRun = (entry: ManifestEntry) => entry.status === 'failed' || entry.status === 'timeout';

function quietProgress(io: CliIO, options: ProgressOptions): Progress {
  return {
    fileDone(entry) {
      if (failedRun(entry)) io.stderr.write(`cpc: ${describeEntry(entry)}\n`);
      else if (options.failOnWarning && entry.warnings.length) io.stderr.write(`cpc: ${printable(entry.path)}: warning: ${entry.warnings.join(', ')}\n`);
    },
    finish() {},
  };
}

function lineProgress(io: CliIO, total: number, options: ProgressOptions): Progress {
  let done = 0;
  const width = String(total).length;
  return {
    fileDone(entry, messages) {
      done++;
      io.stderr.write(`[${String(done).padStart(width)}/${total}] ${entry.status.padEnd(7)} ${describeEntry(entry)}\n`);
      for (const line of diagnosticLines(entry, messages, options.verbosity)) io.stderr.write(line);
    },
    finish() {},
  };
}

function barProgress(io: CliIO, total: number, options: ProgressOptions): Progress {
  const bars = new cliProgress.MultiBar(
    {
      // only a real terminal stream claims isTTY, and cli-progress needs its cursor methods
      stream: io.stderr as unknown as NodeJS.WriteStream,
      format: '{bar} {value}/{total} files | {percentage}% | ETA {eta_formatted} | {file}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { file: '' });
  return {
    fileDone(entry, messages) {
      if (failedRun(entry)) bars.log(`${entry.status.padEnd(7)} ${describeEntry(entry)}\n`);
      for (const line of diagnosticLines(entry, messages, options.verbosity)) bars.log(line);
      bar.increment(1, { file: printable(entry.path) });
    },
    finish() {
      bars.stop();
    },
  };
}
