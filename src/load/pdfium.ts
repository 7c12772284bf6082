/**
 * The PDFium engine: pages of positioned lines, with font size, bold, italic, font name and colour,
 * and the drawn shapes layout can use. Synchronous once the instance exists: a file that would run
 * for ever is stopped by the worker's time limit, as with pdf.js.
 */
import { CpcError, type Message } from '../diagnostics.js';
import { viewport, visibleBox, type Box } from './pdf-geometry.js';
import { shapesCapped } from './pdf-shapes.js';
import { Allocations, discardPdfium, FPDF_ERR, Heap, layScratch, loadMemDocument, pdfium, SCRATCH_BYTES, type PdfiumExports, type Scratch } from './pdfium-module.js';
import { readShapes } from './pdfium-shapes.js';
import { readLines } from './pdfium-text.js';
import type { PdfPages, RawPage } from './raw.js';

export interface PdfiumReadOptions {
  password?: string;
  maxPages: number;
  /** the most PDFium's heap may grow to for this document */
  maxMemoryBytes: number;
}

/**
 * PDFium could not read the file (its parser refused it, or it aborted): pdf.js, which repairs
 * some damage PDFium does not, gets its turn.
 */
export class PdfiumFailed extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PdfiumFailed';
  }
}

/** Told by name, as CpcError is (see isCpcError). */
export function isPdfiumFailure(e: unknown): e is PdfiumFailed {
  return e instanceof PdfiumFailed || (e instanceof Error && e.name === 'PdfiumFailed' && typeof (e as { reason?: unknown }).reason === 'string');
}

/** An instance whose heap grew past this on a document is dropped afterwards, so the memory is returned. */
const KEEP_HEAP_BELOW = 192 * 1024 * 1024;

const ERROR_NAMES: Record<number, string> = {
  [FPDF_ERR.unknown]: 'unknown error',
  [FPDF_ERR.file]: 'file not found or could not be opened',
  [FPDF_ERR.format]: 'not a PDF or damaged',
  [FPDF_ERR.security]: 'unsupported security scheme',
  [FPDF_ERR.page]: 'page not found or damaged',
};

function box(heap: Heap, s: Scratch, get: (l: number, b: number, r: number, t: number) => number): Box | null {
  const p = s.rect;
  return get(p, p + 4, p + 8, p + 12) ? heap.floats4(p) : null;
}

function readPage(x: PdfiumExports, heap: Heap, doc: number, index: number, s: Scratch, messages: Message[]): RawPage {
  const page = x.FPDF_LoadPage(doc, index);
  if (!page) throw new PdfiumFailed(`page ${index + 1} could not be loaded`);
  try {
    const media = box(heap, s, (l, b, r, t) => x.FPDFPage_GetMediaBox(page, l, b, r, t));
    const crop = box(heap, s, (l, b, r, t) => x.FPDFPage_GetCropBox(page, l, b, r, t));
    const rotation = (x.FPDFPage_GetRotation(page) & 3) * 90;
    const vp = viewport(visibleBox(media, crop), rotation);
    const tp = x.FPDFText_LoadPage(page);
    if (!tp) throw new PdfiumFailed(`the text of page ${index + 1} could not be read`);
    let lines;
    try {
      lines = readLines(x, heap, tp, vp.transform, s);
    } finally {
      x.FPDFText_ClosePage(tp);
    }
    const shapes = readShapes(x, heap, page, vp.transform, s);
    if (shapes.capped) messages.push(shapesCapped(index + 1, shapes));
    return { number: index + 1, width: vp.width, height: vp.height, lines, shapes: shapes.shapes };
  } finally {
    x.FPDF_ClosePage(page);
  }
}

export async function readWithPdfium(bytes: Uint8Array, options: PdfiumReadOptions): Promise<PdfPages> {
  const instance = await pdfium();
  const { x } = instance;
  const heap = new Heap(x.memory);
  instance.setHeapLimit(options.maxMemoryBytes);
  const messages: Message[] = [];
  const mem = new Allocations(x);
  let doc = 0;
  let trapped = false;
  try {
    doc = loadMemDocument(x, heap, mem, bytes, options.password);
    if (!doc) {
      const code = x.FPDF_GetLastError();
      if (code === FPDF_ERR.password) {
        throw new CpcError('input/encrypted', options.password === undefined ? 'the PDF is encrypted; pass its password with --password' : 'the PDF password is incorrect');
      }
      throw new PdfiumFailed(ERROR_NAMES[code] ?? `error ${code}`);
    }
    const count = x.FPDF_GetPageCount(doc);
    if (count < 1) throw new PdfiumFailed('no pages found');
    if (count > options.maxPages) {
      throw new CpcError('input/too-many-pages', `the PDF has ${count} pages, more than the limit of ${options.maxPages} (raise it with --max-pages)`);
    }
    const scratch = layScratch(mem.alloc(SCRATCH_BYTES));
    const pages: RawPage[] = [];
    for (let i = 0; i < count; i++) pages.push(readPage(x, heap, doc, i, scratch, messages));
    return { pages, pageCount: count, messages };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      // a trap leaves the instance's memory in an unknown state: nothing more is called on it
      trapped = true;
      const refused = instance.heapRefused();
      discardPdfium();
      if (refused) {
        const mb = Math.round(options.maxMemoryBytes / (1024 * 1024));
        throw new CpcError('input/out-of-memory', `stopped: reading it needs more than ${mb} MB of memory (raise the limit with --max-memory)`, { cause: e });
      }
      throw new PdfiumFailed(`PDFium stopped on it (${e.message})`);
    }
    throw e;
  } finally {
    if (!trapped) {
      if (doc) x.FPDF_CloseDocument(doc);
      mem.freeAll();
      if (instance.heapBytes() > KEEP_HEAP_BELOW) discardPdfium();
    }
  }
}
