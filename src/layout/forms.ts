/**
 * Front sheets. Council reports open with "By: / To: / Date: / Subject:" rows, set as a two-column
 * table in one producer and as lines of text in another; either way they are fields. A table whose
 * first column is labels becomes a form, and "Label: value" paragraphs right after it (a row the
 * table lost at a page or region edge), or at least two of them opening the first page (after any
 * cover page that holds only the title), join it.
 */
import { tableBlock, type Block, type FormField, type TableBlock } from './blocks.js';
import { flattenLines } from '../text-runs.js';

/**
 * "Meeting date:", "Report of:", "Decision Number:" — a short label, capitalised, ending in a colon.
 * Words are bounded: an unbounded run, tried on a paragraph that is one 8 MB word, overflows the
 * regex engine's backtracking stack.
 */
const LABEL_WORDS = String.raw`(\p{Lu}[\p{L}'’()/&-]{0,30}(?:\s{1,3}[\p{L}'’()/&-]{1,30}){0,3})\s{0,3}:`;
const LABEL = new RegExp(`^${LABEL_WORDS}$`, 'u');
const LABELLED = new RegExp(`^${LABEL_WORDS}\\s+(\\S.*)$`, 'u');

function labelOf(cell: string): string | null {
  const m = LABEL.exec(cell.trim());
  return m ? m[1]! : null;
}

function asField(b: Block): FormField | null {
  if (b.kind !== 'paragraph' || b.marker) return null;
  const m = LABELLED.exec(b.text);
  return m ? { label: m[1]!, value: m[2]!.trim() } : null;
}

/** A table's rows as fields, each with the page it is on; null unless every first cell is a label. */
function fieldsOfTable(t: TableBlock): Placed[] | null {
  if (t.columns !== 2 || t.rows.length < 2) return null;
  const fields: Placed[] = [];
  for (const r of t.rows) {
    const label = labelOf(r.cells[0] ?? '');
    if (!label) return null;
    fields.push({ label, value: flattenLines(r.cells[1] ?? '').trim(), page: r.page ?? t.page });
  }
  return fields;
}

type Placed = FormField & { page: number | null };

function formTable(placed: readonly Placed[]): TableBlock {
  const rows = placed.map((f) => ({ cells: [`${f.label}:`, f.value], header: false, page: f.page }));
  return { ...tableBlock(rows, { columns: 2 }), fields: placed.map(({ label, value }) => ({ label, value })) };
}

export function formFields(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  // the page the report opens on: a cover page holding only the title does not count
  const firstPage = blocks.find((b) => b.page != null && !(b.kind === 'heading' && b.cues.includes('title')))?.page ?? null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    let fields: Placed[] | null = null;
    // where the labelled paragraphs start: after the table, or at this paragraph
    let j = i + 1;
    if (b.kind === 'table') {
      fields = fieldsOfTable(b);
    } else if (b.page === firstPage && asField(b) && blocks[i + 1] && asField(blocks[i + 1]!)) {
      fields = [];
      j = i;
    }
    if (!fields) {
      out.push(b);
      continue;
    }
    // labelled paragraphs that follow are more of the form
    for (; j < blocks.length; j++) {
      const f = asField(blocks[j]!);
      if (!f) break;
      fields.push({ ...f, page: blocks[j]!.page });
    }
    out.push(formTable(fields));
    i = j - 1;
  }
  return out;
}
