import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { describeFailure, EXIT, UsageError } from '../runtime/exit.js';
import { reportError, type CliIO } from '../runtime/io.js';
import type { OcrMode } from '../runtime/ocr.js';
import type { PdfEngine } from '../load/pdf.js';
import { readInput } from '../runtime/read.js';
import { writeAtomic } from '../runtime/write.js';
import { EXTENSIONS } from '../emit/index.js';
import { forEachConcurrent } from './concurrent.js';
import { discoverInputs, type DiscoveredInput } from './discover.js';
import { isUpToDate, MANIFEST_NAME, mergeManifest, readManifest, serializeManifest, type FileStatus, type ManifestEntry } from './manifest.js';
import { planOutputs, resolveInside } from './output-paths.js';
import { ExtractPool, type TaskOutcome } from './pool.js';
import { ManifestCheckpoints } from './checkpoint.js';
import { createProgress } from './progress.js';
import { indexFormatOf, writeRecommendationIndex } from './recommendation-index.js';
import { inShard, type Shard } from './shard.js';
import { exitStatusFor, summaryLine, tally, type FailOn } from './summary.js';
import { toolVersion } from './version.js';

export interface BatchOptions {
  out: string;
  format: 'json' | 'yaml';
  jobs: number;
  /** per-file limit in milliseconds; null for none */
  timeoutMs: number | null;
  maxMemoryMb: number;
  force: boolean;
  failOn: FailOn;
  shard?: Shard;
  /** recommendations index, .csv or .jsonl */
  index?: string;
  quiet: boolean;
  password?: string;
  maxPages: number;
  maxBytes: number;
  maxInflated: number;
  ocr: OcrMode;
  pdfEngine: PdfEngine;
}

/** Files in flight per worker: one extracting, one read and queued, so no worker waits on the disk. */
const READ_AHEAD = 2;

async function checkOutDir(outDir: string): Promise<void> {
  const info = await stat(outDir).catch(() => null);
  if (info && !info.isDirectory()) throw new UsageError(`--out ${outDir}: exists and is not a directory`);
}

function entry(path: string, status: FileStatus, fields: Partial<Omit<ManifestEntry, 'path' | 'status'>>): ManifestEntry {
  return {
    path,
    status,
    sha256: fields.sha256 ?? null,
    output: fields.output ?? null,
    format: fields.format ?? null,
    pages: fields.pages ?? null,
    counts: fields.counts ?? null,
    warnings: fields.warnings ?? [],
    error: fields.error ?? null,
    ms: fields.ms ?? 0,
    cpcVersion: fields.cpcVersion ?? toolVersion(),
  };
}

function entryFromOutcome(path: string, sha256: string, output: string, outcome: TaskOutcome): ManifestEntry {
  const cpcVersion = toolVersion();
  if (outcome.status === 'ok') {
    const s = outcome.summary;
    return entry(path, 'ok', { sha256, output, format: s.format, pages: s.pages, counts: s.counts, warnings: s.warnings, ms: outcome.ms, cpcVersion });
  }
  return entry(path, outcome.status, { sha256, error: { code: outcome.error.code, message: outcome.error.message }, ms: outcome.ms, cpcVersion });
}

/** `cpc batch`: convert an archive into --out; resolves to the exit code. */
export async function runBatch(args: readonly string[], opts: BatchOptions, io: CliIO): Promise<number> {
  const startedAt = performance.now();
  const outDir = resolve(io.cwd, opts.out);
  const indexPath = opts.index ? resolve(io.cwd, opts.index) : null;
  const indexFormat = indexPath ? indexFormatOf(indexPath) : null;
  if (indexPath && !indexFormat) throw new UsageError(`--index ${opts.index}: name it .csv or .jsonl`);
  await checkOutDir(outDir);

  const discovery = await discoverInputs(args, { cwd: io.cwd, exclude: [outDir, ...(indexPath ? [indexPath] : [])] });
  // planned over the whole archive, so every shard names outputs alike
  const outputs = planOutputs(discovery.inputs.map((i) => i.rel), EXTENSIONS[opts.format]);
  const mine = discovery.inputs.filter((i) => inShard(i.rel, opts.shard));
  const manifestPath = join(outDir, MANIFEST_NAME);
  const { entries: previous, invalidLines } = await readManifest(manifestPath);
  if (invalidLines) reportError(io, relative(io.cwd, manifestPath) || manifestPath, `${invalidLines} unreadable line${invalidLines === 1 ? '' : 's'} ignored; those files are converted again`);
  const cpcVersion = toolVersion();

  let pool: ExtractPool | undefined;
  // started on the first file that needs work: a run where everything is up to date starts no thread
  const getPool = () => (pool ??= new ExtractPool({ jobs: Math.max(1, Math.min(opts.jobs, mine.length)), timeoutMs: opts.timeoutMs, maxMemoryMb: opts.maxMemoryMb }));

  const convert = async (input: DiscoveredInput): Promise<ManifestEntry> => {
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    const output = outputs.get(input.rel)!;
    const outPath = resolveInside(outDir, output);
    if (!outPath) return entry(input.rel, 'failed', { error: { code: 'output/write-failed', message: `its output name ${output} would fall outside --out` } });
    let bytes: Uint8Array;
    try {
      bytes = await readInput(input.abs, opts.maxBytes);
    } catch (e) {
      const f = describeFailure(e);
      return entry(input.rel, 'failed', { error: { code: f.errorCode, message: f.message }, ms: ms() });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const last = previous.get(input.rel);
    if (!opts.force && isUpToDate(last, { sha256, cpcVersion, output, outputExists: existsSync(outPath) })) {
      return { ...last, status: 'skipped', ms: ms() };
    }
    const outcome = await getPool().extract({
      bytes,
      file: input.rel,
      password: opts.password,
      maxPages: opts.maxPages,
      maxInflatedBytes: opts.maxInflated,
      pdfEngine: opts.pdfEngine,
      ocr: opts.ocr,
      timeoutMs: opts.timeoutMs,
      write: { path: outPath, format: opts.format },
    });
    return entryFromOutcome(input.rel, sha256, output, outcome);
  };

  const progress = createProgress(io, mine.length, opts.quiet);
  const entries: ManifestEntry[] = [];
  const discovered = new Set(discovery.inputs.map((i) => i.rel));
  const checkpoints = new ManifestCheckpoints(manifestPath, discovered);
  try {
    await forEachConcurrent(mine, opts.jobs * READ_AHEAD, async (input, i) => {
      let done: ManifestEntry;
      try {
        done = await convert(input);
      } catch (e) {
        // a bug in cpc on one file still must not stop the others
        done = entry(input.rel, 'failed', { error: { code: 'internal', message: `internal error: ${(e as Error).message}` } });
      }
      entries[i] = done;
      checkpoints.finished(done);
      progress.fileDone(done);
    });
  } finally {
    progress.finish();
    await checkpoints.stop();
    await pool?.close();
  }

  let runFailed = false;
  // read again just before writing: a shard that finished meanwhile into the same --out keeps its entries
  const latest = (await readManifest(manifestPath)).entries;
  const manifest = mergeManifest(latest.values(), entries, (path) => discovered.has(path) && !inShard(path, opts.shard));
  try {
    await writeAtomic(manifestPath, serializeManifest(manifest));
  } catch (e) {
    reportError(io, relative(io.cwd, manifestPath) || manifestPath, `cannot write the manifest (${(e as Error).message})`);
    runFailed = true;
  }

  if (indexPath && indexFormat) {
    try {
      const index = await writeRecommendationIndex(indexPath, indexFormat, manifest, outDir);
      for (const p of index.problems) reportError(io, p.path, `left out of the index: ${p.message}`);
      if (index.problems.length) runFailed = true;
    } catch (e) {
      reportError(io, opts.index ?? null, `cannot write the index (${(e as Error).message})`);
      runFailed = true;
    }
  }

  io.stderr.write(`${summaryLine(tally(entries, discovery.ignored.length, performance.now() - startedAt))}\n`);
  return runFailed ? EXIT.input : exitStatusFor(entries, opts.failOn);
}
