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
import { pdfium, usePdfiumModule } from '../load/pdfium-module.js';
import { WARM_UP_TEXT, warmUpPdf } from './warm-up.js';
import { summariseReport, TASK_STARTED, type ExtractTask, type TaskStartedNote, type WorkerData, type WorkerReply } from './task.js';


dropOrphanedPdfJsRejections();
const shared = Piscina.workerData as WorkerData | undefined;
if (shared?.pdfium) usePdfiumModule(shared.pdfium);
// the engine is made ready before the worker takes a file, so --timeout counts the file's own work,
// not a fresh worker's start (a worker replaced after a time-out would otherwise fail the next file
// too); a failure here is met again, and reported, by the file that needs the engine
await pdfium().catch(() => undefined);
// and the pipeline's code compiled (a failure here is no file's)
for (const [bytes, file] of [[warmUpPdf(), 'warm-up.pdf'], [WARM_UP_TEXT, 'warm-up.txt']] as const) await extractReport(bytes, { file }).catch(() => undefined);

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
