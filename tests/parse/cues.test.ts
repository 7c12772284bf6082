import { describe, expect, it } from 'vitest';
import { combine, score, test as fires } from '../../src/parse/cues/index.js';
import { NUMBER_ONLY_HEADING, NUMBER_ONLY_HEADING_EXAMPLE, RECOMMENDATION_LABEL, RECOMMENDATION_LABEL_EXAMPLE, STATED_COUNT, STATED_COUNT_EXAMPLE } from '../../src/parse/cues/recommendations.js';
import { CUE_TABLES } from '../../src/parse/cues/tables.js';
import { HEADING_THRESHOLD, headingScore } from '../../src/parse/recommendations/context.js';

const rows = Object.entries(CUE_TABLES).flatMap(([table, cues]) => cues.map((c) => [table, c.id, c] as const));

describe('cue tables', () => {
  it.each(rows)('%s / %s: its example fires its own pattern', (_table, _id, cue) => {
    expect(fires(cue.pattern, cue.example)).toBe(true);
    // twice in a row: a global pattern carries no position from one test to the next
    expect(fires(cue.pattern, cue.example)).toBe(true);
    expect(cue.weight).not.toBe(0);
  });

  it.each(Object.entries(CUE_TABLES))('%s: ids are unique', (_table, cues) => {
    expect(new Set(cues.map((c) => c.id)).size).toBe(cues.length);
  });

  it.each([
    [RECOMMENDATION_LABEL, RECOMMENDATION_LABEL_EXAMPLE],
    [NUMBER_ONLY_HEADING, NUMBER_ONLY_HEADING_EXAMPLE],
  ])('%s reads its example', (pattern, example) => {
    expect(pattern.test(example)).toBe(true);
  });

  it('the stated-count pattern reads its example', () => {
    STATED_COUNT.lastIndex = 0;
    expect(STATED_COUNT.exec(STATED_COUNT_EXAMPLE)?.[1]).toBe('eight');
  });
});

describe('score', () => {
  const table = [
    { id: 'a', pattern: /recommend/i, weight: 3, example: 'we recommend' },
    { id: 'b', pattern: /asked to/i, weight: -10, example: 'is asked to' },
  ];
  it.each([
    ['no cue', 'The council has a plan.', 0, []],
    ['one positive', 'We recommend that the council:', 3, ['t:a']],
    ['a negative outweighs', 'The Cabinet is asked to note the recommendations:', -7, ['t:a', 't:b']],
  ])('%s', (_name, text, total, ids) => {
    const s = score(text, table, 't');
    expect(s.total).toBe(total);
    expect(s.hits.map((h) => h.id)).toEqual(ids);
  });

  it('counts a cue once when two texts fire it', () => {
    expect(combine(score('we recommend', table), score('they recommend', table)).total).toBe(3);
  });
});

describe('recommendation heading cues by report kind', () => {
  it.each([
    ['Recommendations', 'cpc-feedback', true],
    ['Recommendations', 'council-report', false],
    ['Key recommendations', 'council-report', true],
    ['Reasons for the recommendations', 'council-report', false],
    ['Reasons for recommendations', 'cpc-feedback', false],
  ] as const)('"%s" in a %s speaks of recommendations: %s', (title, kind, want) => {
    expect(headingScore(title, kind).total >= HEADING_THRESHOLD).toBe(want);
  });
});
