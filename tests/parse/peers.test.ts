import { describe, expect, it } from 'vitest';
import { parsePeer } from '../../src/parse/peers.js';
import { h, li, p, parseBlocks, table } from './blocks.js';

describe('parsePeer', () => {
  it.each([
    ['Matt Prosser, Chief Executive, Dorset Council', 'Matt Prosser', 'Chief Executive', 'Dorset Council'],
    ['Heather Greenan, Director of Policy, Insight and Communications, Derby City Council', 'Heather Greenan', 'Director of Policy, Insight and Communications', 'Derby City Council'],
    ['Raj Khera, LGA membership engagement officer', 'Raj Khera', 'LGA membership engagement officer', 'LGA'],
    ['Karen Iveson, Chief Finance Officer Selby DC and Assistant Director North Yorkshire CC', 'Karen Iveson', 'Chief Finance Officer Selby DC and Assistant Director North Yorkshire CC', 'Selby DC and North Yorkshire CC'],
    ['Claire Symonds (Managing Director – London Borough of Barking and Dagenham)', 'Claire Symonds', 'Managing Director', 'London Borough of Barking and Dagenham'],
    ['Cllr Doug Taylor (London Borough of Enfield)', 'Cllr Doug Taylor', null, 'London Borough of Enfield'],
    ['LGA Peer Challenge Manager – Dan Archer (LGA)', 'Dan Archer', 'LGA Peer Challenge Manager', 'LGA'],
    ['Vicki Goddard, Progress Review Manager, LGA.', 'Vicki Goddard', 'Progress Review Manager', 'LGA'],
    ['Councillor Jane Doe, Leader, Royal Borough of Kingston upon Thames', 'Councillor Jane Doe', 'Leader', 'Royal Borough of Kingston upon Thames'],
    ['Helen Marchbank – Chief Executive, Westerby District Council', 'Helen Marchbank', 'Chief Executive', 'Westerby District Council'],
    ['Joanne Kettering – LGA Peer Challenge Manager', 'Joanne Kettering', 'LGA Peer Challenge Manager', 'LGA'],
  ])('%s', (line, name, role, organisation) => {
    expect(parsePeer(line)).toEqual({ name, role, organisation });
  });

  it.each(['The Education Covenant, working with over 4,000 local businesses', 'Develop a plan, then deliver it'])('is not a peer: %s', (line) => {
    expect(parsePeer(line)).toBeNull();
  });
});

describe('peer team', () => {
  it('lists the peers a lead-in introduces, once each, and not the people the team met', () => {
    const { peerTeam } = parseBlocks([
      h('Peer team'),
      p('The peers who undertook the challenge were:'),
      li('Ann Smith, Chief Executive, Anytown Council'),
      li('Cllr Bob Jones, Leader, Othertown Borough Council'),
      p('The peer team had discussions with the following representatives from the council:'),
      li('Carol White, Strategic Director'),
      p('On behalf of the peer team:'),
      li('Ann Smith, Chief Executive, Anytown Council'),
    ]).value;
    expect(peerTeam.map((x) => x.name)).toEqual(['Ann Smith', 'Cllr Bob Jones']);
  });

  it('reads the team from the list under a peer team heading, past the paragraph introducing it', () => {
    const { value, messages } = parseBlocks([
      h('The peer team', 2),
      p('Peer challenges are delivered by experienced elected member and officer peers.'),
      li('Helen Marchbank – Chief Executive, Westerby District Council'),
      li('Cllr Dev Lakhani – Leader of the Council, Brantham Borough Council'),
    ]);
    expect(value.peerTeam).toEqual([
      { name: 'Helen Marchbank', role: 'Chief Executive', organisation: 'Westerby District Council' },
      { name: 'Cllr Dev Lakhani', role: 'Leader of the Council', organisation: 'Brantham Borough Council' },
    ]);
    expect(messages.filter((m) => m.code.startsWith('peers/'))).toEqual([]);
  });

  it.each([
    ['Name | Role | Organisation columns', [['Name', 'Role', 'Organisation'], ['Paul Ketteridge', 'Chief Executive', 'Marwick District Council']], { name: 'Paul Ketteridge', role: 'Chief Executive', organisation: 'Marwick District Council' }],
    ['a role column holding the organisation', [['Peer', 'Role'], ['Jonathan Greer', 'Chief Executive, Haverleigh Borough Council']], { name: 'Jonathan Greer', role: 'Chief Executive', organisation: 'Haverleigh Borough Council' }],
  ])('reads the team from a table after a lead-in: %s', (_what, rows, peer) => {
    const { peerTeam } = parseBlocks([h('Introduction'), p('The peer team comprised:'), table(rows)]).value;
    expect(peerTeam).toEqual([peer]);
  });

  it('takes no table without a column of names', () => {
    const { peerTeam } = parseBlocks([h('Introduction'), p('The peer team comprised:'), table([['Theme', 'Lead'], ['Finance', 'Chief Executive']])]).value;
    expect(peerTeam).toEqual([]);
  });

  it('reads a team listed in a sentence, entries parted by semicolons', () => {
    const { value, messages } = parseBlocks([
      h('Summary of the approach'),
      p('The review took place on 11 July 2023. The peers were: Carys Holloway, Chief Executive, Brackenthorpe District Council; Cllr Idris Mahon, Leader, Fennick Borough Council; and Samir Dattani, LGA Progress Review Manager.'),
    ]);
    expect(value.peerTeam).toEqual([
      { name: 'Carys Holloway', role: 'Chief Executive', organisation: 'Brackenthorpe District Council' },
      { name: 'Cllr Idris Mahon', role: 'Leader', organisation: 'Fennick Borough Council' },
      { name: 'Samir Dattani', role: 'LGA Progress Review Manager', organisation: 'LGA' },
    ]);
    expect(messages.filter((m) => m.code.startsWith('peers/'))).toEqual([]);
  });
});

