/**
 * Layout's output: format-neutral blocks. Later stages never see pdf.js, mammoth or HTML objects.
 */

/** Why a block may be a heading; the section recogniser weighs these. */
export type HeadingCue =
  | 'style' // Word heading style, <hN>, Markdown #
  | 'title' // Word Title style, or the largest text on the first page
  | 'size' // larger than the body text
  | 'bold' // all bold
  | 'standalone'; // a short line standing alone between gaps

export interface BlockStyle {
  /** font size in points; 0 when the format does not say */
  size: number;
  bold: boolean;
  italic: boolean;
  /** left indent relative to the body text (points for PDF, nesting steps otherwise) */
  indent: number;
  /** PDF list items: where the text after the marker starts (numbers set right-aligned start apart, their text together) */
  textX?: number;
}

interface BlockBase {
  /** position in reading order */
  index: number;
  /** page the block starts on, null when the format has no pages */
  page: number | null;
  /** page it ends on (differs when it runs over a page break) */
  pageEnd: number | null;
}

export interface TextBlock extends BlockBase {
  /** `aside`: a sidebar or pull quote set apart from the body (a box, <aside>), never part of a body paragraph */
  kind: 'heading' | 'paragraph' | 'list-item' | 'aside';
  /** the text without its marker, joined into one line */
  text: string;
  /**
   * a leading number or bullet as printed: "1.", "2.1", "(a)", "•"; null when there is none. A
   * list item without one is a further paragraph of the item before it (set at that item's text
   * indent, or inside its <li>), kept as its own block so the item's first paragraph stays whole.
   */
  marker: string | null;
  /** heading: level the format states (1–6; 0 = document title; null = not stated); list item: nesting from 0 */
  level: number | null;
  style: BlockStyle;
  cues: HeadingCue[];
}

/** A further paragraph of the list item before it (see TextBlock.marker). */
export const isFurtherParagraph = (b: Block): boolean => b.kind === 'list-item' && b.marker === null;

export interface TableRow {
  cells: string[];
  header: boolean;
  page: number | null;
}

export interface TableBlock extends BlockBase {
  kind: 'table';
  rows: TableRow[];
  columns: number;
  /** a front sheet of "label: value" rows (By:, To:, Date:, Subject:), read as fields */
  fields?: FormField[];
}

export interface FormField {
  /** the label without its colon */
  label: string;
  value: string;
}

export type Block = TextBlock | TableBlock;

/** A running header, footer or page number taken out of the text. */
export interface FurnitureLine {
  text: string;
  pages: number[];
}

export interface Layout {
  blocks: Block[];
  furniture: FurnitureLine[];
  /** table-of-contents entries kept out of the text */
  toc: string[];
}

export const plainStyle = (): BlockStyle => ({ size: 0, bold: false, italic: false, indent: 0 });

export function textBlock(
  kind: TextBlock['kind'],
  text: string,
  fields: Partial<Omit<TextBlock, 'kind' | 'text'>> = {},
): TextBlock {
  return {
    kind,
    index: fields.index ?? 0,
    page: fields.page ?? null,
    pageEnd: fields.pageEnd ?? fields.page ?? null,
    text,
    marker: fields.marker ?? null,
    level: fields.level ?? null,
    style: fields.style ?? plainStyle(),
    cues: fields.cues ?? [],
  };
}

export function tableBlock(rows: TableRow[], fields: Partial<Omit<TableBlock, 'kind' | 'rows'>> = {}): TableBlock {
  const columns = fields.columns ?? rows.reduce((n, r) => Math.max(n, r.cells.length), 0);
  const first = rows.find((r) => r.page != null)?.page ?? null;
  const last = [...rows].reverse().find((r) => r.page != null)?.page ?? null;
  return { kind: 'table', index: fields.index ?? 0, page: fields.page ?? first, pageEnd: fields.pageEnd ?? last, rows, columns };
}

/** The text a reader sees for a block: marker and text, or table rows with cells tab-separated. */
export function blockText(b: Block): string {
  if (b.kind === 'table') return b.rows.map((r) => r.cells.join('\t')).join('\n');
  return b.marker ? `${b.marker} ${b.text}` : b.text;
}
