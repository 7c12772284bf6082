/**
 * Pages rendered to 8-bit grey by PDFium, for OCR of an encrypted PDF: the document is opened (and
 * decrypted) in this process, so its password never goes on another program's command line.
 */
import { CpcError } from '../diagnostics.js';
import { Allocations, discardPdfium, Heap, loadMemDocument, pdfium, type PdfiumExports } from './pdfium-module.js';

/** The PDFium exports rendering needs, besides those the text reader calls. */
interface RenderExports extends PdfiumExports {
  FPDF_GetPageWidthF(page: number): number;
  FPDF_GetPageHeightF(page: number): number;
  FPDFBitmap_Create(width: number, height: number, alpha: number): number;
  FPDFBitmap_FillRect(bitmap: number, left: number, top: number, width: number, height: number, color: number): number;
  FPDFBitmap_GetBuffer(bitmap: number): number;
  FPDFBitmap_GetStride(bitmap: number): number;
  FPDFBitmap_Destroy(bitmap: number): void;
  FPDF_RenderPageBitmap(bitmap: number, page: number, startX: number, startY: number, width: number, height: number, rotate: number, flags: number): void;
}

export interface GrayImage {
  width: number;
  height: number;
  /** one byte per pixel, rows top to bottom */
  pixels: Uint8Array;
}

/** a page rendered larger than this (pixels a side) is scaled down to it: a page size is the document's to choose */
const MAX_SIDE = 10_000;
/** FPDF_ANNOT: form fields and annotations drawn, as a printed page shows them */
const RENDER_FLAGS = 0x01;

export async function renderGray(bytes: Uint8Array, pages: readonly number[], dpi: number, password?: string): Promise<Map<number, GrayImage>> {
  const instance = await pdfium();
  const x = instance.x as RenderExports;
  const heap = new Heap(x.memory);
  const mem = new Allocations(x);
  let doc = 0;
  let trapped = false;
  try {
    doc = loadMemDocument(x, heap, mem, bytes, password);
    if (!doc) throw new CpcError('input/encrypted', 'the PDF password is incorrect');
    const out = new Map<number, GrayImage>();
    for (const number of pages) {
      const page = x.FPDF_LoadPage(doc, number - 1);
      if (!page) continue;
      let bitmap = 0;
      try {
        const scale = Math.min(dpi / 72, MAX_SIDE / Math.max(1, x.FPDF_GetPageWidthF(page)), MAX_SIDE / Math.max(1, x.FPDF_GetPageHeightF(page)));
        const width = Math.max(1, Math.round(x.FPDF_GetPageWidthF(page) * scale));
        const height = Math.max(1, Math.round(x.FPDF_GetPageHeightF(page) * scale));
        bitmap = x.FPDFBitmap_Create(width, height, 0);
        if (!bitmap) throw new WebAssembly.RuntimeError('bitmap allocation failed');
        x.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
        x.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, RENDER_FLAGS);
        const stride = x.FPDFBitmap_GetStride(bitmap);
        const bgrx = new Uint8Array(x.memory.buffer, x.FPDFBitmap_GetBuffer(bitmap), stride * height);
        const pixels = new Uint8Array(width * height);
        for (let row = 0; row < height; row++) {
          for (let col = 0, at = row * stride; col < width; col++, at += 4) pixels[row * width + col] = (bgrx[at]! * 29 + bgrx[at + 1]! * 150 + bgrx[at + 2]! * 77) >> 8;
        }
        out.set(number, { width, height, pixels });
      } finally {
        if (bitmap) x.FPDFBitmap_Destroy(bitmap);
        x.FPDF_ClosePage(page);
      }
    }
    return out;
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      trapped = true;
      discardPdfium();
    }
    throw e;
  } finally {
    if (!trapped) {
      if (doc) x.FPDF_CloseDocument(doc);
      mem.freeAll();
    }
  }
}

/** A grey image as a binary PGM (P5), which tesseract reads. */
export function toPgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header);
  out.set(image.pixels, header.length);
  return out;
}
