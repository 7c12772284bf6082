/**
 * What a painted path is to layout — a mark, a fill, a rule or nothing — decided by its size
 * alone, for both PDF engines: PDFium (pdfium-shapes.ts) and pdf.js (pdfjs-shapes.ts) each find a
 * page's paths, their boxes and colours, and hand them here, so the two cannot classify apart.
 */
import { info, type Message } from '../diagnostics.js';
import { apply, type Matrix } from './pdf-geometry.js';
import type { RawShape } from './raw.js';
import { maxOf, minOf } from '../arrays.js';

/** in points: a bullet is at most about a capital letter's size; a rule at most this thick */
export const MARK_MAX = 14;
export const MARK_MIN = 1.5;
export const RULE_MAX_THICKNESS = 2.5;
export const RULE_MIN_LENGTH = 6;
/** a stroked path with more segments than this is a drawing (a chart, a logo), not rules */
export const MAX_RULE_SEGMENTS = 64;
/** bounds on hostile pages: objects visited, forms nested, shapes kept */
export const SHAPE_LIMITS = { objects: 50_000, depth: 8, shapes: 5_000 } as const;

export interface ShapeRead {
  shapes: RawShape[];
  /** the page had more shapes, or more objects, than the limits let through */
  capped: boolean;
}

/** A top-down page rectangle, in points. */
export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A colour as #rrggbb with its alpha, 0–255 (0: the paint draws nothing). */
export interface Paint {
  hex: string;
  alpha: number;
}

/**
 * One point of a path as PDFium lists a path's segments (moves, lines, and each curve as three
 * points), already in top-down page coordinates; `close` closes the subpath after it.
 */
export interface PathPoint {
  x: number;
  y: number;
  type: 'move' | 'line' | 'bezier';
  close: boolean;
}

/** What either engine says of a page whose shapes were capped. */
export function shapesCapped(page: number, read: ShapeRead): Message {
  return info('load', 'pdf/shapes-capped', `page ${page} draws more shapes than cpc reads; layout sees the first ${read.shapes.length}`, page);
}

export function pushShape(read: ShapeRead, shape: RawShape): void {
  if (read.shapes.length >= SHAPE_LIMITS.shapes) {
    read.capped = true;
    return;
  }
  read.shapes.push(shape);
}

/** The box [l, b, r, t] through `m` (to top-down page coordinates), as a page rectangle. */
export function pageBox(m: Matrix, l: number, b: number, r: number, t: number): PageBox {
  const corners = [apply(m, l, b), apply(m, r, b), apply(m, l, t), apply(m, r, t)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x = minOf(xs);
  const y = minOf(ys);
  return { x, y, width: maxOf(xs) - x, height: maxOf(ys) - y };
}

/** Horizontal and vertical straight segments of a stroked path, as rules. */
function strokedRules(read: ShapeRead, path: PaintedPath, colour: string): void {
  const count = path.segmentCount();
  if (count < 2 || count > MAX_RULE_SEGMENTS) return;
  let start: PathPoint | null = null;
  let prev: PathPoint | null = null;
  const line = (a: PathPoint, b: PathPoint) => {
    const dx = Math.abs(a.x - b.x);
    const dy = Math.abs(a.y - b.y);
    const length = Math.max(dx, dy);
    if (length < RULE_MIN_LENGTH || Math.min(dx, dy) > RULE_MAX_THICKNESS) return;
    pushShape(read, { kind: 'rule', x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: dx, height: dy, color: colour });
  };
  for (const pt of path.points()) {
    if (!pt) continue;
    if (pt.type === 'move') start = pt;
    else if (pt.type === 'line' && prev) line(prev, pt);
    prev = pt;
    if (pt.close && start) line(prev, start);
  }
}

export interface PaintedPath {
  /** the path's bounds on the page, a stroke's width included */
  box: PageBox;
  /** the fill, for a filled path */
  fill: Paint | null;
  /** the stroke, for a stroked path */
  stroke: Paint | null;
  /** how many points PDFium lists for the path (asked for only when its segments may be rules) */
  segmentCount: () => number;
  /** the path's points, asked for only when there are few enough; null for one the engine could not read */
  points: () => readonly (PathPoint | null)[];
}

/** Adds what a painted path is to layout, if anything, to the page's shapes. */
export function classifyPath(read: ShapeRead, path: PaintedPath): void {
  const { box } = path;
  if (!(box.width >= 0 && box.height >= 0) || !Number.isFinite(box.x + box.y + box.width + box.height)) return;
  const thin = Math.min(box.width, box.height);
  const long = Math.max(box.width, box.height);
  if (path.fill) {
    const fill = path.fill;
    // a fully transparent fill draws nothing
    if (fill.alpha === 0) return;
    if (thin <= RULE_MAX_THICKNESS && long >= RULE_MIN_LENGTH) pushShape(read, { kind: 'rule', ...box, color: fill.hex });
    else if (long <= MARK_MAX && thin >= MARK_MIN && long <= 2.5 * thin) pushShape(read, { kind: 'mark', ...box, color: fill.hex });
    else if (long > MARK_MAX && thin > RULE_MAX_THICKNESS) pushShape(read, { kind: 'fill', ...box, color: fill.hex });
    return;
  }
  if (path.stroke) {
    const stroke = path.stroke;
    if (stroke.alpha === 0) return;
    if (thin <= RULE_MAX_THICKNESS && long >= RULE_MIN_LENGTH) pushShape(read, { kind: 'rule', ...box, color: stroke.hex });
    // an outlined small shape: a hollow bullet (a second-level list's circle)
    else if (long <= MARK_MAX && thin >= MARK_MIN && long <= 2.5 * thin) pushShape(read, { kind: 'mark', ...box, color: stroke.hex });
    else strokedRules(read, path, stroke.hex);
  }
}
