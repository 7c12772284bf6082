/**
 * Tables, whatever the format they came from: built from positioned cell lines (PDF) or from
 * lines the loader tagged with their cell (Word, HTML, tab-separated text), then cleaned: rows a
 * page break or a line-by-line producer split are merged back, a table continued on the next page
 * is joined, and its repeated header rows dropped.
 */
import type { RawLine } from '../load/raw.js';
import { tableBlock, type Block, type TableBlock, type TableRow } from './blocks.js';
import type { PLine, ProtoTable } from './geometry.js';
import { joinWrapped, type JoinStats, type Vocabulary } from './join.js';
import { matchMarker } from './markers.js';
import { normaliseText } from './normalise.js';
import { textualMarker, type Metrics } from './paragraphs.js';
import { maxOf } from '../arrays.js';

const TERMINAL = /[.!?:;]["”’)]?$/;

/** The text of one cell: wrapped lines joined, its own paragraphs and list items on new lines. */
export function cellText(lines: readonly PLine[], metrics: Metrics, vocab: Vocabulary, stats: JoinStats): string {
  const paras: string[] = [];
  let prev: PLine | null = null;
  for (const line of lines) {
    const m = line.marker ? { marker: line.marker, rest: line.text } : textualMarker(line.text);
    const text = m ? `${m.marker} ${m.rest}` : line.text;
    const gap = prev ? line.y - prev.y : 0;
    // within a cell a paragraph shows as extra space or a marker; line ends carry no meaning
    const breaks = !prev || m !== null || gap > 1.3 * metrics.lineSpacing || gap < 0;
    if (breaks) paras.push(text);
    else paras[paras.length - 1] = joinWrapped(paras[paras.length - 1]!, line.text, vocab, stats);
    prev = line;
  }
  return paras.join('\n');
}

export function protoToTable(t: ProtoTable, metrics: Metrics, vocab: Vocabulary, stats: JoinStats): TableBlock {
  const rows: TableRow[] = [];
  for (const r of t.rows) {
    const all = r.cells.flat();
    const cells = r.cells.map((c) => cellText(c, metrics, vocab, stats));
    const bold = all.length > 0 && all.every((l) => l.bold);
    const prev = rows[rows.length - 1];
    // a bold first row reads as the header; a bold row straight under it is the header's second
    // line (a label over two lines, set by a line-by-line producer as a row of its own)
    if (prev?.header && rows.length === 1 && bold) {
      mergeRowInto(prev, { cells, header: true, page: t.page });
      continue;
    }
    rows.push({ cells, header: rows.length === 0 && bold, page: t.page });
  }
  return tableBlock(rows, { columns: t.columns.length });
}

/** Lines the loader tagged with a cell (Word, HTML, tab-separated text) → one table per table id. */
export function tablesFromCellLines(lines: readonly RawLine[], page: number | null): TableBlock {
  const rows = new Map<number, { cells: Map<number, string[]>; header: boolean }>();
  for (const l of lines) {
    const c = l.hint!.cell!;
    let row = rows.get(c.row);
    if (!row) rows.set(c.row, (row = { cells: new Map(), header: c.header }));
    row.header &&= c.header;
    let cell = row.cells.get(c.col);
    if (!cell) row.cells.set(c.col, (cell = []));
    const text = normaliseText(l.text);
    const marker = l.hint?.list?.marker;
    if (l.hint?.list && marker === '' && cell.length) cell[cell.length - 1] += ` ${text}`;
    else cell.push(marker ? `${marker} ${text}` : text);
  }
  const width = Math.max(0, maxOf([...rows.values()].flatMap((r) => [...r.cells.keys()].map((k) => k + 1))));
  const out: TableRow[] = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, r]) => ({ cells: Array.from({ length: width }, (_, i) => (r.cells.get(i) ?? []).join('\n')), header: r.header, page }));
  return tableBlock(out, { columns: width });
}

const cellKey = (s: string) => normaliseText(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Two rows are the same header when most of their cells agree (a garbled cell is tolerated). Rows
 * of data can agree as much ("2016 | … | Addressed"): callers ask only where a header repeats, at a
 * page break or where one table part meets the next.
 */
export function sameRow(a: TableRow, b: TableRow): boolean {
  const n = Math.max(a.cells.length, b.cells.length);
  if (n === 0) return false;
  let filled = 0;
  let same = 0;
  for (let i = 0; i < n; i++) {
    const x = cellKey(a.cells[i] ?? '');
    const y = cellKey(b.cells[i] ?? '');
    if (!x && !y) continue;
    filled++;
    if (x === y) same++;
  }
  return filled > 0 && same / filled >= 2 / 3 && same >= Math.min(2, filled);
}

function mergeRowInto(target: TableRow, row: TableRow): void {
  row.cells.forEach((c, i) => {
    if (!c) return;
    const t = target.cells[i] ?? '';
    target.cells[i] = !t ? c : TERMINAL.test(t) && /^\p{Lu}/u.test(c) ? `${t}\n${c}` : `${t} ${c}`;
  });
}

const enumerated = (s: string) => {
  const m = matchMarker(s.trim());
  return m !== null && m.kind !== 'bullet' && m.kind !== 'bare';
};

/** Merge rows that only continue the row above: an empty first cell, or a missing number where
 * the table numbers its rows. Drop repeats of the header. */
export function cleanTable(t: TableBlock): { table: TableBlock; droppedHeaders: number } {
  const first = t.rows[0];
  if (!first) return { table: t, droppedHeaders: 0 };
  const header = { ...first, cells: [...first.cells] };
  const body = t.rows.slice(1);
  // a repeat of the header heads a page (the table went on over a page break); a row the same as
  // the first in the middle of a page is data
  const repeated = new Set(body.filter((r, i) => sameRow(header, r) && (header.header || r.page !== (i === 0 ? first : body[i - 1]!).page)));
  const repeats = repeated.size;
  header.header ||= repeats > 0;
  const rows: TableRow[] = [header];
  // (the first row counts when it is data: a table part that starts mid-table, after a page break)
  const numbered = [...(first.header ? [] : [first]), ...body].filter((r) => enumerated(r.cells[0] ?? '')).length >= 2;
  let seenNumbered = enumerated(header.cells[0] ?? '');
  for (const r of body) {
    if (repeated.has(r)) continue;
    const firstCell = (r.cells[0] ?? '').trim();
    const hasRest = r.cells.slice(1).some((c) => c.trim());
    const isNumbered = enumerated(firstCell);
    if (isNumbered) seenNumbered = true;
    const prev = rows[rows.length - 1]!;
    const intoHeader = rows.length === 1 && header.header;
    const continuation = !intoHeader && ((!firstCell && hasRest) || (numbered && seenNumbered && !isNumbered && firstCell !== ''));
    if (continuation) mergeRowInto(prev, r);
    else rows.push({ ...r, cells: [...r.cells] });
  }
  return { table: { ...t, rows }, droppedHeaders: repeats };
}

/**
 * Join a table with the next block when that block is the same table continued (after a page
 * break, or split by blank lines in text): same columns, and the next part starts with the header
 * repeated, on the following page, or with a row that has no first cell. The repeated header goes;
 * a row the page break cut in two is made whole again.
 */
export function joinContinuedTables(blocks: readonly Block[]): { blocks: Block[]; joins: number; droppedHeaders: number } {
  const out: Block[] = [];
  let joins = 0;
  let droppedHeaders = 0;
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (prev?.kind === 'table' && b.kind === 'table' && prev.columns === b.columns && b.rows.length > 0) {
      const repeatsHeader = prev.rows[0] !== undefined && sameRow(prev.rows[0], b.rows[0]!);
      // on the next page, or on the page the part before ended on (a table cut into two regions
      // where a row's line closed a gutter) with nothing between them
      const nextPage = prev.pageEnd != null && (b.page === prev.pageEnd + 1 || b.page === prev.pageEnd);
      const continuesRow = !b.rows[0]!.cells[0]?.trim();
      if (repeatsHeader || nextPage || continuesRow) {
        const rest = (repeatsHeader ? b.rows.slice(1) : b.rows).map((r) => ({ ...r, cells: [...r.cells] }));
        if (repeatsHeader) droppedHeaders++;
        const rows = [...prev.rows.map((r) => ({ ...r, cells: [...r.cells] })), ...rest];
        const cut = prev.rows[prev.rows.length - 1]!;
        const first = rest[0];
        // no cell of the last row ended and the next row carries on in lower case
        const carriesOn =
          first !== undefined && (nextPage || repeatsHeader) && cut.cells.every((c) => !TERMINAL.test(c.trim())) && first.cells.some((c) => /^\p{Ll}/u.test(c.trim()));
        if (carriesOn) {
          mergeRowInto(rows[prev.rows.length - 1]!, first);
          rows.splice(prev.rows.length, 1);
        }
        if (rows[0] && repeatsHeader) rows[0] = { ...rows[0], header: true };
        out[out.length - 1] = tableBlock(rows, { columns: prev.columns, page: prev.page, pageEnd: b.pageEnd ?? prev.pageEnd });
        joins++;
        continue;
      }
    }
    out.push(b);
  }
  return { blocks: out, joins, droppedHeaders };
}
