import type { Message, Result } from '../diagnostics.js';
import type { Layout } from '../layout/blocks.js';
import type { InputFormat, Peer, Recommendation, ReportMeta, RequestedDecision, Section } from '../model/report.js';
import type { ParseContext } from './context.js';
import { recogniseSections } from './sections.js';

export interface Parsed {
  meta: ReportMeta;
  peerTeam: Peer[];
  sections: Section[];
  recommendations: Recommendation[];
  requestedDecisions: RequestedDecision[];
}

/** The recognisers in order: sections first, since the others read the section tree. */
export function parse(layout: Layout, format: InputFormat): Result<Parsed> {
  const ctx: ParseContext = { format, blocks: layout.blocks };
  const messages: Message[] = [];
  const sections = recogniseSections(ctx);
  messages.push(...sections.messages);
  const meta: ReportMeta = {
    title: null,
    kind: 'unknown',
    councils: [],
    year: null,
    dates: { visitStart: null, visitEnd: null, report: null, meeting: null },
  };
  return { value: { meta, peerTeam: [], sections: sections.value.sections, recommendations: [], requestedDecisions: [] }, messages };
}
