/**
 * An exclusive lock file around a read-merge-write (the batch manifest): two runs into one --out
 * take turns, so neither writes over the other's entries. The file holds the holder's pid; one
 * left by a process that no longer runs (killed with SIGKILL) is taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface LockOptions {
  /** how long to wait for another holder before giving up */
  timeoutMs: number;
  pollMs: number;
}

const DEFAULTS: LockOptions = { timeoutMs: 60_000, pollMs: 25 };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LockTimeout extends Error {}

export async function withLock<T>(lockPath: string, fn: () => Promise<T>, options: Partial<LockOptions> = {}): Promise<T> {
  const { timeoutMs, pollMs } = { ...DEFAULTS, ...options };
  const deadline = performance.now() + timeoutMs;
  // the lock's folder may not be there yet (an --out no file has been written into)
  await mkdir(dirname(lockPath), { recursive: true });
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      // a holder that died leaves its lock behind; one still writing its pid has none yet
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (performance.now() > deadline) throw new LockTimeout(`${lockPath} is held by process ${holder || '?'}`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}
