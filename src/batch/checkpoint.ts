import { stat } from 'node:fs/promises';
import { withLock } from '../runtime/lock.js';
import { writeAtomic } from '../runtime/write.js';
import { readManifest, serializeManifest, type ManifestEntry } from './manifest.js';
import { comparePaths } from './output-paths.js';

export interface CheckpointOptions {
  /** the shortest time between two saves */
  minIntervalMs: number;
  /** the largest share of the time spent saving: a manifest slow to save is saved less often */
  maxShare: number;
}

/** The lock beside a manifest that its readers-and-writers take. */
export const lockPathOf = (manifestPath: string) => `${manifestPath}.lock`;

const DEFAULTS: CheckpointOptions = { minIntervalMs: 1_000, maxShare: 0.1 };

/**
 * Saves the manifest from time to time while a batch runs, so a run that is killed (a CI job
 * cancelled or out of time) keeps the record of what it finished, and the next run skips those.
 * A save holds every entry the manifest had (an interruption forgets nothing) with this run's
 * finished entries in place of theirs. Each line is serialised once, and the file is read again
 * only when something else — another shard writing into the same --out — has written it since.
 * The run's final manifest is not this one's business: it is written after `stop()`.
 */
export class ManifestCheckpoints {
  readonly #path: string;
  /** whether an entry on disk that this run has not finished stays (another shard's, another run's) */
  readonly #keep: (path: string) => boolean;
  /** the manifest's header line */
  readonly #header: string;
  readonly #options: CheckpointOptions;
  /** path → its manifest line */
  readonly #lines = new Map<string, string>();
  /** paths this run has finished: what the file says of them is older */
  readonly #mine = new Set<string>();
  #dirty = false;
  #lastWrite: { mtimeMs: number; size: number } | null = null;
  #waitMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | null = null;
  #stopped = false;

  constructor(path: string, keep: (path: string) => boolean, base: string, options: Partial<CheckpointOptions> = {}) {
    this.#path = path;
    this.#keep = keep;
    this.#header = serializeManifest([], base);
    this.#options = { ...DEFAULTS, ...options };
    this.#waitMs = this.#options.minIntervalMs;
    this.#schedule();
  }

  finished(entry: ManifestEntry): void {
    this.#lines.set(entry.path, serializeManifest([entry]));
    this.#mine.add(entry.path);
    this.#dirty = true;
  }

  /** No save starts after this, and one under way has ended when it resolves. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#saving;
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      // a failed save is not reported: the final one is, and it decides the run's status
      this.#saving = this.#save()
        .catch(() => {
          this.#dirty = true;
        })
        .finally(() => {
          this.#saving = null;
          this.#schedule();
        });
    }, this.#waitMs);
    this.#timer.unref();
  }

  async #save(): Promise<void> {
    if (!this.#dirty) return;
    // another run into the same --out reads and writes the manifest under the same lock
    await withLock(lockPathOf(this.#path), () => this.#saveLocked());
  }

  async #saveLocked(): Promise<void> {
    const started = performance.now();
    this.#dirty = false;
    const onDisk = await stat(this.#path).catch(() => null);
    const written = this.#lastWrite;
    if (onDisk && !(written && onDisk.mtimeMs === written.mtimeMs && onDisk.size === written.size)) {
      for (const e of (await readManifest(this.#path)).entries.values()) {
        if (this.#keep(e.path) && !this.#mine.has(e.path)) this.#lines.set(e.path, serializeManifest([e]));
      }
    }
    const text = this.#header + [...this.#lines.keys()].sort(comparePaths).map((p) => this.#lines.get(p)!).join('');
    await writeAtomic(this.#path, text);
    const after = await stat(this.#path).catch(() => null);
    this.#lastWrite = after && { mtimeMs: after.mtimeMs, size: after.size };
    this.#waitMs = Math.max(this.#options.minIntervalMs, (performance.now() - started) / this.#options.maxShare);
  }
}
