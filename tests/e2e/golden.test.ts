import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract.js';
import { FORMATS, REPORTS, fixtureBytes, gold } from '../helpers.js';
import { emptyTally, score, summary } from '../../bench/score.js';

/** The accuracy bar of issue 3, over every fixture in every format, against the gold annotations. */
describe('accuracy against gold (fixtures/gold)', () => {
  const total = emptyTally();

  describe.each(REPORTS)('%s', (name) => {
    it.each(FORMATS)('%s', async (ext) => {
      const { value } = await extractReport(fixtureBytes(`${name}.${ext}`), { file: `fixtures/${name}.${ext}` });
      const one = emptyTally();
      score(gold(name), value, one, `${name}.${ext}`);
      score(gold(name), value, total, `${name}.${ext}`);
      // per document: every recommendation, number and metadata field
      expect(one.misses).toEqual([]);
      expect(summary(one).sectionsF1).toBeGreaterThanOrEqual(0.9);
    });
  });

  it('meets the bar over all 20 documents (5 reports × pdf, docx, txt, html)', () => {
    const s = summary(total);
    expect(s.recommendationsF1).toBeGreaterThanOrEqual(0.98);
    expect(s.exactText).toBeGreaterThanOrEqual(0.9);
    expect(s.numbers).toBe(1);
    expect(s.sectionsF1).toBeGreaterThanOrEqual(0.9);
    expect(s.peersF1).toBeGreaterThanOrEqual(0.95);
    expect(s.metadata).toBe(1);
  });
});
