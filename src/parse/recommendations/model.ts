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
  /** the score it needed; null where its structure alone makes it one (a table's column, a "Recommendation 3" heading) */
  threshold: number | null;
  items: Candidate[];
}

/** A set the cues nearly made one of recommendations: reported, so a reader can tell a close call. */
export interface NearMiss {
  anchor: number;
  text: string;
  score: Scored;
  threshold: number;
}

export const emptyResponse = (): Response => ({ progress: null, nextSteps: null, status: null, owner: null, due: null });

export function mergeResponse(a: Response | null, b: Response | null): Response | null {
  if (!a) return b;
  if (!b) return a;
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Response)[]) out[k] ??= b[k];
  return out;
}

/**
 * Evidence rules: `priority` orders statements over their restatements (a list statement wins over
 * a table row restating it); `confidence` is reported with each recommendation.
 */
export const RULES: Record<string, { priority: number; confidence: number }> = {
  'lead-in-list': { priority: 4, confidence: 0.9 },
  'section-list': { priority: 4, confidence: 0.85 },
  'stated-count': { priority: 3, confidence: 0.6 },
  'heading-statement': { priority: 3, confidence: 0.8 },
  'heading-paragraph': { priority: 3, confidence: 0.8 },
  'summary-list': { priority: 1, confidence: 0.5 },
  'table-row': { priority: 1, confidence: 0.7 },
  'recommendation-heading': { priority: 0, confidence: 0.6 },
};

/** A recommendation stated in full, not a restatement (a summary, a table row, a short sub-heading). */
export const isStatement = (rule: string): boolean => RULES[rule]!.priority >= 3;
