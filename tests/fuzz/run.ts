/**
 * `npm run fuzz`: mutate every fixture ≥ 10,000 times and check each case ends in a valid report
 * or a documented input error, within the time limit — never an internal error, hang or crash.
 *
 *   npm run fuzz                                  # 10,000 cases, a fresh seed (printed)
 *   npm run fuzz -- --seed 1234 --cases 20000     # reproducible
 *   npm run fuzz -- --seed 1234 --case 917 --write /tmp/case.pdf   # one case again, its bytes saved
 *   npm run fuzz -- --only docx --jobs 4 --timeout 10000 --max-memory 512 --no-save
 *
 * Failed cases are kept in tests/fuzz/regressions/ (one per kind of failure) for the default test
 * run to replay. Exits 1 when any case failed.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { loadSources, makeCase } from './cases.js';
import { FUZZ_LIMITS, openPool, runFuzz, runOne, type CaseResult, type FuzzStats } from './engine.js';
import { saveRegression } from './regressions.js';
import { failureSignature, judge, outcomeKey } from './verdict.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    cases: { type: 'string', default: '10000' },
    first: { type: 'string', default: '0' },
    case: { type: 'string' },
    write: { type: 'string' },
    only: { type: 'string' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    timeout: { type: 'string', default: String(FUZZ_LIMITS.timeoutMs) },
    'max-memory': { type: 'string', default: String(FUZZ_LIMITS.maxMemoryMb) },
    'no-save': { type: 'boolean', default: false },
  },
});

const int = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: expected a whole number, got ${v}`);
  return n;
};

// a fresh seed unless one is given; printed first, so any run can be repeated
const seed = values.seed !== undefined ? int('seed', values.seed) : Math.floor(Math.random() * 2 ** 31);
const limits = { jobs: Math.max(1, int('jobs', values.jobs)), timeoutMs: int('timeout', values.timeout), maxMemoryMb: int('max-memory', values['max-memory']) };
const sources = loadSources(values.only ? (name) => name.includes(values.only!) : undefined);
if (!sources.length) throw new Error(`no fixture matches --only ${values.only}`);

const MAX_KEPT_PER_CODE = 5;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const describeResult = (r: CaseResult) =>
  `case ${r.fuzzCase.index} (${r.fuzzCase.source}: ${r.fuzzCase.description}) → ${outcomeKey(r.verdict)}${r.verdict.kind === 'failure' ? `: ${r.verdict.message.split('\n')[0]}` : ''} in ${r.ms} ms`;

async function replayOne(index: number): Promise<number> {
  const fuzzCase = await makeCase(sources, seed, index);
  if (values.write) writeFileSync(values.write, fuzzCase.bytes);
  const pool = await openPool({ ...limits, jobs: 1 });
  try {
    const outcome = await runOne(pool, fuzzCase.file, fuzzCase.bytes, limits.timeoutMs);
    const verdict = judge(outcome);
    console.log(`seed ${seed} ${describeResult({ fuzzCase, verdict, ms: outcome.ms })}`);
    if (values.write) console.log(`bytes written to ${values.write}`);
    return verdict.kind === 'failure' ? 1 : 0;
  } finally {
    await pool.close();
  }
}

function printSummary(stats: FuzzStats): void {
  const outcomes = [...stats.byOutcome.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k.padEnd(26)} ${n}`);
  console.log(`\nseed ${seed}: ${stats.cases} cases over ${sources.length} fixtures in ${seconds(stats.totalMs)} (${(stats.cases / (stats.totalMs / 1000)).toFixed(1)} cases/s, ${limits.jobs} workers, ${limits.timeoutMs} ms and ${limits.maxMemoryMb} MB per case)`);
  console.log(`outcomes:\n${outcomes.join('\n')}`);
  console.log(`timeouts: ${stats.timeouts}`);
  console.log(`failures: ${stats.failures.length}`);
  if (stats.slowest) console.log(`slowest: ${describeResult(stats.slowest)}`);
}

async function main(): Promise<number> {
  if (values.case !== undefined) return replayOne(int('case', values.case));
  const count = int('cases', values.cases);
  const first = int('first', values.first);
  console.log(`cpc fuzz: seed ${seed}, cases ${first}–${first + count - 1}, ${sources.length} fixtures, ${limits.jobs} workers`);
  const saved = new Map<string, string>();
  let done = 0;
  const stats = await runFuzz(sources, {
    ...limits,
    seed,
    count,
    first,
    onResult: (r) => {
      done++;
      const verdict = r.verdict;
      if (verdict.kind === 'failure') {
        console.log(`FAIL ${describeResult(r)}`);
        const signature = failureSignature(verdict);
        // one fixture per kind of failure, and a few per error code at most: a bug met a thousand times needs no thousand files
        const sameCode = [...saved.keys()].filter((s) => s.startsWith(`${verdict.code}:`)).length;
        if (!values['no-save'] && !saved.has(signature) && sameCode < MAX_KEPT_PER_CODE) saved.set(signature, saveRegression(r));
      }
      if (done % 500 === 0) console.log(`  ${done}/${count} cases…`);
    },
  });
  printSummary(stats);
  if (saved.size) console.log(`kept as regression fixtures (tests/fuzz/regressions/):\n${[...saved].map(([sig, file]) => `  ${file}  ${sig}`).join('\n')}`);
  if (stats.failures.length) console.log(`reproduce one: npm run fuzz -- --seed ${seed} --case <n> --write /tmp/case`);
  return stats.failures.length ? 1 : 0;
}

process.exitCode = await main();
