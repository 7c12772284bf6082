/**
 * A table of contents repeats the headings with page numbers; left in, it would duplicate every
 * section. It is recognised by its shape (entries ending in page numbers, dot leaders, a
 * "Contents" heading), never by a report's wording, and kept out of the text.
 */
import type { Block, TableBlock, TextBlock } from './blocks.js';

const CONTENTS_HEADING = /^(table of )?contents$|^index$/i;
const PAGE_REF = /^\d{1,3}$/;
/** dot leaders and a page number ending an entry: "Introduction ......... 3", "Scope …… 12" */
const LEADER_END = /\s*(?:\.{3,}|…{2,}|(?:\. ){3,})\s*\d{0,3}$/u;
const PAGE_END = /\s+\d{1,3}$/u;
/**
 * "Introduction .....  " → "Introduction": a trailing dot leader and the spaces around it, read from
 * the end (as a pattern, /\s*\.{2,}\s*$/, it rescans a long run of dots from every position).
 */
function withoutLeader(s: string): string {
  const t = s.trimEnd();
  let i = t.length;
  while (i > 0 && t[i - 1] === '.') i--;
  return t.length - i >= 2 ? t.slice(0, i).trimEnd() : s;
}

/** entries are short; the length check also keeps the end-anchored patterns linear */
const MAX_ENTRY = 200;

/** The entry's label when `text` is a contents entry of this shape, else null. */
function entryLabel(text: string, end: RegExp): string | null {
  if (text.length > MAX_ENTRY) return null;
  const m = end.exec(text);
  if (!m) return null;
  const label = text.slice(0, m.index).trim();
  return /\p{L}/u.test(label) ? label : null;
}

function lastFilled(cells: readonly string[]): string {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim()) return cells[i]!.trim();
  return '';
}

function isTocTable(t: TableBlock): boolean {
  const rows = t.rows.filter((r) => r.cells.some((c) => c.trim()));
  const entries = rows.filter((r) => PAGE_REF.test(lastFilled(r.cells)) && /\p{L}/u.test(r.cells[0] ?? ''));
  // a label, perhaps a section number, and the page: a centred "Contents" title may add a column
  const narrow = t.columns <= 3 || rows.every((r) => r.cells.filter((c) => c.trim()).length <= 2);
  return entries.length >= 2 && entries.length >= 0.6 * rows.length && narrow;
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
        if (label) toc.push(withoutLeader(label).replace(/\n/g, ' '));
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
        if (entryLabel(t, LEADER_END) !== null || (afterContents && entryLabel(t, PAGE_END) !== null)) {
          run.push(c);
          j++;
        } else break;
      }
      if (run.length >= (afterContents ? 1 : 3)) {
        for (const c of run) {
          const t = entryText(c);
          toc.push(entryLabel(t, LEADER_END) ?? entryLabel(t, PAGE_END) ?? t);
        }
        i = j - 1;
        continue;
      }
    }
    out.push(b);
  }
  return { blocks: out, toc };
}
