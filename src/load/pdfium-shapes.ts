/**
 * The page's drawn shapes that layout can use: bullets drawn as small filled squares or circles,
 * filled bands and cell shading behind text, and table rules. Read from PDFium's page objects
 * (paths, and the paths inside form XObjects); what each is, by its size, pdf-shapes.ts decides,
 * as it does for pdf.js.
 */
import { apply, compose, IDENTITY, type Matrix } from './pdf-geometry.js';
import { classifyPath, pageBox, SHAPE_LIMITS, type Paint, type PathPoint, type ShapeRead } from './pdf-shapes.js';
import type { Heap, PdfiumExports, Scratch } from './pdfium-module.js';

const OBJ_PATH = 2;
const OBJ_FORM = 5;
const SEG_LINETO = 0;
const SEG_MOVETO = 2;

interface Walk {
  x: PdfiumExports;
  heap: Heap;
  s: Scratch;
  page: Matrix;
  read: ShapeRead;
  visited: number;
}

function matrixOf(w: Walk, obj: number): Matrix {
  if (!w.x.FPDFPageObj_GetMatrix(obj, w.s.matrix)) return IDENTITY;
  const f = w.heap.floats();
  const m = w.s.matrix >> 2;
  return [f[m]!, f[m + 1]!, f[m + 2]!, f[m + 3]!, f[m + 4]!, f[m + 5]!];
}

function colour(w: Walk, obj: number, stroke: boolean): Paint {
  const p = w.s.rgba;
  const ok = stroke ? w.x.FPDFPageObj_GetStrokeColor(obj, p, p + 4, p + 8, p + 12) : w.x.FPDFPageObj_GetFillColor(obj, p, p + 4, p + 8, p + 12);
  return ok ? w.heap.rgba(p) : { hex: '#000000', alpha: 255 };
}

/** The path's segments in page coordinates (null for one PDFium would not give). */
function segments(w: Walk, obj: number, toPage: Matrix): (PathPoint | null)[] {
  const count = w.x.FPDFPath_CountSegments(obj);
  const points: (PathPoint | null)[] = [];
  const pathToPage = compose(w.page, compose(toPage, matrixOf(w, obj)));
  const p = w.s.point;
  for (let i = 0; i < count; i++) {
    const seg = w.x.FPDFPath_GetPathSegment(obj, i);
    if (!seg || !w.x.FPDFPathSegment_GetPoint(seg, p, p + 4)) {
      points.push(null);
      continue;
    }
    const f = w.heap.floats();
    const [x, y] = apply(pathToPage, f[p >> 2]!, f[(p >> 2) + 1]!);
    const code = w.x.FPDFPathSegment_GetType(seg);
    // PDFium has no other kinds of segment
    const type = code === SEG_MOVETO ? 'move' : code === SEG_LINETO ? 'line' : 'bezier';
    points.push({ x, y, type, close: w.x.FPDFPathSegment_GetClose(seg) !== 0 });
  }
  return points;
}

function visitPath(w: Walk, obj: number, toPage: Matrix): void {
  const fillMode = w.s.flags;
  const strokePtr = w.s.flags + 4;
  if (!w.x.FPDFPath_GetDrawMode(obj, fillMode, strokePtr)) return;
  const filled = w.heap.i32(fillMode) !== 0;
  const stroked = w.heap.i32(strokePtr) !== 0;
  const r = w.s.rect;
  if (!w.x.FPDFPageObj_GetBounds(obj, r, r + 4, r + 8, r + 12)) return;
  // four numbers: a box's edges
  // eslint-disable-next-line no-restricted-syntax
  const box = pageBox(compose(w.page, toPage), ...w.heap.floats4(r));
  classifyPath(w.read, {
    box,
    fill: filled ? colour(w, obj, false) : null,
    stroke: stroked && !filled ? colour(w, obj, true) : null,
    segmentCount: () => w.x.FPDFPath_CountSegments(obj),
    points: () => segments(w, obj, toPage),
  });
}

function visit(w: Walk, count: number, child: (i: number) => number, toPage: Matrix, depth: number): void {
  for (let i = 0; i < count; i++) {
    if (++w.visited > SHAPE_LIMITS.objects) {
      w.read.capped = true;
      return;
    }
    const obj = child(i);
    if (!obj) continue;
    const type = w.x.FPDFPageObj_GetType(obj);
    if (type === OBJ_PATH) visitPath(w, obj, toPage);
    else if (type === OBJ_FORM) {
      if (depth >= SHAPE_LIMITS.depth) {
        w.read.capped = true;
        continue;
      }
      const inner = compose(toPage, matrixOf(w, obj));
      visit(w, w.x.FPDFFormObj_CountObjects(obj), (k) => w.x.FPDFFormObj_GetObject(obj, k), inner, depth + 1);
    }
  }
}

/** The shapes of a loaded page (`pageMatrix`: user space → top-down page coordinates). */
export function readShapes(x: PdfiumExports, heap: Heap, page: number, pageMatrix: Matrix, s: Scratch): ShapeRead {
  const w: Walk = { x, heap, s, page: pageMatrix, read: { shapes: [], capped: false }, visited: 0 };
  visit(w, x.FPDFPage_CountObjects(page), (i) => x.FPDFPage_GetObject(page, i), IDENTITY, 0);
  return w.read;
}
