import { isPdfJsParserException } from '../load/pdfjs-orphans.js';

let installed = false;

/**
 * Drop the unobserved rejections pdf.js leaves behind when it repairs a damaged PDF (see
 * src/load/pdfjs-orphans.ts); every other unhandled rejection stays fatal, as Node would have it.
 * Install once per thread: workers have their own `process` events.
 */
export function dropOrphanedPdfJsRejections(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (isPdfJsParserException(reason)) return;
    // with no other listener, Node would have stopped on this rejection: keep it fatal
    if (process.listenerCount('unhandledRejection') === 1) throw reason;
  });
}
