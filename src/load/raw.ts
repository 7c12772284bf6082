import type { Message } from '../diagnostics.js';
import type { InputFormat } from '../model/report.js';

/**
 * What a loader hands to layout: pages of positioned lines. PDFs give real geometry; flow formats
 * (Word, HTML, Markdown) give one line per paragraph with the structure the format states outright
 * in `hint`, and synthetic geometry (y = reading order, x = nesting).
 */
export interface RawLine {
  text: string;
  /** left edge and baseline from the top of the page, in points (synthetic for flow formats) */
  x: number;
  y: number;
  width: number;
  /** font size in points; 0 when unknown */
  size: number;
  bold: boolean;
  italic: boolean;
  /** the font's name without a subset prefix (PDF only; the line's largest text's) */
  font?: string;
  /** the text's fill colour as #rrggbb (PDF, when the engine knows it) */
  color?: string;
  /** the line's first run when it alone is not bold (PDF): a plain marker before bold text */
  plainLead?: string;
  hint?: LineHint;
}

export interface LineHint {
  /** Word heading style / <hN> / Markdown #: 1–6; 0 for a document title */
  heading?: number;
  /** a list item with the marker a reader sees (Word numbers restored), nesting from 0 */
  list?: { marker: string; level: number; ordered: boolean };
  /** a line inside a table cell */
  cell?: { table: number; row: number; col: number; header: boolean };
  /** lines sharing a paragraph id belong to one paragraph (flow formats give each line its own) */
  paragraph?: number;
  /** inside a sidebar or pull quote (<aside>, a "pullquote" or "sidebar" block) */
  aside?: boolean;
}

export interface RawPage {
  /** 1-based; null when the format does not know pages */
  number: number | null;
  width: number;
  height: number;
  lines: RawLine[];
  /** drawn shapes that matter to layout (PDF, when the engine reads them): bullets, bands, rules */
  shapes?: RawShape[];
}

/**
 * A path the page draws, in the same top-down coordinates as its lines:
 * - `mark`: a small filled shape (a bullet drawn as a square or circle);
 * - `fill`: a larger filled area (a heading band, a shaded cell, a sidebar's box);
 * - `rule`: a thin line or a thin filled bar (table rules, underlines, separators).
 */
export interface RawShape {
  kind: 'mark' | 'fill' | 'rule';
  x: number;
  y: number;
  width: number;
  height: number;
  /** fill colour (stroke colour for a stroked rule) as #rrggbb */
  color: string;
}

export interface RawDoc {
  format: InputFormat;
  /** true when lines are whole paragraphs (Word, HTML, Markdown), false for visual lines (PDF, text) */
  flow: boolean;
  pages: RawPage[];
  /** page count the document declares, null when unknown */
  pageCount: number | null;
  /** running headers and footers the format keeps apart from the body (Word), already excluded */
  furniture: string[];
}

/** Reads pages without a text layer (scans). Provided by the CLI or batch layer, which run programs. */
export interface OcrEngine {
  name: string;
  /**
   * Why the engine cannot run here (its programs are missing), or null when it can. Asked only
   * when a document has pages without text, so that a document with text pays for no check.
   */
  unavailable?(): string | null;
  recognise(pdf: Uint8Array, pages: readonly number[], options: { password?: string }): Promise<Map<number, RawLine[]>>;
}

export interface LoadOptions {
  password?: string;
  /** OCR for pages without text; without one, such pages are reported */
  ocr?: OcrEngine | null;
  /** why there is no OCR engine, for the warning (tools missing, or turned off) */
  ocrUnavailable?: string;
  maxPages?: number;
  /** which engine reads PDFs: PDFium (the default) or pdf.js */
  pdfEngine?: 'pdfium' | 'pdfjs';
  /** the most memory PDFium's heap may take for one document */
  maxMemoryBytes?: number;
  /** largest inflated size of any one part of a zip container (DOCX) */
  maxInflatedBytes?: number;
}

/** What either PDF engine gives the PDF loader, before OCR. */
export interface PdfPages {
  pages: RawPage[];
  pageCount: number;
  messages: Message[];
}

export interface LoadResult {
  value: RawDoc;
  messages: Message[];
}

export const DEFAULT_LIMITS = {
  maxPages: 5000,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxInputBytes: 200 * 1024 * 1024,
  maxMemoryBytes: 1024 * 1024 * 1024,
} as const;
