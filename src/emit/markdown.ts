/**
 * The cleaned document as Markdown or plain text (what `cpc text` prints): furniture and the table
 * of contents are already out of the blocks; headings come from the parser's outline (the title
 * `#`, sections one level below it by their level), lists keep their printed numbers, tables
 * become Markdown tables, sidebars and pull quotes become quotes.
 */
import type { Block, TableBlock, TextBlock } from '../layout/blocks.js';
import { maxOf } from '../arrays.js';
import { flattenLines } from '../text-runs.js';

/** block index → heading level (1 for the document's title) */
export type Outline = ReadonlyMap<number, number>;

export type DocumentFormat = 'markdown' | 'text';

/** Characters Markdown would read as syntax inside text. */
const INLINE = /[\\`*_<[\]]/g;
/** What opens a block in Markdown when a line starts with it: a heading, quote, list, rule, table. */
const BLOCK_START = /^(#{1,6}\s|>|[-+*]\s|\d{1,9}[.)]\s|={3,}|-{3,}|\|)/;

function escapeInline(text: string): string {
  return text.replace(INLINE, '\\$&');
}

/** Text as a Markdown paragraph: inline syntax escaped, and a line that would open another block kept a paragraph. */
function paragraph(text: string): string {
  const escaped = escapeInline(text);
  return BLOCK_START.test(escaped) ? `\\${escaped}` : escaped;
}

/** A decimal marker ("1.", "3)") is a Markdown ordered item; any other ("2.1", "(a)", "•") stays as printed after a dash. */
function listItem(b: TextBlock, format: DocumentFormat): string {
  const indent = '  '.repeat(b.level ?? 0);
  const text = format === 'markdown' ? escapeInline(b.text) : b.text;
  if (b.marker === null) return `${indent}  ${text}`; // a further paragraph of the item above
  if (format === 'text') return `${indent}${b.marker} ${text}`;
  if (/^\d{1,9}[.)]$/.test(b.marker)) return `${indent}${b.marker} ${text}`;
  const bullet = /^[•●○◦▪■–—\-*·]$/u.test(b.marker);
  return `${indent}- ${bullet ? '' : `${escapeInline(b.marker)} `}${text}`;
}

function table(t: TableBlock, format: DocumentFormat): string {
  const width = Math.max(t.columns, maxOf(t.rows.map((r) => r.cells.length)));
  const cells = (r: { cells: string[] }) => Array.from({ length: width }, (_, i) => (r.cells[i] ?? '').trim());
  if (format === 'text') return t.rows.map((r) => cells(r).map((c) => flattenLines(c)).join(' | ')).join('\n');
  const cell = (c: string) => flattenLines(escapeInline(c).replace(/\|/g, '\\|'), '<br>');
  const [head, ...body] = t.rows[0]?.header ? t.rows : [{ cells: Array<string>(width).fill(''), header: true, page: t.page }, ...t.rows];
  const line = (r: { cells: string[] }) => `| ${cells(r).map(cell).join(' | ')} |`;
  return [line(head!), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

function heading(b: TextBlock, level: number, format: DocumentFormat): string {
  const title = b.marker ? `${b.marker} ${b.text}` : b.text;
  if (format === 'text') return title;
  return `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${escapeInline(title)}`;
}

export function renderDocument(blocks: readonly Block[], outline: Outline, format: DocumentFormat): string {
  const out: string[] = [];
  let listOpen = false;
  blocks.forEach((b, i) => {
    let text: string;
    const level = outline.get(i);
    if (b.kind === 'table') text = table(b, format);
    else if (level !== undefined) text = heading(b, level, format);
    else if (b.kind === 'list-item') text = listItem(b, format);
    else if (b.kind === 'aside') text = b.text.split('\n').map((l) => (format === 'markdown' ? `> ${escapeInline(l)}` : `  ${l}`)).join('\n');
    else {
      const body = b.marker ? `${b.marker} ${b.text}` : b.text;
      text = format === 'markdown' ? paragraph(body) : body;
    }
    // the items of one list stay together; everything else is a block of its own
    const inList = b.kind === 'list-item' && level === undefined;
    if (out.length) out.push(inList && listOpen ? '\n' : '\n\n');
    out.push(text);
    listOpen = inList;
  });
  return out.length ? `${out.join('')}\n` : '';
}
