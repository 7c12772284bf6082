/**
 * A table of contents repeats the headings with page numbers; left in, it would duplicate every
 * section. It is recognised by its shape (entries ending in page numbers, dot leaders, a
 * "Contents" heading), never by a report's wording, and kept out of the text.
 */
import type { Block, TableBlock, TextBlock } from './blocks.js';

const CONTENTS_HEADING = /^(table of )?contents$|^index$/i;
const PAGE_REF = /^\d{1,3}$/;
/** "Introduction ......... 3", "2. Summary of the approach.....  3", "Scope …… 12" */
const LEADER_ENTRY = /^(.*?\p{L}.*?)\s*(?:\.{3,}|…{2,}|(?:\. ){3,})\s*(\d{1,3})?$/u;
const NUMBERED_ENTRY = /^(.*?\p{L}.*?)\s+(\d{1,3})$/u;

function lastFilled(cells: readonly string[]): string {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim()) return cells[i]!.trim();
  return '';
}

function isTocTable(t: TableBlock): boolean {
  const rows = t.rows.filter((r) => r.cells.some((c) => c.trim()));
  const entries = rows.filter((r) => PAGE_REF.test(lastFilled(r.cells)) && /\p{L}/u.test(r.cells[0] ?? ''));
  return entries.length >= 2 && entries.length >= 0.6 * rows.length && t.columns <= 3;
}

const entryText = (b: TextBlock) => (b.marker ? `${b.marker} ${b.text}` : b.text);

export function removeToc(blocks: readonly Block[]): { blocks: Block[]; toc: string[] } {
  const toc: string[] = [];
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'table' && isTocTable(b)) {
      for (const r of b.rows) {
        if (!PAGE_REF.test(lastFilled(r.cells))) continue; // the "Section | Page" header
        const label = r.cells.find((c) => c.trim() && !PAGE_REF.test(c.trim()));
        if (label) toc.push(label.replace(/\s*\.{2,}\s*$/, '').replace(/\n/g, ' '));
      }
      // a "Contents" heading just before goes with it
      const before = out[out.length - 1];
      if (before && before.kind !== 'table' && CONTENTS_HEADING.test(before.text.trim())) out.pop();
      continue;
    }
    if (b.kind !== 'table') {
      const afterContents = b.kind === 'heading' && CONTENTS_HEADING.test(b.text.trim());
      // a run of entries: dot leaders, or (after a "Contents" heading) text ending in a page number
      let j = afterContents ? i + 1 : i;
      const run: TextBlock[] = [];
      while (j < blocks.length) {
        const c = blocks[j]!;
        if (c.kind === 'table') break;
        const t = entryText(c);
        if (LEADER_ENTRY.test(t) || (afterContents && NUMBERED_ENTRY.test(t))) {
          run.push(c);
          j++;
        } else break;
      }
      if (run.length >= (afterContents ? 1 : 3)) {
        for (const c of run) toc.push(entryText(c).replace(LEADER_ENTRY, '$1').replace(NUMBERED_ENTRY, '$1').trim());
        i = j - 1;
        continue;
      }
    }
    out.push(b);
  }
  return { blocks: out, toc };
}
