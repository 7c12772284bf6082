import { describe, expect, it } from 'vitest';
import { joinWrapped, Vocabulary } from '../../src/layout/join.js';

describe('joinWrapped', () => {
  const vocab = new Vocabulary([
    'the organisation is large and the organisation grows',
    'we re-assess plans every year',
    'the recommendations were made',
    'organis-', // the broken word itself, at a line end
    'ation of the work',
  ]);

  it('drops a hyphen when the document writes the word whole elsewhere', () => {
    expect(joinWrapped('the organis-', 'ation grows', vocab)).toBe('the organisation grows');
  });

  it('keeps a real hyphen and numeric ranges', () => {
    expect(joinWrapped('we re-', 'assess plans', vocab)).toBe('we re-assess plans');
    expect(joinWrapped('Plan 2021-', '24, outlines', vocab)).toBe('Plan 2021-24, outlines');
  });

  it('rejoins a word a narrow cell broke without a hyphen', () => {
    expect(joinWrapped('LGA Recommend', 'ation', vocab)).toBe('LGA Recommendation');
  });

  it('rejoins a word broken where its tail is a word too, when its head is none or the tail a stray letter', () => {
    const v = new Vocabulary(['the recommendation was made and agreed on time', 'two apprenticeships and one apprenticeship started', "the council's plan"]);
    expect(joinWrapped('LGA Recommendati', 'on', v)).toBe('LGA Recommendation');
    expect(joinWrapped('using apprenticeship', 's', v)).toBe('using apprenticeships');
    expect(joinWrapped('agreed', 'on time', v)).toBe('agreed on time');
  });

  it('otherwise joins with a space', () => {
    expect(joinWrapped('the work', 'was done', vocab)).toBe('the work was done');
    expect(joinWrapped('', 'start', vocab)).toBe('start');
  });
});
