import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/cli/options.js';

describe('parseDuration', () => {
  it.each([
    ['60s', 60_000],
    ['1.5s', 1500],
    ['500ms', 500],
    ['2m', 120_000],
    ['2min', 120_000],
    ['1h', 3_600_000],
    ['90', 90_000],
    ['0', 0],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['soon', '-1s', '1 day', ''])('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/duration/);
  });
});
