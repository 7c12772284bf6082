import { InvalidArgumentError } from '@commander-js/extra-typings';
import { availableParallelism } from 'node:os';

/** "200MB", "512k", "1048576" → bytes */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 50MB, 512KB or a number of bytes');
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * unit);
}

/** `-j`: a number of worker threads; 0 means one per CPU core. */
export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of threads (0: one per CPU core)');
  return n === 0 ? availableParallelism() : n;
}

/** The spelling `yml` for `yaml`, as file names have it. */
export const formatAlias = <F extends string>(format: F | 'yml'): F | 'yaml' => (format === 'yml' ? 'yaml' : format);

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** "60s", "1.5s", "500ms", "2m", "90" (seconds) → milliseconds; "0" means no limit. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|h)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a duration such as 60s, 1.5s, 500ms or 2m (0 for no limit)');
  const unit = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[(m[2] ?? 's').toLowerCase() as 'ms' | 's' | 'sec' | 'm' | 'min' | 'h'];
  return Math.round(Number(m[1]) * unit);
}

/** A number from 0 to 1, such as a similarity threshold: "0.3", ".5", "1". */
export function parseUnitInterval(value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1, such as 0.3');
  return n;
}
