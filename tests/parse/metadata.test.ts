import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/parse/text.js';
import { h, p, parseBlocks, table, title } from './blocks.js';

const meta = (blocks: Parameters<typeof parseBlocks>[0]) => parseBlocks(blocks).value.meta;

describe('metadata', () => {
  it('reads a CPC feedback report: kind, council, year and visit dates', () => {
    expect(meta([
      title('LGA Corporate Peer Challenge'),
      p('Royal Borough of Kingston upon Thames'),
      p('27 – 30 September 2022'),
      h('1. Executive summary'),
      p('The Royal Borough of Kingston upon Thames received an LGA Corporate Peer Challenge from 27 to 30 September 2022. The peer team met staff.'),
      h('2. Key recommendations'),
      p('The peer team’s key recommendations to the council are:'),
    ])).toEqual({
      title: 'LGA Corporate Peer Challenge',
      kind: 'cpc-feedback',
      councils: ['Royal Borough of Kingston upon Thames'],
      year: 2022,
      dates: { visitStart: '2022-09-27', visitEnd: '2022-09-30', report: '2022-09-27', meeting: null },
    });
  });

  it('reads a follow-up visit, a joint report, and the year of the follow-up', () => {
    const m = meta([
      title('Corporate Peer Challenge: Follow Up Visit'),
      p('Eastshire District Council and Westtown Borough Council'),
      h('1. Introduction'),
      p('The councils received an LGA Corporate Peer Challenge in March 2019. The follow up visit on 3rd and 4th November 2021 looked at progress.'),
    ]);
    expect(m).toMatchObject({ kind: 'cpc-follow-up', year: 2021, dates: { visitStart: '2021-11-03', visitEnd: '2021-11-04' } });
    expect(m.councils).toEqual(['Eastshire District Council', 'Westtown Borough Council']);
  });

  it('reads a council report from its front sheet, with the meeting date and the challenge it reports on', () => {
    const m = meta([
      table([
        ['Meeting:', 'CABINET'],
        ['Meeting date:', '5 July 2023'],
        ['Title of report:', 'Corporate Peer Challenge Action Plan'],
        ['Report by:', 'Leader of the Council'],
      ]),
      h('1. Background'),
      p('In January 2023 Northshire County Council received a Corporate Peer Challenge from the LGA. Northshire County Council thanks the team.'),
    ]);
    expect(m).toMatchObject({ kind: 'council-report', title: 'Corporate Peer Challenge Action Plan', councils: ['Northshire County Council'], year: 2023, dates: { meeting: '2023-07-05' } });
  });

  it("takes the year from the title page's date when no sentence says when the challenge took place, not from a target year", () => {
    const got = meta([
      title('LGA Finance Peer Review'),
      p('Corringdon District Council'),
      p('8 – 10 November 2022'),
      p('Feedback report'),
      h('1. Executive summary'),
      p('The peer team found a council with a clear grip on its finances. The council should extend its medium term financial strategy to March 2024 and refresh it by the end of 2024.'),
    ]);
    expect(got.year).toBe(2022);
  });

  it('takes a challenge "between" two dates for the visit, over an earlier one the text recalls', () => {
    const got = meta([
      title('Fire Peer Challenge: Marlshire Fire and Rescue Service'),
      h('1. Introduction'),
      p('Marlshire Fire and Rescue Service invited the LGA to carry out a fire peer challenge between Tuesday 3 and Friday 6 October 2023. The service last had a peer challenge in 2017, before the first round of inspections.'),
    ]);
    expect(got.year).toBe(2023);
    expect(got.dates.visitStart).toBe('2023-10-03');
  });

  it('warns when it cannot tell the kind, council or year', () => {
    const { messages } = parseBlocks([p('A note about the weather and nothing else at all in it.')]);
    expect(messages.map((m) => m.code)).toEqual(expect.arrayContaining(['metadata/kind-unknown', 'metadata/council-unknown', 'metadata/year-unknown']));
  });
});

describe('findDates', () => {
  it.each([
    ['13 October 2021', '2021-10-13', '2021-10-13'],
    ['Wednesday 14 December 2022', '2022-12-14', '2022-12-14'],
    ['on 24th and 25th February 2020', '2020-02-24', '2020-02-25'],
    ['during the period 27- 30 March 2017', '2017-03-27', '2017-03-30'],
    ['from Tuesday 22 to Friday 25 March 2022', '2022-03-22', '2022-03-25'],
    ['on 1 Sept 2019', '2019-09-01', '2019-09-01'],
  ])('%s', (text, start, end) => {
    expect(findDates(text)[0]).toMatchObject({ start, end });
  });

  it('ignores impossible dates', () => {
    expect(findDates('31 February 2020')).toEqual([]);
  });

  it('takes no year outside 1990–2099, which the schema would refuse (a digit flipped: found by the fuzzer)', () => {
    expect(findDates('from Tuesday 22 to Friday 25 March 2822')).toEqual([]);
    for (const year of ['2822', '1985']) {
      const m = meta([
        title('Anytown Borough Council – LGA Corporate Peer Challenge Feedback Report'),
        p(`Anytown Borough Council received an LGA Corporate Peer Challenge from 7 to 10 March ${year}. The council was formed in April 1974.`),
      ]);
      expect(m.year).toBeNull();
    }
  });

  it('takes the date the verb of a happened visit leads to, when a sentence gives several', () => {
    const m = meta([
      table([
        ['Meeting:', 'Overview and Scrutiny Committee'],
        ['Meeting date:', '9 September 2019'],
        ['Report by:', 'Chief Executive'],
      ]),
      h('1. Purpose of the report'),
      p('1.1 The Corporate Peer Challenge of Anytown Borough Council, which took place from Tuesday 13 to Friday 16 November 2018, led to the action plan that Cabinet agreed on 12 February 2019.'),
    ]);
    expect(m).toMatchObject({ kind: 'council-report', year: 2018, dates: { visitStart: '2018-11-13', visitEnd: '2018-11-16', meeting: '2019-09-09' } });
  });

  it("takes a title page's visit days for the visit a revisit reports, over the earlier revisit it recalls", () => {
    const m = meta([
      title('LGA Corporate Peer Challenge Revisit: Anytown Borough Council'),
      p('Tuesday 22 and Wednesday 23 November 2022'),
      h('1. Introduction'),
      p('A revisit took place on Tuesday 11 and Wednesday 12 June 2019. The council invited the LGA back to assess progress.'),
    ]);
    expect(m).toMatchObject({ kind: 'cpc-follow-up', year: 2022, dates: { visitStart: '2022-11-22', visitEnd: '2022-11-23' } });
  });

  it.each([
    ['its own domain', 'Contact: Jo Smith, Policy Officer, jo.smith@anyshire.gov.uk', 'Anyshire County Council'],
    ['the place the text names most', 'Anyshire and its districts work together; Anyshire residents expect it.', 'Anyshire County Council'],
  ])("reads the council from the acronym it gives itself (ACC) and %s, over a council named in passing", (_name, line, want) => {
    const m = meta([
      table([
        ['From:', 'The Leader'],
        ['To:', 'County Council – 13 March 2025'],
        ['Subject:', 'Devolution update'],
      ]),
      h('1. Background'),
      p('ACC will report again. The County Council agreed the approach, and ACC has consulted widely.'),
      p(line),
      h('2. Partners'),
      p('The proposals were discussed with Otherton Borough Council in January.'),
    ]);
    expect(m).toMatchObject({ kind: 'council-report', councils: [want] });
  });
});
