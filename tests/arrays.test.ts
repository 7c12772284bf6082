import { describe, expect, it } from 'vitest';
import { appendAll, maxOf, minOf } from '../src/arrays.js';

describe('folds over input-sized arrays', () => {
  const many = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);

  it('agree with Math.max and Math.min where those work', () => {
    for (const xs of [[3, 1, 2], [-5], [0, -0], [Infinity, 1], [-Infinity], [2, NaN, 1]]) {
      expect(maxOf(xs)).toBe(Math.max(...xs));
      expect(minOf(xs)).toBe(Math.min(...xs));
    }
    expect(maxOf([])).toBe(-Infinity);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([], 0)).toBe(0);
  });

  it('take a million items, where a spread overflows the stack', () => {
    expect(() => Math.max(...many)).toThrow(RangeError);
    expect(maxOf(many)).toBe(many.reduce((a, b) => (b > a ? b : a)));
    expect(minOf(many)).toBe(0);
    const target = [1];
    expect(() => target.push(...many)).toThrow(RangeError);
    expect(appendAll(target, many)).toHaveLength(1 + many.length);
    expect(target[many.length]).toBe(many[many.length - 1]);
  });
});
