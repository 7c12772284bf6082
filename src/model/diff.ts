import { z } from 'zod';
import { Count, Cycle } from './report.js';

/** Bumped on any change to the diff output a consumer could notice. */
export const DIFF_SCHEMA_VERSION = '1.1.0';

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
const number = z.string().nullable().describe('as printed; null for bullets');
const page = z.number().int().positive().nullable().describe("1-based page in its report; null where the format has no pages");
const ids = (side: string) => z.array(z.string().min(1)).min(1).describe(`recommendation ids on the ${side} side, in document order`);
const aligned = <T extends z.ZodType>(item: T, what: string, side: string) => z.array(item).min(1).describe(`${what}, one per id of ${side}, in the same order`);

export const DiffProgress = z
  .object({
    progress: z.string().nullable().describe("the report's progress text for the recommendation, as printed"),
    status: z.string().nullable().describe('its status, as printed (e.g. Complete, On track)'),
  })
  .strict()
  .describe("what the recommendation's own report says has become of it (its response); one of the two at least is non-null");

export const DiffCandidate = z
  .object({
    id: z.string().min(1),
    number,
    score: score.describe('TF-IDF cosine similarity, rounded to 3 places; at or above the threshold only when the candidate was linked to another recommendation'),
  })
  .strict();

const candidates = (side: string) =>
  z
    .array(DiffCandidate)
    .max(3)
    .describe(`the nearest ${side} recommendations, whether linked elsewhere or not: up to 3 scoring above 0, best score first, then by id (code-unit order)`);

export const DiffLink = z
  .object({
    status: LinkStatus.describe('unchanged: same normalised text; reworded: one-to-one, text differs; split: one old ↔ several new; merged: several old ↔ one new'),
    old: ids('old'),
    new: ids('new'),
    oldNumbers: aligned(number, 'printed numbers', 'old'),
    newNumbers: aligned(number, 'printed numbers', 'new'),
    oldPages: aligned(page, 'pages', 'old'),
    newPages: aligned(page, 'pages', 'new'),
    score: score.describe('TF-IDF cosine similarity of the two sides (several texts read as one), rounded to 3 places'),
    oldText: z.string().describe('the old text; several joined by a space'),
    newText: z.string().describe('the new text; several joined by a space'),
    oldTexts: aligned(z.string(), 'texts', 'old'),
    newTexts: aligned(z.string(), 'texts', 'new'),
    progress: aligned(DiffProgress.nullable(), "the new report's progress and status for it (null where it has none)", 'new'),
  })
  .strict();

const unmatched = {
  id: z.string().min(1),
  number,
  page,
  text: z.string(),
};

export const RemovedRecommendation = z
  .object({ ...unmatched, candidates: candidates('new') })
  .strict();

export const AddedRecommendation = z
  .object({
    ...unmatched,
    progress: DiffProgress.nullable().describe("the new report's progress and status for it; null where it has none"),
    candidates: candidates('old'),
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
    removed: z.array(RemovedRecommendation).describe('old recommendations with no partner, in document order'),
    added: z.array(AddedRecommendation).describe('new recommendations with no partner, in document order'),
  })
  .strict()
  .describe('Recommendations of two reports (or two review cycles of one) matched by cpc diff');

export type DiffSide = z.infer<typeof DiffSide>;
export type DiffLink = z.infer<typeof DiffLink>;
export type DiffProgress = z.infer<typeof DiffProgress>;
export type DiffCandidate = z.infer<typeof DiffCandidate>;
export type RemovedRecommendation = z.infer<typeof RemovedRecommendation>;
export type AddedRecommendation = z.infer<typeof AddedRecommendation>;
/** Either kind of unmatched recommendation: what the two have in common. */
export type UnmatchedRecommendation = RemovedRecommendation | AddedRecommendation;
export type DiffSummary = z.infer<typeof DiffSummary>;
export type DiffResult = z.infer<typeof DiffResult>;
