import { readFile, stat } from 'node:fs/promises';
import { CpcError } from '../diagnostics.js';

/** Read an input document, refusing directories and files over the size limit before reading them. */
export async function readInput(path: string, maxBytes: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CpcError('input/not-found', 'no such file');
    throw new CpcError('input/unreadable', `cannot read it (${(e as Error).message})`);
  }
  if (info.isDirectory()) throw new CpcError('input/unreadable', 'is a directory, not a document');
  if (info.size > maxBytes) {
    throw new CpcError('input/too-large', `the file is ${Math.round(info.size / 1048576)} MB, over the limit of ${Math.round(maxBytes / 1048576)} MB (raise it with --max-bytes)`);
  }
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new CpcError('input/unreadable', `cannot read it (${(e as Error).message})`);
  }
}
