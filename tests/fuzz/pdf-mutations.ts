/**
 * PDF mutations that get past the compression: damage inside an inflated stream (a page's text
 * operators, a font program) re-deflated in place, and extreme values for the numbers of the
 * object dictionaries (page counts, boxes, lengths, font sizes). Offsets in the cross-reference
 * table go stale, as they do in real damaged files; pdf.js then rebuilds it.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { Rng } from '../support/seeded-random.js';
import { anyByteMutation, concat, type Mutated } from './byte-mutations.js';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

interface StreamSpan {
  /** where the Length value's digits sit in the dictionary, when it is a direct number */
  lengthAt: { start: number; end: number } | null;
  dataStart: number;
  dataEnd: number;
}

function flateStreams(text: string): StreamSpan[] {
  const spans: StreamSpan[] = [];
  // one stream dictionary: no crossing into another object or stream on either side of the filter
  const re = /<<((?:(?!>>\s*stream|obj)[\s\S]){0,400}?\/FlateDecode(?:(?!obj)[\s\S]){0,400}?)>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const dataStart = m.index + m[0].length;
    const dataEnd = text.indexOf('endstream', dataStart);
    if (dataEnd < 0) break;
    const length = /\/Length (\d+)(?! \d+ R)/.exec(m[1]!);
    const lengthAt = length ? { start: m.index + 2 + length.index + '/Length '.length, end: m.index + 2 + length.index + length[0].length } : null;
    spans.push({ lengthAt, dataStart, dataEnd: text[dataEnd - 1] === '\n' ? dataEnd - (text[dataEnd - 2] === '\r' ? 2 : 1) : dataEnd });
    re.lastIndex = dataEnd;
  }
  return spans;
}

/** Inflate one stream, damage its content, deflate it back (fixing a direct /Length half the time). */
function mutateStream(bytes: Uint8Array, rng: Rng): Mutated | null {
  const text = latin1(bytes);
  const spans = flateStreams(text);
  if (!spans.length) return null;
  const k = rng.int(spans.length);
  const span = spans[k]!;
  let inflated: Uint8Array;
  try {
    inflated = new Uint8Array(inflateSync(bytes.subarray(span.dataStart, span.dataEnd)));
  } catch {
    return null;
  }
  const inner = anyByteMutation(inflated, rng);
  const data = new Uint8Array(deflateSync(inner.bytes));
  const fixLength = span.lengthAt !== null && rng.next() < 0.5;
  const head = fixLength
    ? concat(bytes.subarray(0, span.lengthAt!.start), new TextEncoder().encode(String(data.length)), bytes.subarray(span.lengthAt!.end, span.dataStart))
    : bytes.subarray(0, span.dataStart);
  return { bytes: concat(head, data, bytes.subarray(span.dataEnd)), description: `pdf: in stream #${k} (${inflated.length} bytes inflated), ${inner.description}${fixLength ? ', /Length fixed' : ''}` };
}

const EXTREMES = ['0', '-1', '1', '-0.0001', '2147483647', '4294967296', '99999999999999999999', '1e308', '-1e308', '0.000001', '65535', '3.40282e+38'];

/** Replace one number outside streams (a /Count, /MediaBox, /Length, object number, …) with an extreme. */
function mutateNumber(bytes: Uint8Array, rng: Rng): Mutated | null {
  const text = latin1(bytes);
  const streams = flateStreams(text);
  const numbers: { start: number; end: number }[] = [];
  const re = /(?<=[\s[/<>(])-?\d+(?:\.\d+)?(?=[\s\]/<>)])/g;
  let s = 0;
  for (let m = re.exec(text); m && numbers.length < 20_000; m = re.exec(text)) {
    while (s < streams.length && streams[s]!.dataEnd < m.index) s++;
    const inStream = s < streams.length && m.index >= streams[s]!.dataStart && m.index < streams[s]!.dataEnd;
    if (!inStream) numbers.push({ start: m.index, end: m.index + m[0].length });
  }
  if (!numbers.length) return null;
  const n = rng.pick(numbers);
  const value = rng.pick(EXTREMES);
  const context = text.slice(Math.max(0, n.start - 12), n.start).replace(/\s+/g, ' ');
  return {
    bytes: concat(bytes.subarray(0, n.start), new TextEncoder().encode(value), bytes.subarray(n.end)),
    description: `pdf: number ${text.slice(n.start, n.end)} at ${n.start} (after "${context}") → ${value}`,
  };
}

export function mutatePdf(bytes: Uint8Array, rng: Rng): Mutated {
  const structured = rng.next() < 0.5 ? mutateStream(bytes, rng) : mutateNumber(bytes, rng);
  return structured ?? anyByteMutation(bytes, rng);
}
