import { describe, expect, it } from 'vitest';
import { diffRecommendations, hasChanges } from '../../src/diff/diff-recommendations.js';
import { DEFAULT_THRESHOLD } from '../../src/diff/defaults.js';
import { cosine, inverseDocumentFrequency, vectorise } from '../../src/diff/tf-idf.js';
import { terms } from '../../src/diff/tokens.js';
import { DiffResult } from '../../src/model/diff.js';
import { CURRENT, report } from './reports.js';

const pairs = (r: DiffResult) => r.links.map((l) => [l.status, l.old.join('+'), l.new.join('+')]);

describe('diffRecommendations', () => {
  it('finds every recommendation unchanged, score 1, when a report meets itself', () => {
    const a = report('a', ['Refresh the council plan.', 'Invest in the scrutiny function;', 'Review the budget process']);
    const r = diffRecommendations(a, a, CURRENT);
    expect(r.links.map((l) => [l.status, l.score])).toEqual([
      ['unchanged', 1],
      ['unchanged', 1],
      ['unchanged', 1],
    ]);
    expect(r.summary).toEqual({ unchanged: 3, reworded: 0, split: 0, merged: 0, removed: 0, added: 0 });
    expect(hasChanges(r)).toBe(false);
    expect(DiffResult.safeParse(r).success).toBe(true);
  });

  it('calls a link unchanged across case, quotes and closing punctuation, reworded otherwise', () => {
    const r = diffRecommendations(
      report('a', ['Centralise services into a strong ‘corporate core’;', 'Review organisational workforce development;']),
      report('b', ["Centralise services into a strong 'Corporate Core'.", 'Review organisational and workforce development.']),
      CURRENT,
    );
    expect(pairs(r)).toEqual([
      ['unchanged', 'a-b1', 'b-b1'],
      ['reworded', 'a-b2', 'b-b2'],
    ]);
    expect(hasChanges(r)).toBe(true);
  });

  it('assigns globally: the pair greedy would take first is given up for a better whole', () => {
    // a-b1 ↔ b-b1 is the single most similar pair (0.71), but taking it strands a-b2, whose only
    // partner is b-b1; the optimum pairs a-b1 ↔ b-b2 (0.53) and a-b2 ↔ b-b1 (0.34)
    const old = report('a', [
      'Develop a corporate performance management framework with service plans and personal appraisals',
      'Deliver a single performance management framework across the council',
    ]);
    const neu = report('b', ['Develop a corporate performance management framework', 'Introduce service plans and personal appraisals for all staff']);
    // the premise: the similarities are what the comment says, so greedy would go wrong
    const oldTerms = old.recommendations.map((r) => terms(r.text));
    const newTerms = neu.recommendations.map((r) => terms(r.text));
    const idf = inverseDocumentFrequency([...oldTerms, ...newTerms]);
    const sim = oldTerms.map((o) => newTerms.map((n) => cosine(vectorise(o, idf, 1), vectorise(n, idf, 1))));
    expect(sim.map((row) => row.map((x) => Math.round(x * 100) / 100))).toEqual([
      [0.71, 0.53],
      [0.34, 0],
    ]);

    const all = diffRecommendations(old, neu, { ...CURRENT, threshold: 0.3 });
    expect(pairs(all)).toEqual([
      ['reworded', 'a-b1', 'b-b2'],
      ['reworded', 'a-b2', 'b-b1'],
    ]);
    expect(all.removed).toEqual([]);
    expect(all.added).toEqual([]);
  });

  it('links nothing below the threshold, and the threshold is inclusive of the score', () => {
    const old = report('a', ['Strengthen financial management and discipline']);
    const neu = report('b', ['Strengthen financial management, building on the action plan recently drafted']);
    const score = diffRecommendations(old, neu, { ...CURRENT, threshold: 0 }).links[0]!.score;
    expect(score).toBeGreaterThan(0.2);
    expect(score).toBeLessThan(0.8);
    const below = diffRecommendations(old, neu, { ...CURRENT, threshold: score - 0.01 });
    expect(pairs(below)).toEqual([['reworded', 'a-b1', 'b-b1']]);
    const above = diffRecommendations(old, neu, { ...CURRENT, threshold: score + 0.01 });
    expect(above.links).toEqual([]);
    expect(above.removed.map((r) => r.id)).toEqual(['a-b1']);
    expect(above.added.map((r) => r.id)).toEqual(['b-b1']);
    expect(above.threshold).toBe(score + 0.01);
  });

  it('never links texts with no word in common, even at threshold 0', () => {
    const r = diffRecommendations(report('a', ['Refresh the council plan']), report('b', ['Invest in scrutiny']), { ...CURRENT, threshold: 0 });
    expect(r.links).toEqual([]);
  });

  it('uses DEFAULT_THRESHOLD unless told, and refuses one outside 0..1', () => {
    const a = report('a', ['Refresh the council plan']);
    expect(diffRecommendations(a, a, CURRENT).threshold).toBe(DEFAULT_THRESHOLD);
    expect(() => diffRecommendations(a, a, { ...CURRENT, threshold: 1.5 })).toThrow(RangeError);
    expect(() => diffRecommendations(a, a, { ...CURRENT, threshold: Number.NaN })).toThrow(RangeError);
  });

  describe('number agreement', () => {
    const text = 'Review the scrutiny function and its work programme';
    it.each([
      ['listed first', ['2.2', '2.1']],
      ['listed second', ['2.1', '2.2']],
    ])('decides between equally similar texts: the one whose number agrees wins, %s', (_, numbers) => {
      const old = report('a', [{ text, number: '4.2' }]);
      const neu = report('b', numbers.map((number) => ({ text, number })));
      const r = diffRecommendations(old, neu, CURRENT);
      expect(pairs(r)).toEqual([['unchanged', 'a-4.2', 'b-2.2']]);
      expect(r.links[0]!.score).toBe(1);
      expect(r.added.map((x) => x.id)).toEqual(['b-2.1']);
    });

    it('is never enough on its own: agreeing numbers do not make a dissimilar pair a link', () => {
      const old = report('a', [{ text: 'Refresh the council plan now', number: '1' }]);
      const neu = report('b', [{ text: 'Refresh the scrutiny function and committee structure', number: '1' }]);
      const score = diffRecommendations(old, neu, { ...CURRENT, threshold: 0 }).links[0]!.score;
      const r = diffRecommendations(old, neu, { ...CURRENT, threshold: score + 0.001 });
      expect(r.links).toEqual([]);
    });

    it('is not part of the reported score', () => {
      const numbered = diffRecommendations(report('a', [{ text: 'Refresh the plan', number: '1' }]), report('b', [{ text: 'Refresh the council plan', number: '1' }]), CURRENT);
      const bullets = diffRecommendations(report('a', ['Refresh the plan']), report('b', ['Refresh the council plan']), CURRENT);
      expect(numbered.links[0]!.score).toBe(bullets.links[0]!.score);
    });
  });

  it('finds a split: one old recommendation restated as two new ones', () => {
    const old = report('a', [
      'Invest in ICT infrastructure (hardware, software and connectivity) based on clear business cases. Also define the digital journey and the steps needed to deliver it.',
      'Refresh the council plan',
    ]);
    const neu = report('b', [
      'Refresh the council plan',
      'Invest in the ICT infrastructure (hardware, software and connectivity) based on clear business cases.',
      'Define the digital journey and the steps needed to deliver it.',
    ]);
    const r = diffRecommendations(old, neu, CURRENT);
    expect(pairs(r)).toEqual([
      ['split', 'a-b1', 'b-b2+b-b3'],
      ['unchanged', 'a-b2', 'b-b1'],
    ]);
    expect(r.links[0]!.newText).toBe(`${neu.recommendations[1]!.text} ${neu.recommendations[2]!.text}`);
    expect(r.links[0]!.score).toBeGreaterThan(0.9);
    expect(r.summary.split).toBe(1);
    expect(hasChanges(r)).toBe(true);
  });

  it('finds a merge: two old recommendations restated as one', () => {
    const old = report('a', [
      'Strengthen financial management and budget discipline',
      'Refresh the council plan',
      'Introduce quarterly financial forecasting reports for cabinet',
    ]);
    const neu = report('b', ['Strengthen financial management and budget discipline, and introduce quarterly financial forecasting reports for cabinet', 'Refresh the council plan']);
    const r = diffRecommendations(old, neu, CURRENT);
    expect(pairs(r)).toEqual([
      ['merged', 'a-b1+a-b3', 'b-b1'],
      ['unchanged', 'a-b2', 'b-b2'],
    ]);
    expect(r.summary).toMatchObject({ merged: 1, removed: 0, added: 0 });
  });

  it('does not make a merge of a left-over that adds little the first partner lacks', () => {
    // the left-over shares words with the new text, but its partner already covers them
    const old = report('a', ['Strengthen financial management and budget discipline', 'Strengthen budget discipline']);
    const neu = report('b', ['Strengthen financial management and budget discipline across the council']);
    const r = diffRecommendations(old, neu, CURRENT);
    expect(pairs(r)).toEqual([['reworded', 'a-b1', 'b-b1']]);
    expect(r.removed.map((x) => x.id)).toEqual(['a-b2']);
  });

  it('orders links by the old position, then lists removed and added in document order; same input, same output', () => {
    const old = report('a', ['Refresh the council plan', 'Invest in the scrutiny function', 'Pick one brand for the council', 'Review the redeployment policy']);
    const neu = report('b', ['Review the redeployment policy now', 'Accelerate apprenticeships', 'Refresh the council plan', 'Invest in scrutiny']);
    const r = diffRecommendations(old, neu, CURRENT);
    expect(pairs(r)).toEqual([
      ['unchanged', 'a-b1', 'b-b3'],
      ['reworded', 'a-b2', 'b-b4'],
      ['reworded', 'a-b4', 'b-b1'],
    ]);
    expect(r.removed.map((x) => x.id)).toEqual(['a-b3']);
    expect(r.added.map((x) => x.id)).toEqual(['b-b2']);
    expect(JSON.stringify(diffRecommendations(old, neu, CURRENT))).toBe(JSON.stringify(r));
  });

  it('compares the cycles asked for, and describes each side', () => {
    const a = report('a', [
      { text: 'Develop a new corporate plan', cycle: 'previous', year: 2018 },
      { text: 'Refresh the corporate plan', cycle: 'current', year: 2021 },
    ]);
    const r = diffRecommendations(a, a, { oldCycle: 'previous', newCycle: 'current' });
    expect(r.old).toEqual({ file: 'a.txt', cycle: 'previous', year: 2018, count: 1 });
    expect(r.new).toEqual({ file: 'a.txt', cycle: 'current', year: 2021, count: 1 });
    expect(pairs(r)).toEqual([['reworded', 'a-b1', 'a-b2']]);
  });
});
