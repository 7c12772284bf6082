import { describe, expect, it } from 'vitest';
import { normaliseText, terms } from '../../src/diff/tokens.js';
import { numbersAgree } from '../../src/diff/numbers.js';

describe('normaliseText', () => {
  it('ignores case, spacing, typographic quotes and the closing punctuation of a list item', () => {
    expect(normaliseText('Centralise services into a strong ‘corporate core’;')).toBe(normaliseText('Centralise  services into a strong \'Corporate Core\'.'));
  });
  it('keeps real differences', () => {
    expect(normaliseText('Review organisational workforce development')).not.toBe(normaliseText('Review organisational and workforce development'));
  });
});

describe('terms', () => {
  it('drops stop words and stems what is left (Porter)', () => {
    expect(terms('Review the organisational and workforce development')).toEqual(['review', 'organis', 'workforc', 'develop']);
  });
  it('joins hyphenated compounds, drops possessives, keeps years', () => {
    expect(terms("Co-design the Council's 2030 vision")).toEqual(['codesign', 'council', '2030', 'vision']);
    expect(terms('co-design')).toEqual(terms('codesign'));
  });
  it('gives nothing for a text of function words only', () => {
    expect(terms('and the of it')).toEqual([]);
  });
});

describe('numbersAgree', () => {
  it.each([
    ['4.1', '2.1', true],
    ['2.3', '2.3', true],
    ['3', '1.3', true],
    ['4.1', '2.2', false],
    [null, '2.1', false],
    [null, null, false],
  ] as const)('%s ~ %s: %s', (a, b, agree) => {
    expect(numbersAgree(a, b)).toBe(agree);
  });
});
