import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { Count, InputFormat } from '../model/report.js';
import { comparePaths } from './output-paths.js';

export const MANIFEST_NAME = 'manifest.jsonl';

export const FILE_STATUSES = ['ok', 'skipped', 'failed', 'timeout'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export const ReportCounts = z
  .object({
    recommendationsCurrent: Count,
    recommendationsPrevious: Count,
    sections: Count,
    peers: Count,
  })
  .strict();
export type ReportCounts = z.infer<typeof ReportCounts>;

/**
 * One line of `manifest.jsonl`: what happened to one input. Key order is this schema's, so lines
 * are byte-stable; there is no timestamp (only `ms` varies between runs).
 */
export const ManifestEntry = z
  .object({
    path: z.string().min(1).describe('input path relative to the inputs’ common base, forward slashes'),
    status: z.enum(FILE_STATUSES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().describe('null when the file could not be read'),
    output: z.string().nullable().describe('output path relative to --out; null when there is none'),
    format: InputFormat.nullable(),
    pages: Count.nullable(),
    counts: ReportCounts.nullable(),
    warnings: z.array(z.string()).describe('distinct codes of warning-severity diagnostics, sorted'),
    error: z.object({ code: z.string(), message: z.string() }).strict().nullable(),
    ms: Count.describe('time spent on the file in this run'),
    cpcVersion: z.string(),
  })
  .strict();
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** The last entry per path (a hand-merged manifest may repeat one); unreadable lines are counted, not fatal. */
export async function readManifest(path: string): Promise<{ entries: Map<string, ManifestEntry>; invalidLines: number }> {
  const entries = new Map<string, ManifestEntry>();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries, invalidLines: 0 };
    throw e;
  }
  let invalidLines = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let parsed;
    try {
      parsed = ManifestEntry.safeParse(JSON.parse(line));
    } catch {
      parsed = null;
    }
    if (parsed?.success) entries.set(parsed.data.path, parsed.data);
    else invalidLines++;
  }
  return { entries, invalidLines };
}

/**
 * The manifest after a run: this run's entries, plus those earlier entries `keepPrevious` accepts
 * (in a sharded run, the files other shards own). Sorted by path, one entry per path.
 */
export function mergeManifest(previous: Iterable<ManifestEntry>, current: readonly ManifestEntry[], keepPrevious: (path: string) => boolean): ManifestEntry[] {
  const merged = new Map<string, ManifestEntry>();
  for (const e of previous) if (keepPrevious(e.path)) merged.set(e.path, e);
  for (const e of current) merged.set(e.path, e);
  return [...merged.values()].sort((a, b) => comparePaths(a.path, b.path));
}

export function serializeManifest(entries: readonly ManifestEntry[]): string {
  return entries.map((e) => `${JSON.stringify(ManifestEntry.parse(e))}\n`).join('');
}

/**
 * A file is up to date when its last entry converted the same bytes with the same cpc into the
 * output this run would write, and that output is still there. Failed files are always retried:
 * their cause may be a limit, a password or a timeout given differently this time.
 */
export function isUpToDate(previous: ManifestEntry | undefined, now: { sha256: string; cpcVersion: string; output: string; outputExists: boolean }): previous is ManifestEntry {
  return (
    previous !== undefined &&
    (previous.status === 'ok' || previous.status === 'skipped') &&
    previous.sha256 === now.sha256 &&
    previous.cpcVersion === now.cpcVersion &&
    previous.output === now.output &&
    now.outputExists
  );
}
