import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A temporary file's name: `.<tag><random>.cpc-tmp`, the tag naming the run that may remove it. */
export const tempName = (tag: string) => `.${tag}${randomBytes(6).toString('hex')}.cpc-tmp`;

/**
 * Write via a temporary file and a rename, so a killed run never leaves half a file. `tag` marks
 * the temporary file as one run's, so that run can remove what a stopped worker left.
 */
export async function writeAtomic(path: string, data: string | Uint8Array, tag = ''): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), tempName(tag));
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
