/**
 * What crosses the thread boundary between the batch engine and its workers. Plain data only:
 * structured clone drops class identity, so a CpcError travels as its code, message and exit code.
 */
import type { Message } from '../diagnostics.js';
import type { InputFormat, Report } from '../model/report.js';
import type { OcrMode } from '../runtime/ocr.js';
import type { PdfEngine } from '../load/pdf.js';
import type { ReportCounts } from './manifest.js';

/** V8 heap limit per worker unless --max-memory says otherwise: far above what real reports need (a 2,000-page PDF peaks near 160 MB) */
export const DEFAULT_WORKER_MEMORY_MB = 1024;

export interface ExtractTask {
  /** correlates the worker's start note with this task */
  id: number;
  bytes: Uint8Array;
  /** recorded as source.file */
  file: string;
  password?: string;
  maxPages: number;
  maxInflatedBytes: number;
  pdfEngine: PdfEngine;
  /** the worker's memory limit, which PDFium's heap keeps to as well (V8's heap limit does not cover WebAssembly memory) */
  maxMemoryMb?: number;
  /** OCR for pages without text, and the file's time limit (the OCR programs must end within it) */
  ocr: OcrMode;
  timeoutMs: number | null;
  /** a directory for temporary files that the pool removes when it closes */
  scratch?: string;
  /** batch: the worker writes the output itself (in parallel, atomically) and returns a summary; extract: null, the report comes back */
  write: { path: string; format: 'json' | 'yaml'; tempTag?: string } | null;
}

/** Given to every worker when it starts. */
export interface WorkerData {
  /** PDFium, compiled once for all workers */
  pdfium: WebAssembly.Module;
}

export interface ReportSummary {
  format: InputFormat;
  pages: number | null;
  counts: ReportCounts;
  /** distinct codes of warning-severity diagnostics, sorted */
  warnings: string[];
}

export interface TaskFailure {
  /** an ErrorCode, or `internal` for a bug in cpc */
  code: string;
  message: string;
  exitCode: number;
}

export type WorkerReply =
  | { ok: true; summary: ReportSummary; report: Report | null; messages: Message[] }
  | { ok: false; error: TaskFailure };

/**
 * Posted by the worker when it begins a task. The time limit counts from here, not from when the
 * task was queued, so waiting for a free worker or a worker's start-up never counts against a file.
 */
export const TASK_STARTED = 'cpc/task-started';
export interface TaskStartedNote {
  type: typeof TASK_STARTED;
  id: number;
}

export function isTaskStartedNote(m: unknown): m is TaskStartedNote {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === TASK_STARTED && typeof (m as { id?: unknown }).id === 'number';
}

export function summariseReport(report: Report): ReportSummary {
  let current = 0;
  for (const r of report.recommendations) if (r.cycle === 'current') current++;
  return {
    format: report.source.format,
    pages: report.source.pages,
    counts: {
      recommendationsCurrent: current,
      recommendationsPrevious: report.recommendations.length - current,
      sections: report.sections.length,
      peers: report.peerTeam.length,
    },
    warnings: [...new Set(report.warnings.filter((w) => w.severity === 'warning').map((w) => w.code))].sort(),
  };
}
