import type { InputFormat } from '../model/report.js';
import { detectFormat } from './detect.js';
import { loadDocx } from './docx.js';
import { loadHtml } from './html.js';
import { loadPdf } from './pdf.js';
import type { LoadOptions, LoadResult } from './raw.js';
import { loadText } from './text.js';

export type { LoadOptions, LoadResult, RawDoc, RawLine, RawPage, LineHint } from './raw.js';
export { DEFAULT_LIMITS } from './raw.js';
export { detectFormat } from './detect.js';

/** Read a document of any supported format; the format comes from the bytes. */
export async function load(bytes: Uint8Array, fileName: string, options: LoadOptions = {}): Promise<LoadResult & { format: InputFormat }> {
  const format = detectFormat(bytes, fileName);
  const result = await loadAs(format, bytes, options);
  return { ...result, format };
}

export function loadAs(format: InputFormat, bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadResult> {
  switch (format) {
    case 'pdf':
      return loadPdf(bytes, options);
    case 'docx':
      return loadDocx(bytes, options);
    case 'html':
      return Promise.resolve(loadHtml(bytes));
    case 'txt':
    case 'md':
      return Promise.resolve(loadText(bytes, format));
  }
}
