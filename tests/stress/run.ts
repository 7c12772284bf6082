/**
 * `npm run stress`: valid documents huge in one dimension. Each payload (one kind of character
 * run: prose, one long word, capitals, digits, dots, brackets, tabs, …) is put in each place a
 * report holds text (paragraph, heading, list item, table cell, peer-team entry, recommendation,
 * contents line, form field, decision) in Markdown, HTML, Word and PDF, and converted by the built CLI.
 *
 *   1. every place × payload at 200 KB: a linear pass takes well under a second here, so one over
 *      SLOW_SECONDS is superlinear (a regex retried from every position, a join re-reading its
 *      growing string);
 *   2. the places a long run reaches first × payload at 8 MB: where a regex's backtracking stack or
 *      a spread of arguments overflows ("Maximum call stack size exceeded").
 *
 * A case fails on an internal error, a crash, or a time over its bound; exit 1 when any failed.
 *
 *   npm run stress
 *   npm run stress -- --only heading --size 1000000
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { forEachConcurrent } from '../../src/batch/concurrent.js';
import { documentXml, writeDocx } from '../support/docx-writer.js';
import { writePdf } from '../support/pdf-writer.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'cpc.js');
const { values } = parseArgs({ options: { only: { type: 'string' }, size: { type: 'string' }, jobs: { type: 'string', default: String(availableParallelism()) } } });

/** one kind of run, `n` characters long */
const PAYLOADS: Record<string, (n: number) => string> = {
  prose: (n) => 'the council should review its plans with partners. '.repeat(n / 51),
  'one word': (n) => `A${'bcdefghij'.repeat(n / 9)}`,
  capitals: (n) => 'THE COUNCIL SHOULD '.repeat(n / 19),
  'capitalised words': (n) => 'Chief Officer Of Anytown '.repeat(n / 25),
  digits: (n) => `and ${'1234567890'.repeat(n / 10)}`,
  numbering: (n) => '1.2.3. '.repeat(n / 7),
  'dot leader': (n) => `Introduction ${'. '.repeat(n / 2)}3`,
  dots: (n) => `Introduction ${'.'.repeat(n)}`,
  dashes: (n) => `a ${'- '.repeat(n / 2)}b`,
  brackets: (n) => `Jane ${'('.repeat(n / 2)}x${')'.repeat(n / 2)}`,
  'open brackets': (n) => `Jane (${'a ('.repeat(n / 3)}`,
  quotes: (n) => '"a" \u201cb\u201d '.repeat(n / 10),
  pipes: (n) => 'a | '.repeat(n / 4),
  slashes: (n) => 'a/'.repeat(n / 2),
  colons: (n) => 'Date: '.repeat(n / 6),
  commas: (n) => 'and, & to - '.repeat(n / 12),
  bullets: (n) => '\u2022 review \u2022 plan '.repeat(n / 16),
  'mixed case': (n) => 'Recommendation 1 - The Council, and its partners; (a) review: plans\u2019s. '.repeat(n / 70),
  spaces: (n) => `a${' '.repeat(n)}b: c`,
  'hyphenated word': (n) => `A${'b'.repeat(n)}-\nnext words`,
  'wrapped lines': (n) => 'the council and its partners should review the plan organis-\n'.repeat(n / 61),
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const OPEN = 'Anytown Borough Council Corporate Peer Challenge';

/** where the payload goes, per format: a file's name and its bytes */
type Place = (p: string) => Promise<{ ext: string; bytes: Uint8Array | string }>;
const md = (body: (p: string) => string): Place => async (p) => ({ ext: 'md', bytes: `# ${OPEN}\n\n${body(p)}\n\n## Findings\n\nThe council is well led.\n` });
const html = (body: (p: string) => string): Place => async (p) => ({ ext: 'html', bytes: `<html><body><h1>${OPEN}</h1>${body(esc(p))}<h2>Findings</h2><p>The council is well led.</p></body></html>` });
const docx = (paragraphs: (p: string) => string[]): Place => async (p) => ({ ext: 'docx', bytes: await writeDocx(documentXml([OPEN, ...paragraphs(p), 'Findings', 'The council is well led.']), { compression: 'STORE' }) });

/** lines of at most `width` characters, as a PDF page sets them */
const wrap = (p: string, width: number) => Array.from({ length: Math.ceil(p.length / width) }, (_, i) => p.slice(i * width, (i + 1) * width));

const PLACES: Record<string, Place> = {
  'md paragraph': md((p) => `## Introduction\n\n${p}`),
  'md heading': md((p) => `## ${p}`),
  'md bold line': md((p) => `**${p}**`),
  'md list item': md((p) => `## Recommendations\n\n1. ${p}\n2. The council should plan.`),
  'md bullet': md((p) => `- ${p}\n- The council should plan.`),
  'md table cell': md((p) => `| Recommendation | Progress |\n|---|---|\n| ${p} | Done |\n| Plan | Done |`),
  'md tab cell': md((p) => `Recommendation\tProgress\n${p}\tDone`),
  'md peer entry': md((p) => `## The peer team\n\n- Jane Smith - ${p}\n- John Brown (${p})`),
  'md recommendation': md((p) => `## Recommendations\n\nRecommendation 1 - ${p}`),
  'md contents line': md((p) => `Contents\n\n${p} 3\n\nFindings ..... 4`),
  'md form field': md((p) => `Date: ${p}\n\nReport of: ${p}`),
  'md decision': md((p) => `Cabinet is asked to:\n\n(a) ${p}\n(b) note the report`),
  'html paragraph': html((p) => `<p>${p}</p>`),
  'html heading': html((p) => `<h2>${p}</h2><p>text</p>`),
  'html list item': html((p) => `<h2>Recommendations</h2><ol><li>${p}</li><li>Plan</li></ol>`),
  'html table cell': html((p) => `<table><tr><th>Recommendation</th><th>Progress</th></tr><tr><td>${p}</td><td>Done</td></tr></table>`),
  'html aside': html((p) => `<aside>${p}</aside>`),
  'html inline elements': html((p) => `<p>${p.split(' ').map((w) => `<span>${w} </span>`).join('')}</p>`),
  'docx paragraph': docx((p) => ['Introduction', p]),
  'docx numbered paragraph': docx((p) => ['Recommendations', `1. ${p}`, '2. The council should plan.']),
  'docx form field': docx((p) => [`Date: ${p}`, `Report of: ${p}`]),
  // a PDF page: the run as one line of text (an engine keeps what falls on the page), and wrapped in small type down a page
  'pdf line': async (p) => ({ ext: 'pdf', bytes: writePdf([{ lines: [OPEN, 'Introduction', p.replace(/\n/g, ' ')] }]) }),
  'pdf wrapped page': async (p) => {
    // at most 500 lines, in type small enough that they fit the page (engines drop text off it)
    const width = Math.max(400, Math.ceil(p.length / 500));
    return { ext: 'pdf', bytes: writePdf([{ lines: [OPEN] }, { lines: wrap(p.replace(/\n/g, ' '), width), fontSize: 400 / width }]) };
  },
  // a part name the package gives (a relationship's target), resolved against its folder
  'docx relationship target': async (p) => ({
    ext: 'docx',
    bytes: await writeDocx(documentXml([OPEN, 'Findings', 'The council is well led.']), {
      compression: 'STORE',
      parts: { 'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="${esc(p).replace(/"/g, '&quot;')}"/></Relationships>` },
    }),
  }),
};
/** where a long run meets the most patterns first: phase 2's places */
const DEEP = ['md paragraph', 'md heading', 'md list item', 'md table cell', 'md peer entry', 'html table cell', 'docx paragraph', 'docx form field', 'pdf wrapped page'];

const SLOW_SECONDS = 5;
const DEEP_SECONDS = 90;

interface Case {
  label: string;
  place: string;
  payload: string;
  size: number;
  limitSeconds: number;
}
interface Outcome {
  c: Case;
  seconds: number;
  code: number | null;
  error: string | null;
}

const dir = join(tmpdir(), `cpc-stress-${process.pid}`);
mkdirSync(dir, { recursive: true });

async function run(c: Case, index: number): Promise<Outcome> {
  const made = await PLACES[c.place]!(PAYLOADS[c.payload]!(c.size));
  const file = join(dir, `case-${index}.${made.ext}`);
  writeFileSync(file, made.bytes);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'extract', file, '-q', '-o', `${file}.json`, '--max-bytes', '64MB'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 2 * c.limitSeconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(file, { force: true });
      rmSync(`${file}.json`, { force: true });
      const seconds = (performance.now() - t0) / 1000;
      const internal = /internal|stack|heap/i.test(stderr) ? stderr.trim().split('\n')[0]! : null;
      resolve({ c, seconds, code, error: internal ?? (code === 0 ? null : `exit ${code}: ${stderr.trim().split('\n')[0] ?? ''}`) });
    });
  });
}

const only = (place: string, payload: string) => !values.only || place.includes(values.only) || payload.includes(values.only);
const cases: Case[] = [];
const addCases = (places: readonly string[], size: number, limitSeconds: number) => {
  for (const place of places) for (const payload of Object.keys(PAYLOADS)) if (only(place, payload)) cases.push({ label: `${place} × ${payload}`, place, payload, size, limitSeconds });
};
addCases(Object.keys(PLACES), values.size ? Number(values.size) : 200_000, SLOW_SECONDS);
if (!values.size) addCases(DEEP, 8_000_000, DEEP_SECONDS);

const failed: Outcome[] = [];
const outcomes: Outcome[] = [];
const t0 = performance.now();
await forEachConcurrent(cases, Math.max(1, Number(values.jobs)), async (c, i) => {
  const o = await run(c, i);
  outcomes.push(o);
  const done = outcomes.length;
  const over = o.seconds > o.c.limitSeconds;
  if (o.error || over) {
    failed.push(o);
    console.log(`FAIL ${o.c.label} at ${o.c.size.toLocaleString('en-GB')} chars: ${o.error ?? `${o.seconds.toFixed(1)} s, over ${o.c.limitSeconds} s`}`);
  }
  if (done % 50 === 0) console.log(`  ${done}/${cases.length} cases…`);
});
rmSync(dir, { recursive: true, force: true });
const slowest = [...outcomes].sort((a, b) => b.seconds / b.c.size - a.seconds / a.c.size)[0];
console.log(`\n${cases.length} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s; failed ${failed.length}`);
for (const size of [...new Set(outcomes.map((o) => o.c.size))]) {
  const at = outcomes.filter((o) => o.c.size === size).sort((a, b) => b.seconds - a.seconds);
  console.log(`at ${size.toLocaleString('en-GB')} chars: slowest ${at[0]!.c.label} ${at[0]!.seconds.toFixed(2)} s, median ${at[Math.floor(at.length / 2)]!.seconds.toFixed(2)} s`);
}
if (slowest) console.log(`slowest per character: ${slowest.c.label} at ${slowest.c.size.toLocaleString('en-GB')} chars`);
process.exitCode = failed.length ? 1 : 0;
