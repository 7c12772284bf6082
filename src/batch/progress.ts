import cliProgress from 'cli-progress';
import type { CliIO } from '../runtime/io.js';
import { formatDuration, plural } from './format.js';
import type { ManifestEntry } from './manifest.js';

/** Reports each finished file while a batch runs. */
export interface Progress {
  fileDone(entry: ManifestEntry): void;
  /** leave the terminal clean for the summary line */
  finish(): void;
}

/** One line, plain text: the shape CI logs get, and what --quiet keeps for failures. */
export function describeEntry(entry: ManifestEntry): string {
  switch (entry.status) {
    case 'ok': {
      const c = entry.counts;
      const recommendations = c ? c.recommendationsCurrent + c.recommendationsPrevious : 0;
      const parts = [entry.pages === null ? null : plural(entry.pages, 'page'), plural(recommendations, 'recommendation'), entry.warnings.length ? plural(entry.warnings.length, 'warning') : null, formatDuration(entry.ms)];
      return `${entry.path} (${parts.filter((p) => p !== null).join(', ')})`;
    }
    case 'skipped':
      return `${entry.path} (unchanged)`;
    case 'failed':
    case 'timeout':
      return `${entry.path}: ${entry.error?.code ?? 'error'}: ${entry.error?.message.split('\n')[0] ?? ''}`;
  }
}

/**
 * A bar on a terminal; one plain line per finished file otherwise, so CI logs stay readable.
 * `quiet` drops both and keeps one line per failed file.
 */
export function createProgress(io: CliIO, total: number, quiet: boolean): Progress {
  if (quiet) return quietProgress(io);
  if (io.stderr.isTTY) return barProgress(io, total);
  return lineProgress(io, total);
}

function quietProgress(io: CliIO): Progress {
  return {
    fileDone(entry) {
      if (entry.status === 'failed' || entry.status === 'timeout') io.stderr.write(`cpc: ${describeEntry(entry)}\n`);
    },
    finish() {},
  };
}

function lineProgress(io: CliIO, total: number): Progress {
  let done = 0;
  const width = String(total).length;
  return {
    fileDone(entry) {
      done++;
      io.stderr.write(`[${String(done).padStart(width)}/${total}] ${entry.status.padEnd(7)} ${describeEntry(entry)}\n`);
    },
    finish() {},
  };
}

function barProgress(io: CliIO, total: number): Progress {
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
    fileDone(entry) {
      if (entry.status === 'failed' || entry.status === 'timeout') bars.log(`${entry.status.padEnd(7)} ${describeEntry(entry)}\n`);
      bar.increment(1, { file: entry.path });
    },
    finish() {
      bars.stop();
    },
  };
}
