import type { Message, Result } from '../diagnostics.js';
import type { Layout } from '../layout/blocks.js';
import type { InputFormat, Peer, Recommendation, ReportMeta, RequestedDecision, Section } from '../model/report.js';
import type { ParseContext } from './context.js';
import { recogniseDecisions } from './decisions.js';
import { recogniseMetadata } from './metadata.js';
import { recognisePeers } from './peers.js';
import { recogniseRecommendations } from './recommendations.js';
import { recogniseSections } from './sections.js';

export interface Parsed {
  meta: ReportMeta;
  peerTeam: Peer[];
  sections: Section[];
  recommendations: Recommendation[];
  requestedDecisions: RequestedDecision[];
}

/**
 * The recognisers in order, each a pure function of the blocks and what came before: the section
 * tree first (the others read it), then the peer team (so its employers are not taken for the
 * report's council), metadata, the committee's decisions (so they are not taken for the peers'
 * recommendations), and the recommendations.
 */
export function parse(layout: Layout, format: InputFormat): Result<Parsed> {
  const ctx: ParseContext = { format, blocks: layout.blocks };
  const messages: Message[] = [];
  const keep = <T>(r: Result<T>): T => {
    messages.push(...r.messages);
    return r.value;
  };
  const sections = keep(recogniseSections(ctx));
  const peers = keep(recognisePeers(ctx, sections));
  const meta = keep(recogniseMetadata(ctx, sections, peers));
  const decisions = keep(recogniseDecisions(ctx, sections, meta.kind));
  const recommendations = keep(recogniseRecommendations({ ctx, sections, meta, decisions, peers }));
  return {
    value: { meta, peerTeam: peers.peers, sections: sections.sections, recommendations, requestedDecisions: decisions.decisions },
    messages,
  };
}
