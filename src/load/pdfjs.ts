import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CpcError, isCpcError, type Message } from '../diagnostics.js';
import type { Matrix } from './pdf-geometry.js';
import { itemsToLines, type TextRun } from './pdf-lines.js';
import { shapesCapped } from './pdf-shapes.js';
import { readShapesFromOperatorList } from './pdfjs-shapes.js';
import type { PdfPages, RawPage } from './raw.js';

import { SameThreadPort } from './pdfjs-port.js';

import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy as PageProxy, PDFWorker, PDFWorkerParameters, TextItem } from 'pdfjs-dist/types/src/display/api.js';

type PdfJs = typeof PdfJsModule;

interface PdfJsReader {
  lib: PdfJs;
  /** pdf.js's worker side, on this thread, shared by every document this thread reads */
  worker: PDFWorker;
  port: SameThreadPort;
}

let pdfjsModule: Promise<PdfJsReader> | undefined;
/** Loaded once per process (or worker) and only when a PDF is met, so `--help` stays fast. */
function pdfjs(): Promise<PdfJsReader> {
  pdfjsModule ??= importWithoutNativeOverrides().then(({ lib, workerSide }) => {
    const port = new SameThreadPort();
    workerSide.initializeFromPort(port);
    // typed as a Web Worker, pdf.js needs of a port only postMessage and message listeners
    const worker = lib.PDFWorker.create({ port, verbosity: PDFJS_OPTIONS.verbosity } as unknown as PDFWorkerParameters);
    return { lib, worker, port };
  });
  return pdfjsModule;
}

/** Listeners on the shared pdf.js port (for tests: a closed document leaves none behind). */
export async function pdfjsPortListeners(): Promise<number> {
  return (await pdfjs()).port.listenerCount;
}

/**
 * pdf.js's legacy build (the one for Node 20) bundles core-js, which on Node 20 replaces two
 * native built-ins process-wide with JavaScript versions — Array.prototype.push (for the error
 * thrown when pushing onto a frozen length) and JSON.parse (for reviver source access) — slowing
 * every array push in cpc by a fifth. pdf.js relies on neither edge case, so the natives are put
 * back once pdf.js and its worker module (imported here, so its core-js runs now too) are loaded.
 * What core-js adds that Node 20 lacks (Promise.withResolvers, …) stays.
 */
async function importWithoutNativeOverrides() {
  const push = Array.prototype.push;
  const parse = JSON.parse;
  try {
    const [lib, workerModule] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    return { lib, workerSide: workerModule.WorkerMessageHandler };
  } finally {
    Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, configurable: true, enumerable: false });
    JSON.parse = parse;
  }
}

const standardFontDataUrl = (() => {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
})();

/**
 * How pdf.js reads untrusted PDFs here: never compile font programs to JavaScript (the
 * CVE-2024-4367 class of attacks), no system fonts, no font loading into a document.
 */
export const PDFJS_OPTIONS = {
  isEvalSupported: false,
  verbosity: 0,
  standardFontDataUrl,
  disableFontFace: true,
  useSystemFonts: false,
  stopAtErrors: false,
} as const;

interface FontStyle {
  bold: boolean;
  italic: boolean;
  /** without a subset prefix */
  font: string;
}

const BOLD_NAME = /bold|black|heavy|semibold|demi/i;
const ITALIC_NAME = /italic|oblique/i;

function fontStyle(page: PageProxy, fontName: string, cache: Map<string, FontStyle>): FontStyle {
  let style = cache.get(fontName);
  if (style) return style;
  style = { bold: false, italic: false, font: '' };
  if (page.commonObjs.has(fontName)) {
    // pdf.js font objects are untyped in its public types; only name/bold/italic are read
    const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean; italic?: boolean } | null;
    const name = font?.name ?? '';
    // embedded subsets (ABCDEF+Serif-Bold) leave `bold` undefined, so the name decides too
    style = { bold: font?.bold === true || BOLD_NAME.test(name), italic: font?.italic === true || ITALIC_NAME.test(name), font: name.replace(/^[A-Z]{6}\+/, '') };
  }
  cache.set(fontName, style);
  return style;
}

function classifyPdfError(e: unknown): CpcError {
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = String((e as { message?: string } | null)?.message ?? e);
  if (name === 'PasswordException') {
    const wrong = (e as { code?: number }).code === 2;
    return new CpcError('input/encrypted', wrong ? 'the PDF password is incorrect' : 'the PDF is encrypted; pass its password with --password', { cause: e });
  }
  if (name === 'InvalidPDFException') return new CpcError('input/corrupt', `not a readable PDF (${message})`, { cause: e });
  if (isCpcError(e)) return e;
  return new CpcError('input/corrupt', `the PDF could not be read (${message})`, { cause: e });
}

export interface PdfJsReadOptions {
  password?: string;
  maxPages: number;
}

/** The pdf.js engine: pages of positioned lines (pdf.js's text API gives no colours), and the drawn shapes layout can use. */
export async function readWithPdfJs(bytes: Uint8Array, options: PdfJsReadOptions): Promise<PdfPages> {
  const { lib, worker } = await pdfjs();
  const maxPages = options.maxPages;
  // pdf.js takes ownership of (and may detach) the buffer it is given
  const task = lib.getDocument({ ...PDFJS_OPTIONS, data: new Uint8Array(bytes), password: options.password, worker });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw classifyPdfError(e);
  }
  try {
    // a damaged page tree may claim any /Count: pdf.js passes on a negative one, and reads no pages for 0
    if (!Number.isSafeInteger(doc.numPages) || doc.numPages < 1) throw new CpcError('input/corrupt', `the PDF's page tree gives an impossible page count (${doc.numPages})`);
    if (doc.numPages > maxPages) {
      throw new CpcError('input/too-many-pages', `the PDF has ${doc.numPages} pages, more than the limit of ${maxPages} (raise it with --max-pages)`);
    }
    const pages: RawPage[] = [];
    const messages: Message[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const vt = viewport.transform as number[];
      // the drawn shapes, as PDFium reads them (annotations are not page content to PDFium); the
      // operator list also brings the page's font objects, whose names say bold and italic
      const operators = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
      const shapes = readShapesFromOperatorList(lib.OPS, operators, vt as Matrix);
      if (shapes.capped) messages.push(shapesCapped(n, shapes));
      // cpc normalises text itself; pdf.js's NFKC would also turn a footnote mark ¹ into a 1
      const content = await page.getTextContent({ disableNormalization: true });
      const fonts = new Map<string, FontStyle>();
      const items: TextRun[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItem;
        // the item's text matrix in page coordinates: Util.transform(vt, t), spelt out (no array per item)
        const t = item.transform as number[];
        const c = vt[0]! * t[2]! + vt[2]! * t[3]!;
        const d = vt[1]! * t[2]! + vt[3]! * t[3]!;
        const size = Math.hypot(c, d) || Math.hypot(vt[0]! * t[0]! + vt[2]! * t[1]!, vt[1]! * t[0]! + vt[3]! * t[1]!);
        const x = vt[0]! * t[4]! + vt[2]! * t[5]! + vt[4]!;
        const y = vt[1]! * t[4]! + vt[3]! * t[5]! + vt[5]!;
        const style = fontStyle(page, item.fontName, fonts);
        items.push({ str: item.str, x, y, width: item.width, size, bold: style.bold, italic: style.italic, font: style.font || undefined });
      }
      pages.push({ number: n, width: viewport.width, height: viewport.height, lines: itemsToLines(items), shapes: shapes.shapes });
      page.cleanup();
    }
    return { pages, pageCount: doc.numPages, messages };
  } catch (e) {
    throw classifyPdfError(e);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
