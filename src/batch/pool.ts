import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { Message } from '../diagnostics.js';
import type { Report } from '../model/report.js';
import { formatDuration } from './format.js';
import { overMemory } from '../runtime/read.js';
import { compilePdfiumModule } from '../load/pdfium-module.js';
import { isTaskStartedNote, type ExtractTask, type WorkerData, type ReportSummary, type TaskFailure, type WorkerReply } from './task.js';

export interface PoolOptions {
  /** worker threads */
  jobs: number;
  /** per-file limit in milliseconds; null for none */
  timeoutMs: number | null;
  /** V8 old-generation heap limit per worker */
  maxMemoryMb: number;
}

export type TaskOutcome =
  | { status: 'ok'; ms: number; summary: ReportSummary; report: Report | null; messages: Message[] }
  | { status: 'failed' | 'timeout'; ms: number; error: TaskFailure };

/** The compiled worker beside this module (dist/batch/worker.js). */
const WORKER_FILE = new URL('./worker.js', import.meta.url).href;

/** abort reasons, told apart when piscina rejects the task */
const TIMED_OUT = Symbol('timed out');
const POOL_BROKEN = Symbol('pool broken');

/**
 * A pool of worker threads that extract one document per task. pdf.js parses synchronously, so a
 * timer in the worker could never fire during a pathological file: the time limit aborts the
 * task from this thread, and piscina then terminates the worker and starts a fresh one. A worker
 * that runs out of memory (resourceLimits) or dies otherwise fails its file, not the run.
 */
/**
 * The young generation of each worker's heap. V8 sizes it from the heap limit (up to 48 MB per
 * isolate). With pdf.js reading PDFs (`cpc batch -j 2`), 32 MB read 250 PDFs ~10% faster than 16 MB
 * but took the 1,000-document archive to 307 MB peak RSS, so 16 MB it was. PDFium leaves far less
 * garbage in JavaScript: 10 MB reads the 250 PDFs as fast as 16 MB (+1% wall time, within the
 * noise; 4 runs each, taking turns) at 184 MB peak instead of 205.
 */
const WORKER_YOUNG_GENERATION_MB = 10;

/** The abort reason of a file stopped because the run was interrupted */
const CANCELLED = Symbol('cancelled');
const CANCELLED_FAILURE: TaskFailure = { code: 'input/cancelled', message: 'stopped: the run was interrupted', exitCode: 1 };

export class ExtractPool {
  readonly #pool: Piscina<ExtractTask, WorkerReply>;
  readonly #options: PoolOptions;
  readonly #onStarted = new Map<number, () => void>();
  readonly #running = new Set<AbortController>();
  /** set when no worker can start any more (see the 'error' handler) */
  #broken: Error | undefined;
  #nextId = 1;
  /**
   * Workers' temporary files (OCR page images) go here. A worker stopped at the time limit cannot
   * clean up after itself, so the pool removes the whole directory when it closes.
   */
  readonly #scratch = mkdtempSync(join(tmpdir(), 'cpc-pool-'));
  #cancelled = false;

  constructor(options: PoolOptions) {
    this.#options = options;
    this.#pool = new Piscina<ExtractTask, WorkerReply>({
      filename: WORKER_FILE,
      workerData: { pdfium: compilePdfiumModule() } satisfies WorkerData,
      minThreads: options.jobs,
      maxThreads: options.jobs,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.#pool.on('message', (m: unknown) => {
      if (isTaskStartedNote(m)) this.#onStarted.get(m.id)?.();
    });
    // A worker died with no task on it. Usually piscina replaces it; but when replacements die
    // while starting (a heap limit too small even to load cpc), piscina stops making workers and
    // queued tasks would wait forever, so every task still waiting is failed instead.
    this.#pool.on('error', (e: Error) => {
      setImmediate(() => {
        if (this.#pool.threads.length > 0) return;
        this.#broken = e;
        for (const controller of this.#running) controller.abort(POOL_BROKEN);
      });
    });
  }

  async extract(input: Omit<ExtractTask, 'id'>): Promise<TaskOutcome> {
    if (this.#cancelled) return { status: 'failed', ms: 0, error: CANCELLED_FAILURE };
    if (this.#broken) return { status: 'failed', ms: 0, error: this.#crash(this.#broken) };
    // the file's own bytes live in the worker beside the heap: one larger than the limit cannot be
    // read within it, and is refused before a worker spends its memory on it
    if (input.bytes.length > this.#options.maxMemoryMb * 1024 * 1024) {
      const { code, message } = overMemory(input.bytes.length, this.#options.maxMemoryMb * 1024 * 1024);
      return { status: 'failed', ms: 0, error: { code, message, exitCode: 1 } };
    }
    const task: ExtractTask = { ...input, id: this.#nextId++, scratch: this.#scratch, maxMemoryMb: this.#options.maxMemoryMb };
    const controller = new AbortController();
    this.#running.add(controller);
    let startedAt = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    this.#onStarted.set(task.id, () => {
      startedAt = performance.now();
      if (this.#options.timeoutMs !== null) timer = setTimeout(() => controller.abort(TIMED_OUT), this.#options.timeoutMs);
    });
    const bytes = task.bytes;
    // hand the bytes over instead of copying them, when they own their whole buffer
    const transferList = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : undefined;
    try {
      const reply = await this.#pool.run(task, { signal: controller.signal, transferList });
      const ms = Math.round(performance.now() - startedAt);
      return reply.ok ? { status: 'ok', ms, summary: reply.summary, report: reply.report, messages: reply.messages } : { status: 'failed', ms, error: reply.error };
    } catch (e) {
      const ms = Math.round(performance.now() - startedAt);
      if (controller.signal.reason === CANCELLED) return { status: 'failed', ms, error: CANCELLED_FAILURE };
      if (controller.signal.reason === POOL_BROKEN) return { status: 'failed', ms, error: this.#crash(this.#broken) };
      if (controller.signal.reason === TIMED_OUT) {
        const limit = formatDuration(this.#options.timeoutMs ?? 0);
        return { status: 'timeout', ms, error: { code: 'input/timeout', message: `stopped after ${limit}, the time limit per file (raise it with --timeout)`, exitCode: 1 } };
      }
      return { status: 'failed', ms, error: this.#crash(e) };
    } finally {
      clearTimeout(timer);
      this.#onStarted.delete(task.id);
      this.#running.delete(controller);
    }
  }

  #crash(e: unknown): TaskFailure {
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return { code: 'input/out-of-memory', message: `stopped: it needs more than ${this.#options.maxMemoryMb} MB of memory (raise the limit with --max-memory)`, exitCode: 1 };
    }
    return { code: 'internal', message: `internal error: the worker thread stopped (${err?.message ?? String(e)})`, exitCode: 1 };
  }

  /** Stop every file in flight (Ctrl-C): each resolves as failed with `input/cancelled`, its output not written. */
  cancelAll(): void {
    this.#cancelled = true;
    for (const controller of this.#running) controller.abort(CANCELLED);
  }

  /** Terminate the workers and remove their temporary files. */
  async close(): Promise<void> {
    try {
      await this.#pool.destroy();
    } finally {
      rmSync(this.#scratch, { recursive: true, force: true });
    }
  }
}
