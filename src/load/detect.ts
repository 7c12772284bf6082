import { CpcError } from '../diagnostics.js';
import type { InputFormat } from '../model/report.js';

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  // a few bytes of a signature, never an input's length
  // eslint-disable-next-line no-restricted-syntax
  String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));

function indexOfAscii(bytes: Uint8Array, needle: string, limit = bytes.length): number {
  const first = needle.charCodeAt(0);
  const end = Math.min(limit, bytes.length) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Zip local-header and central-directory names are plain bytes, so a scan finds Word's main part. */
function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  return indexOfAscii(bytes, name) >= 0;
}

function isProbablyText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample[0] === 0xff && sample[1] === 0xfe) return true; // UTF-16 LE BOM
  if (sample[0] === 0xfe && sample[1] === 0xff) return true; // UTF-16 BE BOM
  // a stray NUL (a bad copy, a text editor's slip) leaves a text a text; binary data is full of them
  let control = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  if (control > Math.max(2, sample.length / 100)) return false;
  // strict UTF-8 decode of the sample, allowing a sequence cut at the sample's end
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length === bytes.length ? sample.length : trimPartialUtf8(sample)));
    return true;
  } catch {
    // Latin-1 / Windows-1252 text is still text; decoding falls back in the text loader
    return control === 0;
  }
}

function trimPartialUtf8(sample: Uint8Array): number {
  const end = sample.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = sample[end - k]!;
    if ((b & 0xc0) === 0xc0) return end - k; // a lead byte whose continuation was cut
    if ((b & 0xc0) !== 0x80) break;
  }
  return end;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return /^<!doctype html|^<html[\s>]|^<\?xml[^>]*>\s*<!doctype html|^<\?xml[^>]*>\s*<html[\s>]/.test(head) || (/^<(head|body|meta|title|div|p|h[1-6]|article|main|section)[\s>]/.test(head));
}

/**
 * The format comes from the bytes: a Word file named `.pdf` is read as Word. The extension only
 * separates Markdown from plain text, which no magic number can.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): InputFormat {
  if (bytes.length === 0) throw new CpcError('input/empty', 'the file is empty');
  // the PDF header may follow a little junk (the spec allows it within the first 1024 bytes)
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return 'pdf';
  if (ascii(bytes, 0, 4) === 'PK\u0003\u0004' || ascii(bytes, 0, 4) === 'PK\u0005\u0006') {
    if (zipHasEntry(bytes, 'word/document.xml') || zipHasEntry(bytes, 'word/document2.xml')) return 'docx';
    if (zipHasEntry(bytes, 'word/')) return 'docx';
    throw new CpcError('input/unsupported-format', 'a zip archive that is not a Word document (.docx)');
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // OLE2 compound file: legacy .doc, or an OOXML file encrypted with a password
    const utf16 = (s: string) => Array.from(s, (c) => `${c}\u0000`).join('');
    if (indexOfAscii(bytes, utf16('EncryptedPackage')) >= 0) {
      throw new CpcError('input/encrypted', 'a password-protected Word document (decryption of Office files is not supported)');
    }
    throw new CpcError('input/unsupported-format', 'a legacy Word .doc (or other OLE2) file; save it as .docx');
  }
  if (ascii(bytes, 0, 5) === '{\\rtf') throw new CpcError('input/unsupported-format', 'an RTF file; save it as .docx or PDF');
  if (isProbablyText(bytes)) {
    // a "report.pdf" that holds text is a failed download or an error page, not a report
    const claimed = /\.(pdf|docx?|rtf)$/i.exec(fileName)?.[1];
    if (claimed) {
      const actual = looksLikeHtml(bytes) ? 'an HTML page' : 'plain text';
      throw new CpcError('input/wrong-type', `named .${claimed.toLowerCase()} but it holds ${actual}, not a ${claimed.toLowerCase() === 'pdf' ? 'PDF' : 'Word document'}`);
    }
    if (looksLikeHtml(bytes)) return 'html';
    if (/\.(md|markdown)$/i.test(fileName)) return 'md';
    return 'txt';
  }
  throw new CpcError('input/unsupported-format', 'not a PDF, Word (.docx), HTML or text file');
}
