/**
 * `npm run bench`: cpc against pdftotext (poppler, C++), measured in one run on this machine.
 *
 * 1. An archive of ≥ 500 documents: the fixtures' PDF and Word reports copied and renamed.
 * 2. pdftotext over the archive's PDFs, one after another — the reference pages/s.
 * 3. `cpc batch -j 1` and `-j <cores>` over the same PDFs: pages/s and the ratio to pdftotext.
 *    2 and 3 take turns, `--repeat` rounds (default 3), and each keeps its best round.
 * 4. Peak RSS of the whole `cpc batch` process for 100 and 1,000 documents (PDF and Word).
 * 5. Each stage's time on the largest fixture (load, layout, parse, validate, write).
 * 6. Start-up: `cpc --help`, and `cpc extract` on the smallest fixture.
 * cpc runs as its users run it: bin/cpc.js executed directly, as `npx cpc` and an installed `cpc` do.
 * It prints a table, checks the targets of issue 7, and writes bench/results.json.
 *
 *   npm run bench
 *   npm run bench -- --documents 600 --repeat 5
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArchive, fixtureReports } from './archive.js';
import { measure, type Measurement } from './measure.js';
import { stageTimes } from './stages.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'cpc.js');
const BENCH = join(ROOT, 'bench');
const FIXTURES = join(ROOT, 'fixtures');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const repeat = option('repeat', 3);
const cores = availableParallelism();
const log = (s: string) => process.stderr.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Contender {
  label: string;
  command: string;
  args: string[];
  prepare?: () => void;
}

/**
 * Each contender's best of `repeat` rounds, the contenders taking turns within a round: load from
 * elsewhere on the machine (a shared VM's neighbours) only ever slows a run down, and taking turns
 * exposes every contender alike to its slow phases, so the ratios stay fair.
 */
async function bestOfRounds(contenders: readonly Contender[]): Promise<Map<string, Measurement>> {
  const winners = new Map<string, Measurement>();
  for (let round = 1; round <= repeat; round++) {
    for (const c of contenders) {
      log(`round ${round}/${repeat}: ${c.label} …`);
      c.prepare?.();
      const m = await measure(c.command, c.args, { cwd: ROOT });
      if (m.exitCode !== 0) log(`${c.command} ${c.args.join(' ')}: exit ${m.exitCode}\n${m.stderr}`);
      const winner = winners.get(c.label);
      if (!winner || m.wallMs < winner.wallMs) winners.set(c.label, m);
    }
  }
  return winners;
}

function manifestPages(out: string): { documents: number; pages: number } {
  const entries = readFileSync(join(out, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { status: string; pages: number | null });
  const ok = entries.filter((e) => e.status === 'ok');
  return { documents: ok.length, pages: ok.reduce((n, e) => n + (e.pages ?? 0), 0) };
}

function batch(input: string, jobs: number, tag: string) {
  const out = join(BENCH, `out-${tag}`);
  return { out, args: ['batch', input, '--out', out, '-j', String(jobs), '--quiet', '--ocr', 'off'], prepare: () => rmSync(out, { recursive: true, force: true }) };
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const loadAtStart = loadavg()[0]!;
const archive = buildArchive(FIXTURES, join(BENCH, 'archive'), option('documents', 500));
log(`archive: ${archive.documents} documents (${archive.pdfs.length} PDF, ${archive.documents - archive.pdfs.length} Word) in bench/archive/`);

// 2–3: throughput on the same PDFs
const j1 = batch(archive.pdfDir, 1, 'j1');
const jn = batch(archive.pdfDir, cores, `j${cores}`);
const list = join(BENCH, 'pdfs.txt');
writeFileSync(list, archive.pdfs.join('\n') + '\n');
if (!hasPdftotext) log('pdftotext not found: install poppler-utils (apt-get install poppler-utils) for the reference');
const runs = await bestOfRounds([
  { label: 'cpc batch -j 1', command: BIN, ...j1 },
  { label: `cpc batch -j ${cores}`, command: BIN, ...jn },
  ...(hasPdftotext ? [{ label: 'pdftotext', command: 'bash', args: ['-c', `while read -r f; do pdftotext "$f" /dev/null || exit 1; done < "${list}"`] }] : []),
]);
const cpcJ1 = runs.get('cpc batch -j 1')!;
const cpcJn = runs.get(`cpc batch -j ${cores}`)!;
const pdftotext = runs.get('pdftotext') ?? null;
const work = manifestPages(j1.out);
const pps = (m: Measurement) => work.pages / (m.wallMs / 1000);

// 4: memory, flat in the archive's size
const rss: Record<string, { documents: number; wallSeconds: number; peakRssMb: number | null }> = {};
for (const n of [100, 1000]) {
  const a = buildArchive(FIXTURES, join(BENCH, `archive-${n}`), n);
  const run = batch(a.dir, cores, `rss-${n}`);
  log(`cpc batch -j ${cores} over ${n} documents (memory) …`);
  run.prepare();
  const m = await measure(BIN, run.args, { cwd: ROOT });
  rss[n] = { documents: n, wallSeconds: Number((m.wallMs / 1000).toFixed(2)), peakRssMb: m.peakRssMb };
  rmSync(a.dir, { recursive: true, force: true });
  rmSync(run.out, { recursive: true, force: true });
}

// 5: stages on the largest fixture
const largest = fixtureReports(FIXTURES, ['pdf']).sort((a, b) => statSync(join(FIXTURES, b)).size - statSync(join(FIXTURES, a)).size)[0]!;
log(`stages on ${largest} …`);
const stages = await stageTimes(new Uint8Array(readFileSync(join(FIXTURES, largest))), largest, 10);
const stageTotal = Object.values(stages).reduce((a, b) => a + b, 0);
const afterExtraction = stages.parse + stages.validate + stages.write;

// 6: start-up
const smallest = fixtureReports(FIXTURES, ['pdf', 'docx', 'txt', 'html']).sort((a, b) => statSync(join(FIXTURES, a)).size - statSync(join(FIXTURES, b)).size)[0]!;
const wallMs = async (args: string[]) => {
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) runs.push((await measure(BIN, args, { cwd: ROOT })).wallMs);
  return median(runs);
};
log('start-up …');
const helpMs = await wallMs(['--help']);
const extractMs = await wallMs(['extract', join('fixtures', smallest)]);

const round = (x: number, d = 1) => Number(x.toFixed(d));
const ratio = pdftotext ? pps(cpcJn) / pps(pdftotext) : null;
const speedup = pps(cpcJn) / pps(cpcJ1);
const targets = [
  { target: `cpc batch -j ${cores} ≥ 0.5 × pdftotext pages/s`, value: ratio === null ? 'no pdftotext' : `${round(ratio, 2)}×`, met: ratio === null ? null : ratio >= 0.5 },
  { target: `-j ${cores} ≥ 1.7 × -j 1`, value: `${round(speedup, 2)}×`, met: speedup >= 1.7 },
  { target: 'parse + validate + write ≤ 15% of the per-document time', value: `${round((100 * afterExtraction) / stageTotal)}%`, met: afterExtraction / stageTotal <= 0.15 },
  { target: 'peak RSS ≤ 300 MB for 1,000 documents', value: `${rss[1000]!.peakRssMb} MB`, met: (rss[1000]!.peakRssMb ?? Infinity) <= 300 },
  { target: 'peak RSS for 1,000 within 10% of 100 documents', value: `${rss[100]!.peakRssMb} → ${rss[1000]!.peakRssMb} MB`, met: (rss[1000]!.peakRssMb ?? Infinity) <= 1.1 * (rss[100]!.peakRssMb ?? 0) },
  { target: 'cpc --help ≤ 250 ms', value: `${Math.round(helpMs)} ms`, met: helpMs <= 250 },
];

const rows: string[][] = [
  ['measure', 'value'],
  ['archive', `${archive.documents} documents; throughput on its ${work.documents} PDFs, ${work.pages} pages`],
  ['pdftotext (one process per file)', pdftotext ? `${round(pdftotext.wallMs / 1000, 2)} s, ${round(pps(pdftotext))} pages/s` : 'not installed'],
  ['cpc batch -j 1', `${round(cpcJ1.wallMs / 1000, 2)} s, ${round(pps(cpcJ1))} pages/s, peak RSS ${cpcJ1.peakRssMb} MB`],
  [`cpc batch -j ${cores}`, `${round(cpcJn.wallMs / 1000, 2)} s, ${round(pps(cpcJn))} pages/s, peak RSS ${cpcJn.peakRssMb} MB`],
  ['peak RSS, 100 documents', `${rss[100]!.peakRssMb} MB (${rss[100]!.wallSeconds} s)`],
  ['peak RSS, 1,000 documents', `${rss[1000]!.peakRssMb} MB (${rss[1000]!.wallSeconds} s)`],
  [`stages, ${largest} (median ms)`, Object.entries(stages).map(([k, v]) => `${k} ${round(v, 2)}`).join(', ')],
  ['cpc --help', `${Math.round(helpMs)} ms`],
  [`cpc extract ${smallest}`, `${Math.round(extractMs)} ms`],
  ...targets.map((t) => [`${t.met === null ? '–' : t.met ? 'PASS' : 'FAIL'}  ${t.target}`, t.value]),
];
const width = Math.max(...rows.map((r) => r[0]!.length));
for (const r of rows) console.log(`${r[0]!.padEnd(width)}  ${r[1]}`);

const machine = { node: process.version, cores, cpuModel: cpus()[0]?.model ?? null, loadAverage1mAtStart: round(loadAtStart, 2), loadAverage1mAtEnd: round(loadavg()[0]!, 2) };
const results = {
  date: new Date().toISOString(),
  machine,
  archive: { documents: archive.documents, pdfs: work.documents, pdfPages: work.pages },
  throughput: {
    pdftotext: pdftotext ? { wallSeconds: round(pdftotext.wallMs / 1000, 2), pagesPerSecond: round(pps(pdftotext)) } : null,
    cpcJ1: { wallSeconds: round(cpcJ1.wallMs / 1000, 2), pagesPerSecond: round(pps(cpcJ1)), peakRssMb: cpcJ1.peakRssMb },
    cpcJn: { jobs: cores, wallSeconds: round(cpcJn.wallMs / 1000, 2), pagesPerSecond: round(pps(cpcJn)), peakRssMb: cpcJn.peakRssMb },
  },
  memory: rss,
  stages: { file: largest, ms: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(v, 2)])), afterExtractionShare: round(afterExtraction / stageTotal, 3) },
  startup: { helpMs: Math.round(helpMs), extractMs: Math.round(extractMs), extractFile: smallest },
  targets,
};
writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written: bench/results.json');
