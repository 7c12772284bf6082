import { describe, expect, it } from 'vitest';
import { RECOGNISERS, recogniseAll } from '../../src/parse/index.js';
import { parseDoc } from '../../src/parse/doc.js';
import { peersRecogniser } from '../../src/parse/peers.js';
import { h, li, p, title } from './blocks.js';
import type { Block } from '../../src/layout/blocks.js';

function run(blocks: Block[]) {
  blocks.forEach((b, i) => (b.index = i));
  return recogniseAll({ blocks, furniture: [], toc: [] }, 'docx');
}

const report = (): Block[] => [
  title('Anytown Borough Council – LGA Corporate Peer Challenge Feedback Report'),
  h('1. Executive summary'),
  p('Anytown Borough Council received an LGA Corporate Peer Challenge from 7 to 10 March 2023. The peer team met over 100 people.'),
  h('2. Key recommendations'),
  p('The peer team makes the following key recommendations to the council:'),
  li('Refresh the council plan so that priorities are clear', '1.'),
  li('Invest in the scrutiny function', '2.'),
  h('3. The peer team'),
  li('Jo Bloggs – Chief Executive, Othertown District Council'),
  li('Sam Smith – LGA Peer Challenge Manager'),
];

describe('recogniser registry', () => {
  it('runs sections first, then peers, metadata, decisions and recommendations', () => {
    expect(RECOGNISERS.map((r) => r.id)).toEqual(['sections', 'peers', 'metadata', 'decisions', 'recommendations']);
  });

  it('records which recogniser took each block, and by which rule', () => {
    const { claims, messages } = run(report());
    const table = [...claims.entries()].sort((a, b) => a[0] - b[0]).map(([i, c]) => [i, c.by, c.rule]);
    expect(table).toEqual([
      [1, 'sections', 'heading'],
      [3, 'sections', 'heading'],
      [5, 'recommendations', 'lead-in-list'],
      [6, 'recommendations', 'lead-in-list'],
      [7, 'sections', 'heading'],
      [8, 'peers', 'entry'],
      [9, 'peers', 'entry'],
    ]);
    expect(messages).toEqual([]);
  });

  it('gives a recogniser what the earlier ones found, and nothing of theirs but their claims', () => {
    const { found } = run(report());
    expect(found.sections.sections.map((s) => s.number)).toEqual(['1', '2', '3']);
    expect(found.peers.map((x) => x.name)).toEqual(['Jo Bloggs', 'Sam Smith']);
    expect(found.metadata.year).toBe(2023);
    expect(found.recommendations.map((r) => r.number)).toEqual(['1', '2']);
  });

  it('runs a recogniser on its own over a parse document', () => {
    const blocks = report();
    blocks.forEach((b, i) => (b.index = i));
    const out = peersRecogniser.recognise(parseDoc('docx', blocks, new Map([[7, { by: 'sections', rule: 'heading' }]]), undefined), {}, {});
    expect(out.value.map((x) => x.organisation)).toEqual(['Othertown District Council', 'LGA']);
    expect([...out.claims.keys()]).toEqual([8, 9]);
    expect(out.messages).toEqual([]);
  });

  it('refuses to run a recogniser before the one it reads', () => {
    const blocks = report();
    const doc = parseDoc('docx', blocks, new Map(), undefined);
    const recommendations = RECOGNISERS.find((r) => r.id === 'recommendations')!;
    expect(() => recommendations.recognise(doc, {}, {})).toThrow(/metadata recogniser must run earlier/);
  });
});
