/**
 * Format-blind mutations: what a flaky disk, a cut download or a careless tool does to a file.
 * Each returns new bytes and a description precise enough to read in a failure report.
 */
import type { Rng } from '../support/seeded-random.js';

export interface Mutated {
  bytes: Uint8Array;
  description: string;
}

export type ByteMutation = (bytes: Uint8Array, rng: Rng) => Mutated;

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** A chunk length skewed towards short: most damage is local, some spans kilobytes. */
const chunkLength = (rng: Rng, max: number) => Math.max(1, Math.min(max, Math.floor(2 ** (rng.next() * 14))));

export const flipBytes: ByteMutation = (bytes, rng) => {
  const out = new Uint8Array(bytes);
  const count = 1 + rng.int(rng.next() < 0.7 ? 4 : 64);
  const at: number[] = [];
  for (let i = 0; i < count && out.length; i++) {
    const p = rng.int(out.length);
    // a single bit now and then (bit rot), else a whole byte
    out[p] = rng.next() < 0.3 ? out[p]! ^ (1 << rng.int(8)) : rng.int(256);
    at.push(p);
  }
  return { bytes: out, description: `flip ${count} byte(s) at ${at.slice(0, 4).join(',')}${at.length > 4 ? ',…' : ''}` };
};

export const truncate: ByteMutation = (bytes, rng) => {
  const keep = rng.int(bytes.length);
  return { bytes: bytes.slice(0, keep), description: `truncate to ${keep} of ${bytes.length} bytes` };
};

export const duplicateChunk: ByteMutation = (bytes, rng) => {
  if (!bytes.length) return { bytes, description: 'duplicate nothing (empty)' };
  const start = rng.int(bytes.length);
  const len = chunkLength(rng, bytes.length - start);
  const times = rng.next() < 0.9 ? 1 : 2 + rng.int(30);
  const at = rng.int(bytes.length + 1);
  const chunk = bytes.subarray(start, start + len);
  const copies = concat(...Array.from({ length: times }, () => chunk));
  return { bytes: concat(bytes.subarray(0, at), copies, bytes.subarray(at)), description: `duplicate ${len} bytes from ${start} ×${times} at ${at}` };
};

export const deleteChunk: ByteMutation = (bytes, rng) => {
  if (!bytes.length) return { bytes, description: 'delete nothing (empty)' };
  const start = rng.int(bytes.length);
  const len = chunkLength(rng, bytes.length - start);
  return { bytes: concat(bytes.subarray(0, start), bytes.subarray(start + len)), description: `delete ${len} bytes at ${start}` };
};

/** Bytes that mean something to some parser: separators, markers, huge numbers, odd Unicode. */
const TOKENS = ['\u0000', '\f', '\r', '\n\n\n', '\t', '|', '<', '>', '&', '&amp;', '&#0;', '&#xFFFF;', ']]>', '<!--', '%PDF-', 'endstream', 'endobj', 'obj', 'R', '(', ')', '\\', '99999999999', '-1', '1e308', 'NaN', '\uFEFF', '\uE000', '\uE001', '\uD800', '\u202E', '1.', '2.1', '•', '# ', '| --- |'];

export const insertToken: ByteMutation = (bytes, rng) => {
  const token = rng.pick(TOKENS);
  const at = rng.int(bytes.length + 1);
  const times = rng.next() < 0.8 ? 1 : 1 + rng.int(2000);
  const inserted = new TextEncoder().encode(token.repeat(times));
  return { bytes: concat(bytes.subarray(0, at), inserted, bytes.subarray(at)), description: `insert ${JSON.stringify(token)}×${times} at ${at}` };
};

export const BYTE_MUTATIONS: readonly ByteMutation[] = [flipBytes, truncate, duplicateChunk, deleteChunk, insertToken];

export const anyByteMutation: ByteMutation = (bytes, rng) => rng.pick(BYTE_MUTATIONS)(bytes, rng);

export { concat };
