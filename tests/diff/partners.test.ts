import { describe, expect, it } from 'vitest';
import { attachPartners } from '../../src/diff/partners.js';
import type { TermVector } from '../../src/diff/tf-idf.js';

/** A vector with weight 1 for each word. */
const v = (words: string): TermVector => new Map(words.split(' ').map((w) => [w, 1]));
const RULES = { minContainment: 0.6, minGain: 0.2 };

describe('attachPartners', () => {
  it('adds a left-over new item that covers what the first partner leaves out (a split)', () => {
    const groups = attachPartners([{ old: [0], new: [0] }], [v('ict infrastructure hardware digital journey')], [v('ict infrastructure hardware'), v('digital journey')], RULES);
    expect(groups).toEqual([{ old: [0], new: [0, 1] }]);
  });

  it('adds a left-over old item on the old side (a merge)', () => {
    const groups = attachPartners([{ old: [1], new: [0] }], [v('digital journey'), v('ict infrastructure hardware')], [v('ict infrastructure hardware digital journey')], RULES);
    expect(groups).toEqual([{ old: [0, 1], new: [0] }]);
  });

  it('refuses a left-over that is mostly about something else (containment below the rule)', () => {
    const groups = attachPartners([{ old: [0], new: [0] }], [v('ict infrastructure hardware digital journey')], [v('ict infrastructure hardware'), v('digital journey housing planning waste')], RULES);
    expect(groups).toEqual([{ old: [0], new: [0] }]);
  });

  it('refuses a left-over that adds too little to what the first partner covers', () => {
    const groups = attachPartners([{ old: [0], new: [0] }], [v('a b c d e f g h i j')], [v('a b c d e f g h i'), v('a b j')], RULES);
    // j is a tenth of the old text: a gain of 0.1
    expect(groups).toEqual([{ old: [0], new: [0] }]);
  });

  it('never takes an item the assignment matched, and gives a left-over to the link it helps most', () => {
    const olds = [v('budget discipline forecasting'), v('workforce culture training apprenticeships')];
    const news = [v('budget discipline'), v('workforce culture'), v('forecasting training apprenticeships')];
    // the left-over new item 2 would help both links; it covers 2/3 of old 1 but 1/3 of old 0
    const groups = attachPartners([{ old: [0], new: [0] }, { old: [1], new: [1] }], olds, news, { minContainment: 0.3, minGain: 0.2 });
    expect(groups).toEqual([
      { old: [0], new: [0] },
      { old: [1], new: [1, 2] },
    ]);
  });

  it('does not grow a split on the old side (no many-to-many links)', () => {
    // new 1 would split old 0 (gain 0.6); old 1 would merge into new 0 (gain 0.5) — one or the other
    const olds = [v('a b c d e'), v('x y')];
    const news = [v('a b x y'), v('c d e')];
    expect(attachPartners([{ old: [0], new: [0] }], olds, news, RULES)).toEqual([{ old: [0], new: [0, 1] }]);
    expect(attachPartners([{ old: [0], new: [0] }], olds, [news[0]!], RULES)).toEqual([{ old: [0, 1], new: [0] }]);
  });
});
