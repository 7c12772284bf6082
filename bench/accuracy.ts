/**
 * `npm run accuracy`: the pipeline, in-process, over every document in fixtures/ that has gold —
 * the five seeds in their four formats (fixtures/gold) and the corpus in all its layouts
 * (fixtures/corpus/gold) — scored with the rules of ../shared/tools/score.mjs (bench/score.ts: the
 * same matching and thresholds, so the figures agree). Prints precision, recall and F1 per field
 * and per layout, and writes bench/accuracy.json (sorted, no timestamps: a diff shows what moved).
 *
 *   npm run accuracy
 *   npm run accuracy -- --misses      # also list what each layout missed or added
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../src/extract.js';
import { addTally, detail, emptyTally, score, type Gold, type Tally } from './score.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'fixtures');

interface Doc {
  path: string;
  gold: string;
  /** the group it is reported in: its layout */
  layout: string;
}

/** "NAME.word.pdf" → "word.pdf": what follows the document's name */
const layoutOf = (file: string) => file.slice(file.indexOf('.') + 1);

function documents(): Doc[] {
  const docs: Doc[] = [];
  for (const f of readdirSync(FIXTURES).sort()) {
    const gold = join(FIXTURES, 'gold', `${f.split('.')[0]}.json`);
    if (/\.(pdf|docx|txt|html)$/.test(f) && existsSync(gold)) docs.push({ path: join(FIXTURES, f), gold, layout: `seed ${layoutOf(f)}` });
  }
  const corpus = join(FIXTURES, 'corpus');
  for (const f of readdirSync(join(corpus, 'docs')).sort()) {
    const gold = join(corpus, 'gold', `${f.split('.')[0]}.json`);
    if (existsSync(gold)) docs.push({ path: join(corpus, 'docs', f), gold, layout: layoutOf(f) });
  }
  return docs;
}

const LAYOUT_ORDER = ['docx', 'word.docx', 'pdf', 'word.pdf', 'web.pdf', 'design.pdf', 'html', 'seed pdf', 'seed docx', 'seed txt', 'seed html'];
const order = (a: string, b: string) => (LAYOUT_ORDER.indexOf(a) + 1 || 99) - (LAYOUT_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b);

async function main(): Promise<void> {
  const showMisses = process.argv.includes('--misses');
  const byLayout = new Map<string, { tally: Tally; documents: number; failed: string[] }>();
  const all = { tally: emptyTally(), documents: 0, failed: [] as string[] };
  for (const doc of documents()) {
    let group = byLayout.get(doc.layout);
    if (!group) byLayout.set(doc.layout, (group = { tally: emptyTally(), documents: 0, failed: [] }));
    const gold = JSON.parse(readFileSync(doc.gold, 'utf8')) as Gold;
    const t = emptyTally();
    const name = doc.path.slice(ROOT.length + 1);
    try {
      const { value } = await extractReport(new Uint8Array(readFileSync(doc.path)), { file: name });
      score(gold, value, t, name);
    } catch (e) {
      // a document that cannot be read scores nothing: all its gold is missed
      group.failed.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      t.recGold += gold.recommendations.length;
      t.secGold += gold.sections.length;
      t.peerGold += gold.peerTeam.length;
      t.metaN += 3;
    }
    group.documents++;
    all.documents++;
    addTally(group.tally, t);
    addTally(all.tally, t);
  }

  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const rows = [...byLayout.entries()].sort(([a], [b]) => order(a, b));
  const header = 'layout       docs | recommendations P    R   F1  exact | sections P    R   F1 | peers P    R   F1 | metadata';
  console.log(header);
  console.log('-'.repeat(header.length));
  const line = (label: string, g: { tally: Tally; documents: number }) => {
    const d = detail(g.tally);
    const r = d.recommendations;
    console.log(
      `${label.padEnd(12)} ${String(g.documents).padStart(4)} |              ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)} ${pct(r.exactText)} |     ${pct(d.sections.precision)} ${pct(d.sections.recall)} ${pct(d.sections.f1)} |  ${pct(d.peers.precision)} ${pct(d.peers.recall)} ${pct(d.peers.f1)} |   ${pct(d.metadata)}`,
    );
  };
  for (const [layout, g] of rows) line(layout, g);
  line('all', all);
  const failed = rows.flatMap(([, g]) => g.failed);
  if (failed.length) console.log(`\n${failed.length} document(s) failed:\n${failed.join('\n')}`);
  if (showMisses) for (const [layout, g] of rows) if (g.tally.misses.length) console.log(`\n## ${layout}\n${g.tally.misses.join('\n')}`);

  const round = (x: number) => Math.round(x * 1000) / 1000;
  const json = (g: { tally: Tally; documents: number; failed: string[] }) => {
    const d = detail(g.tally);
    return {
      documents: g.documents,
      failed: g.failed.length,
      recommendations: Object.fromEntries(Object.entries(d.recommendations).map(([k, v]) => [k, round(v)])),
      sections: Object.fromEntries(Object.entries(d.sections).map(([k, v]) => [k, round(v)])),
      peers: Object.fromEntries(Object.entries(d.peers).map(([k, v]) => [k, round(v)])),
      metadata: round(d.metadata),
    };
  };
  const out = { layouts: Object.fromEntries(rows.map(([layout, g]) => [layout, json(g)])), all: json(all) };
  writeFileSync(join(ROOT, 'bench', 'accuracy.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwritten: bench/accuracy.json');
}

await main();
