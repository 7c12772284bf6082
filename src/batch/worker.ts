/**
 * The worker-thread side of the pool: one document per task. Modules (pdf.js included, which
 * src/load/pdf.ts imports once per module instance) stay loaded for the worker's whole life.
 */
import { Piscina } from 'piscina';
import { parentPort } from 'node:worker_threads';
import { describeFailure } from '../runtime/exit.js';
import { ocrFor } from '../runtime/ocr.js';
import { dropOrphanedPdfJsRejections } from '../runtime/rejections.js';
import { writeAtomic } from '../runtime/write.js';
import { emit } from '../emit/index.js';
import { extractReport } from '../extract.js';
import { usePdfiumModule } from '../load/pdfium-module.js';
import { summariseReport, TASK_STARTED, type ExtractTask, type TaskStartedNote, type WorkerData, type WorkerReply } from './task.js';

dropOrphanedPdfJsRejections();
const shared = Piscina.workerData as WorkerData | undefined;
if (shared?.pdfium) usePdfiumModule(shared.pdfium);

export default async function extractInWorker(task: ExtractTask): Promise<WorkerReply> {
  parentPort?.postMessage({ type: TASK_STARTED, id: task.id } satisfies TaskStartedNote);
  let result;
  try {
    result = await extractReport(task.bytes, {
      file: task.file,
      password: task.password,
      maxPages: task.maxPages,
      maxInflatedBytes: task.maxInflatedBytes,
      pdfEngine: task.pdfEngine,
      maxMemoryBytes: task.maxMemoryMb === undefined ? undefined : task.maxMemoryMb * 1024 * 1024,
      ...ocrFor(task.ocr, task.timeoutMs, task.scratch),
    });
  } catch (e) {
    const f = describeFailure(e);
    return { ok: false, error: { code: f.errorCode, message: f.message, exitCode: f.code } };
  }
  const summary = summariseReport(result.value);
  if (!task.write) return { ok: true, summary, report: result.value, messages: result.messages };
  try {
    await writeAtomic(task.write.path, emit(result.value, task.write.format), task.write.tempTag);
  } catch (e) {
    return { ok: false, error: { code: 'output/write-failed', message: `cannot write the output (${(e as Error).message})`, exitCode: 1 } };
  }
  return { ok: true, summary, report: null, messages: result.messages };
}
