import { writePdf } from './pdf-writer.js';

/**
 * A valid PDF that keeps a PDF engine busy for seconds: two thousand pages, the first with 400,000
 * text-show operators. Unbounded (`cpc batch --timeout 0`) it took about 5 s in a worker on a
 * 2-core machine with pdf.js and 3.4 s with PDFium, so a 1 s limit stops it even on a much faster one.
 */
export function slowPdf(): Uint8Array {
  const pages = Array.from({ length: 2000 }, (_, i) => ({ lines: [`Page ${i + 1} of a document that keeps pdf.js busy`] }));
  return writePdf(pages, { rawContent: `BT /F1 10 Tf 72 400 Td ${'(x) Tj '.repeat(400_000)}ET` });
}
