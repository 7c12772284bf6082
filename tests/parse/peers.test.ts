import { describe, expect, it } from 'vitest';
import { parsePeer } from '../../src/parse/peers.js';
import { h, li, p, parseBlocks } from './blocks.js';

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
});
