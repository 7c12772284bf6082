/** What the recommendation candidate finders produce and the merge consumes. */
import type { Block } from '../../layout/blocks.js';
import type { Cycle, Response } from '../../model/report.js';
import type { Scored } from '../cues/index.js';

export interface Candidate {
  zone: number;
  /** the evidence rule: which structure the candidate was read from */
  rule: string;
  text: string;
  number: string | null;
  /** numbers a restating heading covers ("Recommendations 1 and 2") */
  covers: string[];
  block: Block;
  response: Response | null;
}

/** One set of recommendations: a lead-in's list, a section's, a table's. */
export interface Zone {
  id: number;
  /** block the cycle is read from (lead-in, heading or table) */
  anchor: number;
  /** text that tells the cycle: the lead-in sentence and the headings above */
  context: string;
  cycle: Cycle;
  year: number | null;
  annex: boolean;
  stated: number | null;
  /** the cues that made it a set of recommendations */
  score: Scored;
  items: Candidate[];
}

export const emptyResponse = (): Response => ({ progress: null, nextSteps: null, status: null, owner: null, due: null });

export function mergeResponse(a: Response | null, b: Response | null): Response | null {
  if (!a) return b;
  if (!b) return a;
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Response)[]) out[k] ??= b[k];
  return out;
}
