import { describe, expect, it } from 'vitest';
import { textBlock } from '../../src/layout/blocks.js';
import { h, li, p, parseBlocks, table, title } from './blocks.js';

const recs = (blocks: Parameters<typeof parseBlocks>[0]) => parseBlocks(blocks).value.recommendations;
const brief = (blocks: Parameters<typeof parseBlocks>[0]) => recs(blocks).map((r) => [r.cycle, r.year, r.number, r.text]);

/** A council report's front sheet, so the kind is known. */
const councilReport = () => p('Report to Cabinet. Meeting date: 5 July 2023. Report by: the Leader. Wards: all.');

/** A CPC feedback report's opening, so kind and year are known. */
const feedback = (year = 2023) => [
  title('Anytown Borough Council – LGA Corporate Peer Challenge Feedback Report'),
  h('1. Executive summary'),
  p(`Anytown Borough Council received an LGA Corporate Peer Challenge from 7 to 10 March ${year}. The peer team met over 100 people.`),
];

describe('recommendations', () => {
  it('takes numbered paragraphs after a key-recommendations lead-in (1.0-style numbering too)', () => {
    expect(brief([
      ...feedback(),
      h('2.0 Key recommendations'),
      p('The peer team makes the following key recommendations to the council:'),
      p('2.1 Refresh the council plan so that priorities are clear.'),
      p('2.2 Invest in the scrutiny function.'),
      h('3.0 Summary of the approach'),
      p('The peers were selected on the basis of their experience and expertise in local government.'),
    ])).toEqual([
      ['current', 2023, '2.1', 'Refresh the council plan so that priorities are clear.'],
      ['current', 2023, '2.2', 'Invest in the scrutiny function.'],
    ]);
  });

  it('reads a list on past a pull quote set among its items', () => {
    expect(brief([
      ...feedback(),
      h('2. Key recommendations'),
      p('The peer team makes the following key recommendations to the council:'),
      li('Refresh the council plan so that priorities are clear', '1.'),
      textBlock('aside', '"The council has always been there when we needed it." – partner'),
      li('Invest in the scrutiny function', '2.'),
      h('3. Summary of the approach'),
      p('The peers were selected on the basis of their experience and expertise in local government.'),
    ]).map((r) => r[2])).toEqual(['1', '2']);
  });

  it('keeps a numbered recommendation whole when a page break left its text in two paragraphs', () => {
    // numbered recommendations long enough to be body text, not numbered headings
    const LONG = 'This will help the council to focus its capacity on the priorities that matter most to residents, to make the best use of its reduced resources and to show partners and staff where it is heading over the next four years.';
    expect(brief([
      ...feedback(),
      h('2. Key recommendations'),
      p('The following are the peer team\'s key recommendations to the council:'),
      p(`2.1 Prioritise the objectives that matter most. ${LONG}`),
      p('2.2 Continue to improve performance management and consider where further structural alignment of those in these functions is needed. Judge success by the quality, timing, engagement and targeted nature of the decisions made possible, both across the council and in its work with partners, and by the outcomes.'),
      p('Especially in more challenging areas. Key to this is the ability to challenge service performance as well as the monitoring of strategic outcomes.'),
      p(`2.3 Complete the review of the finance function. ${LONG}`),
      h('3. Summary of the approach'),
      p('The peers were selected on the basis of their experience and expertise in local government.'),
    ]).map((r) => r[2])).toEqual(['2.1', '2.2', '2.3']);
  });

  it("keeps an item's further paragraphs and the bullets under lettered items out of its text, as its response", () => {
    const further = (text: string) => textBlock('list-item', text, { marker: null, level: 0 });
    const got = recs([
      ...feedback(),
      h('2. Key recommendations'),
      li('Develop a clear and compelling long-term vision for the borough', '(a)'),
      further('Status: Amber'),
      further('Lead officer: Strategic Director (Place)'),
      further('A series of three visioning workshops was held.'),
      li('Refresh the corporate plan with fewer objectives', '(b)'),
      li('Status: Green'),
      li('The refreshed plan was approved in July.'),
      h('3. Next steps'),
      p('The LGA will continue to support the council over the coming months and years ahead.'),
    ]);
    expect(got.map((r) => [r.number, r.text])).toEqual([
      ['a', 'Develop a clear and compelling long-term vision for the borough'],
      ['b', 'Refresh the corporate plan with fewer objectives'],
    ]);
    expect(got[0]!.response).toMatchObject({ status: 'Amber', owner: 'Strategic Director (Place)', progress: 'A series of three visioning workshops was held.' });
    expect(got[1]!.response).toMatchObject({ status: 'Green', progress: 'The refreshed plan was approved in July.' });
  });

  it('takes bullets under a "Key recommendations" heading and folds their sub-bullets in', () => {
    expect(brief([
      ...feedback(),
      h('2. Key recommendations'),
      li('Develop a medium-term financial strategy'),
      li('covering the next four years', '•', 1),
      li('Strengthen the corporate core'),
      h('3. Next steps'),
      p('The LGA will continue to support the council over the coming months and years ahead.'),
    ])).toEqual([
      ['current', 2023, null, 'Develop a medium-term financial strategy covering the next four years'],
      ['current', 2023, null, 'Strengthen the corporate core'],
    ]);
  });

  it('keeps "Recommendation N -" numbering and the title before an explaining dash', () => {
    const r = recs([
      ...feedback(),
      h('2. Recommendations'),
      p('The peer team recommends the council:'),
      li('Agree a single vision for the borough with partners – the current plans pull in different directions and partners are unsure which one leads.', '1.'),
      li('Review the senior structure', '2.'),
    ]);
    expect(r.map((x) => [x.id, x.number, x.title])).toEqual([
      ['2023-1', '1', 'Agree a single vision for the borough with partners'],
      ['2023-2', '2', null],
    ]);
  });

  it('reads an earlier challenge from a year or "original" in the lead-in or heading', () => {
    expect(brief([
      ...feedback(2023),
      h('2. Progress since 2019'),
      p('The 2019 peer challenge recommended that the council:'),
      li('Adopt a new corporate plan'),
      p('Our key recommendations from this visit are as follows:'),
      li('Embed the new corporate plan', '1.'),
      h('Annex A – Recommendations from the original peer challenge'),
      li('Review the member development programme', '1.'),
    ])).toEqual([
      ['current', 2023, '1', 'Embed the new corporate plan'],
      ['previous', 2019, null, 'Adopt a new corporate plan'],
      ['previous', 2019, '1', 'Review the member development programme'],
    ]);
  });

  it('makes an action-plan table into recommendations with their response columns', () => {
    const r = recs([
      ...feedback(),
      h('4. Action plan'),
      table([
        ['Recommendation', 'Action', 'Owner', 'Due date', 'RAG status'],
        ['1. Refresh the council plan', 'Workshops with members in May', 'Chief Executive', 'June 2023', 'Green'],
        ['2. Invest in scrutiny', 'Training for the committee', 'Monitoring Officer', 'Sept 2023', 'Amber'],
      ]),
    ]);
    expect(r.map((x) => [x.number, x.text, x.evidence.rule, x.response])).toEqual([
      ['1', 'Refresh the council plan', 'table-row', { progress: null, nextSteps: null, status: 'Green', owner: 'Chief Executive', due: 'June 2023' }],
      ['2', 'Invest in scrutiny', 'table-row', { progress: null, nextSteps: null, status: 'Amber', owner: 'Monitoring Officer', due: 'Sept 2023' }],
    ]);
  });

  it('merges a table row that restates a recommendation into it, lending its response', () => {
    const r = recs([
      ...feedback(),
      h('2. Key recommendations'),
      p('The peers recommend that the council:'),
      li('Develop a clear narrative of place and ambition.'),
      h('3. Progress'),
      table([
        ['LGA recommendation', 'Progress made', 'Next steps'],
        ['1. Develop a clear narrative of place and your ambition', 'A narrative was agreed', 'Refresh it in 2024'],
      ]),
    ]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ number: null, text: 'Develop a clear narrative of place and ambition.', response: { progress: 'A narrative was agreed', nextSteps: 'Refresh it in 2024' } });
  });

  it('keeps one record when an executive-summary bullet summarises a full statement', () => {
    const r = recs([
      ...feedback(),
      p('In summary, the peer team recommends the council:'),
      li('Prioritise its objectives'),
      h('2. Key recommendations'),
      p('The peer team recommends the council:'),
      li('Prioritise its objectives and actions again, given the number of competing pressures it now faces.', '1.'),
    ]);
    expect(r.map((x) => x.text)).toEqual(['Prioritise its objectives and actions again, given the number of competing pressures it now faces.']);
  });

  it('never takes what the committee is asked to decide', () => {
    const out = parseBlocks([
      councilReport(),
      h('Recommendations'),
      p('Cabinet is recommended to:'),
      li('Note the peer challenge feedback report'),
      li('Approve the action plan'),
    ]).value;
    expect(out.recommendations).toEqual([]);
    expect(out.requestedDecisions.map((d) => [d.text, d.body])).toEqual([
      ['Note the peer challenge feedback report', 'Cabinet'],
      ['Approve the action plan', 'Cabinet'],
    ]);
  });

  it('warns when a stated count differs from the list found, and on a numbering gap', () => {
    const { value, messages } = parseBlocks([
      ...feedback(),
      h('2. Key recommendations'),
      p('The peer team made five key recommendations:'),
      li('One thing', '1.'),
      li('Another thing', '2.'),
      li('A third thing', '4.'),
    ]);
    expect(value.recommendations).toHaveLength(3);
    expect(messages.filter((m) => m.severity === 'warning').map((m) => m.code).sort()).toEqual(['recommendations/count-mismatch', 'recommendations/numbering-gap']);
  });

  it('treats the recommendations a progress review revisits as the current cycle', () => {
    const r = recs([
      title('LGA Corporate Peer Challenge – Progress Review'),
      h('1. Introduction'),
      p('The council undertook an LGA Corporate Peer Challenge from 6 to 9 June 2022 and published an action plan.'),
      p('The review focussed on each of the recommendations from the council’s previous CPC:'),
      li('Refresh the corporate plan', '1.'),
    ]);
    expect(r.map((x) => [x.cycle, x.year])).toEqual([['current', 2022]]);
  });

  it('takes no requested decision from a bare list marker (a damaged list: found by the fuzzer)', () => {
    const out = parseBlocks([
      councilReport(),
      h('Recommendations'),
      p('Cabinet is recommended to:'),
      li('Note the peer challenge feedback report'),
      li(''),
      li('Approve the action plan'),
    ]).value;
    expect(out.requestedDecisions.map((d) => d.text)).toEqual(['Note the peer challenge feedback report', 'Approve the action plan']);
  });

  it('takes nothing from a bare list marker (a damaged list: found by the fuzzer)', () => {
    const { value, messages } = parseBlocks([
      ...feedback(),
      h('2. Key recommendations'),
      p('The peer team recommend the council now focus on:'),
      li('Be clear about how you identify priorities', '1.'),
      li('', '2.'),
      li('Review council procedures', '3.'),
    ]);
    expect(value.recommendations.map((r) => [r.number, r.text])).toEqual([['1', 'Be clear about how you identify priorities'], ['3', 'Review council procedures']]);
    expect(messages.map((m) => m.code)).toContain('recommendations/numbering-gap');
  });

  it.each([
    ['"R1:" labels', ['R1: Agree a programme of savings that closes the gap.', 'R2: Extend the financial strategy to five years.'], [['R1', 'Agree a programme of savings that closes the gap.'], ['R2', 'Extend the financial strategy to five years.']]],
    ['"Recommendation 3:" labels', ['Recommendation 1: Agree a programme of savings.', 'Recommendation 2 – Extend the financial strategy.'], [['1', 'Agree a programme of savings.'], ['2', 'Extend the financial strategy.']]],
  ])('takes paragraphs opening with a label as items: %s', (_name, paras, want) => {
    const { value, messages } = parseBlocks([
      ...feedback(),
      h('2. Recommendations'),
      p('The peer team has made a number of suggestions throughout this report. The recommendations below are the ones it considers most important.'),
      ...paras.map((t) => p(t)),
      h('3. Summary of the approach'),
      p('The peers were selected on the basis of their experience and expertise in local government.'),
    ]);
    expect(value.recommendations.map((r) => [r.number, r.text])).toEqual(want);
    expect(value.recommendations.map((r) => r.evidence.rule)).toEqual(['lead-in-list', 'lead-in-list']);
    expect(messages).toEqual([]);
  });

  it('reads a lead-in with no colon that points to the list right after it ("set out below")', () => {
    expect(brief([
      ...feedback(),
      h('1. Executive summary'),
      p("The peer team's recommendations are set out below. Each is discussed in more detail in the relevant section."),
      li('Establish a clear, corporate vision for growth', '1.'),
      li('Put in place a programme of training for the committee', '2.'),
      h('2. Vision'),
      p('The council has a clear commitment to growth, which the team heard from members and officers alike.'),
    ]).map((r) => r[2])).toEqual(['1', '2']);
  });

  it('does not take a paragraph that mentions recommendations below without a list after it', () => {
    expect(brief([
      ...feedback(),
      h('2. Findings'),
      p('The recommendations below reflect what the team heard. They are discussed in turn.'),
      p('The council has a strong track record of delivery across its services and partnerships.'),
    ])).toEqual([]);
  });

  it("folds the sub-points under an item ending on a colon into the item's text", () => {
    expect(brief([
      ...feedback(),
      h('2. Recommendations'),
      p('The recommendations below are the ones the team considers most important:'),
      p('R1: Agree a programme of savings.'),
      p('R2: Extend the MTFS so that it:'),
      li('models a range of scenarios;'),
      li('includes a reserves strategy.'),
      p('R3: Increase the resilience of the finance team.'),
    ]).map((r) => [r[2], r[3]])).toEqual([
      ['R1', 'Agree a programme of savings.'],
      ['R2', 'Extend the MTFS so that it: models a range of scenarios; includes a reserves strategy.'],
      ['R3', 'Increase the resilience of the finance team.'],
    ]);
  });

  it("ends a list at a paragraph of the document's own numbering (5.2 after items (a)–(b))", () => {
    const council = [
      p('Report to Cabinet. Meeting date: 5 July 2019. Report by: the Chief Executive. Wards: all.'),
      h('5. Progress against the peer challenge recommendations'),
      p('5.1 The recommendations made by the peer team are set out below, each followed by its status:'),
      li('Develop a long-term vision for the borough', '(a)'),
      li('Refresh the corporate plan', '(b)'),
      p('5.2 In summary, one of the two recommendations is rated Green and one Amber.'),
    ];
    expect(brief(council).map((r) => r[2])).toEqual(['a', 'b']);
  });

  it.each([
    ['a feedback report: its recommendations', feedback(), ['1', '2']],
    ['a council report: its decisions', [councilReport()], []],
  ])('reads a list under a bare "Recommendations" heading in %s', (_name, opening, want) => {
    expect(brief([
      ...opening,
      h('2. Recommendations'),
      li('Refresh the council plan so that priorities are clear', '1.'),
      li('Invest in the scrutiny function', '2.'),
    ]).map((r) => r[2])).toEqual(want);
  });

  it('takes no numbered paragraphs under "Reasons for the recommendations"', () => {
    expect(brief([
      councilReport(),
      h('2. Reasons for the recommendations'),
      p('2.1 Councils that receive a peer challenge are expected to publish the feedback report and an action plan.'),
      p('2.2 Regular reporting of progress to the scrutiny committee will ensure member oversight.'),
    ])).toEqual([]);
  });

  it('reads a numbering column ("Ref", "No.") and merges a restating table into the numbered list by number', () => {
    const r = recs([
      ...feedback(),
      h('2. Key recommendations'),
      p('The peer team makes the following recommendations:'),
      li('Build a single, shared narrative for the borough with partners, and use it to focus the council’s own priorities.', '1.'),
      li('Put the medium-term financial strategy on a sustainable footing before the budget is set.', '2.'),
      h('6. Summary of recommendations'),
      table([
        ['No.', 'Recommendation', 'Main theme'],
        ['1', 'A shared story of place', 'Local priorities'],
        ['2', 'Sustainable finances', 'Financial planning'],
      ]),
    ]);
    expect(r.map((x) => [x.number, x.evidence.rule])).toEqual([['1', 'lead-in-list'], ['2', 'lead-in-list']]);
  });

  it('takes the number of a table row from its "Ref" column', () => {
    const r = recs([
      councilReport(),
      h('4. Action plan'),
      table([
        ['Ref', 'Recommendation', 'Lead officer', 'RAG'],
        ['1', 'Develop a long-term place vision with partners', 'Chief Executive', 'Green'],
        ['2', 'Refresh the corporate strategy', 'Head of Policy', 'Amber'],
      ]),
    ]);
    expect(r.map((x) => [x.number, x.text, x.response?.owner, x.response?.status])).toEqual([
      ['1', 'Develop a long-term place vision with partners', 'Chief Executive', 'Green'],
      ['2', 'Refresh the corporate strategy', 'Head of Policy', 'Amber'],
    ]);
  });

  it("files each row of a table with a year column under that year's challenge", () => {
    const r = recs([
      ...feedback(2022),
      h('2. Recommendations from the 2019 revisit'),
      p('The 2019 revisit team recommended that the council should:'),
      li('Complete the rebuilding of reserves and agree a medium-term financial strategy.', '1.'),
      li('Embed the new governance arrangements by providing training for members.', '2.'),
      h('3. Recommendations from this visit'),
      p('The peer team recommends that the council:'),
      li('Agree a longer-term financial plan looking beyond three years.', '1.'),
      h('4. Progress'),
      table([
        ['Year', 'Recommendation', 'Peer team assessment'],
        ['2019', '1. Reserves and MTFS', 'Addressed'],
        ['2019', '2. Governance training', 'Partly addressed'],
      ]),
    ]);
    expect(r.map((x) => [x.cycle, x.year, x.number, x.response?.status ?? null])).toEqual([
      ['current', 2022, '1', null],
      ['previous', 2019, '1', 'Addressed'],
      ['previous', 2019, '2', 'Partly addressed'],
    ]);
  });

  it('merges a summary list into the full statements item for item, however differently worded', () => {
    const r = recs([
      councilReport(),
      h('1. Summary'),
      p('1.3 The peer team made two recommendations, which in summary concern:'),
      li('a refreshed long-term vision'),
      li('stronger overview and scrutiny'),
      h('3. The peer challenge recommendations'),
      h('3.1 Refresh the borough vision with partners and residents so that it gives a shared direction.', 2),
      p('The council accepts this recommendation and will refresh the vision in 2024.'),
      h('3.2 Strengthen the overview and scrutiny function so that it focuses on what matters most.', 2),
      p('The council accepts this recommendation and has booked a workshop.'),
    ]);
    expect(r.map((x) => [x.number, x.evidence.rule])).toEqual([['3.1', 'heading-statement'], ['3.2', 'heading-statement']]);
  });

  it('reads a heading that is only a number ("Recommendation 1") as the recommendation in the paragraph under it, the rest its response', () => {
    const { value, messages } = parseBlocks([
      title('LGA Corporate Peer Challenge – Progress Review'),
      h('1. Introduction'),
      p('Anytown Borough Council received an LGA Corporate Peer Challenge from 6 to 9 June 2022 and published an action plan.'),
      h('3. Progress review – feedback'),
      h('Recommendation 1', 2),
      p('Develop a clear vision for the borough with residents and partners.'),
      p('Progress: The council has made good progress.'),
      p('The vision is due to be adopted in the autumn.'),
      h('Recommendation 2', 2),
      p('Agree a sustainable approach to closing the budget gap.'),
      p('Progress: Some progress.'),
    ]);
    expect(value.recommendations.map((r) => [r.cycle, r.year, r.number, r.text, r.evidence.rule, r.response?.progress])).toEqual([
      ['current', 2022, '1', 'Develop a clear vision for the borough with residents and partners.', 'heading-paragraph', 'Progress: The council has made good progress.\nThe vision is due to be adopted in the autumn.'],
      ['current', 2022, '2', 'Agree a sustainable approach to closing the budget gap.', 'heading-paragraph', 'Progress: Some progress.'],
    ]);
    expect(messages).toEqual([]);
  });

  it('reads (c) after (b) as the next letter, not the numeral 100, among items with further paragraphs', () => {
    const further = (text: string) => textBlock('list-item', text, { marker: null, level: 0 });
    expect(brief([
      ...feedback(),
      h('2. Key recommendations'),
      p('The recommendations are set out below, each followed by its status:'),
      li('Develop a vision for the borough', '(a)'),
      further('Status: Amber'),
      li('Refresh the corporate plan', '(b)'),
      further('Status: Green'),
      li('Close the budget gap', '(c)'),
      further('Status: Red'),
      li('Strengthen scrutiny', '(d)'),
    ]).map((r) => [r[2], r[3]])).toEqual([['a', 'Develop a vision for the borough'], ['b', 'Refresh the corporate plan'], ['c', 'Close the budget gap'], ['d', 'Strengthen scrutiny']]);
  });
});
