/**
 * The parse document: what every recogniser reads. The blocks are the layout's, read-only; a
 * claim says which recogniser took a block and by which rule, so a later recogniser asks
 * `claimedBy(i)` instead of importing another's block sets.
 */
import type { Block, TextBlock } from '../layout/blocks.js';
import type { InputFormat, Section } from '../model/report.js';

/** The recognisers, by id, in the order the registry runs them. */
export type RecogniserId = 'sections' | 'peers' | 'metadata' | 'decisions' | 'recommendations';

export interface Claim {
  by: RecogniserId;
  /** the recogniser's rule that took the block ("heading", "entry", "lead-in-list", …) */
  rule: string;
}

/** The section tree as the sections recogniser found it. */
export interface SectionTree {
  sections: Section[];
  /** per block index: the section it belongs to (null before the first heading) */
  sectionOf: readonly (string | null)[];
}

export interface ParseDoc {
  readonly format: InputFormat;
  readonly blocks: readonly Block[];
  /** the recogniser that took block `i`, and by which rule */
  claimedBy(i: number): Claim | undefined;
  /** a block the sections recogniser read as a heading */
  isHeading(i: number): boolean;
  /** the id of the section block `i` belongs to (null before the first heading, or before sections run) */
  sectionOf(i: number): string | null;
  section(id: string | null | undefined): Section | undefined;
  /** every section, in document order */
  readonly sections: readonly Section[];
}

export function parseDoc(format: InputFormat, blocks: readonly Block[], claims: ReadonlyMap<number, Claim>, tree: SectionTree | undefined): ParseDoc {
  const byId = new Map((tree?.sections ?? []).map((s) => [s.id, s]));
  return {
    format,
    blocks,
    claimedBy: (i) => claims.get(i),
    isHeading: (i) => {
      const c = claims.get(i);
      return c?.by === 'sections' && c.rule === 'heading';
    },
    sectionOf: (i) => tree?.sectionOf[i] ?? null,
    section: (id) => (id == null ? undefined : byId.get(id)),
    sections: tree?.sections ?? [],
  };
}

export const isText = (b: Block | undefined): b is TextBlock => b !== undefined && b.kind !== 'table';

export const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;
