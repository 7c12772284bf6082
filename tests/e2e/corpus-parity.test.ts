/**
 * The same report gives the same findings whichever program made the file: on every corpus
 * document (fixtures/corpus), each PDF layout's recommendations and peers F1 within 0.02 of the
 * same document's Word file, and sections F1 at least 0.95 in every layout. Scored as
 * ../shared/tools/score.mjs scores (bench/score.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract.js';
import type { Report } from '../../src/model/report.js';
import { FIXTURES, type Gold } from '../helpers.js';
import { emptyTally, score, summary } from '../../bench/score.js';

const CORPUS = join(FIXTURES, 'corpus');
const docs = readdirSync(join(CORPUS, 'docs')).sort();
const nameOf = (file: string) => file.split('.')[0]!;
const goldOf = (name: string) => JSON.parse(readFileSync(join(CORPUS, 'gold', `${name}.json`), 'utf8')) as Gold;
const wordFileOf = (name: string) => {
  const own = join(CORPUS, 'docs', `${name}.docx`);
  return existsSync(own) ? own : join(FIXTURES, `${name}.docx`);
};

const reports = new Map<string, Promise<Report>>();
function reportOf(path: string): Promise<Report> {
  let r = reports.get(path);
  if (!r) reports.set(path, (r = extractReport(new Uint8Array(readFileSync(path)), { file: path }).then((x) => x.value)));
  return r;
}

async function f1s(path: string, name: string) {
  const t = emptyTally();
  score(goldOf(name), await reportOf(path), t, path);
  return summary(t);
}

describe('corpus parity: every layout finds what the Word file finds', () => {
  it.each(docs)('%s', async (file) => {
    const name = nameOf(file);
    const got = await f1s(join(CORPUS, 'docs', file), name);
    expect(got.sectionsF1, 'sections F1').toBeGreaterThanOrEqual(0.95);
    if (!file.endsWith('.pdf')) return;
    const word = await f1s(wordFileOf(name), name);
    expect(got.recommendationsF1, 'recommendations F1 against the Word file').toBeGreaterThanOrEqual(word.recommendationsF1 - 0.02);
    expect(got.peersF1, 'peers F1 against the Word file').toBeGreaterThanOrEqual(word.peersF1 - 0.02);
  });
});
