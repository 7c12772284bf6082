/**
 * Each recogniser, table-driven: small documents in, what it found and the messages it raised
 * (code, rule, block) out. Every case runs the whole registry, as `extract` does, so a recogniser
 * sees what the ones before it found.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/layout/blocks.js';
import { recogniseAll, type Found, type RecogniserId } from '../../src/parse/index.js';
import { h, li, p, table, title } from './blocks.js';

type Said = [code: string, rule: string | undefined, block: number | undefined];

interface Case<K extends RecogniserId> {
  name: string;
  blocks: () => Block[];
  /** the part of the value the case is about */
  value: (found: Found[K]) => unknown;
  expected: unknown;
  messages: Said[];
}

function run<K extends RecogniserId>(id: K, c: Case<K>) {
  const blocks = c.blocks();
  blocks.forEach((b, i) => (b.index = i));
  const { found, messagesBy } = recogniseAll({ blocks, furniture: [], toc: [] }, 'docx');
  return { value: c.value(found[id]), messages: messagesBy[id].map((m): Said => [m.code, m.rule, m.block]) };
}

function table_<K extends RecogniserId>(id: K, cases: Case<K>[]) {
  describe(`${id} recogniser`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
      const { value, messages } = run(id, c);
      expect(value).toEqual(c.expected);
      expect(messages).toEqual(c.messages);
    });
  });
}

const feedbackTitle = () => title('Anytown Borough Council – LGA Corporate Peer Challenge Feedback Report');
const visit = () => p('Anytown Borough Council received an LGA Corporate Peer Challenge from 7 to 10 March 2023.');

table_('sections', [
  {
    name: 'numbered headings nest by their numbers',
    blocks: () => [feedbackTitle(), h('1. Introduction'), p('Text.'), h('1.1 Background', 2), p('More text.'), h('2. Findings'), p('Text.')],
    value: (s) => s.sections.map((x) => [x.id, x.level, x.parentId]),
    expected: [['s-1', 1, null], ['s-1.1', 2, 's-1'], ['s-2', 1, null]],
    messages: [],
  },
  {
    name: 'a numbered sentence pointing to the list below it leads into the list, it is no heading',
    blocks: () => [feedbackTitle(), h('1. Progress'), p('2. The recommendations are set out below, each followed by its status.'), li('Refresh the council plan', '1.'), li('Invest in scrutiny', '2.')],
    value: (s) => s.sections.map((x) => x.title),
    expected: ['Progress'],
    messages: [],
  },
  {
    name: 'no headings at all: told so',
    blocks: () => [p('The council is asked to note the report.'), p('Nothing here is a heading of any kind, it is all prose.')],
    value: (s) => s.sections,
    expected: [],
    messages: [['sections/none-found', 'headings', undefined]],
  },
]);

table_('peers', [
  {
    name: 'a list under a peer team heading, as name – role, organisation',
    blocks: () => [feedbackTitle(), h('1. The peer team'), li('Jo Bloggs – Chief Executive, Othertown District Council'), li('Sam Smith – LGA Peer Challenge Manager')],
    value: (peers) => peers.map((x) => [x.name, x.role, x.organisation]),
    expected: [['Jo Bloggs', 'Chief Executive', 'Othertown District Council'], ['Sam Smith', 'LGA Peer Challenge Manager', 'LGA']],
    messages: [],
  },
  {
    name: 'the team in one sentence ("The peers were: A, role, organisation; and B, …")',
    blocks: () => [feedbackTitle(), p('The peers were: Cllr Ann Lee, Leader, Westshire County Council; and Raj Patel, Director of Finance, Eastby Borough Council.')],
    value: (peers) => peers.map((x) => x.name),
    expected: ['Cllr Ann Lee', 'Raj Patel'],
    messages: [],
  },
  {
    name: 'people the team met are not the team',
    blocks: () => [feedbackTitle(), p('The team met the following people during the visit:'), li('Jo Bloggs – Chief Executive, Anytown Borough Council'), li('Ann Lee – Leader of the Council')],
    value: (peers) => peers,
    expected: [],
    messages: [],
  },
  {
    name: 'a team heading with no entries under it: told so, at the heading',
    blocks: () => [feedbackTitle(), visit(), h('1. The peer team'), p('The team was drawn from councils across the region and brought a wide range of experience.')],
    value: (peers) => peers,
    expected: [],
    messages: [['peers/none-found', 'team-heading', 2]],
  },
]);

table_('metadata', [
  {
    name: 'a feedback report: kind, council and the year of the visit',
    blocks: () => [feedbackTitle(), h('1. Introduction'), visit(), p('The council should complete its plan by March 2025.')],
    value: (m) => [m.kind, m.councils, m.year, m.dates.visitStart, m.dates.visitEnd],
    expected: ['cpc-feedback', ['Anytown Borough Council'], 2023, '2023-03-07', '2023-03-10'],
    messages: [],
  },
  {
    name: "a council's own report (a memorandum front block) is a council report",
    blocks: () => [p('Subject: LGA Corporate Peer Challenge – action plan'), p('To: Cabinet – 12 June 2023'), p('Decision Number: 23/00041'), h('1. Introduction'), p('Westshire County Council received an LGA Corporate Peer Challenge in March 2023.')],
    value: (m) => [m.kind, m.councils, m.year],
    expected: ['council-report', ['Westshire County Council'], 2023],
    messages: [],
  },
  {
    name: 'a fire peer challenge: the fire and rescue service it reviews, over a council named in passing',
    blocks: () => [
      title('Fire Peer Challenge: Westmoor Fire and Rescue Service'),
      h('1. Introduction'),
      p('Westmoor Fire and Rescue Service received a fire peer challenge from 3 to 6 October 2023. The peer team met over 60 people.'),
      p('The service works closely with Westmoor County Council and with the Westmoor Fire Authority.'),
    ],
    value: (m) => [m.kind, m.councils, m.year],
    expected: ['cpc-feedback', ['Westmoor Fire and Rescue Service'], 2023],
    messages: [],
  },
  {
    name: 'nothing to go on: each unknown told by its rule',
    blocks: () => [p('Minutes of a meeting of the allotments working group.'), p('Those present discussed the water supply.')],
    value: (m) => [m.kind, m.councils, m.year],
    expected: ['unknown', [], null],
    messages: [['metadata/kind-unknown', 'kind', undefined], ['metadata/council-unknown', 'council', undefined], ['metadata/year-unknown', 'year', undefined]],
  },
]);

const councilReport = () => [p('Subject: LGA Corporate Peer Challenge – feedback'), p('To: Cabinet – 12 June 2023'), p('Decision Number: 23/00041')];

table_('decisions', [
  {
    name: 'the list after "asked to:", with the body asked',
    blocks: () => [...councilReport(), p('The Cabinet is asked to:'), li('Note the feedback from the LGA peer team'), li('Endorse the action plan at Appendix 1')],
    value: (d) => d.map((x) => [x.text, x.body]),
    expected: [['Note the feedback from the LGA peer team', 'Cabinet'], ['Endorse the action plan at Appendix 1', 'Cabinet']],
    messages: [],
  },
  {
    name: 'paragraphs numbered as decisions are ("(1) Note …")',
    blocks: () => [...councilReport(), p('Council is recommended to:'), Object.assign(p('Note the report.'), { marker: '(1)' }), Object.assign(p('Agree the action plan.'), { marker: '(2)' })],
    value: (d) => d.map((x) => x.text),
    expected: ['Note the report.', 'Agree the action plan.'],
    messages: [],
  },
  {
    name: "a council report's bare Recommendations section, with no asked-to list",
    blocks: () => [...councilReport(), h('1. Recommendations'), p('That the Cabinet notes the findings of the peer challenge.'), h('2. Background'), p('The council received a peer challenge in March 2023.')],
    value: (d) => d.map((x) => x.text),
    expected: ['That the Cabinet notes the findings of the peer challenge.'],
    messages: [],
  },
  {
    name: 'the same list on the front sheet and in the body: each decision once',
    blocks: () => [...councilReport(), p('The Cabinet is asked to:'), li('Note the feedback'), h('1. Decisions'), p('The Cabinet is asked to:'), li('Note the feedback'), li('Agree the action plan')],
    value: (d) => d.map((x) => x.text),
    expected: ['Note the feedback', 'Agree the action plan'],
    messages: [],
  },
  {
    name: 'an "asked to:" lead-in with nothing under it: told so, at the lead-in',
    blocks: () => [...councilReport(), p('The Cabinet is asked to:'), p('This report sets out the findings of the peer team.')],
    value: (d) => d,
    expected: [],
    messages: [['decisions/none-found', 'asked-to', 3]],
  },
]);

const recs = (r: Found['recommendations']) => r.map((x) => [x.number, x.evidence.rule]);

table_('recommendations', [
  {
    name: 'a lead-in that speaks of recommendations, and its numbered items',
    blocks: () => [feedbackTitle(), visit(), h('1. Key recommendations'), p('The peer team makes the following recommendations to the council:'), li('Refresh the council plan so that priorities are clear', '1.'), li('Invest in the scrutiny function', '2.')],
    value: recs,
    expected: [['1', 'lead-in-list'], ['2', 'lead-in-list']],
    messages: [],
  },
  {
    name: 'a lead-in one cue short of the threshold: not taken, and told as a close call',
    blocks: () => [feedbackTitle(), visit(), h('1. Key recommendations'), p('The team heard a great deal about the council in its four days.'), p('Its themes were explored in section 4, with:'), li('the views of partners'), li('the views of staff')],
    value: recs,
    expected: [],
    messages: [['recommendations/close-call', 'lead-in-list', 4], ['recommendations/none-found', 'finders', undefined]],
  },
  {
    name: 'the same lead-in under a recommendations heading: taken, on a close call',
    blocks: () => [feedbackTitle(), visit(), h('1. Key recommendations'), p('The council should focus on:'), li('Refresh the council plan'), li('Invest in the scrutiny function')],
    value: recs,
    expected: [[null, 'lead-in-list'], [null, 'lead-in-list']],
    messages: [['recommendations/close-call', 'lead-in-list', 3]],
  },
  {
    name: 'a stated count the list falls short of',
    blocks: () => [feedbackTitle(), visit(), h('1. Key recommendations'), p('The peer team made three recommendations:'), li('Refresh the council plan', '1.'), li('Invest in the scrutiny function', '2.')],
    value: recs,
    expected: [['1', 'lead-in-list'], ['2', 'lead-in-list']],
    messages: [['recommendations/count-mismatch', 'stated-count', 3]],
  },
  {
    name: 'a gap in the numbering, at the set it is in',
    blocks: () => [feedbackTitle(), visit(), h('1. Key recommendations'), p('The peer team recommends that the council:'), li('Refresh the council plan', '1.'), li('Invest in the scrutiny function', '3.')],
    value: recs,
    expected: [['1', 'lead-in-list'], ['3', 'lead-in-list']],
    messages: [['recommendations/numbering-gap', 'lead-in-list', 3]],
  },
  {
    name: 'table rows restating the list merge into it, lending it their progress',
    blocks: () => [
      feedbackTitle(),
      visit(),
      h('1. Key recommendations'),
      p('The peer team makes the following recommendations:'),
      li('Refresh the council plan so that priorities are clear', '1.'),
      li('Invest in the scrutiny function and its support', '2.'),
      h('2. Action plan'),
      table([['No.', 'Recommendation', 'Progress'], ['1', 'Refresh the council plan so that priorities are clear', 'Draft plan out to consultation'], ['2', 'Invest in the scrutiny function and its support', 'New scrutiny officer appointed']]),
    ],
    value: (r) => r.map((x) => [x.number, x.evidence.rule, x.response?.progress]),
    expected: [['1', 'lead-in-list', 'Draft plan out to consultation'], ['2', 'lead-in-list', 'New scrutiny officer appointed']],
    messages: [['recommendations/merged-duplicates', 'merge', undefined]],
  },
  {
    name: 'a council report with no recommendations of the peers: told so',
    blocks: () => [...councilReport(), p('The Cabinet is asked to:'), li('Note the feedback from the LGA peer team')],
    value: (r) => r,
    expected: [],
    messages: [['recommendations/none-found', 'finders', undefined]],
  },
]);

describe('recommendation evidence', () => {
  const found = (blocks: Block[]) => {
    blocks.forEach((b, i) => (b.index = i));
    return recogniseAll({ blocks, furniture: [], toc: [] }, 'docx').found.recommendations;
  };

  it('lists the cues that fired for the item and its set', () => {
    const [r] = found([feedbackTitle(), visit(), h('1. Key recommendations'), p('The peer team makes the following recommendations to the council:'), li('Develop a medium-term financial strategy', '1.')]);
    expect(r!.evidence.cues).toEqual(['lead-in:speaks-of-recommendations', 'lead-in:introduces-items', 'heading:recommendations-heading', 'item:opens-with-a-verb', 'item:numbered']);
  });

  it('rates an item with more cues for it above one with cues against it, both within [0, 1]', () => {
    const [strong, weak] = found([feedbackTitle(), visit(), h('1. Key recommendations'), p('The peer team makes the following recommendations to the council:'), li('Develop a medium-term financial strategy that closes the gap', '1.'), li('Governance?', '2.')]);
    expect(strong!.evidence.confidence).toBeGreaterThan(weak!.evidence.confidence);
    expect(weak!.evidence.cues).toEqual(expect.arrayContaining(['item:a-question', 'item:a-fragment']));
    for (const c of [strong!.evidence.confidence, weak!.evidence.confidence]) {
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it('counts a set that matches the count its lead-in states, and a restatement elsewhere', () => {
    const r = found([
      feedbackTitle(),
      visit(),
      h('1. Key recommendations'),
      p('The peer team made two recommendations:'),
      li('Refresh the council plan so that priorities are clear', '1.'),
      li('Invest in the scrutiny function and its support', '2.'),
      h('2. Action plan'),
      table([['Recommendation', 'Progress'], ['Refresh the council plan so that priorities are clear', 'Draft out']]),
    ]);
    expect(r[0]!.evidence.cues).toEqual(expect.arrayContaining(['set:count-as-stated', 'item:restated']));
    expect(r[1]!.evidence.cues).toContain('set:count-as-stated');
    expect(r[1]!.evidence.cues).not.toContain('item:restated');
  });
});
