/**
 * The top of the scanned fixture's first page (its title block) on an otherwise white page, as a
 * grey image: OCR has a few lines to read and takes a second, not half a minute.
 */
import { inflateSync } from 'node:zlib';
import { fixtureBytes } from '../helpers.js';

export function scannedTitleImage(): { width: number; height: number; gray: Uint8Array } {
  const pdf = Buffer.from(fixtureBytes('scanned-follow-up.pdf'));
  const head = /\/Width (\d+) \/Height (\d+) [^>]*\/Length (\d+) >>\nstream\n/.exec(pdf.toString('latin1'))!;
  const start = head.index + head[0].length;
  const [width, height, length] = [Number(head[1]), Number(head[2]), Number(head[3])];
  const gray = new Uint8Array(inflateSync(pdf.subarray(start, start + length)));
  gray.fill(255, width * Math.round(height * 0.2));
  return { width, height, gray };
}
