import type { Message, Result } from '../diagnostics.js';
import type { Layout } from '../layout/blocks.js';
import type { InputFormat, Peer, Recommendation, ReportMeta, RequestedDecision, Section } from '../model/report.js';
import { decisionsRecogniser } from './decisions.js';
import { parseDoc, type Claim, type RecogniserId } from './doc.js';
import { metadataRecogniser } from './metadata.js';
import { peersRecogniser } from './peers.js';
import type { Found, ParseOptions, Recogniser } from './recogniser.js';
import { recommendationsRecogniser } from './recommendations/index.js';
import { sectionsRecogniser } from './sections.js';
import { appendAll } from '../arrays.js';

export type { ParseDoc, Claim, RecogniserId, SectionTree } from './doc.js';
export type { Found, ParseOptions, Recogniser, Recognised } from './recogniser.js';

export interface Parsed {
  meta: ReportMeta;
  peerTeam: Peer[];
  sections: Section[];
  recommendations: Recommendation[];
  requestedDecisions: RequestedDecision[];
}

type AnyRecogniser = { [K in RecogniserId]: Recogniser<K> }[RecogniserId];

/**
 * The recognisers in order, each a pure function of the parse document and what came before: the
 * section tree first (the others read it), then the peer team (so its employers are not taken for
 * the report's council), metadata, the committee's decisions (a council report's kind decides
 * them; they are not the peers' recommendations), and the recommendations.
 */
export const RECOGNISERS: readonly AnyRecogniser[] = [sectionsRecogniser, peersRecogniser, metadataRecogniser, decisionsRecogniser, recommendationsRecogniser];

export interface Recognition {
  found: Found;
  /** block index → the recogniser and rule that took it */
  claims: ReadonlyMap<number, Claim>;
  messages: Message[];
  /** the same messages by the recogniser that raised them */
  messagesBy: Record<RecogniserId, Message[]>;
}

/** Runs the registry over the blocks: what each recogniser found, and the blocks each claimed. */
export function recogniseAll(layout: Layout, format: InputFormat, options: ParseOptions = {}): Recognition {
  const claims = new Map<number, Claim>();
  const found: Partial<Found> = {};
  const messages: Message[] = [];
  const messagesBy = {} as Record<RecogniserId, Message[]>;
  for (const r of RECOGNISERS) {
    const doc = parseDoc(format, layout.blocks, claims, found.sections);
    const out = r.recognise(doc, found, options);
    // a block keeps its first claim: a heading restating a recommendation stays the section's heading
    for (const [i, rule] of out.claims) if (!claims.has(i)) claims.set(i, { by: r.id, rule });
    appendAll(messages, out.messages);
    messagesBy[r.id] = out.messages;
    // each recogniser fills its own key; the union of ids cannot name the pairing to the compiler
    (found as Record<RecogniserId, unknown>)[r.id] = out.value;
  }
  return { found: found as Found, claims, messages, messagesBy };
}

export function parse(layout: Layout, format: InputFormat, options: ParseOptions = {}): Result<Parsed> {
  const { found, messages } = recogniseAll(layout, format, options);
  const { sections, peers, metadata, decisions, recommendations } = found;
  return {
    value: { meta: metadata, peerTeam: peers, sections: sections.sections, recommendations, requestedDecisions: decisions },
    messages,
  };
}

/**
 * The document's outline for a reader: block index → heading level, 1 for the title (a block the
 * layout marked as the document's title), the recognised sections below it by their level.
 */
export function documentOutline(layout: Layout, format: InputFormat): Map<number, number> {
  const { found } = recogniseAll(layout, format);
  const outline = new Map<number, number>();
  const title = layout.blocks.findIndex((b) => b.kind !== 'table' && b.cues.includes('title'));
  if (title >= 0) outline.set(title, 1);
  const shift = title >= 0 ? 1 : 0;
  const { sections, sectionOf } = found.sections;
  const levels = new Map(sections.map((s) => [s.id, s.level]));
  sectionOf.forEach((id, i) => {
    // a section's heading is its first block
    if (id !== null && (i === 0 || sectionOf[i - 1] !== id) && !outline.has(i)) outline.set(i, levels.get(id)! + shift);
  });
  return outline;
}
