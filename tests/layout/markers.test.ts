import { describe, expect, it } from 'vitest';
import { isBareMarker, matchMarker } from '../../src/layout/markers.js';

describe('matchMarker', () => {
  it.each([
    ['• Develop a plan', 'bullet', '•', 'Develop a plan'],
    ['– Review policy', 'bullet', '•', 'Review policy'],
    ['- item', 'bullet', '•', 'item'],
    ['2.1 In light of', 'multilevel', '2.1', 'In light of'],
    ['4.3.2 Detail', 'multilevel', '4.3.2', 'Detail'],
    ['1.0 Introduction', 'multilevel', '1.0', 'Introduction'],
    ['10. Utilise expertise', 'decimal', '10.', 'Utilise expertise'],
    ['5.Accelerate a team', 'decimal', '5.', 'Accelerate a team'],
    ['(iv) Financial planning', 'paren', '(iv)', 'Financial planning'],
    ['(a) eliminate', 'paren', '(a)', 'eliminate'],
    ['b) second', 'letter', 'b)', 'second'],
    ['1 Introduction', 'bare', '1', 'Introduction'],
  ])('%s → %s %s', (text, kind, marker, rest) => {
    expect(matchMarker(text)).toEqual({ kind, marker, rest });
  });

  it.each(['2018 Corporate Peer Challenge', '£7.5m of savings', '24th and 25th February', 'Recommendation 3 - develop', 'o rather than'])('finds no marker in %s', (text) => {
    expect(matchMarker(text)).toBeNull();
  });

  it('knows a lone marker', () => {
    expect(isBareMarker('•')).toBe(true);
    expect(isBareMarker('2.5')).toBe(true);
    expect(isBareMarker('Text')).toBe(false);
  });
});
