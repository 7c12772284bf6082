import { z } from 'zod';
import { WARNING_CODES } from '../diagnostics.js';

/** Bumped on any change a consumer could notice; `npm run schemas` regenerates schemas/. */
export const SCHEMA_VERSION = '1.1.0';

export const INPUT_FORMATS = ['pdf', 'docx', 'html', 'txt', 'md'] as const;
export const InputFormat = z.enum(INPUT_FORMATS);
export type InputFormat = z.infer<typeof InputFormat>;

export const REPORT_KINDS = ['cpc-feedback', 'cpc-follow-up', 'cpc-progress-review', 'council-report', 'unknown'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

export const CYCLES = ['current', 'previous'] as const;
export const Cycle = z.enum(CYCLES);
export type Cycle = z.infer<typeof Cycle>;

/** a count or size: a whole number, zero or more */
export const Count = z.number().int().nonnegative();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)');
const page = z.number().int().positive().nullable().describe('1-based page; null where the format has no pages (Word without rendered page breaks, HTML)');

export const Source = z
  .object({
    file: z.string().describe('the input path as given, relative to the working directory'),
    name: z.string().describe('file name without directories'),
    format: InputFormat.describe('detected from the bytes, not the extension'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: Count,
    pages: Count.nullable().describe('page count; null when the format does not record pages'),
  })
  .strict();

export const ReportDates = z
  .object({
    visitStart: isoDate.nullable().describe('first day of the peer team visit the document is about'),
    visitEnd: isoDate.nullable().describe('last day of that visit'),
    report: isoDate.nullable().describe('date the report was issued'),
    meeting: isoDate.nullable().describe('committee or cabinet meeting date (council reports)'),
  })
  .strict();

export const ReportMeta = z
  .object({
    title: z.string().nullable(),
    kind: ReportKind,
    councils: z.array(z.string()).describe('council names as the document states them; two for a joint report'),
    year: z.number().int().min(1990).max(2100).nullable().describe('year of the peer challenge visit the document is about'),
    dates: ReportDates,
  })
  .strict();

export const Peer = z
  .object({
    name: z.string().min(1),
    role: z.string().nullable(),
    organisation: z.string().nullable(),
  })
  .strict();

export const Section = z
  .object({
    id: z.string().min(1),
    number: z.string().nullable().describe('as printed, without a trailing dot; null for unnumbered headings'),
    title: z.string(),
    level: z.number().int().min(1).max(6),
    parentId: z.string().nullable(),
    page,
    text: z.string().describe('body text of the section up to the next heading, blocks separated by blank lines'),
  })
  .strict();

export const Response = z
  .object({
    progress: z.string().nullable(),
    nextSteps: z.string().nullable(),
    status: z.string().nullable(),
    owner: z.string().nullable(),
    due: z.string().nullable(),
  })
  .strict()
  .describe("the council's response to a recommendation, from an action plan or progress table");

export const Evidence = z
  .object({
    rule: z.string().describe('the structure it was read from: lead-in-list, section-list, table-row, …'),
    confidence: z.number().min(0).max(1).describe("from the rule's own and the score of the cues below"),
    cues: z.array(z.string()).describe('the cues that fired for it and its set, e.g. lead-in:speaks-of-recommendations, item:opens-with-a-verb; a cue against it counts too'),
  })
  .strict();

export const Recommendation = z
  .object({
    id: z.string().min(1).describe('stable within the document, e.g. 2021-2.1 or 2018-annex-14'),
    number: z.string().nullable().describe('as printed (Word automatic numbers restored); null for bullets'),
    cycle: Cycle,
    year: z.number().int().min(1990).max(2100).nullable(),
    title: z.string().nullable().describe('the part before an explaining dash or colon, when there is one'),
    text: z.string().min(1).describe('the whole item, joined into one line'),
    sectionId: z.string().nullable(),
    page,
    response: Response.nullable(),
    evidence: Evidence,
  })
  .strict();

export const RequestedDecision = z
  .object({
    id: z.string().min(1),
    text: z.string().min(1),
    body: z.string().nullable().describe('who is asked to decide, e.g. Cabinet'),
    sectionId: z.string().nullable(),
    page,
  })
  .strict();

export const Warning = z
  .object({
    code: z.enum(WARNING_CODES),
    severity: z.enum(['info', 'warning']),
    message: z.string(),
    page: z.number().int().positive().optional(),
    source: z.string().describe('the stage that raised it: load, layout, parse'),
    rule: z.string().optional().describe('the rule or cue that raised it, e.g. stated-count'),
    block: z.number().int().nonnegative().optional().describe('0-based index of the block it is about, as `cpc text` numbers them'),
  })
  .strict();

export const Report = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: Source,
    report: ReportMeta,
    peerTeam: z.array(Peer),
    sections: z.array(Section),
    recommendations: z.array(Recommendation),
    requestedDecisions: z.array(RequestedDecision),
    warnings: z.array(Warning),
  })
  .strict()
  .describe('A peer challenge report turned into data by cpc extract');

export type Source = z.infer<typeof Source>;
export type ReportDates = z.infer<typeof ReportDates>;
export type ReportMeta = z.infer<typeof ReportMeta>;
export type Peer = z.infer<typeof Peer>;
export type Section = z.infer<typeof Section>;
export type Response = z.infer<typeof Response>;
export type Evidence = z.infer<typeof Evidence>;
export type Recommendation = z.infer<typeof Recommendation>;
export type RequestedDecision = z.infer<typeof RequestedDecision>;
export type Warning = z.infer<typeof Warning>;
export type Report = z.infer<typeof Report>;
