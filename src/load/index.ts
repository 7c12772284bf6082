import type { InputFormat } from '../model/report.js';
import { detectFormat } from './detect.js';
import type { LoadOptions, LoadResult } from './raw.js';

export type { LoadOptions, LoadResult, RawDoc, RawLine, RawPage, RawShape, LineHint } from './raw.js';
export { DEFAULT_LIMITS } from './raw.js';
export { detectFormat } from './detect.js';

/** Read a document of any supported format; the format comes from the bytes. */
export async function load(bytes: Uint8Array, fileName: string, options: LoadOptions = {}): Promise<LoadResult & { format: InputFormat }> {
  const format = detectFormat(bytes, fileName);
  const result = await loadAs(format, bytes, options);
  return { ...result, format };
}

/**
 * Each format's reader and its libraries (PDFium, mammoth and jszip, htmlparser2) load when the
 * first document of that format comes: `cpc extract report.pdf` loads no Word or HTML code.
 */
export async function loadAs(format: InputFormat, bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadResult> {
  switch (format) {
    case 'pdf':
      return (await import('./pdf.js')).loadPdf(bytes, options);
    case 'docx':
      return (await import('./docx.js')).loadDocx(bytes, options);
    case 'html':
      return (await import('./html.js')).loadHtml(bytes);
    case 'txt':
    case 'md':
      return (await import('./text.js')).loadText(bytes, format);
  }
}
