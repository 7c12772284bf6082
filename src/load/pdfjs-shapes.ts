/**
 * The page's drawn shapes for the pdf.js engine, the same as PDFium's (pdfium-shapes.ts): the
 * painted paths of pdf.js's operator list, with the graphics state that paints them followed op
 * by op (transforms, colours, alpha, line width, form XObjects), measured as PDFium measures its
 * path objects (pdfjs-path.ts) and classified by pdf-shapes.ts.
 */
import type { OPS as PdfJsOps } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFOperatorList } from 'pdfjs-dist/types/src/display/api.js';
import { compose, IDENTITY, type Matrix } from './pdf-geometry.js';
import { classifyPath, pageBox, SHAPE_LIMITS, type Paint, type ShapeRead } from './pdf-shapes.js';
import { pdfiumBounds, pdfiumPoints } from './pdfjs-path.js';

type Ops = typeof PdfJsOps;

/** PDF line cap 1 */
const ROUND_CAP = 1;

interface State {
  /** user space → the space of the form XObject being drawn (the page's, outside forms) */
  ctm: Matrix;
  /** that form's space → top-down page coordinates */
  toPage: Matrix;
  lineWidth: number;
  lineCap: number;
  /** #rrggbb, or null when pdf.js found no colour it can paint */
  fill: string | null;
  stroke: string | null;
  /** 0–1, from the ExtGState's ca and CA */
  fillAlpha: number;
  strokeAlpha: number;
}

interface Walk {
  ops: Ops;
  state: State;
  stack: State[];
  /** stack depths where each open form XObject began: a form's unbalanced Q cannot pop its caller's state */
  forms: number[];
  read: ShapeRead;
  visited: number;
  /** painting ops: what PDFium makes page objects of, counted against SHAPE_LIMITS.objects */
  objects: Set<number>;
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

function matrixFrom(v: unknown): Matrix {
  if (!v || typeof v !== 'object' || !('length' in v) || v.length !== 6) return IDENTITY;
  const m = v as ArrayLike<unknown>;
  return [num(m[0], 1), num(m[1], 0), num(m[2], 0), num(m[3], 1), num(m[4], 0), num(m[5], 0)];
}

/**
 * The colour PDFium gives a path painted with a pattern (pdf.js gives the pattern itself):
 * an uncoloured tiling pattern's colour, mid grey for a coloured tiling pattern, white for a
 * shading (CPDF_ColorState::SetPattern).
 */
function patternColour(args: readonly unknown[]): string {
  if (args[0] === 'TilingPattern') {
    const uncoloured = args[7] === 2;
    if (!uncoloured) return '#bfbfbf';
    return typeof args[1] === 'string' ? args[1] : '#ffffff';
  }
  return '#ffffff';
}

/** ExtGState entries pdf.js passes on as [key, value] pairs. */
function setGState(s: State, entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (const entry of entries) {
    if (!Array.isArray(entry)) continue;
    const [key, value] = entry as [unknown, unknown];
    if (key === 'LW') s.lineWidth = num(value, s.lineWidth);
    else if (key === 'LC') s.lineCap = num(value, s.lineCap);
    else if (key === 'ca') s.fillAlpha = clamp01(num(value, s.fillAlpha));
    else if (key === 'CA') s.strokeAlpha = clamp01(num(value, s.strokeAlpha));
  }
}

function paint(hex: string | null, alpha: number): Paint {
  // a paint pdf.js could not name draws nothing, as a transparent one
  return hex === null ? { hex: '#000000', alpha: 0 } : { hex, alpha: Math.round(alpha * 255) };
}

function paintPath(w: Walk, args: readonly unknown[]): void {
  const ops = w.ops;
  const op = args[0];
  const filled = op === ops.fill || op === ops.eoFill || op === ops.fillStroke || op === ops.eoFillStroke || op === ops.closeFillStroke || op === ops.closeEOFillStroke;
  const stroked = op === ops.stroke || op === ops.closeStroke || op === ops.fillStroke || op === ops.eoFillStroke || op === ops.closeFillStroke || op === ops.closeEOFillStroke;
  if (!filled && !stroked) return;
  const data = (args[1] as unknown[] | undefined)?.[0];
  if (!(data instanceof Float32Array)) return;
  const s = w.state;
  const points = pdfiumPoints(data, s.lineCap === ROUND_CAP);
  if (!points) return;
  const bounds = pdfiumBounds(points, stroked, s.lineWidth, s.ctm);
  classifyPath(w.read, {
    // four numbers: a box's edges
    // eslint-disable-next-line no-restricted-syntax
    box: pageBox(s.toPage, ...bounds),
    fill: filled ? paint(s.fill, s.fillAlpha) : null,
    stroke: stroked && !filled ? paint(s.stroke, s.strokeAlpha) : null,
    segmentCount: () => points.length,
    points: () => {
      const full = compose(s.toPage, s.ctm);
      return points.map((p) => ({ ...p, x: full[0] * p.x + full[2] * p.y + full[4], y: full[1] * p.x + full[3] * p.y + full[5] }));
    },
  });
}

function save(w: Walk): void {
  w.stack.push(w.state);
  w.state = { ...w.state };
}

function restore(w: Walk, floor: number): void {
  if (w.stack.length > floor) w.state = w.stack.pop()!;
}

/** An ExtGState pdf.js passes on with a soft mask in it. */
function setsSoftMask(entries: unknown): boolean {
  return Array.isArray(entries) && entries.some((e) => Array.isArray(e) && e[0] === 'SMask' && e[1] === true);
}

/**
 * Where the forms that are soft masks begin. pdf.js builds a soft mask's form into the list where
 * the ExtGState naming it is set, just before that setGState op (inside a group when the form
 * has one, as it should): it shapes alpha and draws nothing, and PDFium has no objects for it.
 */
function softMasks(ops: Ops, list: PDFOperatorList): Set<number> {
  const masks = new Set<number>();
  const open: number[] = [];
  const { fnArray, argsArray } = list;
  // what pdf.js may put between a mask's form and its setGState: the form's group and optional-content ends, a font the ExtGState loads
  const between = new Set<number>([ops.endGroup, ops.endMarkedContent, ops.dependency]);
  for (let i = 0; i < fnArray.length; i++) {
    if (fnArray[i] === ops.paintFormXObjectBegin) open.push(i);
    else if (fnArray[i] === ops.paintFormXObjectEnd) {
      const begin = open.pop();
      if (begin === undefined) continue;
      let k = i + 1;
      while (k < fnArray.length && between.has(fnArray[k]!)) k++;
      if (fnArray[k] === ops.setGState && setsSoftMask((argsArray[k] as unknown[] | undefined)?.[0])) masks.add(begin);
    }
  }
  return masks;
}

/**
 * Follows the list's ops in order. Ops inside a soft mask's group (a mask, not a drawing) and
 * inside forms nested past SHAPE_LIMITS.depth are skipped, as PDFium has no page objects for them.
 */
function walk(w: Walk, list: PDFOperatorList): void {
  const { ops } = w;
  const { fnArray, argsArray } = list;
  const masks = softMasks(ops, list);
  /** how deep inside a skipped form (a soft mask, or one nested too deep) the ops are; 0 outside one */
  let skipping = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = (argsArray[i] ?? []) as unknown[];
    if (skipping) {
      if (fn === ops.paintFormXObjectBegin) skipping++;
      else if (fn === ops.paintFormXObjectEnd) skipping--;
      continue;
    }
    if (fn === ops.paintFormXObjectBegin && masks.has(i)) {
      skipping = 1;
      continue;
    }
    // a path that only clips (W n) is no object for PDFium
    const object = w.objects.has(fn) && !(fn === ops.constructPath && args[0] === ops.endPath);
    if (object && ++w.visited > SHAPE_LIMITS.objects) {
      w.read.capped = true;
      return;
    }
    switch (fn) {
      case ops.save:
        save(w);
        break;
      case ops.restore:
        restore(w, w.forms.at(-1) ?? 0);
        break;
      case ops.transform:
        w.state.ctm = compose(w.state.ctm, matrixFrom(args));
        break;
      case ops.setLineWidth:
        w.state.lineWidth = num(args[0], w.state.lineWidth);
        break;
      case ops.setLineCap:
        w.state.lineCap = num(args[0], w.state.lineCap);
        break;
      case ops.setGState:
        setGState(w.state, args[0]);
        break;
      case ops.setFillRGBColor:
        w.state.fill = typeof args[0] === 'string' ? args[0] : null;
        break;
      case ops.setStrokeRGBColor:
        w.state.stroke = typeof args[0] === 'string' ? args[0] : null;
        break;
      case ops.setFillTransparent:
        w.state.fill = null;
        break;
      case ops.setStrokeTransparent:
        w.state.stroke = null;
        break;
      case ops.setFillColorN:
        w.state.fill = patternColour(args);
        break;
      case ops.setStrokeColorN:
        w.state.stroke = patternColour(args);
        break;
      case ops.paintFormXObjectBegin: {
        if (w.forms.length >= SHAPE_LIMITS.depth) {
          w.read.capped = true;
          skipping = 1;
          break;
        }
        save(w);
        w.forms.push(w.stack.length);
        // as PDFium: the form's contents are measured in the space the form is drawn in, its /Matrix included
        const s = w.state;
        s.toPage = compose(s.toPage, s.ctm);
        s.ctm = matrixFrom(args[0]);
        break;
      }
      case ops.paintFormXObjectEnd: {
        const floor = w.forms.pop();
        if (floor === undefined) break;
        while (w.stack.length > floor) restore(w, 0);
        restore(w, 0);
        break;
      }
      case ops.constructPath:
        paintPath(w, args);
        break;
    }
  }
}

/** The shapes of a page's operator list (`pageMatrix`: pdf.js's viewport transform at scale 1). */
export function readShapesFromOperatorList(ops: Ops, list: PDFOperatorList, pageMatrix: Matrix): ShapeRead {
  const objects = new Set<number>([
    ops.constructPath,
    ops.showText,
    ops.showSpacedText,
    ops.nextLineShowText,
    ops.nextLineSetSpacingShowText,
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageMaskXObject,
    ops.paintSolidColorImageMask,
    ops.paintImageXObjectRepeat,
    ops.paintImageMaskXObjectRepeat,
    ops.paintInlineImageXObjectGroup,
    ops.paintImageMaskXObjectGroup,
    ops.shadingFill,
    ops.paintFormXObjectBegin,
  ]);
  const state: State = { ctm: IDENTITY, toPage: pageMatrix, lineWidth: 1, lineCap: 0, fill: '#000000', stroke: '#000000', fillAlpha: 1, strokeAlpha: 1 };
  const w: Walk = { ops, state, stack: [], forms: [], read: { shapes: [], capped: false }, visited: 0, objects };
  walk(w, list);
  return w.read;
}
