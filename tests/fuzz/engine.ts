/**
 * Runs fuzz cases through the batch engine's worker pool — the built one in dist/, whose worker
 * threads are what `cpc batch` uses — so a hang is stopped by the time limit, a memory blow-up by
 * the heap limit, and a crash kills only its worker; each is then an outcome to count.
 */
import type * as PoolModule from '../../src/batch/pool.js';
import { forEachConcurrent } from '../../src/batch/concurrent.js';
import type { TaskOutcome } from '../../src/batch/pool.js';
import { DEFAULT_LIMITS } from '../../src/load/index.js';
import { DEFAULT_PDF_ENGINE, type PdfEngine } from '../../src/load/pdf.js';
import { makeCase, type FuzzCase, type FuzzSource } from './cases.js';
import { judge, outcomeKey, type Verdict } from './verdict.js';

export interface FuzzLimits {
  jobs: number;
  timeoutMs: number;
  maxMemoryMb: number;
}

/** Per case: time enough for the slowest fixture many times over; memory far above what one needs. */
export const FUZZ_LIMITS = { timeoutMs: 10_000, maxMemoryMb: 512 } as const;

/** The pool is loaded from dist/: its worker file is compiled JavaScript beside it (`npm run build` first). */
export async function openPool(limits: FuzzLimits): Promise<PoolModule.ExtractPool> {
  const { ExtractPool } = (await import(new URL('../../dist/batch/pool.js', import.meta.url).href)) as typeof PoolModule;
  return new ExtractPool({ jobs: limits.jobs, timeoutMs: limits.timeoutMs, maxMemoryMb: limits.maxMemoryMb });
}

/** One document through the pool, under the same limits a batch file gets (OCR off: it is slow and not what is fuzzed). */
export function runOne(pool: PoolModule.ExtractPool, file: string, bytes: Uint8Array, timeoutMs: number, pdfEngine: PdfEngine = DEFAULT_PDF_ENGINE): Promise<TaskOutcome> {
  return pool.extract({
    // the pool may take the buffer over; the caller keeps its own copy
    bytes: new Uint8Array(bytes),
    file,
    maxPages: DEFAULT_LIMITS.maxPages,
    maxInflatedBytes: DEFAULT_LIMITS.maxInflatedBytes,
    pdfEngine,
    ocr: 'off',
    timeoutMs,
    write: null,
  });
}

/**
 * Each worker loads pdf.js and mammoth on its first file of their kind, which takes longer than
 * any case: read the unmutated fixtures of each kind once per worker first, so the slowest case
 * is a case's own doing. Not counted.
 */
async function warmUp(pool: PoolModule.ExtractPool, sources: readonly FuzzSource[], limits: FuzzLimits): Promise<void> {
  for (const kind of ['pdf', 'docx'] as const) {
    const source = sources.find((s) => s.kind === kind);
    if (source) await Promise.all(Array.from({ length: limits.jobs }, () => runOne(pool, source.name, source.bytes, limits.timeoutMs)));
  }
}

export interface CaseResult {
  fuzzCase: FuzzCase;
  verdict: Verdict;
  ms: number;
}

export interface FuzzStats {
  cases: number;
  byOutcome: Map<string, number>;
  timeouts: number;
  failures: CaseResult[];
  slowest: CaseResult | null;
  totalMs: number;
}

export async function runFuzz(
  sources: readonly FuzzSource[],
  options: FuzzLimits & { seed: number; count: number; first?: number; onResult?: (r: CaseResult) => void },
): Promise<FuzzStats> {
  const started = performance.now();
  const stats: FuzzStats = { cases: 0, byOutcome: new Map(), timeouts: 0, failures: [], slowest: null, totalMs: 0 };
  const pool = await openPool(options);
  const first = options.first ?? 0;
  try {
    await warmUp(pool, sources, options);
    const indices = Array.from({ length: options.count }, (_, k) => first + k);
    // a few cases in flight per worker: one running, one made and queued
    await forEachConcurrent(indices, options.jobs * 2, async (index) => {
      const fuzzCase = await makeCase(sources, options.seed, index);
      const outcome = await runOne(pool, fuzzCase.file, fuzzCase.bytes, options.timeoutMs);
      const result: CaseResult = { fuzzCase, verdict: judge(outcome), ms: outcome.ms };
      stats.cases++;
      const key = outcomeKey(result.verdict);
      stats.byOutcome.set(key, (stats.byOutcome.get(key) ?? 0) + 1);
      if (outcome.status === 'timeout') stats.timeouts++;
      if (result.verdict.kind === 'failure') stats.failures.push(result);
      if (!stats.slowest || result.ms > stats.slowest.ms) stats.slowest = result;
      options.onResult?.(result);
    });
  } finally {
    await pool.close();
  }
  stats.failures.sort((a, b) => a.fuzzCase.index - b.fuzzCase.index);
  stats.totalMs = performance.now() - started;
  return stats;
}
