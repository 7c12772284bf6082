import { open } from 'node:fs/promises';
import { detectFormat } from '../load/detect.js';
import type { InputFormat } from '../model/report.js';

const HEAD_BYTES = 64 * 1024;
/** a zip's end-of-central-directory record is within the last 22 + 65,535 (comment) bytes */
const TAIL_BYTES = 22 + 65_535 + 1024;

/**
 * The format of a file judged from its first and last bytes, without reading all of it: the
 * head carries a PDF's `%PDF-`, a Word file's zip signature, text; the tail carries the zip's
 * central directory, where Word's `word/document.xml` is listed. Null when it is none of the
 * formats cpc reads.
 */
export async function sniffFormat(path: string, name: string): Promise<InputFormat | null> {
  let sample: Uint8Array;
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    await file.read(head, 0, head.length, 0);
    sample = head;
    const isZip = head[0] === 0x50 && head[1] === 0x4b;
    if (isZip && size > HEAD_BYTES) {
      const tailLength = Math.min(TAIL_BYTES, size - HEAD_BYTES);
      sample = new Uint8Array(head.length + tailLength);
      sample.set(head);
      await file.read(sample, head.length, tailLength, size - tailLength);
    }
  } finally {
    await file.close();
  }
  try {
    return detectFormat(sample, name);
  } catch {
    return null;
  }
}
