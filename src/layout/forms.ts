/**
 * Front sheets. Council reports open with "By: / To: / Date: / Subject:" rows, set as a two-column
 * table in one producer and as lines of text in another; either way they are fields. A table whose
 * first column is labels becomes a form, and "Label: value" paragraphs right after it (a row the
 * table lost at a page or region edge), or at least two of them opening the first page, join it.
 */
import { tableBlock, type Block, type FormField, type TableBlock, type TextBlock } from './blocks.js';

/** "Meeting date:", "Report of:", "Decision Number:" — a short label, capitalised, ending in a colon */
const LABEL = /^(\p{Lu}[\p{L}'’()/&-]*(?:\s+[\p{L}'’()/&-]+){0,3})\s*:$/u;
const LABELLED = /^(\p{Lu}[\p{L}'’()/&-]*(?:\s+[\p{L}'’()/&-]+){0,3})\s*:\s+(\S.*)$/u;

function labelOf(cell: string): string | null {
  const m = LABEL.exec(cell.trim());
  return m ? m[1]! : null;
}

function asField(b: Block): FormField | null {
  if (b.kind !== 'paragraph' || b.marker) return null;
  const m = LABELLED.exec(b.text);
  return m ? { label: m[1]!, value: m[2]!.trim() } : null;
}

function fieldsOfTable(t: TableBlock): FormField[] | null {
  if (t.columns !== 2 || t.rows.length < 2) return null;
  const fields: FormField[] = [];
  for (const r of t.rows) {
    const label = labelOf(r.cells[0] ?? '');
    if (!label) return null;
    fields.push({ label, value: (r.cells[1] ?? '').replace(/\s*\n\s*/g, ' ').trim() });
  }
  return fields;
}

const withFields = (t: TableBlock, fields: FormField[]): TableBlock => ({
  ...tableBlock(
    fields.map((f, i) => ({ cells: [`${f.label}:`, f.value], header: false, page: t.rows[i]?.page ?? t.page })),
    { columns: 2, page: t.page, pageEnd: t.pageEnd },
  ),
  fields,
});

export function formFields(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  const firstPage = blocks.find((b) => b.page != null)?.page ?? null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    let fields: FormField[] | null = null;
    let base: TableBlock | null = null;
    // where the labelled paragraphs start: after the table, or at this paragraph
    let j = i + 1;
    if (b.kind === 'table') {
      fields = fieldsOfTable(b);
      base = b;
    } else if (b.page === firstPage && asField(b) && blocks[i + 1] && asField(blocks[i + 1]!)) {
      fields = [];
      base = tableBlock([], { columns: 2, page: b.page, pageEnd: b.page });
      j = i;
    }
    if (!fields || !base) {
      out.push(b);
      continue;
    }
    // labelled paragraphs that follow are more of the form
    for (; j < blocks.length; j++) {
      const f = asField(blocks[j]!);
      if (!f) break;
      fields.push(f);
    }
    const last = blocks[j - 1] as TextBlock | TableBlock;
    out.push(withFields({ ...base, pageEnd: last.pageEnd ?? base.pageEnd }, fields));
    i = j - 1;
  }
  return out;
}
