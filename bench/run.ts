/**
 * `npm run bench`: cpc's two PDF engines against pdftotext (poppler, C++), measured in one run on
 * this machine.
 *
 * 1. An archive of ≥ 500 documents: the fixtures' PDF and Word reports copied and renamed.
 * 2. pdftotext over the archive's PDFs, one after another — the reference pages/s — and with
 *    `xargs -P <cores>`, how far this machine's cores scale a C++ program.
 * 3. `cpc batch -j 1` and `-j <cores>` over the same PDFs with each engine (PDFium, the default,
 *    and `--pdf-engine pdfjs`): pages/s and the ratios to pdftotext and between them.
 *    2 and 3 take turns, `--repeat` rounds (default 3), and each keeps its best round.
 * 4. The two engines' reports compared: recommendations, sections and peer team of every PDF.
 * 5. Peak RSS of the whole `cpc batch` process for 100 and 1,000 documents (PDF and Word).
 * 6. Each stage's time on the largest fixture (load with each engine, layout, parse, validate, write).
 * 7. Start-up: `cpc --help`, and `cpc extract` of a one-page PDF.
 * 8. `--timeout` against cold workers: the largest fixture PDFs at a limit a few times a warm conversion (bench/limits.ts),
 *    and --max-memory: batches of PDFs at 0.3–0.9 of the limit against jobs × 5 × the limit over the base.
 * cpc runs as its users run it: bin/cpc.js executed directly, as `npx cpc` and an installed `cpc` do.
 * It prints a table, checks the targets of issue 11, and writes bench/results.json.
 *
 *   npm run bench
 *   npm run bench -- --documents 600 --repeat 5
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArchive, fixtureReports } from './archive.js';
import { measure, type Measurement } from './measure.js';
import { stageTimes } from './stages.js';
import { MEMORY_FACTOR, MEMORY_SHARES, memoryBench, timeoutBench, type MemoryBench } from './limits.js';

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

function batch(input: string, jobs: number, tag: string, engine: 'pdfium' | 'pdfjs' = 'pdfium') {
  const out = join(BENCH, `out-${tag}`);
  return { out, args: ['batch', input, '--out', out, '-j', String(jobs), '--quiet', '--ocr', 'off', '--pdf-engine', engine], prepare: () => rmSync(out, { recursive: true, force: true }) };
}

/** What a user gets from a report, compared between the engines: recommendations, sections, peer team. */
function compareEngines(a: string, b: string): { compared: number; identical: number; differing: string[] } {
  const differing: string[] = [];
  let compared = 0;
  for (const file of readdirSync(a, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort()) {
    const pick = (dir: string) => {
      const r = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { recommendations: unknown; sections: unknown; peerTeam: unknown };
      return JSON.stringify([r.recommendations, r.sections, r.peerTeam]);
    };
    compared++;
    if (pick(a) !== pick(b)) differing.push(file);
  }
  return { compared, identical: compared - differing.length, differing };
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
const js1 = batch(archive.pdfDir, 1, 'pdfjs-j1', 'pdfjs');
const jsn = batch(archive.pdfDir, cores, `pdfjs-j${cores}`, 'pdfjs');
const list = join(BENCH, 'pdfs.txt');
writeFileSync(list, archive.pdfs.join('\n') + '\n');
if (!hasPdftotext) log('pdftotext not found: install poppler-utils (apt-get install poppler-utils) for the reference');
const L = {
  j1: 'cpc batch -j 1 (PDFium)',
  jn: `cpc batch -j ${cores} (PDFium)`,
  js1: 'cpc batch -j 1 --pdf-engine pdfjs',
  jsn: `cpc batch -j ${cores} --pdf-engine pdfjs`,
  p1: 'pdftotext',
  pn: `pdftotext, xargs -P ${cores}`,
};
const runs = await bestOfRounds([
  { label: L.j1, command: BIN, ...j1 },
  { label: L.jn, command: BIN, ...jn },
  { label: L.js1, command: BIN, ...js1 },
  { label: L.jsn, command: BIN, ...jsn },
  ...(hasPdftotext
    ? [
        { label: L.p1, command: 'bash', args: ['-c', `while read -r f; do pdftotext "$f" /dev/null || exit 1; done < "${list}"`] },
        { label: L.pn, command: 'bash', args: ['-c', `xargs -d '\\n' -P ${cores} -I{} pdftotext {} /dev/null < "${list}"`] },
      ]
    : []),
]);
const m = (label: string) => runs.get(label) ?? null;
const work = manifestPages(j1.out);
const pps = (x: Measurement) => work.pages / (x.wallMs / 1000);
const engines = compareEngines(j1.out, js1.out);

// 5: memory, flat in the archive's size
const rss: Record<string, { documents: number; wallSeconds: number; peakRssMb: number | null }> = {};
for (const n of [100, 1000]) {
  const a = buildArchive(FIXTURES, join(BENCH, `archive-${n}`), n);
  const run = batch(a.dir, cores, `rss-${n}`);
  log(`cpc batch -j ${cores} over ${n} documents (memory) …`);
  run.prepare();
  const x = await measure(BIN, run.args, { cwd: ROOT });
  rss[n] = { documents: n, wallSeconds: Number((x.wallMs / 1000).toFixed(2)), peakRssMb: x.peakRssMb };
  rmSync(a.dir, { recursive: true, force: true });
  rmSync(run.out, { recursive: true, force: true });
}

// 6: stages on the largest fixture
const largest = fixtureReports(FIXTURES, ['pdf']).sort((a, b) => statSync(join(FIXTURES, b)).size - statSync(join(FIXTURES, a)).size)[0]!;
log(`stages on ${largest} …`);
const largestBytes = new Uint8Array(readFileSync(join(FIXTURES, largest)));
const stages = await stageTimes(largestBytes, largest, 10, 'pdfium');
const stagesPdfJs = await stageTimes(largestBytes, largest, 10, 'pdfjs');
const stageTotal = Object.values(stages).reduce((a, b) => a + b, 0);
const afterExtraction = stages.parse + stages.validate + stages.write;

// 7: start-up
const onePage = join('fixtures', 'pages', 'bury-2021-cabinet-report-page-1.pdf');
const wallMs = async (args: string[]) => {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) times.push((await measure(BIN, args, { cwd: ROOT })).wallMs);
  return median(times);
};
log('start-up …');
const helpMs = await wallMs(['--help']);
const extractMs = await wallMs(['extract', onePage]);

// 8: --timeout counts the file's own work
log('--timeout with cold workers …');
const limit = await timeoutBench(repeat);
log('--max-memory with PDFs just under it …');
const memories: MemoryBench[] = [];
for (const share of MEMORY_SHARES) memories.push(await memoryBench(share));

const round = (x: number, d = 1) => Number(x.toFixed(d));
const ratio = (a: Measurement | null, b: Measurement | null) => (a && b ? pps(a) / pps(b) : null);
const toPdftotext = ratio(m(L.jn), m(L.p1));
const engineSpeedup = ratio(m(L.j1), m(L.js1))!;
const scaling = ratio(m(L.jn), m(L.j1))!;
const pdftotextScaling = ratio(m(L.pn), m(L.p1));
const peak100 = rss[100]!.peakRssMb;
const peak1000 = rss[1000]!.peakRssMb;
const targets = [
  { target: `cpc batch -j ${cores} ≥ 0.8 × pdftotext pages/s`, value: toPdftotext === null ? 'no pdftotext' : `${round(toPdftotext, 2)}×`, met: toPdftotext === null ? null : toPdftotext >= 0.8 },
  { target: 'PDFium -j 1 ≥ 1.8 × pdf.js -j 1', value: `${round(engineSpeedup, 2)}×`, met: engineSpeedup >= 1.8 },
  { target: `-j ${cores} ≥ 1.7 × -j 1`, value: `${round(scaling, 2)}× (pdftotext: ${pdftotextScaling === null ? '–' : `${round(pdftotextScaling, 2)}×`})`, met: scaling >= 1.7 },
  { target: 'peak RSS ≤ 200 MB for 1,000 documents', value: `${peak1000} MB`, met: (peak1000 ?? Infinity) <= 200 },
  { target: 'peak RSS for 1,000 within 10% of 100 documents', value: `${peak100} → ${peak1000} MB`, met: (peak1000 ?? Infinity) <= 1.1 * (peak100 ?? 0) },
  { target: 'recommendations, sections and peers identical between the engines', value: `${engines.identical} of ${engines.compared} reports`, met: engines.identical === engines.compared },
  { target: 'cpc --help ≤ 250 ms', value: `${Math.round(helpMs)} ms`, met: helpMs <= 250 },
  { target: 'cpc extract of a 1-page PDF ≤ 600 ms', value: `${Math.round(extractMs)} ms`, met: extractMs <= 600 },
  { target: `--max-memory ${memories[0]!.limitMb}MB, PDFs of ${memories.map((x) => x.fileMb).join(' / ')} MB: peak RSS ≤ base + jobs × ${MEMORY_FACTOR} × limit`, value: memories.map((x) => `${x.peakRssMb} MB (bound ${x.boundMb})`).join(' / '), met: memories.every((x) => x.within) },
  { target: `--timeout ${limit.limitMs}ms, ${limit.documents} PDFs, -j ${limit.jobs}, cold workers: none timed out`, value: `${limit.timedOut} timed out (worst of ${repeat} rounds)`, met: limit.timedOut === 0 },
];

const throughputRow = (label: string) => {
  const x = m(label);
  return [label, x ? `${round(x.wallMs / 1000, 2)} s, ${round(pps(x))} pages/s${x.peakRssMb === null || label.startsWith('pdftotext') ? '' : `, peak RSS ${x.peakRssMb} MB`}, CPU ${x.cpuSeconds ?? '–'} s` : 'not installed'];
};
const rows: string[][] = [
  ['measure', 'value'],
  ['archive', `${archive.documents} documents; throughput on its ${work.documents} PDFs, ${work.pages} pages`],
  ...Object.values(L).map(throughputRow),
  ['peak RSS, 100 documents', `${peak100} MB (${rss[100]!.wallSeconds} s)`],
  ['peak RSS, 1,000 documents', `${peak1000} MB (${rss[1000]!.wallSeconds} s)`],
  [`stages, ${largest} (median ms)`, Object.entries(stages).map(([k, v]) => `${k} ${round(v, 2)}`).join(', ')],
  ['  load with pdf.js', `${round(stagesPdfJs.load, 2)} ms`],
  ['  parse + validate + write', `${round((100 * afterExtraction) / stageTotal)}% of the per-document time`],
  ['cpc --help', `${Math.round(helpMs)} ms`],
  [`cpc extract ${onePage}`, `${Math.round(extractMs)} ms`],
  ...targets.map((t) => [`${t.met === null ? '–' : t.met ? 'PASS' : 'FAIL'}  ${t.target}`, t.value]),
];
const width = Math.max(...rows.map((r) => r[0]!.length));
for (const r of rows) console.log(`${r[0]!.padEnd(width)}  ${r[1]}`);
if (engines.differing.length) console.log(`reports that differ between the engines: ${engines.differing.join(', ')}`);

const machine = { node: process.version, cores, cpuModel: cpus()[0]?.model ?? null, loadAverage1mAtStart: round(loadAtStart, 2), loadAverage1mAtEnd: round(loadavg()[0]!, 2) };
const shown = (x: Measurement | null) => (x ? { wallSeconds: round(x.wallMs / 1000, 2), pagesPerSecond: round(pps(x)), peakRssMb: x.peakRssMb, cpuSeconds: x.cpuSeconds } : null);
const results = {
  date: new Date().toISOString(),
  machine,
  archive: { documents: archive.documents, pdfs: work.documents, pdfPages: work.pages },
  throughput: {
    pdftotext: shown(m(L.p1)),
    pdftotextParallel: shown(m(L.pn)),
    pdfiumJ1: shown(m(L.j1)),
    pdfiumJn: shown(m(L.jn)),
    pdfjsJ1: shown(m(L.js1)),
    pdfjsJn: shown(m(L.jsn)),
    jobs: cores,
  },
  engines,
  memory: rss,
  stages: {
    file: largest,
    ms: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(v, 2)])),
    loadPdfJsMs: round(stagesPdfJs.load, 2),
    afterExtractionShare: round(afterExtraction / stageTotal, 3),
  },
  startup: { helpMs: Math.round(helpMs), extractMs: Math.round(extractMs), extractFile: onePage },
  timeout: limit,
  maxMemory: memories,
  targets,
};
writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written: bench/results.json');
