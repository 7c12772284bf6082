/**
 * What the per-file limits bound, measured with cold workers (`npm run bench` runs both; on their
 * own after a build: `tsx bench/limits.ts`).
 *
 * `--timeout` counts a file's own work: a fresh worker readies PDFium and the pipeline before it
 * takes a file, so a limit a few times a warm conversion's time holds for the first file of each
 * worker too. Measured on the largest fixture PDFs (up to six), each worker starting cold, at a limit of
 * LIMIT_MS (a warm conversion of these takes ~80 ms here, a cold first one took 260–355 ms; before
 * the warm-up, five of six timed out at 300 ms).
 *
 * `--max-memory` bounds, each by the limit: a worker's JavaScript heap, PDFium's heap, and every
 * file's bytes (a larger file is refused before it is read). Per job the process holds at most two
 * files (the one converting and the one read ahead), the two heaps, and after a file PDFium could
 * not fit, that instance's memory until it is collected: MEMORY_FACTOR × the limit per job over the
 * process's own base. Files at 0.3, 0.6 and 0.9 of the limit (those past about half fail as
 * out of memory). Before: one 190 MB PDF under `--max-memory 64MB` peaked at ~900 MB, six with
 * -j 4 at ~3.8 GB.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureReports } from './archive.js';
import { measure } from './measure.js';
import { MANIFEST_NAME, readManifest } from '../src/batch/manifest.js';
import { writePdf } from '../tests/support/pdf-writer.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'cpc.js');
const FIXTURES = join(ROOT, 'fixtures');
export const LIMIT_MS = 300;
const DOCUMENTS = 6;

/** the entries a batch into `out` recorded */
const entriesOf = async (out: string) => [...(await readManifest(join(out, MANIFEST_NAME))).entries.values()];

export interface TimeoutBench {
  documents: number;
  jobs: number;
  limitMs: number;
  timedOut: number;
  wallSeconds: number;
}

export async function timeoutBench(rounds = 3): Promise<TimeoutBench> {
  const jobs = availableParallelism();
  const pdfs = fixtureReports(FIXTURES, ['pdf'])
    .sort((a, b) => statSync(join(FIXTURES, b)).size - statSync(join(FIXTURES, a)).size)
    .slice(0, DOCUMENTS);
  const dir = join(ROOT, 'bench', 'archive-timeout');
  const out = join(ROOT, 'bench', 'out-timeout');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  pdfs.forEach((p, i) => copyFileSync(join(FIXTURES, p), join(dir, `${i}-${basename(p)}`)));
  // the worst of the rounds: a limit that holds only sometimes does not hold
  let worst: TimeoutBench | null = null;
  for (let round = 0; round < rounds; round++) {
    rmSync(out, { recursive: true, force: true });
    const m = await measure(BIN, ['batch', dir, '--out', out, '-j', String(jobs), '--timeout', `${LIMIT_MS}ms`, '--ocr', 'off', '--quiet'], { cwd: ROOT });
    const timedOut = (await entriesOf(out)).filter((e) => e.status === 'timeout').length;
    const result = { documents: pdfs.length, jobs, limitMs: LIMIT_MS, timedOut, wallSeconds: Number((m.wallMs / 1000).toFixed(2)) };
    if (!worst || result.timedOut > worst.timedOut) worst = result;
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return worst!;
}

export const MEMORY_LIMIT_MB = 64;
export const MEMORY_FACTOR = 5;
/** the files' sizes, as shares of the limit */
export const MEMORY_SHARES = [0.3, 0.6, 0.9] as const;

export interface MemoryBench {
  limitMb: number;
  fileMb: number;
  documents: number;
  jobs: number;
  basePeakRssMb: number | null;
  peakRssMb: number | null;
  boundMb: number | null;
  /** the peak stayed under the bound */
  within: boolean;
  statuses: Record<string, number>;
}

/** A PDF of about `mb` MB: two pages of text over a picture of noise (which does not compress). */
function largePdf(mb: number): Uint8Array {
  const side = Math.floor(Math.sqrt((mb * 1024 * 1024) / 2));
  const page = (i: number) => ({ lines: [`Anytown Council page ${i}`, 'The council should review its plans.'], image: { width: side, height: side, gray: randomBytes(side * side) } });
  return writePdf([page(1), page(2)]);
}

/** PDFs of `share` × the limit; the process's base is the same batch over as many small text files, so every worker starts. */
export async function memoryBench(share = 0.9): Promise<MemoryBench> {
  const jobs = availableParallelism();
  const dir = join(ROOT, 'bench', 'archive-memory');
  const small = join(ROOT, 'bench', 'archive-memory-base');
  const out = join(ROOT, 'bench', 'out-memory');
  for (const d of [dir, small, out]) rmSync(d, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  mkdirSync(small, { recursive: true });
  const pdf = largePdf(MEMORY_LIMIT_MB * share);
  for (let i = 0; i < 2 * jobs; i++) writeFileSync(join(dir, `large-${i}.pdf`), pdf);
  for (let i = 0; i < 2 * jobs; i++) writeFileSync(join(small, `small-${i}.txt`), 'Anytown Council\n\nThe council should review its plans.\n');
  const args = (input: string) => ['batch', input, '--out', out, '-j', String(jobs), '--max-memory', `${MEMORY_LIMIT_MB}MB`, '--ocr', 'off', '--quiet'];
  const base = await measure(BIN, args(small), { cwd: ROOT });
  rmSync(out, { recursive: true, force: true });
  const m = await measure(BIN, args(dir), { cwd: ROOT });
  const statuses: Record<string, number> = {};
  for (const e of await entriesOf(out)) {
    const outcome = e.error?.code ?? e.status;
    statuses[outcome] = (statuses[outcome] ?? 0) + 1;
  }
  for (const d of [dir, small, out]) rmSync(d, { recursive: true, force: true });
  const boundMb = base.peakRssMb === null ? null : base.peakRssMb + jobs * MEMORY_FACTOR * MEMORY_LIMIT_MB;
  return { limitMb: MEMORY_LIMIT_MB, fileMb: Math.round(pdf.length / 1048576), documents: 2 * jobs, jobs, basePeakRssMb: base.peakRssMb, peakRssMb: m.peakRssMb, boundMb, within: m.peakRssMb !== null && boundMb !== null && m.peakRssMb <= boundMb, statuses };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await timeoutBench();
  console.log(`--timeout ${r.limitMs}ms over the ${r.documents} largest fixture PDFs, -j ${r.jobs}, cold workers: ${r.timedOut} timed out (worst of 3 rounds; ${r.wallSeconds} s)`);
  let within = true;
  for (const share of MEMORY_SHARES) {
    const mem = await memoryBench(share);
    within &&= mem.within;
    console.log(`--max-memory ${mem.limitMb}MB over ${mem.documents} PDFs of ${mem.fileMb} MB, -j ${mem.jobs}: peak RSS ${mem.peakRssMb} MB (base ${mem.basePeakRssMb} MB, bound ${mem.boundMb} MB); ${JSON.stringify(mem.statuses)}`);
  }
  process.exitCode = r.timedOut === 0 && within ? 0 : 1;
}
