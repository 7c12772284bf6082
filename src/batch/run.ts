import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, realpath, rm, stat } from 'node:fs/promises';
import { readOutputReport } from './output-report.js';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describeFailure, EXIT, UsageError } from '../runtime/exit.js';
import { reportError, type CliIO, type Verbosity } from '../runtime/io.js';
import type { Message } from '../diagnostics.js';
import type { OcrMode } from '../runtime/ocr.js';
import type { PdfEngine } from '../load/pdf.js';
import { readInput } from '../runtime/read.js';
import { onInterrupt } from '../runtime/signals.js';
import { writeAtomic } from '../runtime/write.js';
import { EXTENSIONS } from '../emit/index.js';
import { forEachConcurrent } from './concurrent.js';
import { discoverInputs, type DiscoveredInput } from './discover.js';
import { isUpToDate, MANIFEST_NAME, mergeManifest, readManifest, serializeManifest, type FileStatus, type ManifestEntry } from './manifest.js';
import { planOutputs, resolveInside } from './output-paths.js';
import { ExtractPool, type TaskOutcome } from './pool.js';
import { lockPathOf, ManifestCheckpoints } from './checkpoint.js';
import { withLock } from '../runtime/lock.js';
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
  /** CSV index cells as they are: no apostrophe before a formula */
  csvRaw?: boolean;
  quiet: boolean;
  verbose?: boolean;
  /** the folder outputs mirror the inputs below; default: the manifest's, else the inputs' common folder */
  base?: string;
  password?: string;
  maxPages: number;
  maxBytes: number;
  maxInflated: number;
  ocr: OcrMode;
  pdfEngine: PdfEngine;
}

/** Files in flight per worker: one extracting, one read and queued, so no worker waits on the disk. */
const READ_AHEAD = 2;

/** --out must be a folder or be one to make: not a file, nor below one. */
async function checkOutDir(outDir: string, shown: string): Promise<void> {
  for (let dir = outDir; ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info && !info.isDirectory()) throw new UsageError(dir === outDir ? `--out ${shown}: exists and is not a directory` : `--out ${shown}: cannot be made: ${dir} is a file, not a directory`);
    if (info || dirname(dir) === dir) return;
  }
}

/** The base as the manifest records it: relative to --out, forward slashes. */
const baseRecord = (outDir: string, base: string) => (relative(outDir, base) || '.').split(sep).join('/');

/** A path as the file system resolves it (links followed), parts not made yet appended as they are. */
async function realResolve(path: string): Promise<string> {
  const missing: string[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    const real = await realpath(dir).catch(() => null);
    // one argument per missing folder of a path, bounded by the path's length
    // eslint-disable-next-line no-restricted-syntax
    if (real !== null) return resolve(real, ...missing.reverse());
    if (dirname(dir) === dir) return path;
    missing.push(basename(dir));
  }
}

/** The folder an output will be written in, resolved, stays below --out, resolved alike. */
const staysInside = async (outDir: string, outPath: string) => isUnder(await realResolve(dirname(outPath)), await realResolve(outDir));

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

/**
 * The manifest after this run: what is on disk now (another run into the same --out may have
 * recorded entries since this one started: they stay), this run's entries in place of theirs.
 * Read, merged and written under the manifest's lock, so two runs take turns.
 */
export async function recordManifest(manifestPath: string, base: string, finished: readonly ManifestEntry[], keep: (path: string) => boolean): Promise<ManifestEntry[]> {
  const outDir = dirname(manifestPath);
  return withLock(lockPathOf(manifestPath), async () => {
    const onDisk = await readManifest(manifestPath);
    const latest = onDisk.base !== null && resolve(outDir, onDisk.base) !== base ? rebase(onDisk.entries, resolve(outDir, onDisk.base), base) : onDisk.entries;
    const merged = mergeManifest(latest.values(), finished, keep);
    await writeAtomic(manifestPath, serializeManifest(merged, baseRecord(outDir, base)));
    return merged;
  });
}

const isValidOutput = async (path: string) => (await readOutputReport(path)).ok;

async function removeTempFiles(dirs: ReadonlySet<string>, tag: string): Promise<void> {
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.startsWith(`.${tag}`) && n.endsWith('.cpc-tmp')).map((n) => rm(join(dir, n), { force: true })));
  }
}

const isUnder = (abs: string, dir: string) => abs === dir || abs.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** Entries keyed by paths below `from`, keyed again below `to`; those not below it are dropped. */
function rebase(entries: ReadonlyMap<string, ManifestEntry>, from: string, to: string): Map<string, ManifestEntry> {
  const out = new Map<string, ManifestEntry>();
  for (const e of entries.values()) {
    const rel = relative(to, resolve(from, e.path));
    if (rel.startsWith('..') || isAbsolute(rel)) continue;
    const path = rel.split(sep).join('/');
    out.set(path, { ...e, path });
  }
  return out;
}

/** `cpc batch`: convert an archive into --out; resolves to the exit code. */
export async function runBatch(args: readonly string[], opts: BatchOptions, io: CliIO): Promise<number> {
  const startedAt = performance.now();
  const outDir = resolve(io.cwd, opts.out);
  const indexPath = opts.index ? resolve(io.cwd, opts.index) : null;
  const indexFormat = indexPath ? indexFormatOf(indexPath) : null;
  if (indexPath && !indexFormat) throw new UsageError(`--index ${opts.index}: name it .csv or .jsonl`);
  await checkOutDir(outDir, opts.out);
  const manifestPath = join(outDir, MANIFEST_NAME);
  const shownManifest = relative(io.cwd, manifestPath) || manifestPath;
  let read;
  try {
    read = await readManifest(manifestPath);
  } catch (e) {
    throw new UsageError(`${shownManifest}: cannot read the manifest (${(e as Error).message})`);
  }
  const { entries: previous, invalidLines, base: recorded } = read;
  if (invalidLines) reportError(io, shownManifest, `${invalidLines} unreadable line${invalidLines === 1 ? '' : 's'} ignored; those files are converted again`);

  const exclude = [outDir, ...(indexPath ? [indexPath] : [])];
  // the base the manifest records keeps the tree and the entries of an earlier run over a wider
  // or another folder; a run over inputs outside it needs --base to re-root (and converts again)
  const recordedBase = recorded === null ? null : resolve(outDir, recorded);
  const discovery = await discoverInputs(args, { cwd: io.cwd, exclude, base: opts.base ?? recordedBase ?? undefined });
  if (!opts.base && recordedBase && !discovery.inputs.every((i) => isUnder(i.abs, recordedBase))) {
    throw new UsageError(`${args.join(' ')}: not all below ${relative(io.cwd, recordedBase) || '.'}, the folder ${shownManifest} mirrors; give --base to choose another (its files are converted again into the new tree)`);
  }
  if (opts.base) {
    const outside = discovery.inputs.find((i) => !isUnder(i.abs, discovery.base));
    if (outside) throw new UsageError(`--base ${opts.base}: ${relative(io.cwd, outside.abs)} is not below it`);
  }
  const base = discovery.base;
  const baseFromOut = baseRecord(outDir, base);
  // entries recorded against another base, moved onto this one where they lie below it
  const earlier = recordedBase && recordedBase !== base ? rebase(previous, recordedBase, base) : previous;
  // planned over the whole archive, so every shard names outputs alike
  const outputs = planOutputs(discovery.inputs.map((i) => i.rel), EXTENSIONS[opts.format]);
  const mine = discovery.inputs.filter((i) => inShard(i.rel, opts.shard));
  // (an output is .json or .yaml, an index .csv or .jsonl: only the manifest can be mistaken for one)
  if (indexPath === manifestPath) throw new UsageError(`--index ${opts.index}: is the manifest; name the index another file`);
  const cpcVersion = toolVersion();

  let pool: ExtractPool | undefined;
  // started on the first file that needs work: a run where everything is up to date starts no thread
  const getPool = () => (pool ??= new ExtractPool({ jobs: Math.max(1, Math.min(opts.jobs, mine.length)), timeoutMs: opts.timeoutMs, maxMemoryMb: opts.maxMemoryMb }));

  /** marks the temporary files of this run's writes, so an interrupted run can remove what its workers left */
  const tempTag = `r${process.pid}${randomBytes(3).toString('hex')}-`;
  /** folders this run wrote into */
  const written = new Set<string>();
  /** set by Ctrl-C or SIGTERM: the exit status; files in flight are stopped, no new one starts */
  let interrupted: number | null = null;

  /** null: stopped by an interruption, so not recorded (the next run converts it) */
  const convert = async (input: DiscoveredInput): Promise<{ entry: ManifestEntry; messages: Message[] } | null> => {
    const done = (entry: ManifestEntry, messages: Message[] = []) => ({ entry, messages });
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    const output = outputs.get(input.rel)!;
    const outPath = resolveInside(outDir, output);
    if (!outPath) return done(entry(input.rel, 'failed', { error: { code: 'output/write-failed', message: `its output name ${output} would fall outside --out` } }));
    // a symbolic link inside --out would carry the output elsewhere
    if (!(await staysInside(outDir, outPath))) return done(entry(input.rel, 'failed', { error: { code: 'output/write-failed', message: `its output ${output} would be written through a symbolic link to outside --out` } }));
    let bytes: Uint8Array;
    try {
      bytes = await readInput(input.abs, opts.maxBytes, opts.maxMemoryMb * 1024 * 1024);
    } catch (e) {
      const f = describeFailure(e);
      return done(entry(input.rel, 'failed', { error: { code: f.errorCode, message: f.message }, ms: ms() }));
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const last = earlier.get(input.rel);
    // an output is trusted only while it is still a valid report (one damaged by hand is converted again)
    if (!opts.force && isUpToDate(last, { sha256, cpcVersion, output, outputExists: existsSync(outPath) }) && (await isValidOutput(outPath))) {
      return done({ ...last, status: 'skipped', ms: ms() });
    }
    if (interrupted !== null) return null;
    written.add(dirname(outPath));
    const outcome = await getPool().extract({
      bytes,
      file: input.rel,
      password: opts.password,
      maxPages: opts.maxPages,
      maxInflatedBytes: opts.maxInflated,
      pdfEngine: opts.pdfEngine,
      ocr: opts.ocr,
      timeoutMs: opts.timeoutMs,
      write: { path: outPath, format: opts.format, tempTag },
    });
    if (outcome.status !== 'ok' && outcome.error.code === 'input/cancelled') return null;
    return done(entryFromOutcome(input.rel, sha256, output, outcome), outcome.status === 'ok' ? outcome.messages : []);
  };

  // folders the walk could not list: failed entries of their own, so the run says what it could not see
  const unlisted = discovery.unreadable
    .filter((d) => inShard(d.rel, opts.shard))
    .map((d) => entry(d.rel, 'failed', { error: d.file ? { code: 'input/not-a-file', message: 'a named pipe, socket or device, not a regular file: not opened' } : { code: 'input/unreadable', message: `cannot list this folder (${d.reason}); its files were not converted` } }));
  const verbosity: Verbosity = opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'normal';
  const progress = createProgress(io, mine.length + unlisted.length, { verbosity, failOnWarning: opts.failOn === 'warning' });
  // the first signal stops the run cleanly (what finished is recorded, the summary printed); a
  // second one, with no listener left, ends the process at once
  const stopOnInterrupt = onInterrupt(
    () => progress.finish(),
    (code) => {
      interrupted = code;
      pool?.cancelAll();
    },
  );
  const entries: ManifestEntry[] = [];
  const discovered = new Set(discovery.inputs.map((i) => i.rel));
  // an earlier entry stays when this run did not look for its file (another folder's, another
  // shard's); one this run looked for and did not find was removed from the archive
  const keep = (path: string) => (discovered.has(path) ? !inShard(path, opts.shard) : !discovery.covers(resolve(base, path)));
  const checkpoints = new ManifestCheckpoints(manifestPath, keep, baseFromOut);
  try {
    for (const e of unlisted) progress.fileDone(e, []);
    await forEachConcurrent(mine, opts.jobs * READ_AHEAD, async (input, i) => {
      if (interrupted !== null) return;
      let done: { entry: ManifestEntry; messages: Message[] } | null;
      try {
        done = await convert(input);
      } catch (e) {
        // a bug in cpc on one file still must not stop the others
        done = { entry: entry(input.rel, 'failed', { error: { code: 'internal', message: `internal error: ${(e as Error).message}` } }), messages: [] };
      }
      if (done === null || interrupted !== null) return;
      entries[i] = done.entry;
      checkpoints.finished(done.entry);
      progress.fileDone(done.entry, done.messages);
    });
  } finally {
    stopOnInterrupt();
    progress.finish();
    await checkpoints.stop();
    await pool?.close();
    // a worker stopped mid-write leaves its temporary file: this run's are removed
    if (interrupted !== null) await removeTempFiles(written, tempTag);
  }
  const finished = [...entries.filter((e) => e !== undefined), ...unlisted];

  let runFailed = false;
  // read again just before writing, under the lock another run into the same --out takes too:
  // what it recorded meanwhile stays
  let manifest: ManifestEntry[] = finished;
  try {
    manifest = await recordManifest(manifestPath, base, finished, keep);
  } catch (e) {
    reportError(io, shownManifest, `cannot write the manifest (${(e as Error).message})`);
    runFailed = true;
  }

  if (indexPath && indexFormat && interrupted !== null) reportError(io, opts.index ?? null, 'not written: the run was interrupted (the next run writes it)');
  else if (indexPath && indexFormat) {
    try {
      const index = await writeRecommendationIndex(indexPath, indexFormat, manifest, outDir, opts.csvRaw === true);
      for (const p of index.problems) reportError(io, p.path, `left out of the index: ${p.message}`);
      if (index.problems.length) runFailed = true;
    } catch (e) {
      reportError(io, opts.index ?? null, `cannot write the index (${(e as Error).message})`);
      runFailed = true;
    }
  }

  const summary = summaryLine(tally(finished, discovery.ignored.length, performance.now() - startedAt));
  io.stderr.write(`${summary}${interrupted !== null ? `; interrupted, ${mine.length - finished.length} not converted` : ''}\n`);
  if (interrupted !== null) return interrupted;
  return runFailed ? EXIT.input : exitStatusFor(finished, opts.failOn);
}
