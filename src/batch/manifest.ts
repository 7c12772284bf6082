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

/**
 * The manifest's first line: the folder the entries' paths (and the outputs' tree) are relative
 * to, itself relative to --out, so a later run over a subfolder keeps the same tree and entries,
 * and an archive moved together with its --out still matches.
 */
export const ManifestHeader = z
  .object({
    manifest: z.literal('cpc batch'),
    base: z.string().describe('the inputs\' base folder, relative to the --out folder, forward slashes'),
  })
  .strict();
export type ManifestHeader = z.infer<typeof ManifestHeader>;

export interface ManifestData {
  entries: Map<string, ManifestEntry>;
  invalidLines: number;
  /** the recorded base, relative to --out; null for a manifest without a header (or none) */
  base: string | null;
}

/** The last entry per path (a hand-merged manifest may repeat one); unreadable lines are counted, not fatal. */
export async function readManifest(path: string): Promise<ManifestData> {
  const entries = new Map<string, ManifestEntry>();
  let base: string | null = null;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries, invalidLines: 0, base };
    throw e;
  }
  let invalidLines = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      invalidLines++;
      continue;
    }
    const header = ManifestHeader.safeParse(data);
    if (header.success) {
      base = header.data.base;
      continue;
    }
    const parsed = ManifestEntry.safeParse(data);
    if (parsed.success) entries.set(parsed.data.path, parsed.data);
    else invalidLines++;
  }
  return { entries, invalidLines, base };
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

/** `base`: relative to --out, recorded in the header line; without it, entries only. */
export function serializeManifest(entries: readonly ManifestEntry[], base?: string): string {
  const header = base === undefined ? '' : `${JSON.stringify(ManifestHeader.parse({ manifest: 'cpc batch', base }))}\n`;
  return header + entries.map((e) => `${JSON.stringify(ManifestEntry.parse(e))}\n`).join('');
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
