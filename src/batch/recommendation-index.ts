import { extname } from 'node:path';
import { csvHeader, csvRows, recommendationRows } from '../emit/index.js';
import { AtomicFile } from './atomic-file.js';
import { readOutputReport } from './output-report.js';
import type { ManifestEntry } from './manifest.js';
import { resolveInside } from './output-paths.js';

export const INDEX_FORMATS = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl' } as const;
export type IndexFormat = (typeof INDEX_FORMATS)[keyof typeof INDEX_FORMATS];

export function indexFormatOf(path: string): IndexFormat | null {
  return INDEX_FORMATS[extname(path).toLowerCase() as keyof typeof INDEX_FORMATS] ?? null;
}

export interface IndexResult {
  rows: number;
  /** outputs that could not be read back, with why */
  problems: { path: string; message: string }[];
}

/**
 * One table of every recommendation of every converted report: the manifest's ok and skipped
 * entries in path order, each output read back from disk in turn (so skipped files count too),
 * rows in document order. One report is in memory at a time; rows stream to a temporary file.
 */
export async function writeRecommendationIndex(indexPath: string, format: IndexFormat, entries: readonly ManifestEntry[], outDir: string, csvRaw = false): Promise<IndexResult> {
  const file = await AtomicFile.create(indexPath);
  const result: IndexResult = { rows: 0, problems: [] };
  try {
    if (format === 'csv') await file.write(csvHeader());
    for (const entry of entries) {
      if ((entry.status !== 'ok' && entry.status !== 'skipped') || !entry.output) continue;
      const outPath = resolveInside(outDir, entry.output);
      if (!outPath) {
        result.problems.push({ path: entry.path, message: `its output name ${entry.output} is outside --out` });
        continue;
      }
      const checked = await readOutputReport(outPath);
      if (!checked.ok) {
        result.problems.push({ path: entry.path, message: checked.problem === 'unreadable' ? `cannot read its output ${entry.output} (${checked.message})` : `its output ${entry.output} is not a valid report` });
        continue;
      }
      const rows = recommendationRows(checked.report);
      result.rows += rows.length;
      if (rows.length === 0) continue;
      await file.write(format === 'csv' ? csvRows(rows, false, csvRaw) : rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
    await file.commit();
    return result;
  } catch (e) {
    await file.abort();
    throw e;
  }
}
