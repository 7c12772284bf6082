import JSZip from 'jszip';
import { CpcError } from '../diagnostics.js';

interface InternalStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): InternalStream;
  on(event: 'error', fn: (e: Error) => void): InternalStream;
  on(event: 'end', fn: () => void): InternalStream;
  pause(): InternalStream;
  resume(): InternalStream;
}

export interface GuardedZip {
  names(): string[];
  exists(name: string): boolean;
  /** inflate one part, refusing it once it grows past the limit (whatever its header claims) */
  read(name: string): Promise<Uint8Array | null>;
  readText(name: string): Promise<string | null>;
}

function bomb(name: string, limit: number): CpcError {
  return new CpcError('input/zip-bomb', `the part ${name} inflates past the limit of ${Math.round(limit / 1048576)} MB (raise it with --max-inflated)`);
}

export async function openGuardedZip(bytes: Uint8Array, maxInflatedBytes: number): Promise<GuardedZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new CpcError('input/corrupt', `not a readable Word file: the zip container is damaged (${(e as Error).message})`, { cause: e });
  }
  let inflatedTotal = 0;
  const read = (name: string): Promise<Uint8Array | null> => {
    const file = zip.file(name);
    if (!file) return Promise.resolve(null);
    // the size the central directory declares; a forged one is caught while inflating below
    const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (declared > maxInflatedBytes || inflatedTotal + declared > maxInflatedBytes) return Promise.reject(bomb(name, maxInflatedBytes));
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let done = false;
      // jszip's streaming inflate (typed only in its sources) lets a read stop at the limit
      const stream = (file as unknown as { internalStream(type: 'uint8array'): InternalStream }).internalStream('uint8array');
      stream
        .on('data', (chunk: Uint8Array) => {
          if (done) return;
          size += chunk.length;
          if (size > maxInflatedBytes || inflatedTotal + size > maxInflatedBytes) {
            done = true;
            stream.pause();
            reject(bomb(name, maxInflatedBytes));
            return;
          }
          chunks.push(chunk);
        })
        .on('error', (e: Error) => {
          if (done) return;
          done = true;
          reject(new CpcError('input/corrupt', `not a readable Word file: ${name} is damaged (${e.message})`, { cause: e }));
        })
        .on('end', () => {
          if (done) return;
          done = true;
          inflatedTotal += size;
          const out = new Uint8Array(size);
          let at = 0;
          for (const c of chunks) {
            out.set(c, at);
            at += c.length;
          }
          resolve(out);
        })
        .resume();
    });
  };
  return {
    names: () => Object.keys(zip.files).filter((n) => !zip.files[n]!.dir),
    exists: (name) => zip.file(name) !== null,
    read,
    readText: async (name) => {
      const b = await read(name);
      return b == null ? null : new TextDecoder('utf-8').decode(b);
    },
  };
}
