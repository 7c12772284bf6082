/**
 * `npm run bench`: the built CLI over an archive of the fixtures copied many times. Prints and
 * writes bench/results.json: wall time, pages/s and peak RSS per case. A case is a command plus
 * how to read its work done, so other tools (a pdftotext reference) can join the table later.
 *
 *   npm run bench                       300+ documents, cpc batch -j 1 and -j 2, best of 2 runs each
 *   npm run bench -- --documents 600 --repeat 3
 */
import { cpus, loadavg } from 'node:os';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArchive } from './archive.js';
import { measure, type Measurement } from './measure.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'cpc.js');
const BENCH = join(ROOT, 'bench');

interface Work {
  documents: number;
  pages: number;
}

interface Case {
  name: string;
  command: string;
  args: string[];
  /** before each run: start from a clean state */
  prepare?(): void;
  /** documents and pages the run handled, read once it is done */
  work(): Work;
}

interface CaseResult extends Work {
  name: string;
  command: string;
  exitCode: number | null;
  /** the best (shortest) of the runs: other load on the machine only ever slows a run down */
  wallSeconds: number;
  allWallSeconds: number[];
  cpuSeconds: number | null;
  pagesPerSecond: number;
  documentsPerSecond: number;
  peakRssMb: number | null;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** documents and pages converted, from the manifest a batch run leaves */
function manifestWork(out: string): Work {
  const entries = readFileSync(join(out, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { status: string; pages: number | null });
  const ok = entries.filter((e) => e.status === 'ok');
  return { documents: ok.length, pages: ok.reduce((n, e) => n + (e.pages ?? 0), 0) };
}

function batchCase(jobs: number, archiveDir: string): Case {
  const out = join(BENCH, `out-j${jobs}`);
  return {
    name: `cpc batch -j ${jobs}`,
    // a fresh --out each time, so every file is converted (nothing skipped)
    prepare: () => rmSync(out, { recursive: true, force: true }),
    command: process.execPath,
    args: [BIN, 'batch', archiveDir, '--out', out, '-j', String(jobs), '--quiet'],
    work: () => manifestWork(out),
  };
}

async function runCase(c: Case, repeat: number): Promise<CaseResult> {
  const runs: Measurement[] = [];
  for (let i = 0; i < repeat; i++) {
    c.prepare?.();
    const m = await measure(c.command, c.args, { cwd: ROOT });
    if (m.exitCode !== 0) process.stderr.write(`${c.name}: exit ${m.exitCode}\n${m.stderr}`);
    runs.push(m);
  }
  const best = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  const work = c.work();
  const seconds = best.wallMs / 1000;
  return {
    name: c.name,
    command: [c.command === process.execPath ? 'node' : c.command, ...c.args.map((a) => a.replace(ROOT + '/', ''))].join(' '),
    exitCode: best.exitCode,
    ...work,
    wallSeconds: Number(seconds.toFixed(2)),
    allWallSeconds: runs.map((r) => Number((r.wallMs / 1000).toFixed(2))),
    cpuSeconds: best.cpuSeconds === null ? null : Number(best.cpuSeconds.toFixed(1)),
    pagesPerSecond: Number((work.pages / seconds).toFixed(1)),
    documentsPerSecond: Number((work.documents / seconds).toFixed(1)),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb ?? 0)) || null,
  };
}

// other work on the machine skews the numbers: recorded with them
const loadAtStart = loadavg()[0]!;
const archive = buildArchive(join(ROOT, 'fixtures'), join(BENCH, 'archive'), option('documents', 300));
process.stderr.write(`archive: ${archive.documents} documents (${archive.copies} copies of the fixtures) in bench/archive/\n`);

const repeat = option('repeat', 2);
const cases = [batchCase(1, archive.dir), batchCase(2, archive.dir)];
const results: CaseResult[] = [];
for (const c of cases) {
  process.stderr.write(`running ${c.name} (${repeat}×) …\n`);
  results.push(await runCase(c, repeat));
}

const table = [
  ['case', 'docs', 'pages', 'wall s', 'pages/s', 'docs/s', 'CPU s', 'peak RSS MB'],
  ...results.map((r) => [r.name, r.documents, r.pages, r.wallSeconds.toFixed(2), r.pagesPerSecond.toFixed(1), r.documentsPerSecond.toFixed(1), r.cpuSeconds ?? '–', r.peakRssMb ?? '–']),
].map((row) => row.map(String));
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));

const machine = {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  platform: `${process.platform}-${process.arch}`,
  loadAverage1mAtStart: Number(loadAtStart.toFixed(2)),
  loadAverage1mAtEnd: Number(loadavg()[0]!.toFixed(2)),
};
writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, archive: { documents: archive.documents, copies: archive.copies }, results }, null, 2)}\n`);
console.log('written: bench/results.json');
