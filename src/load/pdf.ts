/**
 * PDFs: PDFium (WebAssembly) reads them unless told otherwise, pdf.js when asked (`--pdf-engine
 * pdfjs`) or when PDFium cannot read a file. Pages without text go to OCR, whichever engine read them.
 */
import { CpcError, info, isCpcError, warning, type Message } from '../diagnostics.js';
import { pageRanges } from '../pages.js';
import { readWithPdfJs } from './pdfjs.js';
import { isPdfiumFailure, readWithPdfium } from './pdfium.js';
import { DEFAULT_LIMITS, type LoadOptions, type LoadResult, type PdfPages } from './raw.js';

export const PDF_ENGINES = ['pdfium', 'pdfjs'] as const;
export type PdfEngine = (typeof PDF_ENGINES)[number];
export const DEFAULT_PDF_ENGINE: PdfEngine = 'pdfium';

async function readPages(bytes: Uint8Array, options: LoadOptions): Promise<PdfPages> {
  const maxPages = options.maxPages ?? DEFAULT_LIMITS.maxPages;
  if ((options.pdfEngine ?? DEFAULT_PDF_ENGINE) === 'pdfjs') return readWithPdfJs(bytes, { password: options.password, maxPages });
  try {
    return await readWithPdfium(bytes, { password: options.password, maxPages, maxMemoryBytes: options.maxMemoryBytes ?? DEFAULT_LIMITS.maxMemoryBytes });
  } catch (e) {
    if (!isPdfiumFailure(e)) throw e;
    let read: PdfPages;
    try {
      read = await readWithPdfJs(bytes, { password: options.password, maxPages });
    } catch (fallbackError) {
      // neither engine reads it: pdf.js's reason, which names what is wrong in PDF terms
      if (isCpcError(fallbackError)) throw fallbackError;
      throw new CpcError('input/corrupt', `the PDF could not be read (${e.reason})`, { cause: fallbackError });
    }
    const note = info('load', 'pdf/engine-fallback', `read by pdf.js: PDFium could not read it (${e.reason})`);
    return { ...read, messages: [note, ...read.messages] };
  }
}

export async function loadPdf(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadResult> {
  const { pages, pageCount, messages: read } = await readPages(bytes, options);
  const messages: Message[] = [...read];
  const emptyPages = pages.filter((p) => p.lines.length === 0).map((p) => p.number!);
  const missing = emptyPages.length > 0 ? (options.ocr?.unavailable?.() ?? null) : null;
  if (emptyPages.length > 0 && options.ocr && !missing) {
    try {
      const recognised = await options.ocr.recognise(bytes, emptyPages, { password: options.password });
      for (const [n, lines] of recognised) pages[n - 1]!.lines = lines;
      const stillEmpty = emptyPages.filter((n) => !pages[n - 1]!.lines.length);
      messages.push(info('load', 'pdf/ocr-used', `pages ${pageRanges(emptyPages)} have no text layer and were read by OCR (${options.ocr.name})`));
      if (stillEmpty.length) messages.push(warning('load', 'pdf/no-text-layer', `OCR found no text on pages ${pageRanges(stillEmpty)}`));
    } catch (e) {
      messages.push(warning('load', 'pdf/ocr-failed', `OCR of pages ${pageRanges(emptyPages)} failed: ${(e as Error).message.split('\n')[0]}`));
    }
  } else if (emptyPages.length > 0) {
    const reason = missing ?? options.ocrUnavailable;
    const why = reason ? `; ${reason}` : '';
    const all = emptyPages.length === pageCount;
    messages.push((all ? warning : info)('load', 'pdf/no-text-layer', `${all ? 'no page has a text layer (a scan?)' : 'pages without text'}: pages ${pageRanges(emptyPages)}${why}`));
  }
  return { value: { format: 'pdf', flow: false, pages, pageCount, furniture: [] }, messages };
}
