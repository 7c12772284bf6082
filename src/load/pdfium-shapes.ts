/**
 * The page's drawn shapes that layout can use: bullets drawn as small filled squares or circles,
 * filled bands and cell shading behind text, and table rules. Read from PDFium's page objects
 * (paths, and the paths inside form XObjects), classified by size alone: what a shape means is
 * layout's decision.
 */
import { apply, compose, IDENTITY, type Matrix } from './pdf-geometry.js';
import type { Heap, PdfiumExports, Scratch } from './pdfium-module.js';
import type { RawShape } from './raw.js';

const OBJ_PATH = 2;
const OBJ_FORM = 5;
const SEG_LINETO = 0;
const SEG_MOVETO = 2;

/** in points: a bullet is at most about a capital letter's size; a rule at most this thick */
const MARK_MAX = 14;
const MARK_MIN = 1.5;
const RULE_MAX_THICKNESS = 2.5;
const RULE_MIN_LENGTH = 6;
/** a stroked path with more segments than this is a drawing (a chart, a logo), not rules */
const MAX_RULE_SEGMENTS = 64;
/** bounds on hostile pages: objects visited, forms nested, shapes kept */
export const SHAPE_LIMITS = { objects: 50_000, depth: 8, shapes: 5_000 } as const;

export interface ShapeRead {
  shapes: RawShape[];
  /** the page had more shapes, or more objects, than the limits let through */
  capped: boolean;
}

interface Walk {
  x: PdfiumExports;
  heap: Heap;
  s: Scratch;
  page: Matrix;
  shapes: RawShape[];
  visited: number;
  capped: boolean;
}

function matrixOf(w: Walk, obj: number): Matrix {
  if (!w.x.FPDFPageObj_GetMatrix(obj, w.s.matrix)) return IDENTITY;
  const f = w.heap.floats();
  const m = w.s.matrix >> 2;
  return [f[m]!, f[m + 1]!, f[m + 2]!, f[m + 3]!, f[m + 4]!, f[m + 5]!];
}

function colour(w: Walk, obj: number, stroke: boolean): { hex: string; alpha: number } {
  const p = w.s.rgba;
  const ok = stroke ? w.x.FPDFPageObj_GetStrokeColor(obj, p, p + 4, p + 8, p + 12) : w.x.FPDFPageObj_GetFillColor(obj, p, p + 4, p + 8, p + 12);
  return ok ? w.heap.rgba(p) : { hex: '#000000', alpha: 255 };
}

function push(w: Walk, shape: RawShape): void {
  if (w.shapes.length >= SHAPE_LIMITS.shapes) {
    w.capped = true;
    return;
  }
  w.shapes.push(shape);
}

/** A box in the space `m` maps to the page, as a top-down page rectangle. */
function pageRect(w: Walk, m: Matrix, l: number, b: number, r: number, t: number) {
  const full = compose(w.page, m);
  const corners = [apply(full, l, b), apply(full, r, b), apply(full, l, t), apply(full, r, t)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Horizontal and vertical straight segments of a stroked path, as rules. */
function strokedRules(w: Walk, obj: number, toPage: Matrix, colour: string): void {
  const count = w.x.FPDFPath_CountSegments(obj);
  if (count < 2 || count > MAX_RULE_SEGMENTS) return;
  const pathToPage = compose(w.page, compose(toPage, matrixOf(w, obj)));
  const p = w.s.point;
  let start: [number, number] | null = null;
  let prev: [number, number] | null = null;
  const line = (a: [number, number], b: [number, number]) => {
    const dx = Math.abs(a[0] - b[0]);
    const dy = Math.abs(a[1] - b[1]);
    const length = Math.max(dx, dy);
    if (length < RULE_MIN_LENGTH || Math.min(dx, dy) > RULE_MAX_THICKNESS) return;
    const x = Math.min(a[0], b[0]);
    const y = Math.min(a[1], b[1]);
    push(w, { kind: 'rule', x, y, width: dx, height: dy, color: colour });
  };
  for (let i = 0; i < count; i++) {
    const seg = w.x.FPDFPath_GetPathSegment(obj, i);
    if (!seg || !w.x.FPDFPathSegment_GetPoint(seg, p, p + 4)) continue;
    const f = w.heap.floats();
    const pt = apply(pathToPage, f[p >> 2]!, f[(p >> 2) + 1]!);
    const type = w.x.FPDFPathSegment_GetType(seg);
    if (type === SEG_MOVETO) {
      start = pt;
    } else if (type === SEG_LINETO && prev) {
      line(prev, pt);
    }
    prev = pt;
    if (w.x.FPDFPathSegment_GetClose(seg) && start && prev) line(prev, start);
  }
}

function visitPath(w: Walk, obj: number, toPage: Matrix): void {
  const fillMode = w.s.flags;
  const strokePtr = w.s.flags + 4;
  if (!w.x.FPDFPath_GetDrawMode(obj, fillMode, strokePtr)) return;
  const filled = w.heap.i32(fillMode) !== 0;
  const stroked = w.heap.i32(strokePtr) !== 0;
  const r = w.s.rect;
  if (!w.x.FPDFPageObj_GetBounds(obj, r, r + 4, r + 8, r + 12)) return;
  const box = pageRect(w, toPage, ...w.heap.floats4(r));
  if (!(box.width >= 0 && box.height >= 0) || !Number.isFinite(box.x + box.y + box.width + box.height)) return;
  const thin = Math.min(box.width, box.height);
  const long = Math.max(box.width, box.height);
  if (filled) {
    const fill = colour(w, obj, false);
    // a fully transparent fill draws nothing
    if (fill.alpha === 0) return;
    if (thin <= RULE_MAX_THICKNESS && long >= RULE_MIN_LENGTH) push(w, { kind: 'rule', ...box, color: fill.hex });
    else if (long <= MARK_MAX && thin >= MARK_MIN && long <= 2.5 * thin) push(w, { kind: 'mark', ...box, color: fill.hex });
    else if (long > MARK_MAX && thin > RULE_MAX_THICKNESS) push(w, { kind: 'fill', ...box, color: fill.hex });
    return;
  }
  if (stroked) {
    const stroke = colour(w, obj, true);
    if (stroke.alpha === 0) return;
    if (thin <= RULE_MAX_THICKNESS && long >= RULE_MIN_LENGTH) push(w, { kind: 'rule', ...box, color: stroke.hex });
    else strokedRules(w, obj, toPage, stroke.hex);
  }
}

function visit(w: Walk, count: number, child: (i: number) => number, toPage: Matrix, depth: number): void {
  for (let i = 0; i < count; i++) {
    if (++w.visited > SHAPE_LIMITS.objects) {
      w.capped = true;
      return;
    }
    const obj = child(i);
    if (!obj) continue;
    const type = w.x.FPDFPageObj_GetType(obj);
    if (type === OBJ_PATH) visitPath(w, obj, toPage);
    else if (type === OBJ_FORM) {
      if (depth >= SHAPE_LIMITS.depth) {
        w.capped = true;
        continue;
      }
      const inner = compose(toPage, matrixOf(w, obj));
      visit(w, w.x.FPDFFormObj_CountObjects(obj), (k) => w.x.FPDFFormObj_GetObject(obj, k), inner, depth + 1);
    }
  }
}

/** The shapes of a loaded page (`pageMatrix`: user space → top-down page coordinates). */
export function readShapes(x: PdfiumExports, heap: Heap, page: number, pageMatrix: Matrix, s: Scratch): ShapeRead {
  const w: Walk = { x, heap, s, page: pageMatrix, shapes: [], visited: 0, capped: false };
  visit(w, x.FPDFPage_CountObjects(page), (i) => x.FPDFPage_GetObject(page, i), IDENTITY, 0);
  return { shapes: w.shapes, capped: w.capped };
}
