/**
 * Word-file mutations at the level of its zip container and parts: damaged compressed data, parts
 * missing or swapped, lying size headers, and XML damaged inside a part that still inflates — the
 * last reaches the XML parsers and mammoth, which byte flips on compressed data rarely do.
 */
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import type { Rng } from '../support/seeded-random.js';
import { anyByteMutation, type Mutated } from './byte-mutations.js';

interface ZipEntry {
  name: string;
  /** offset of the local header's size fields and of the central directory record */
  local: number;
  central: number;
  dataStart: number;
  compressedSize: number;
}

/** The entries the central directory lists (null when the zip is too damaged to tell). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (local + 30 > bytes.length) return null;
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), local, central: at, dataStart, compressedSize: view.getUint32(at + 20, true) });
    at = next;
  }
  return entries;
}

type ZipMutation = (bytes: Uint8Array, rng: Rng) => Promise<Mutated | null>;

/** The parts cpc reads first are picked more often: damage there goes furthest. */
function pickEntry<T extends { name: string }>(entries: readonly T[], rng: Rng): T {
  const important = entries.filter((e) => /^(word\/(document|numbering|styles)\.xml|_rels\/\.rels|word\/_rels\/document\.xml\.rels|\[Content_Types\]\.xml)$/.test(e.name));
  return rng.pick(important.length && rng.next() < 0.7 ? important : entries);
}

/** Flip bytes inside one entry's compressed data, in place (the CRC no longer matches). */
const corruptCompressedEntry: ZipMutation = async (bytes, rng) => {
  const entries = zipEntries(bytes)?.filter((e) => e.compressedSize > 0 && e.dataStart + e.compressedSize <= bytes.length);
  if (!entries?.length) return null;
  const entry = pickEntry(entries, rng);
  const out = new Uint8Array(bytes);
  const count = 1 + rng.int(8);
  for (let i = 0; i < count; i++) out[entry.dataStart + rng.int(entry.compressedSize)] = rng.int(256);
  return { bytes: out, description: `zip: corrupt ${count} compressed byte(s) of ${entry.name}` };
};

/** Make an entry's headers claim another size: zero, a little, or gigabytes. */
const forgeEntrySize: ZipMutation = async (bytes, rng) => {
  const entries = zipEntries(bytes);
  if (!entries?.length) return null;
  const entry = pickEntry(entries, rng);
  const size = rng.pick([0, 1, 100, 0x7fffffff, 0xffffffff]);
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  const which = rng.int(3); // local header, central directory, or both
  if (which !== 1) view.setUint32(entry.local + 22, size, true);
  if (which !== 0) view.setUint32(entry.central + 24, size, true);
  return { bytes: out, description: `zip: ${['local', 'central', 'both'][which]} size of ${entry.name} forged to ${size}` };
};

/**
 * The parts, inflated here rather than by JSZip: its reader throws from an event handler (out of
 * reach of any catch) on a part whose size header lies, which earlier mutations may have made.
 */
function readParts(bytes: Uint8Array): Map<string, Uint8Array> | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = new Map<string, Uint8Array>();
  try {
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
      const method = view.getUint16(e.central + 10, true);
      parts.set(e.name, method === 0 ? data : new Uint8Array(inflateRawSync(data, { maxOutputLength: 64 * 1024 * 1024 })));
    }
  } catch {
    return null;
  }
  return parts;
}

/** Edit the parts and zip them up again cleanly (null when the zip is too damaged to read). */
async function rezip(bytes: Uint8Array, edit: (parts: Map<string, Uint8Array>) => string | null): Promise<Mutated | null> {
  const parts = readParts(bytes);
  if (!parts?.size) return null;
  const description = edit(parts);
  if (!description) return null;
  const zip = new JSZip();
  for (const [name, data] of parts) zip.file(name, data, { date: ZIP_DATE });
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), description };
}

/** fixed, so a case's bytes are the same on every run */
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1));

const pickPart = (parts: Map<string, Uint8Array>, rng: Rng) => pickEntry([...parts.keys()].map((name) => ({ name })), rng).name;

const deleteEntry: ZipMutation = (bytes, rng) =>
  rezip(bytes, (parts) => {
    const name = pickPart(parts, rng);
    parts.delete(name);
    return `zip: delete ${name}`;
  });

/** Swap two parts' contents, so each name holds the other's XML. */
const swapEntries: ZipMutation = (bytes, rng) =>
  rezip(bytes, (parts) => {
    if (parts.size < 2) return null;
    const a = pickPart(parts, rng);
    const b = rng.pick([...parts.keys()].filter((n) => n !== a));
    const [da, db] = [parts.get(a)!, parts.get(b)!];
    parts.set(a, db);
    parts.set(b, da);
    return `zip: swap the contents of ${a} and ${b}`;
  });

/** Damage a part's XML (flip, cut, duplicate, insert), then zip it up again cleanly. */
const mutateEntryContent: ZipMutation = (bytes, rng) =>
  rezip(bytes, (parts) => {
    const name = pickPart(parts, rng);
    const inner = anyByteMutation(parts.get(name)!, rng);
    parts.set(name, inner.bytes);
    return `zip: in ${name}, ${inner.description}`;
  });

export const ZIP_MUTATIONS: readonly ZipMutation[] = [corruptCompressedEntry, forgeEntrySize, deleteEntry, swapEntries, mutateEntryContent, mutateEntryContent, mutateEntryContent];

/** One zip-level mutation, or a byte-level one when the container is already too damaged for it. */
export async function mutateZip(bytes: Uint8Array, rng: Rng): Promise<Mutated> {
  return (await rng.pick(ZIP_MUTATIONS)(bytes, rng)) ?? anyByteMutation(bytes, rng);
}
