/**
 * Reading order on pages set in columns. A page is cut into horizontal bands at the lines that
 * cross its middle (full-width headings, tables, boxes); a band whose lines all leave one vertical
 * strip of whitespace free, with running text on both sides of it, is read column by column
 * (recursively, so three columns or a column with a sidebar read the same way), the rest of such a
 * page top to bottom; a page without columns keeps the content stream's order. A table's columns
 * are told from text columns by what a table does and running text does not: rows that start
 * together on every side, rules across the gutter, cells aligned under each other.
 */
import type { RawShape } from '../load/raw.js';
import { visualLines, type PLine, type VLine } from './geometry.js';
import { appendAll } from '../arrays.js';

/** A run of pieces read as one flow; `column` is set when the run is one column of a band. */
export interface Segment {
  pieces: PLine[];
  /** where the segment sits: null for full width, else the column's [left, right] */
  column: [number, number] | null;
}

type Interval = [number, number];

/** Free x-intervals of `area` that none of the line's pieces covers. */
function freeOf(line: VLine, area: Interval): Interval[] {
  const spans = line.pieces.map((p): Interval => [p.markerX, p.right]).sort((a, b) => a[0] - b[0]);
  const free: Interval[] = [];
  let from = area[0];
  for (const [s, e] of spans) {
    if (s > from) free.push([from, Math.min(s, area[1])]);
    from = Math.max(from, e);
    if (from >= area[1]) break;
  }
  if (from < area[1]) free.push([from, area[1]]);
  return free.filter(([s, e]) => e > s);
}

function intersect(a: readonly Interval[], b: readonly Interval[], minWidth: number): Interval[] {
  const out: Interval[] = [];
  for (const [s1, e1] of a) {
    for (const [s2, e2] of b) {
      const s = Math.max(s1, s2);
      const e = Math.min(e1, e2);
      if (e - s >= minWidth) out.push([s, e]);
    }
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

/** Where pieces start and end (a loop: a page may hold more pieces than a call takes arguments). */
function extent(pieces: Iterable<PLine>): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (const p of pieces) {
    if (p.markerX < left) left = p.markerX;
    if (p.right > right) right = p.right;
  }
  return { left, right };
}

/** One side of a gutter. */
interface Side {
  /** the band's lines with only this side's pieces (what the side is cut into further) */
  lines: VLine[];
  /** the side's own baselines: across a gutter, columns' baselines a point or two apart share
   * the band's line, and a paragraph's start must not take the other column's height */
  rows: VLine[];
  left: number;
  right: number;
}

/** The band's lines either side of the gutter at `g` (no piece crosses it). */
function split(lines: readonly VLine[], g: number): [Side, Side] {
  const side = (keep: (p: PLine) => boolean): Side => {
    const kept = lines.map((l) => ({ ...l, pieces: l.pieces.filter(keep) })).filter((l) => l.pieces.length);
    const pieces = kept.flatMap((l) => l.pieces);
    return { lines: kept, rows: visualLines(pieces), ...extent(pieces) };
  };
  return [side((p) => p.right <= g), side((p) => p.markerX >= g)];
}

/**
 * How many of a side's baselines hold a second piece starting where another baseline's does: the
 * cells of a table column. (Justified lines split at wide word gaps too, but never in one place.)
 */
function sideByside(side: Side): number {
  const starts = side.rows.map((l) => l.pieces.filter((p) => p.size >= 0.75 * l.size).slice(1).map((p) => p.markerX));
  const all = starts.flat();
  return starts.filter((xs) => xs.some((x) => all.filter((y) => Math.abs(x - y) < 1.5).length >= 2)).length;
}

/**
 * Running text: most lines run to the side's right edge (the text wrapped there). The y of each
 * paragraph start after the first (a gap above, a marker, or a short line before it).
 */
function prose(side: Side): { wrapped: number; starts: number[]; rows: number } {
  const rows = side.rows.map((l) => ({ y: l.y, right: extent(l.pieces).right, size: Math.max(l.size, 1), marker: l.pieces[0]!.marker !== null }));
  const step = median(rows.slice(1).map((r, i) => r.y - rows[i]!.y).filter((d) => d > 0)) || 14;
  let full = 0;
  const starts: number[] = [];
  rows.forEach((r, i) => {
    if (r.right >= side.right - 1.5 * r.size) full++;
    if (i === 0) return;
    const prev = rows[i - 1]!;
    if (r.y - prev.y > 1.35 * step || r.marker || prev.right < side.right - 3 * r.size) starts.push(r.y);
  });
  // a paragraph's last line is short: count a side as running text when most of the rest is full
  return { wrapped: full / Math.max(1, rows.length - starts.length - 1), starts, rows: rows.length };
}

/**
 * What a band split at a gutter is: running text in columns, a table (cells side by side, rules
 * across the gutter, rows starting together), or neither (too short, too narrow, not wrapped).
 */
type Verdict = 'columns' | 'table' | 'neither';

function judgeBand(lines: readonly VLine[], [left, right]: [Side, Side], gutter: number, area: Interval, rules: readonly RawShape[]): Verdict {
  const a = prose(left);
  const b = prose(right);
  // the end of a column band may be short: two lines, when the columns hold five between them
  if (a.rows < 2 || b.rows < 2 || a.rows + b.rows < 5) return 'neither';
  // a column of running text has one piece per line; pieces side by side within a side are the
  // cells of a table whose widest gutter only happened to fall here
  if (sideByside(left) >= 2 || sideByside(right) >= 2) return 'table';
  const width = area[1] - area[0];
  // each side a real measure of text, not a column of labels or numbers
  if (left.right - left.left < 0.25 * width || right.right - right.left < 0.25 * width) return 'neither';
  if (a.wrapped < 0.6 || b.wrapped < 0.6) return 'neither';
  const top = lines.reduce((t, l) => Math.min(t, l.y - l.size), Infinity);
  const bottom = lines.reduce((b, l) => Math.max(b, l.y), -Infinity);
  // a rule drawn across the gutter inside the band is a table's row border
  const ruled = rules.some((r) => r.width > r.height && r.x < gutter - 2 && r.x + r.width > gutter + 2 && r.y > top + 2 && r.y < bottom - 2);
  if (ruled) return 'table';
  // the left side's last line wraps into the right side's first, which carries on in lower case:
  // one flow of text, however evenly its items line up across the gutter
  const lastLeft = left.rows[left.rows.length - 1];
  const firstRight = right.rows[0];
  if (lastLeft && firstRight) {
    const end = lastLeft.pieces[lastLeft.pieces.length - 1]!;
    const runsOn = extent(lastLeft.pieces).right >= left.right - 1.5 * Math.max(lastLeft.size, 1) && !/[.!?:;]["”’)]?$/.test(end.text);
    if (runsOn && /^\p{Ll}/u.test(firstRight.pieces[0]!.text)) return 'columns';
  }
  // a table's cells share their row's first baseline exactly; the paragraphs of two columns start
  // where they fall
  const together = a.starts.filter((y) => b.starts.some((z) => Math.abs(y - z) < 1)).length;
  const fewer = Math.min(a.starts.length, b.starts.length);
  // one shared baseline is chance (columns often share a baseline grid); rows repeat
  return fewer < 2 || together < 2 || together / fewer < 0.5 ? 'columns' : 'table';
}

const MAX_DEPTH = 3;

/** Where the labels of a header row start: the last line of a band, when it is short labels side by side. */
function headerLabels(lines: readonly VLine[]): number[] {
  const last = lines[lines.length - 1];
  if (!last || last.pieces.length < 2 || last.pieces.some((p) => p.text.split(/\s+/).length > 4)) return [];
  return last.pieces.map((p) => p.markerX);
}

/** A fill or a horizontal rule: what can cut the flow across a page. */
const isBand = (s: RawShape) => s.kind === 'fill' || (s.kind === 'rule' && s.width > s.height);

/** A shape with the pieces drawn edge to edge at its height joined into it (`parts` of them). */
type Joined = RawShape & { parts: number };

/**
 * Fills and horizontal rules side by side at one height, edge to edge, as one: the shaded cells of
 * a table's row, and the borders drawn cell by cell, span the page together though each covers one
 * column.
 */
function joinAbutting(shapes: readonly RawShape[]): Joined[] {
  const sorted = shapes.filter(isBand).sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || a.y - b.y || a.x - b.x);
  const out = shapes.filter((s) => !isBand(s)).map((s) => ({ ...s, parts: 1 }));
  let run: Joined | null = null;
  for (const f of sorted) {
    if (run && f.kind === run.kind && Math.abs(f.y - run.y) < 1 && Math.abs(f.height - run.height) < 1 && f.x <= run.x + run.width + 2 && f.x >= run.x) {
      run.width = Math.max(run.width, f.x + f.width - run.x);
      run.parts++;
      continue;
    }
    if (run) out.push(run);
    run = { ...f, parts: 1 };
  }
  if (run) out.push(run);
  return out;
}

/** What every level of a page's cut shares. */
interface PageShapes {
  /** the page's rules as drawn (a rule across a gutter inside a band is a table's) */
  rules: readonly RawShape[];
  /** fills and rules with the pieces drawn edge to edge joined (see joinAbutting) */
  joined: readonly Joined[];
  grid: readonly GridColumn[];
  /** set when a band could have continued a document's columns (see readingSegments) */
  undecided: boolean;
}

function cut(lines: VLine[], area: Interval, page: PageShapes, depth: number, out: Segment[], column: Interval | null): void {
  const { rules, grid } = page;
  const width = area[1] - area[0];
  const sizes = lines.map((l) => l.size);
  const minGutter = Math.max(6, 0.8 * (median(sizes) || 10));
  // gutters worth trying lie in the middle of the area: a column is at least a fifth of it
  const middle: Interval = [area[0] + 0.2 * width, area[1] - 0.2 * width];
  // a band or a rule drawn across the middle is a full-width element (a banded heading, a table's
  // header): the flow is cut above it, and any text on it spans the page
  const spanning = page.joined.filter((r) => isBand(r) && r.x <= middle[0] && r.x + r.width >= middle[1]);
  /**
   * `atShape`: the band starts at a full-width shape, not where a line narrowed the gutter;
   * `atBorder`: that shape is a border drawn cell by cell (a table's row border)
   */
  const bands: { lines: VLine[]; free: Interval[]; atShape: boolean; atBorder: boolean }[] = [];
  let run: (typeof bands)[number] | null = null;
  let prevY = -Infinity;
  for (const line of lines) {
    const top = line.y - line.size;
    const onShape = spanning.some((r) => r.y <= line.y && r.y + r.height >= top);
    const above = spanning.filter((r) => r.y + r.height >= prevY && r.y <= top);
    prevY = line.y;
    const f = onShape ? [] : freeOf(line, middle).filter(([s, e]) => e - s >= minGutter);
    const inter = run && f.length && !above.length ? intersect(run.free, f, minGutter) : [];
    if (run && inter.length) {
      run.lines.push(line);
      run.free = inter;
    } else {
      run = { lines: [line], free: f, atShape: onShape || above.length > 0, atBorder: above.some((r) => r.kind === 'rule' && r.parts >= 2) };
      bands.push(run);
    }
  }
  // a band between two cell-by-cell borders is a row of a ruled table
  const borders = spanning.filter((r) => r.kind === 'rule' && r.parts >= 2);
  const tableRow = (i: number) => {
    const last = bands[i]!.lines[bands[i]!.lines.length - 1]!;
    const next = bands[i + 1]?.lines[0];
    return bands[i]!.atBorder && borders.some((r) => r.y >= last.y && (!next || r.y <= next.y - next.size));
  };
  type Columns = { gutter: number; sides: [Side, Side] };
  const judged: (Columns | null)[] = [];
  const tables = new Set<number>();
  // the gutter of the last band judged a table: a line of a cell that nearly fills its column ends
  // the band, and the rest of the table below must not read as text columns
  let tableGutter: number | null = null;
  bands.forEach((band, i) => {
    let columns: Columns | null = null;
    if (band.atShape) tableGutter = null;
    if (tableRow(i)) {
      tables.add(i);
      if (band.free.length) tableGutter = (band.free[0]![0] + band.free[0]![1]) / 2;
    } else if (depth < MAX_DEPTH && band.free.length && band.lines.length >= 3) {
      const widest = band.free.reduce((w, i) => (i[1] - i[0] > w[1] - w[0] ? i : w));
      const gutter = (widest[0] + widest[1]) / 2;
      const sides = split(band.lines, gutter);
      let verdict = judgeBand(band.lines, sides, gutter, area, rules);
      if (verdict === 'columns' && tableGutter !== null && Math.abs(gutter - tableGutter) < minGutter) verdict = 'table';
      // under a header row with more labels than the band has sides, starting where its sides do,
      // the sides are columns of a table (one of them empty here: a row carried over a page)
      // (the header's band, or the one before a one-line band under it: a row's first line)
      const labels = [bands[i - 1], bands[i - 2]].filter((b, k) => b && (k === 0 || bands[i - 1]!.lines.length <= 2)).map((b) => headerLabels(b!.lines)).find((l) => l.length) ?? [];
      if (verdict === 'columns' && labels.length > 2 && sides.every((sd) => labels.some((x) => Math.abs(x - sd.left) < 3))) verdict = 'table';
      if (verdict === 'columns') columns = { gutter, sides };
      if (verdict === 'table') tables.add(i);
      // (a line or two between, too short to judge, keeps the table going)
      tableGutter = verdict === 'table' ? gutter : null;
    }
    judged.push(columns);
  });
  // a band too short (or too broken up) to judge alone (the last lines of columns above a banded
  // heading, a page of short column stretches between boxes) continues the page's or the
  // document's columns when its free strip holds their gutter and its left side's text runs on into
  // the right side (a line there reaches where the left column wraps)
  const known: GridColumn[] = [...judged.flatMap((c) => (c ? [{ gutter: c.gutter, wrapAt: c.sides[0].right }] : [])), ...(depth === 0 ? grid : [])];
  bands.forEach((band, i) => {
    if (judged[i] || tables.has(i) || depth >= MAX_DEPTH || band.lines.length < 2) return;
    if (depth === 0 && band.free.length) page.undecided = true;
    const c = known.find((k) => band.free.some(([s, e]) => s <= k.gutter && k.gutter <= e));
    if (!c) return;
    const sides = split(band.lines, c.gutter);
    const runsOn = sides[0].rows.some((r) => extent(r.pieces).right >= c.wrapAt - 1.5 * Math.max(r.size, 1));
    if (runsOn && sides[1].rows.length && (sides[0].rows.length + sides[1].rows.length <= 4 || depth === 0)) judged[i] = { gutter: c.gutter, sides };
  });
  const found: { lines: VLine[]; columns: Columns | null }[] = [];
  bands.forEach((band, i) => {
    const columns = judged[i]!;
    const prev = found[found.length - 1];
    // neighbouring bands that are not columns form one flow (tables are found across them)
    if (columns === null && prev && prev.columns === null) appendAll(prev.lines, band.lines);
    else found.push({ lines: band.lines, columns });
  });
  for (const f of found) {
    if (f.columns === null) {
      // top to bottom: designed pages draw a box's title, its text and the body in any order
      out.push({ pieces: f.lines.flatMap((l) => l.pieces), column });
      continue;
    }
    const { gutter: g, sides } = f.columns;
    cut(sides[0].lines, [area[0], g], page, depth + 1, out, [area[0], g]);
    cut(sides[1].lines, [g, area[1]], page, depth + 1, out, [g, area[1]]);
  }
}

/** A page-wide gutter between two text columns, and where the left column's lines wrap. */
export interface GridColumn {
  gutter: number;
  wrapAt: number;
  /** the two columns either side, as their pages' segments have them */
  columns?: readonly [readonly [number, number], readonly [number, number]];
}

/**
 * A page's pieces as segments in reading order. A page without columns is one segment in the
 * content stream's order (top to bottom when `grid` is given). `grid`: the gutters other pages of the document were found
 * to have (see gridOf), which a page of short column stretches may continue.
 */
export function readingSegments(pieces: readonly PLine[], shapes: readonly RawShape[] = [], grid: readonly GridColumn[] = []): Segment[] {
  return pageSegments(pieces, shapes, grid).segments;
}

/**
 * readingSegments, saying too whether the page has a band that the document's columns could
 * decide (a second reading with the document's grid, `again`, can change only such a page).
 */
export function pageSegments(pieces: readonly PLine[], shapes: readonly RawShape[] = [], grid: readonly GridColumn[] = []): { segments: Segment[]; undecided: boolean; again: (grid: readonly GridColumn[]) => Segment[] } {
  if (pieces.length < 6) {
    const segments = [{ pieces: [...pieces], column: null }];
    return { segments, undecided: false, again: () => segments };
  }
  const { left, right } = extent(pieces);
  const area: Interval = [left, right];
  const lines = visualLines(pieces);
  const rules = shapes.filter((s) => s.kind === 'rule');
  const joined = joinAbutting(shapes);
  const read = (g: readonly GridColumn[]) => {
    const out: Segment[] = [];
    const page: PageShapes = { rules, joined, grid: g, undecided: false };
    cut(lines, area, page, 0, out, null);
    // in a document set in columns (a grid is known), a page read as one flow is read top to
    // bottom as well: designed layouts draw their frames in any order
    return { segments: out.length === 1 && !g.length ? [{ pieces: [...pieces], column: null }] : out, undecided: page.undecided };
  };
  // the second reading reuses the page's lines and shapes
  return { ...read(grid), again: (g) => read(g).segments };
}

/**
 * Which column each piece of a full-width segment sits in, on a page whose other bands are set in
 * `columns`: a run of two or more consecutive lines inside one column (a list or a short paragraph
 * in the left column with nothing beside it) wraps at that column's edge, not the page's; a lone
 * line (a running header over one column) and lines crossing the gutter stay full width (null).
 */
export function columnOfPieces(pieces: readonly PLine[], columns: readonly (readonly [number, number])[]): Map<PLine, readonly [number, number]> {
  const out = new Map<PLine, readonly [number, number]>();
  if (!columns.length) return out;
  const lines = visualLines(pieces);
  const fits = lines.map((l) => columns.find((c) => l.pieces.every((p) => p.markerX >= c[0] - 1 && p.right <= c[1] + 1)) ?? null);
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && fits[j] === fits[i]) j++;
    const column = fits[i];
    if (column && j - i >= 2) for (let k = i; k < j; k++) for (const p of lines[k]!.pieces) out.set(p, column);
    i = j;
  }
  return out;
}

/**
 * Where a column's text starts and wraps, from every line of the page inside it (one band of a
 * column may hold only indented list items).
 */
export function columnEdges(pieces: readonly PLine[], column: readonly [number, number]): { left: number; right: number } {
  const inside = pieces.filter((p) => p.markerX >= column[0] - 1 && p.right <= column[1] + 1);
  const rights = inside.map((p) => p.right).sort((a, b) => a - b);
  return { left: extent(inside).left, right: rights[Math.floor(rights.length * 0.95)] ?? column[1] };
}

/**
 * Where each column's text starts, from every page set in the same grid: a designed layout repeats
 * its columns page after page, and a page whose column holds only list items (markers and text
 * indented past the body's edge) must not take the first marker for the edge. The most common edge
 * among the pages with that column wins (the nearer the margin on a tie); null for a column no
 * other page shares.
 */
export function columnLefts(pages: readonly { pieces: readonly PLine[]; segments: readonly Segment[] }[]): (column: readonly [number, number]) => number | null {
  const grid: { column: readonly [number, number]; votes: Map<number, number> }[] = [];
  const near = (a: readonly [number, number], b: readonly [number, number]) => Math.abs(a[0] - b[0]) < 8 && Math.abs(a[1] - b[1]) < 8;
  for (const { pieces, segments } of pages) {
    const seen: (readonly [number, number])[] = [];
    for (const { column } of segments) {
      if (!column || seen.some((c) => near(c, column))) continue;
      seen.push(column);
      const left = Math.round(columnEdges(pieces, column).left * 4) / 4;
      let cell = grid.find((g) => near(g.column, column));
      if (!cell) grid.push((cell = { column, votes: new Map() }));
      cell.votes.set(left, (cell.votes.get(left) ?? 0) + 1);
    }
  }
  return (column) => {
    const cell = grid.find((g) => near(g.column, column));
    if (!cell) return null;
    let best: number | null = null;
    let most = 0;
    for (const [left, n] of cell.votes) if (n > most || (n === most && best !== null && left < best)) [best, most] = [left, n];
    return best;
  };
}

/**
 * The page-wide gutters of a document's column pages: where one column segment of a page ends and
 * the next begins, with where the left one wraps.
 */
export function gridOf(pages: readonly { pieces: readonly PLine[]; segments: readonly Segment[] }[]): GridColumn[] {
  const grid: GridColumn[] = [];
  for (const { pieces, segments } of pages) {
    for (const a of segments) {
      const b = a.column ? segments.find((s) => s.column && s.column[0] === a.column![1]) : undefined;
      if (!a.column || !b?.column) continue;
      const gutter = a.column[1];
      if (!grid.some((g) => Math.abs(g.gutter - gutter) < 6)) grid.push({ gutter, wrapAt: columnEdges(pieces, a.column).right, columns: [a.column, b.column] });
    }
  }
  return grid;
}

