import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CpcError, info, warning, type Message } from '../diagnostics.js';
import { pageRanges } from '../pages.js';
import { DEFAULT_LIMITS, type LoadOptions, type LoadResult, type RawLine, type RawPage } from './raw.js';

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
}

const BOLD_NAME = /bold|black|heavy|semibold|demi/i;
const ITALIC_NAME = /italic|oblique/i;

function fontStyle(page: PageProxy, fontName: string, cache: Map<string, FontStyle>): FontStyle {
  let style = cache.get(fontName);
  if (style) return style;
  style = { bold: false, italic: false };
  if (page.commonObjs.has(fontName)) {
    // pdf.js font objects are untyped in its public types; only name/bold/italic are read
    const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean; italic?: boolean } | null;
    const name = font?.name ?? '';
    // embedded subsets (ABCDEF+Serif-Bold) leave `bold` undefined, so the name decides too
    style = { bold: font?.bold === true || BOLD_NAME.test(name), italic: font?.italic === true || ITALIC_NAME.test(name) };
  }
  cache.set(fontName, style);
  return style;
}

interface Pending {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
  bold: boolean;
  italic: boolean;
  /** whitespace seen since the last glyphs */
  space: boolean;
}

/**
 * Merge pdf.js text items (in content-stream order) into visual line pieces. A piece breaks where
 * the text moves to another baseline, moves backwards, or jumps across a gap wider than word
 * spacing — a tab stop or a table column — so columns stay apart for layout to rebuild.
 */
export function itemsToLines(
  items: readonly { str: string; x: number; y: number; width: number; size: number; bold: boolean; italic: boolean }[],
): RawLine[] {
  const lines: RawLine[] = [];
  let cur: Pending | null = null;
  const flush = () => {
    if (cur && cur.text.trim()) {
      lines.push({ text: cur.text.replace(/\s+/g, ' ').trim(), x: cur.x, y: cur.y, width: cur.right - cur.x, size: cur.size, bold: cur.bold, italic: cur.italic });
    }
    cur = null;
  };
  for (const it of items) {
    if (it.str === '') continue;
    const blank = it.str.trim() === '';
    if (cur) {
      const c: Pending = cur;
      const sameLine = Math.abs(it.y - c.y) < Math.max(1, 0.35 * Math.max(c.size, it.size));
      const gap = it.x - c.right;
      const em = Math.max(c.size, it.size, 1);
      if (blank) {
        // a wide whitespace run is a tab stop or a cell gap: the piece ends there
        if (!sameLine || it.width > 1.2 * em) flush();
        else c.space = true;
        continue;
      }
      if (sameLine && gap > -0.5 * em && gap < 0.8 * em) {
        const needsSpace = c.space || gap > 0.15 * em || /\s$/.test(c.text) || /^\s/.test(it.str);
        c.text += (needsSpace && !/\s$/.test(c.text) ? ' ' : '') + it.str;
        c.right = Math.max(c.right, it.x + it.width);
        c.space = /\s$/.test(it.str);
        // a line is bold when its text is (a bold first word alone does not make a heading)
        if (!it.bold) c.bold = false;
        if (!it.italic) c.italic = false;
        c.size = Math.max(c.size, it.size);
        continue;
      }
      flush();
    }
    if (blank) continue;
    cur = { text: it.str, x: it.x, y: it.y, right: it.x + it.width, size: it.size, bold: it.bold, italic: it.italic, space: /\s$/.test(it.str) };
  }
  flush();
  return lines;
}

function classifyPdfError(e: unknown): CpcError {
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = String((e as { message?: string } | null)?.message ?? e);
  if (name === 'PasswordException') {
    const wrong = (e as { code?: number }).code === 2;
    return new CpcError('input/encrypted', wrong ? 'the PDF password is incorrect' : 'the PDF is encrypted; pass its password with --password', { cause: e });
  }
  if (name === 'InvalidPDFException') return new CpcError('input/corrupt', `not a readable PDF (${message})`, { cause: e });
  if (e instanceof CpcError) return e;
  return new CpcError('input/corrupt', `the PDF could not be read (${message})`, { cause: e });
}

export async function loadPdf(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadResult> {
  const { lib, worker } = await pdfjs();
  const messages: Message[] = [];
  const maxPages = options.maxPages ?? DEFAULT_LIMITS.maxPages;
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
    const emptyPages: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const vt = viewport.transform as number[];
      // cpc normalises text itself; pdf.js's NFKC would also turn a footnote mark ¹ into a 1
      const content = await page.getTextContent({ disableNormalization: true });
      // font objects (whose names say bold/italic) reach this thread only through an operator
      // list; they are shared by the whole document, so only a page with a new font pays for one
      const unseen = content.items.some((it) => 'fontName' in it && it.str !== '' && !page.commonObjs.has(it.fontName));
      if (unseen) await page.getOperatorList();
      const fonts = new Map<string, FontStyle>();
      const items = [];
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
        items.push({ str: item.str, x, y, width: item.width, size, bold: style.bold, italic: style.italic });
      }
      const lines = itemsToLines(items);
      if (lines.length === 0) emptyPages.push(n);
      pages.push({ number: n, width: viewport.width, height: viewport.height, lines });
      page.cleanup();
    }
    if (emptyPages.length > 0 && options.ocr) {
      try {
        const read = await options.ocr.recognise(bytes, emptyPages, { password: options.password });
        for (const [n, lines] of read) pages[n - 1]!.lines = lines;
        const stillEmpty = emptyPages.filter((n) => !pages[n - 1]!.lines.length);
        messages.push(info('load', 'pdf/ocr-used', `pages ${pageRanges(emptyPages)} have no text layer and were read by OCR (${options.ocr.name})`));
        if (stillEmpty.length) messages.push(warning('load', 'pdf/no-text-layer', `OCR found no text on pages ${pageRanges(stillEmpty)}`));
      } catch (e) {
        messages.push(warning('load', 'pdf/ocr-failed', `OCR of pages ${pageRanges(emptyPages)} failed: ${(e as Error).message.split('\n')[0]}`));
      }
    } else if (emptyPages.length > 0) {
      const why = options.ocrUnavailable ? `; ${options.ocrUnavailable}` : '';
      const all = emptyPages.length === doc.numPages;
      messages.push((all ? warning : info)('load', 'pdf/no-text-layer', `${all ? 'no page has a text layer (a scan?)' : 'pages without text'}: pages ${pageRanges(emptyPages)}${why}`));
    }
    return { value: { format: 'pdf', flow: false, pages, pageCount: doc.numPages, furniture: [] }, messages };
  } catch (e) {
    throw classifyPdfError(e);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
