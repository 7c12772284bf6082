import { describe, expect, it } from 'vitest';
import { textBlock } from '../../src/layout/blocks.js';
import { h, li, p, parseBlocks, title } from './blocks.js';

const outline = (blocks: Parameters<typeof parseBlocks>[0]) => parseBlocks(blocks).value.sections.map((s) => [s.level, s.number, s.title]);
const standalone = (text: string) => {
  const m = /^(\d+(?:\.\d+)*\.?)\s+(.*)$/.exec(text);
  return textBlock('paragraph', m ? m[2]! : text, { marker: m ? m[1]! : null, cues: ['standalone'] });
};

describe('sections', () => {
  it('builds the tree from numbering, with unnumbered headings under the numbered ones', () => {
    expect(outline([
      title('Anytown Council – Corporate Peer Challenge'),
      h('1.0 Introduction'),
      p('This report presents the findings of the peer team in full detail here.'),
      h('Scope and focus', 3),
      p('The team looked at the five core themes of the corporate peer challenge.'),
      h('2.0 Findings'),
      h('2.1 Leadership', 2),
      p('Leadership is strong and visible across the whole organisation now.'),
      h('Annex A'),
      li('First further recommendation', '1.'),
    ])).toEqual([
      [1, '1.0', 'Introduction'],
      [2, null, 'Scope and focus'],
      [1, '2.0', 'Findings'],
      [2, '2.1', 'Leadership'],
      [1, null, 'Annex A'],
    ]);
  });

  it('does not take a short numbered paragraph among numbered paragraphs, or one sentence before a heading, for a heading', () => {
    const body = 'The plan deliberately front-loads the actions that the peer team identified as most urgent, and the work on the budget gap starts this autumn so that the savings are in place for the next financial year.';
    expect(outline([
      h('1. The action plan'),
      p(`1.1 ${body}`),
      p('1.2 Several of the actions are linked. In particular, the strategy and the vision will be developed together.'),
      p(`1.3 ${body}`),
      h('2. Background papers'),
      p('2.1 LGA Corporate Peer Challenge Position Statement, June 2023.'),
      p('2.2 LGA Corporate Peer Challenge Feedback Report, August 2023 (Appendix B).'),
      h('Appendix A – Corporate Peer Challenge action plan'),
      p(body),
    ]).map((s) => s[2])).toEqual(['The action plan', 'Background papers', 'Appendix A – Corporate Peer Challenge action plan']);
  });

  it('does not take a numbered sentence leading into a list for a heading', () => {
    expect(outline([
      h('1. Background'),
      p('1.1 On 16 December 2024, Government published the White Paper. It sets out an ambitious agenda to reshape local government in England through:'),
      li('Broadening devolution so that all areas of England have a settlement'),
      li('Deepening devolution, through a stronger set of powers'),
      p('1.2 On the same day, the Minister wrote to council leaders setting out the next steps to take the proposals forward, including a deadline for formal requests to join the programme.'),
    ]).map((s) => s[2])).toEqual(['Background']);
  });

  it('leaves a pull quote out of the outline, however large it is set', () => {
    expect(outline([
      h('1. Feedback'),
      p('The council has a good understanding of its communities, informed by a well-used local evidence base.'),
      textBlock('aside', '"The council has always been there when we needed it." – voluntary sector partner', { cues: ['size', 'standalone'] }),
      h('2. Next steps'),
      p('The council will want to consider this report and decide how to respond to it over the coming months.'),
    ]).map((s) => s[2])).toEqual(['Feedback', 'Next steps']);
  });

  it("leaves a letter's subject line, its closing and a repeat of the title out of the outline", () => {
    const letter = (withTitle: boolean) => [
      ...(withTitle ? [title('Corporate Peer Challenge – Pendlebrook District Council')] : []),
      p('15 March 2013'),
      p('Dear Graham'),
      textBlock('heading', 'Corporate Peer Challenge – Pendlebrook District Council', { cues: ['bold', 'standalone'] }),
      p('I am writing on behalf of the peer team to thank you for inviting us into Pendlebrook to carry out the challenge.'),
      h('Background and scope of the peer challenge'),
      p('Peer challenge is at the heart of the sector-led approach to improvement that councils and the LGA have developed.'),
      standalone('Yours sincerely'),
      p('Rachel Tandy, Principal Adviser, Local Government Association, who led the arrangements for the visit.'),
    ];
    expect(outline(letter(true)).map((s) => s[2])).toEqual(['Background and scope of the peer challenge']);
    expect(outline(letter(false)).map((s) => s[2])).toEqual(['Background and scope of the peer challenge']);
  });

  it('does not take numbered prose paragraphs or numbered list items for headings', () => {
    expect(outline([
      standalone('1. Introduction'),
      p('1.1 This report presents the findings of the peer challenge and sets out the next steps for the council.'),
      p('1.2 The council asked the peer team to look at its finances and its capacity to deliver its plans.'),
      standalone('2. Recommendations'),
      p('The peer team recommends that the council:'),
      standalone('1. Prioritise clearly'),
      standalone('2. Resource accordingly'),
      standalone('3. Next steps'),
      p('The LGA will keep in touch with the council through its principal adviser.'),
    ])).toEqual([
      [1, '1', 'Introduction'],
      [1, '2', 'Recommendations'],
      [1, '3', 'Next steps'],
    ]);
  });

  it('reads "Recommendation 3 - …" lines as headings, and standalone lines only when text of their own follows', () => {
    expect(outline([
      standalone('1. Feedback'),
      p('The council has made good progress against each recommendation since the challenge.'),
      textBlock('paragraph', 'Recommendation 3 - develop a corporate performance management framework, including service plans'),
      p('Work is under way and the new system goes live in February next year for all the services.'),
      standalone('Clare Hudson'),
      standalone('Peer Challenge Manager'),
      standalone('Consultation:'),
      p('None.'),
    ])).toEqual([
      [1, '1', 'Feedback'],
      [2, null, 'Recommendation 3 - develop a corporate performance management framework, including service plans'],
      [2, null, 'Consultation'],
    ]);
  });

  it('skips dates, form fields, pull quotes, lead-ins and image descriptions', () => {
    expect(outline([
      standalone('1. Introduction'),
      standalone('Decorative graphic featuring arrows'),
      p('The peer team spent four days on site and spoke to more than a hundred people.'),
      standalone('July 2020'),
      standalone('Portfolio: Corporate'),
      standalone('“The council has really changed”'),
      standalone('Progress includes:'),
      li('A new plan'),
    ])).toEqual([[1, '1', 'Introduction']]);
  });

  it.each([
    ['ending on a colon', '2.1 The recommendations made by the peer team, each followed by its status, are these:'],
    ['pointing to the list below', '2.1 The recommendations made by the peer team are set out below, each followed by its current status.'],
  ])('does not take a numbered sentence leading into the list under it for a heading: %s', (_name, lead) => {
    expect(outline([
      h('1. Introduction'),
      p('This report presents the progress the council has made since the peer challenge.'),
      h('2. Progress against the recommendations'),
      p(lead),
      li('Develop a vision for the borough', '(a)'),
      li('Refresh the corporate plan', '(b)'),
      p('2.2 In summary, one of the two recommendations is rated Green and one Amber.'),
      h('3. Next steps'),
      p('A further progress report will be presented to this committee in March.'),
    ])).toEqual([
      [1, '1', 'Introduction'],
      [1, '2', 'Progress against the recommendations'],
      [1, '3', 'Next steps'],
    ]);
  });
});
