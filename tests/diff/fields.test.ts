import { describe, expect, it } from 'vitest';
import { diffRecommendations } from '../../src/diff/diff-recommendations.js';
import { nearMisses } from '../../src/diff/near-misses.js';
import { renderDiffMarkdown } from '../../src/diff/render-markdown.js';
import { nearestNote, renderDiffText } from '../../src/diff/render-text.js';
import { DIFF_SCHEMA_VERSION, DiffResult } from '../../src/model/diff.js';
import { CURRENT, report } from './reports.js';

// the fields of schema 1.1.0: numbers, pages and texts of each side, progress, near misses
describe('diff 1.1.0: what each link and unmatched item carries', () => {
  const old = report('a', [
    { number: '4.1', page: 6, text: 'Invest in ICT infrastructure and hardware. Also define the digital journey and the steps to deliver it.' },
    { number: '4.2', page: 7, text: 'Review the scrutiny function and its work programme' },
    { number: '4.3', page: null, text: 'Strengthen financial management and discipline' },
  ]);
  const neu = report('b', [
    { number: '2.1', page: 3, text: 'Invest in ICT infrastructure and hardware.', response: { progress: 'New laptops for all staff.\n\nNetwork upgraded.', status: 'Complete' } },
    { number: null, page: 3, text: 'Define the digital journey and the steps to deliver it.', response: { status: 'On track' } },
    { number: '2.2', page: 4, text: 'Review the scrutiny function and its work programme', response: { owner: 'Monitoring Officer' } },
    { number: '2.3', page: 5, text: 'Strengthen the financial team, building on the action plan recently drafted', response: { progress: 'Drafted.' } },
  ]);

  it('gives the printed numbers, pages and texts of both sides, aligned with the ids', () => {
    const r = diffRecommendations(old, neu, CURRENT);
    expect(r.schemaVersion).toBe(DIFF_SCHEMA_VERSION);
    expect(DIFF_SCHEMA_VERSION).toBe('1.1.0');
    expect(DiffResult.safeParse(r).success).toBe(true);
    const split = r.links.find((l) => l.status === 'split')!;
    expect(split).toMatchObject({
      old: ['a-4.1'],
      new: ['b-2.1', 'b-b2'],
      oldNumbers: ['4.1'],
      newNumbers: ['2.1', null],
      oldPages: [6],
      newPages: [3, 3],
      oldTexts: [old.recommendations[0]!.text],
      newTexts: ['Invest in ICT infrastructure and hardware.', 'Define the digital journey and the steps to deliver it.'],
    });
    expect(split.newText).toBe(split.newTexts.join(' '));
    const same = r.links.find((l) => l.status === 'unchanged')!;
    expect(same).toMatchObject({ oldNumbers: ['4.2'], newNumbers: ['2.2'], oldPages: [7], newPages: [4] });
  });

  it("carries the new report's progress and status for each new recommendation, null where it has neither", () => {
    const r = diffRecommendations(old, neu, CURRENT);
    expect(r.links.find((l) => l.status === 'split')!.progress).toEqual([
      { progress: 'New laptops for all staff.\n\nNetwork upgraded.', status: 'Complete' },
      { progress: null, status: 'On track' },
    ]);
    // a response with only an owner says nothing of progress
    expect(r.links.find((l) => l.status === 'unchanged')!.progress).toEqual([null]);
  });

  it('gives removed and added items their page, their nearest candidates and (added) their progress', () => {
    // 4.3 ↔ 2.3 scores 0.276: just under the default threshold of 0.3
    const r = diffRecommendations(old, neu, CURRENT);
    expect(r.removed).toEqual([{ id: 'a-4.3', number: '4.3', page: null, text: 'Strengthen financial management and discipline', candidates: [{ id: 'b-2.3', number: '2.3', score: 0.276 }] }]);
    expect(r.added).toEqual([
      {
        id: 'b-2.3',
        number: '2.3',
        page: 5,
        text: 'Strengthen the financial team, building on the action plan recently drafted',
        progress: { progress: 'Drafted.', status: null },
        candidates: [{ id: 'a-4.3', number: '4.3', score: 0.276 }],
      },
    ]);
    // just under the threshold, and then linked
    expect(diffRecommendations(old, neu, { ...CURRENT, threshold: 0.27 }).links.find((l) => l.old[0] === 'a-4.3')).toMatchObject({ new: ['b-2.3'], score: 0.276 });
  });

  it('lists up to 3 candidates, best score first, then by id; a partner linked elsewhere counts; nothing that shares no word', () => {
    const a = report('a', ['Publish the council plan and the budget', 'Refresh the council plan', 'Agree the council budget', 'Refresh the budget plan', 'Plant more trees']);
    const b = report('b', ['Refresh the council plan', 'Publish the annual report']);
    const r = diffRecommendations(a, b, CURRENT);
    expect(r.links.map((l) => [l.old, l.new])).toEqual([
      [['a-b1'], ['b-b2']],
      [['a-b2'], ['b-b1']],
    ]);
    const removed = Object.fromEntries(r.removed.map((x) => [x.id, x.candidates]));
    // a-b4 shares 'refresh' and 'plan' with b-b1, which went to its exact match a-b2
    expect(removed['a-b4']!.map((c) => c.id)).toEqual(['b-b1']);
    expect(removed['a-b4']![0]!.score).toBeGreaterThanOrEqual(r.threshold);
    expect(removed['a-b5']).toEqual([]);
    for (const list of Object.values(removed)) {
      expect(list.length).toBeLessThanOrEqual(3);
      expect([...list].sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))).toEqual(list);
    }
  });

  it('breaks equal scores by id, in code-unit order, and keeps the best 3', () => {
    const v = new Map([['x', 1]]);
    const others = ['d', 'B', 'c', 'a'].map((id) => ({ id, number: null, vector: new Map([['x', 1]]) }));
    expect(nearMisses(v, others).map((c) => c.id)).toEqual(['B', 'a', 'c']);
    expect(nearMisses(v, others)[0]).toEqual({ id: 'B', number: null, score: 1 });
    expect(nearMisses(v, [{ id: 'z', number: '1', vector: new Map([['y', 1]]) }])).toEqual([]);
  });

  it('names the nearest candidates in the text and Markdown outputs', () => {
    const r = diffRecommendations(old, neu, CURRENT);
    expect(nearestNote(r.removed[0]!.candidates)).toBe('(nearest: b-2.3 at 0.28)');
    expect(nearestNote([])).toBe('');
    const text = renderDiffText(r, 0);
    expect(text).toContain('  - a-4.3  Strengthen financial management and discipline  (nearest: b-2.3 at 0.28)\n');
    expect(text).toContain('  + b-2.3  Strengthen the financial team, building on the action plan recently drafted  (nearest: a-4.3 at 0.28)\n');
    expect(renderDiffMarkdown(r)).toContain('- **a-4.3** Strengthen financial management and discipline _(nearest: b-2.3 at 0.28)_');
  });
});
