import type { Block, TextBlock } from '../layout/blocks.js';
import type { InputFormat } from '../model/report.js';

/** What every recogniser reads: the blocks, and what the recognisers before it found. */
export interface ParseContext {
  format: InputFormat;
  blocks: readonly Block[];
}

export const isText = (b: Block | undefined): b is TextBlock => b !== undefined && b.kind !== 'table';

export const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;
