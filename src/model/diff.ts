import { z } from 'zod';
import { Count, Cycle } from './report.js';

/** Bumped on any change to the diff output a consumer could notice. */
export const DIFF_SCHEMA_VERSION = '1.0.0';

export const LINK_STATUSES = ['unchanged', 'reworded', 'split', 'merged'] as const;
export const LinkStatus = z.enum(LINK_STATUSES);
export type LinkStatus = z.infer<typeof LinkStatus>;

export const DiffSide = z
  .object({
    file: z.string().describe("the report's source.file"),
    cycle: Cycle,
    year: z.number().int().min(1990).max(2100).nullable().describe('the year most of the compared recommendations carry'),
    count: Count.describe('recommendations compared from this side'),
  })
  .strict();

const score = z.number().min(0).max(1);

export const DiffLink = z
  .object({
    status: LinkStatus.describe('unchanged: same normalised text; reworded: one-to-one, text differs; split: one old ↔ several new; merged: several old ↔ one new'),
    old: z.array(z.string().min(1)).min(1).describe('recommendation ids on the old side, in document order'),
    new: z.array(z.string().min(1)).min(1).describe('recommendation ids on the new side, in document order'),
    score: score.describe('TF-IDF cosine similarity of the two sides (several texts read as one), rounded to 3 places'),
    oldText: z.string().describe('the old text; several joined by a space'),
    newText: z.string().describe('the new text; several joined by a space'),
  })
  .strict();

export const UnmatchedRecommendation = z
  .object({
    id: z.string().min(1),
    number: z.string().nullable(),
    text: z.string(),
  })
  .strict();

export const DiffSummary = z
  .object({
    unchanged: Count,
    reworded: Count,
    split: Count,
    merged: Count,
    removed: Count,
    added: Count,
  })
  .strict();

export const DiffResult = z
  .object({
    schemaVersion: z.literal(DIFF_SCHEMA_VERSION),
    old: DiffSide,
    new: DiffSide,
    threshold: score.describe('the least similarity for a link'),
    summary: DiffSummary.describe('links by status, and the unmatched on each side'),
    links: z.array(DiffLink).describe("ordered by the first old recommendation's position, then the first new one's"),
    removed: z.array(UnmatchedRecommendation).describe('old recommendations with no partner, in document order'),
    added: z.array(UnmatchedRecommendation).describe('new recommendations with no partner, in document order'),
  })
  .strict()
  .describe('Recommendations of two reports (or two review cycles of one) matched by cpc diff');

export type DiffSide = z.infer<typeof DiffSide>;
export type DiffLink = z.infer<typeof DiffLink>;
export type UnmatchedRecommendation = z.infer<typeof UnmatchedRecommendation>;
export type DiffSummary = z.infer<typeof DiffSummary>;
export type DiffResult = z.infer<typeof DiffResult>;
