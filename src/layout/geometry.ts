/**
 * Page geometry → lines and tables, for formats with real positions (PDF). Pieces arrive in
 * content-stream order; a piece is a run of text on one baseline (loaders split at tab stops and
 * column gaps). Tables are found where pieces sit side by side with clear vertical gutters between
 * them; everything else is read as lines.
 */
import type { RawLine, RawPage, RawShape } from '../load/raw.js';
import { isBareMarker, matchMarker } from './markers.js';
import { normaliseText } from './normalise.js';
import { appendAll } from '../arrays.js';

export interface PLine {
  text: string;
  /** a leading bullet or number set apart from the text */
  marker: string | null;
  /** left edge of the text (after any marker) and of the marker */
  x: number;
  markerX: number;
  /** baseline from the top of the page */
  y: number;
  right: number;
  size: number;
  bold: boolean;
  italic: boolean;
  page: number | null;
  /** content-stream position on its page */
  order: number;
  /** the column the line was read in, on pages set in columns (see columns.ts) */
  flow?: Flow;
  /** the text's colour as #rrggbb, when the engine knows it */
  color?: string;
  /** the sidebar or pull-quote box the line is in (see markAsides) */
  aside?: number;
}

/** One column of a page: lines in different flows never share a paragraph line to line. */
export interface Flow {
  id: number;
  /** where the column's body text starts and where its lines wrap */
  left: number;
  right: number;
}

/** An x on the line's page measured from its column's left edge (from the page's, outside columns). */
export const fromEdge = (line: PLine, x: number = line.x): number => x - (line.flow?.left ?? 0);

export interface ProtoTable {
  type: 'table';
  page: number | null;
  /** [left, right] of each column */
  columns: [number, number][];
  rows: { cells: PLine[][] }[];
}

export interface ProtoLines {
  type: 'lines';
  lines: PLine[];
}

export type Proto = ProtoTable | ProtoLines;

function toPLine(l: RawLine, page: number | null, order: number): PLine {
  // "(a) **Develop …**": a bold item is bold though its marker is not
  const bold = l.bold || (l.plainLead !== undefined && isBareMarker(normaliseText(l.plainLead)));
  const line: PLine = { text: normaliseText(l.text), marker: null, x: l.x, markerX: l.x, y: l.y, right: l.x + l.width, size: l.size, bold, italic: l.italic, page, order };
  if (l.color) line.color = l.color;
  return line;
}

const sameBaseline = (a: PLine, b: PLine) => Math.abs(a.y - b.y) < 0.5 * Math.max(a.size, b.size, 1);

/** A bullet glyph or number standing apart (tab) before its text becomes that text's marker. */
export function mergeMarkers(pieces: PLine[]): PLine[] {
  const out: PLine[] = [];
  // the right edge of each baseline's text (by whole point), to tell a table row from a list item
  const lineEnd = new Map<number, number>();
  for (const p of pieces) {
    const k = Math.round(p.y);
    lineEnd.set(k, Math.max(lineEnd.get(k) ?? -Infinity, p.right));
  }
  const moreToTheRight = (next: PLine) => [-1, 0, 1].some((d) => (lineEnd.get(Math.round(next.y) + d) ?? -Infinity) > next.right + 1);
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const next = pieces[i + 1];
    // "1" + tab + "Introduction": a bare section number is a marker too when its title follows closely
    const bareNumber = /^\d{1,2}$/.test(p.text) && next !== undefined && /^\p{Lu}/u.test(next.text) && next.x - p.right < 5 * Math.max(p.size, 1);
    // Word's second-level bullet is a letter "o" (Courier New) set apart by a tab
    const letterBullet = p.text === 'o' && next !== undefined && next.x - p.right > 0.5 * Math.max(p.size, 1);
    // a number in a table's first column ("Ref") keeps its cell: on a row with cells further right,
    // only a marker set close to its text is a marker
    const tableCell = (n: PLine) => moreToTheRight(n) && n.x - p.right > 1.5 * Math.max(p.size, 1);
    if (next && (isBareMarker(p.text) || bareNumber || letterBullet) && sameBaseline(p, next) && next.x > p.x && !next.marker && !tableCell(next)) {
      out.push({ ...next, marker: bareNumber ? p.text : letterBullet ? '•' : matchMarker(`${p.text} `)!.marker, markerX: p.x, y: next.y });
      i++;
      continue;
    }
    out.push(p);
  }
  return out;
}

export interface VLine {
  y: number;
  size: number;
  pieces: PLine[];
}

export function visualLines(pieces: readonly PLine[]): VLine[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const out: VLine[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(p.y - last.y) < 0.5 * Math.max(last.size, p.size, 1)) {
      last.pieces.push(p);
      last.size = Math.max(last.size, p.size);
    } else {
      out.push({ y: p.y, size: p.size, pieces: [p] });
    }
  }
  for (const l of out) l.pieces.sort((a, b) => a.markerX - b.markerX);
  return out;
}

/** Footnote marks and other small raised text do not make a line multi-column. */
const mainPieces = (l: VLine) => l.pieces.filter((p) => p.size >= 0.75 * l.size);
const isMultiColumn = (l: VLine) => mainPieces(l).length >= 2;

/** Columns of a set of lines: the x-intervals left between vertical gutters no piece crosses. */
export function columnsOf(lines: readonly VLine[]): [number, number][] {
  return lines.reduce<[number, number][]>((cols, l) => withLine(cols, l), []);
}

/** The columns once a line is added: its pieces' spans merged into the intervals (a new array). */
function withLine(cols: readonly [number, number][], line: VLine): [number, number][] {
  const spans = [...cols.map((c): [number, number] => [c[0], c[1]]), ...line.pieces.map((p): [number, number] => [p.markerX, p.right])].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = out[out.length - 1];
    // a gutter narrower than a few points is just word spacing
    if (last && s <= last[1] + 4) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function columnIndex(cols: readonly [number, number][], p: PLine): number {
  const mid = (p.markerX + p.right) / 2;
  let best = 0;
  let bestDist = Infinity;
  cols.forEach(([s, e], i) => {
    const d = mid < s ? s - mid : mid > e ? mid - e : 0;
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  });
  return best;
}

interface Region {
  lines: VLine[];
  columns: [number, number][];
}

/**
 * A column only the header row's labels occupy (a label centred over its column, clear of the
 * column's left-aligned cells) belongs to the column whose cell — from its own start to the next
 * column's — holds the label's centre.
 */
function foldHeaderColumns(lines: readonly VLine[], cols: [number, number][]): [number, number][] {
  if (cols.length < 3 || lines.length < 3) return cols;
  const head = lines[0]!;
  const used = new Set<number>();
  for (const l of lines.slice(1)) for (const p of l.pieces) used.add(columnIndex(cols, p));
  const out = cols.map((c): [number, number] => [c[0], c[1]]);
  for (let k = out.length - 1; k >= 1; k--) {
    if (used.has(k)) continue;
    const labels = head.pieces.filter((p) => columnIndex(cols, p) === k);
    const owner = k - 1;
    const cellEnd = out[k + 1]?.[0] ?? Infinity;
    if (!labels.length || !used.has(owner) || !labels.every((p) => (p.markerX + p.right) / 2 < cellEnd && (p.markerX + p.right) / 2 > out[owner]![0])) continue;
    out[owner]![1] = Math.max(out[owner]![1], out[k]![1]);
    out.splice(k, 1);
  }
  return out;
}

/**
 * Table regions: start at a line with pieces side by side, grow while the column gutters hold
 * and the next line continues a cell (or sits between two multi-column lines).
 */
export function findTableRegions(pieces: readonly PLine[]): Region[] {
  const vlines = visualLines(pieces);
  const regions: Region[] = [];
  const used = new Set<number>();
  for (let i = 0; i < vlines.length; i++) {
    if (used.has(i) || !isMultiColumn(vlines[i]!)) continue;
    let cols = columnsOf([vlines[i]!]);
    if (cols.length < 2) continue;
    let start = i;
    let end = i;
    const em = (l: VLine) => Math.max(l.size, 1);
    const allBold = (l: VLine | undefined) => l !== undefined && l.pieces.every((p) => p.bold);
    // the gutters the body rows keep: a bold header's centred labels may leave gutters a wider
    // cell below crosses
    let bodyCols: [number, number][] = allBold(vlines[i]!) ? [] : cols;
    for (let j = i + 1; j < vlines.length; j++) {
      const vl = vlines[j]!;
      const prev = vlines[end]!;
      const gap = vl.y - prev.y;
      const trial = withLine(cols, vl);
      if (trial.length < cols.length) {
        // the line crosses a gutter: full-width text, unless only the header made that gutter
        const body = withLine(bodyCols, vl);
        if (!bodyCols.length || body.length < bodyCols.length || body.length < 2) break;
      }
      if (!allBold(vl)) bodyCols = withLine(bodyCols, vl);
      if (isMultiColumn(vl)) {
        if (gap > 3.5 * em(vl)) break;
      } else {
        const col = columnIndex(trial, vl.pieces[0]!);
        const next = vlines[j + 1];
        const continues = gap <= (col === 0 ? 1.5 : 3) * em(vl);
        const sandwiched = next !== undefined && isMultiColumn(next) && gap <= 2 * em(vl) && next.y - vl.y <= 2 * em(vl) && withLine(trial, next).length >= cols.length;
        if (!continues && !sandwiched) break;
      }
      cols = trial;
      end = j;
    }
    for (let j = start - 1; j >= 0; j--) {
      const vl = vlines[j]!;
      if (used.has(j)) break;
      const gap = vlines[start]!.y - vl.y;
      const trial = withLine(cols, vl);
      if (trial.length < cols.length) break;
      // a bold header row sits a row's padding above the body, its labels inside the columns
      // (centred, so they need not start where the cells do); a label's second line counts
      // when the row's first line, above it, has labels side by side
      const above = vlines[j - 1];
      const sideBySide = isMultiColumn(vl) || (above !== undefined && isMultiColumn(above) && allBold(above) && vl.y - above.y <= 1.5 * em(vl) && withLine(trial, above).length === cols.length);
      const header = allBold(vl) && sideBySide && gap <= 2.5 * em(vl);
      if (!header && (isMultiColumn(vl) || gap > 1.5 * em(vl))) break;
      // a heading or caption above the table is set in its own size
      if (Math.abs(vl.size - vlines[start]!.size) > 1) break;
      cols = trial;
      start = j;
    }
    const lines = vlines.slice(start, end + 1);
    cols = foldHeaderColumns(lines, cols);
    // a table's columns line up over rows: one line of pieces apart (justified text with wide
    // word gaps, a label and its value) is read as a line
    if (lines.filter(isMultiColumn).length < 2) continue;
    for (let j = start; j <= end; j++) used.add(j);
    regions.push({ lines, columns: cols });
    i = end;
  }
  return regions;
}

/**
 * Rows of a table region. Cells are runs of pieces that follow each other in the content stream
 * within one column, moving down; rows are bands of overlapping runs. Producers that write a
 * table cell by cell (Word, LibreOffice) thus keep multi-line cells whole; producers that write
 * line by line give a row per line, which table clean-up merges back.
 */
export function regionToTable(region: Region, page: number | null, lineSpacing: number): ProtoTable {
  const pieces = region.lines.flatMap((l) => l.pieces).sort((a, b) => a.order - b.order);
  interface Run { col: number; lines: PLine[]; top: number; bottom: number }
  const runs: Run[] = [];
  let cur: Run | null = null;
  for (const p of pieces) {
    const col = columnIndex(region.columns, p);
    // one cell's lines follow at line spacing; a wider step down is the next row's cell
    if (cur && cur.col === col && p.y >= cur.bottom - 0.5 * Math.max(p.size, 1) && p.y - cur.bottom <= 1.2 * lineSpacing * (p.size / 12 || 1)) {
      cur.lines.push(p);
      cur.bottom = Math.max(cur.bottom, p.y);
      continue;
    }
    cur = { col, lines: [p], top: p.y, bottom: p.y };
    runs.push(cur);
  }
  runs.sort((a, b) => a.top - b.top || a.lines[0]!.order - b.lines[0]!.order);
  const bands: { top: number; bottom: number; runs: Run[] }[] = [];
  for (const r of runs) {
    const band = bands[bands.length - 1];
    const size = Math.max(r.lines[0]!.size, 1);
    if (band && r.top <= band.bottom + 0.3 * size) {
      band.runs.push(r);
      band.bottom = Math.max(band.bottom, r.bottom);
    } else {
      bands.push({ top: r.top, bottom: r.bottom, runs: [r] });
    }
  }
  const rows = bands.map((band) => {
    const cells: PLine[][] = region.columns.map(() => []);
    for (const r of [...band.runs].sort((a, b) => a.top - b.top || a.lines[0]!.order - b.lines[0]!.order)) appendAll(cells[r.col]!, r.lines);
    return { cells };
  });
  return { type: 'table', page, columns: region.columns, rows };
}

/**
 * Bullets drawn as shapes (browsers and design tools draw list bullets as small filled squares or
 * circles, with no character in the text): a mark just left of the first piece on a line, within
 * the height of its text, becomes that piece's marker.
 */
export function attachDrawnMarkers(pieces: PLine[], shapes: readonly RawShape[]): PLine[] {
  const marks = shapes.filter((s) => s.kind === 'mark');
  if (!marks.length) return pieces;
  const out = [...pieces];
  // pieces by baseline, so each mark looks only at the lines near its height (a page may draw
  // thousands of marks beside thousands of lines)
  const byY = out.map((_, i) => i).sort((a, b) => out[a]!.y - out[b]!.y);
  const ys = byY.map((i) => out[i]!.y);
  const maxSize = out.reduce((m, p) => Math.max(m, p.size), 1);
  const near = function* (from: number, to: number) {
    let lo = 0;
    let hi = ys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ys[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < ys.length && ys[k]! <= to; k++) yield byY[k]!;
  };
  for (const m of marks) {
    const cy = m.y + m.height / 2;
    const right = m.x + m.width;
    let best = -1;
    for (const i of near(cy - 0.1 * maxSize, cy + 0.9 * maxSize)) {
      const p = out[i]!;
      const size = Math.max(p.size, 1);
      // a bullet is smaller than the text it marks, sits within the text's height and just left of it
      if (p.marker || Math.max(m.width, m.height) > 0.8 * size) continue;
      if (cy < p.y - 0.9 * size || cy > p.y + 0.1 * size) continue;
      const gap = p.markerX - right;
      if (gap < 0 || gap > 3 * size) continue;
      if (best < 0 || p.markerX < out[best]!.markerX || (p.markerX === out[best]!.markerX && i < best)) best = i;
    }
    if (best < 0) continue;
    const p = out[best]!;
    // nothing else on the line between the mark and the text
    let between = false;
    for (const i of near(p.y - 0.5 * maxSize, p.y + 0.5 * maxSize)) {
      const q = out[i]!;
      if (q !== p && sameBaseline(q, p) && q.right > right && q.markerX < p.markerX) between = true;
    }
    if (!between) out[best] = { ...p, marker: '•', markerX: m.x };
  }
  return out;
}

/**
 * Justified lines, which loaders split at every stretched word gap, made whole. Justification
 * spreads a line's spare width evenly over its word gaps, so three or more pieces in a row on one
 * baseline with gaps of one width (and none a column's) are one line; a table row's gutters
 * follow its cells' lengths and differ.
 */
export function joinJustified(pieces: readonly PLine[]): PLine[] {
  const out: PLine[] = [];
  let i = 0;
  while (i < pieces.length) {
    let j = i + 1;
    while (j < pieces.length && sameBaseline(pieces[j - 1]!, pieces[j]!) && pieces[j]!.markerX > pieces[j - 1]!.right) j++;
    // a marker set apart keeps its own gap: the words after it may still be one justified line
    const from = j - i >= 3 && isBareMarker(pieces[i]!.text) ? i + 1 : i;
    if (j - from >= 3) {
      const run = pieces.slice(from, j);
      let [least, most, em] = [Infinity, -Infinity, 1];
      for (let k = 1; k < run.length; k++) {
        const gap = run[k]!.markerX - run[k - 1]!.right;
        least = Math.min(least, gap);
        most = Math.max(most, gap);
      }
      for (const p of run) em = Math.max(em, p.size);
      const even = most <= 1.5 * least + 0.1 * em && most < 3 * em;
      if (even) {
        appendAll(out, pieces.slice(i, from));
        const first = run[0]!;
        const last = run[run.length - 1]!;
        out.push({ ...first, text: run.map((p) => p.text).join(' '), right: last.right, bold: run.every((p) => p.bold), italic: run.every((p) => p.italic) });
        i = j;
        continue;
      }
    }
    appendAll(out, pieces.slice(i, j));
    i = j;
  }
  return out;
}

/** A page's pieces, normalised, in content-stream order, with lone and drawn markers merged into their text. */
export function pagePieces(page: RawPage): PLine[] {
  const pieces = mergeMarkers(joinJustified(page.lines.map((l, i) => toPLine(l, page.number, i)).filter((p) => p.text !== '')));
  if (!page.shapes?.length) return pieces;
  return markAsides(attachDrawnMarkers(pieces, page.shapes), page.shapes, page.width);
}

/**
 * Sidebars and pull quotes: a filled box, narrower than the text area, holding lines of running
 * text one piece wide (a table's shaded cells sit side by side; a banded heading is one line). Its
 * pieces are marked with the box, so no body paragraph takes them in.
 */
export function markAsides(pieces: PLine[], shapes: readonly RawShape[], pageWidth: number): PLine[] {
  const fills = shapes.filter((s) => s.kind === 'fill' && s.height >= 20 && s.width >= 60);
  let id = 0;
  for (const box of fills) {
    // cells of a table row are drawn edge to edge; a box stands alone
    if (fills.some((f) => f !== box && Math.abs(f.y - box.y) < 1 && (Math.abs(f.x - (box.x + box.width)) < 2 || Math.abs(box.x - (f.x + f.width)) < 2))) continue;
    if (pageWidth > 0 && box.width > 0.6 * pageWidth) continue;
    const inside = pieces.filter((p) => p.y > box.y && p.y - p.size < box.y + box.height && p.markerX >= box.x - 1 && p.right <= box.x + box.width + 1);
    const lines = visualLines(inside);
    if (lines.length < 2 || lines.some((l) => l.pieces.length > 1)) continue;
    id++;
    for (const p of inside) p.aside = id;
  }
  return pieces;
}

/** One page's pieces → protos in reading order (the content stream's, with each table where it starts). */
export function pageToProtos(pieces: readonly PLine[], page: number | null, lineSpacing: number): Proto[] {
  const regions = findTableRegions(pieces);
  const regionOf = new Map<PLine, number>();
  regions.forEach((r, i) => r.lines.forEach((l) => l.pieces.forEach((p) => regionOf.set(p, i))));
  const emitted = new Set<number>();
  const protos: Proto[] = [];
  for (const p of pieces) {
    const r = regionOf.get(p);
    if (r !== undefined) {
      if (!emitted.has(r)) {
        emitted.add(r);
        protos.push(regionToTable(regions[r]!, page, lineSpacing));
      }
      continue;
    }
    let last = protos[protos.length - 1];
    if (!last || last.type !== 'lines') protos.push((last = { type: 'lines', lines: [] }));
    const prev = last.lines[last.lines.length - 1];
    // pieces left on one baseline outside a table (a tab inside a paragraph) read as one line
    if (prev && sameBaseline(prev, p) && p.x > prev.right && !p.marker) {
      last.lines[last.lines.length - 1] = { ...prev, text: `${prev.text} ${p.text}`, right: p.right, bold: prev.bold && p.bold };
      continue;
    }
    last.lines.push(p);
  }
  return protos;
}
