import { describe, expect, it } from 'vitest';
import { addTally, detail, emptyTally, score, type Gold } from '../../bench/score.js';
import type { Report } from '../../src/model/report.js';

const gold: Gold = {
  document: 'x',
  kind: 'cpc-feedback',
  councils: ['Anytown Borough Council'],
  year: 2023,
  title: null,
  peerTeam: [{ name: 'Jane Smith', role: null, organisation: null }],
  sections: [{ number: '1', title: 'Introduction', level: 1 }],
  recommendations: [
    { number: '1', cycle: 'current', year: 2023, text: 'Refresh the council plan so that its priorities are clear' },
    { number: '2', cycle: 'current', year: 2023, text: 'Invest in the scrutiny function and its support' },
  ],
  requestedDecisions: [],
};

/** a report as the pipeline writes it, with only the fields scoring reads */
const report = (recs: { number: string; text: string }[], peers: string[]): Report =>
  ({
    report: { kind: 'cpc-feedback', councils: ['Anytown Borough Council'], year: 2023 },
    sections: [{ number: '1', title: 'Introduction' }],
    peerTeam: peers.map((name) => ({ name })),
    recommendations: recs.map((r) => ({ ...r, cycle: 'current' })),
  }) as unknown as Report; // a partial report: scoring reads these fields only

describe('accuracy scoring (bench/score.ts, the rules of score.mjs)', () => {
  it('gives precision, recall and F1 per field, and adds tallies', () => {
    const a = emptyTally();
    score(gold, report([{ number: '1', text: 'Refresh the council plan so that its priorities are clear' }, { number: '7', text: 'Something else entirely, not in the gold' }], ['Jane Smith']), a, 'a');
    const d = detail(a);
    expect(d.recommendations).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, exactText: 1, numbers: 1 });
    expect(d.peers).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(d.metadata).toBe(1);
    const b = emptyTally();
    score(gold, report([{ number: '2', text: 'Invest in the scrutiny function and its support' }], []), b, 'b');
    const sum = emptyTally();
    addTally(sum, a);
    addTally(sum, b);
    expect(detail(sum).recommendations).toMatchObject({ precision: 2 / 3, recall: 0.5 });
    expect(detail(sum).peers).toMatchObject({ precision: 1, recall: 0.5 });
    expect(sum.misses).toEqual([...a.misses, ...b.misses]);
  });
});
