import { describe, expect, it } from 'vitest';
import { isSibling, nextInSequence } from '../../src/parse/numbering.js';

describe('number sequences', () => {
  it.each([
    ['2.4', '2.5', true, true],
    ['9', '10', true, true],
    ['c', 'd', true, true],
    ['5.2', '5.4', true, false],
    ['5.2', '6.1', false, false],
    ['5.2', '5.2.1', false, false],
    ['5.2', '5.2', false, false],
  ])('%s then %s: sibling %s, next %s', (a, b, sibling, next) => {
    expect(isSibling(a, b)).toBe(sibling);
    expect(nextInSequence(a, b)).toBe(next);
  });

  it('has no next without a number', () => {
    expect(nextInSequence('2.4', null)).toBe(false);
  });
});
