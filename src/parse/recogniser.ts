/**
 * One recogniser interface: `{ id, recognise(doc, found, options) }`, each a pure function of the
 * parse document and what the recognisers before it found, returning its value, its messages and
 * the blocks it claims.
 */
import type { Message } from '../diagnostics.js';
import type { Peer, Recommendation, ReportMeta, RequestedDecision } from '../model/report.js';
import type { ParseDoc, RecogniserId, SectionTree } from './doc.js';

/** What each recogniser finds, by its id. */
export interface Found {
  sections: SectionTree;
  peers: Peer[];
  metadata: ReportMeta;
  decisions: RequestedDecision[];
  recommendations: Recommendation[];
}

export interface ParseOptions {
  /** the score a recommendation candidate needs to be kept (default `RECOMMENDATION_THRESHOLD`) */
  recommendationThreshold?: number;
}

export interface Recognised<K extends RecogniserId> {
  value: Found[K];
  messages: Message[];
  /** block index → the rule that took it */
  claims: ReadonlyMap<number, string>;
}

export interface Recogniser<K extends RecogniserId> {
  id: K;
  recognise(doc: ParseDoc, found: Readonly<Partial<Found>>, options: Readonly<ParseOptions>): Recognised<K>;
}

/** What an earlier recogniser found; the registry's order guarantees it is there. */
export function earlier<K extends RecogniserId>(found: Readonly<Partial<Found>>, id: K): Found[K] {
  const v = found[id];
  if (v === undefined) throw new Error(`internal error: the ${id} recogniser must run earlier`);
  return v as Found[K];
}
