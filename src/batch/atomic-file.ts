import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * writeAtomic for output built piece by piece: chunks go to a temporary file beside the target,
 * renamed over it on commit, so a killed run never leaves half a file and nothing needs holding
 * in memory.
 */
export class AtomicFile {
  readonly #path: string;
  readonly #tmp: string;
  #handle: FileHandle | undefined;

  private constructor(path: string, tmp: string, handle: FileHandle) {
    this.#path = path;
    this.#tmp = tmp;
    this.#handle = handle;
  }

  static async create(path: string): Promise<AtomicFile> {
    await mkdir(dirname(path), { recursive: true });
    const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.cpc-tmp`);
    return new AtomicFile(path, tmp, await open(tmp, 'wx'));
  }

  async write(chunk: string): Promise<void> {
    if (!this.#handle) throw new Error('AtomicFile: write after commit or abort');
    if (chunk) await this.#handle.write(chunk);
  }

  async commit(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    try {
      await handle?.close();
      await rename(this.#tmp, this.#path);
    } catch (e) {
      await rm(this.#tmp, { force: true });
      throw e;
    }
  }

  async abort(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close().catch(() => undefined);
    await rm(this.#tmp, { force: true });
  }
}
