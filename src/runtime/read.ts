import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { CpcError } from '../diagnostics.js';

const UNITS = [
  ['GB', 1024 ** 3],
  ['MB', 1024 ** 2],
  ['KB', 1024],
] as const;

/** The unit a limit reads in: the largest it is at least one of ("10KB" → KB, "200MB" → MB). */
function unitOf(limit: number): readonly [string, number] {
  return UNITS.find(([, size]) => limit >= size) ?? ['bytes', 1];
}

/** A size in the unit of `limit`, so a message reads in the unit the user gave ("12.5 KB", "200 MB"). */
export function formatSize(bytes: number, limit = bytes): string {
  const [name, size] = unitOf(limit);
  const n = bytes / size;
  const shown = Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${name === 'bytes' && n === 1 ? 'byte' : name}`;
}

/** `bytes` null: a stream, read only as far as the limit */
export function tooLarge(bytes: number | null, maxBytes: number): CpcError {
  const size = bytes === null ? 'the input runs past' : `the file is ${formatSize(bytes, maxBytes)}, over`;
  return new CpcError('input/too-large', `${size} the limit of ${formatSize(maxBytes)} (raise it with --max-bytes)`);
}

/** A file larger than a worker's memory limit: its bytes alone would not fit beside the heap. */
export function overMemory(bytes: number, maxMemoryBytes: number): CpcError {
  return new CpcError('input/out-of-memory', `the file is ${formatSize(bytes, maxMemoryBytes)}, more than the memory limit of ${formatSize(maxMemoryBytes)} per file (raise it with --max-memory)`);
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Read an input document, refusing directories and files over the size limit before reading them;
 * with `maxMemoryBytes` (batch: a worker's limit), files larger than that too, so the files read
 * ahead for the workers never hold more than the limit each.
 */
export async function readInput(path: string, maxBytes: number, maxMemoryBytes = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CpcError('input/not-found', 'no such file');
    throw new CpcError('input/unreadable', `cannot read it (${(e as Error).message})`);
  }
  if (info.isDirectory()) throw new CpcError('input/unreadable', 'is a directory, not a document');
  // a FIFO would block until a writer comes, a device (/dev/zero) never ends and reports size 0:
  // refused before they are opened; a stream is read with `-`, where the size limit is counted
  if (!info.isFile()) throw new CpcError('input/not-a-file', `is ${kindOf(info)}, not a regular file (pipe it in with - to read it as a stream)`);
  if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
  if (info.size > maxMemoryBytes) throw overMemory(info.size, maxMemoryBytes);
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new CpcError('input/unreadable', `cannot read it (${(e as Error).message})`);
  }
}

/** A stream's bytes (stdin), the size limit enforced while reading: a pipe has no size to check first. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      total += bytes.length;
      if (total > maxBytes) throw tooLarge(null, maxBytes);
      chunks.push(bytes);
    }
  } catch (e) {
    if (e instanceof CpcError) throw e;
    throw new CpcError('input/unreadable', `cannot read it (${(e as Error).message})`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
