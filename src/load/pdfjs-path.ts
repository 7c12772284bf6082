/**
 * A path from pdf.js's operator list as PDFium holds it, so both engines measure a path alike:
 * its points built by the rules of PDFium's content-stream parser, and its bounds as PDFium's
 * page objects give them (CPDF_PathObject::CalcBoundingBox, CFX_Path's box for a stroke). Where
 * PDFium's arithmetic is odd — a stroke's box reaches out by the whole line width, not half, and
 * takes curves' control points in — it is kept, since matching PDFium is the point.
 */
import { apply, type Box, type Matrix } from './pdf-geometry.js';
import type { PathPoint } from './pdf-shapes.js';

/** pdf.js's DrawOPS, the codes of its flattened path data (not exported by pdfjs-dist) */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 3;

/**
 * The points PDFium would keep for pdf.js's path data (user space): a move straight after a move
 * replaces it, a line or curve before any move is dropped, closing a subpath adds a line back to
 * its start unless the path is there already, a trailing move is dropped. Null when PDFium makes
 * no object of it (fewer than two points, bar a closed dot drawn with round caps).
 */
export function pdfiumPoints(data: ArrayLike<number>, roundCap: boolean): PathPoint[] | null {
  const points: PathPoint[] = [];
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  const add = (x: number, y: number, type: PathPoint['type']) => {
    const last = points.at(-1);
    if (type === 'move' && last && !last.close && last.type === 'move' && cx === x && cy === y) return;
    cx = x;
    cy = y;
    if (type === 'move') {
      sx = x;
      sy = y;
      if (last && last.type === 'move' && !last.close) {
        last.x = x;
        last.y = y;
        return;
      }
    } else if (!last) return;
    points.push({ x, y, type, close: false });
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO || op === LINE_TO) {
      add(data[i]!, data[i + 1]!, op === MOVE_TO ? 'move' : 'line');
      i += 2;
    } else if (op === CURVE_TO) {
      for (let k = 0; k < 6; k += 2) add(data[i + k]!, data[i + k + 1]!, 'bezier');
      i += 6;
    } else if (op === CLOSE_PATH) {
      const last = points.at(-1);
      if (!last) continue;
      if (sx !== cx || sy !== cy) {
        cx = sx;
        cy = sy;
        points.push({ x: sx, y: sy, type: 'line', close: true });
      } else last.close = true;
    } else {
      // pdf.js skips an unknown code without knowing its length: the rest cannot be read
      break;
    }
  }
  if (points.length === 0) return null;
  if (points.length === 1) {
    const dot = points[0]!;
    if (dot.type !== 'move' || !dot.close || !roundCap) return null;
    dot.close = false;
    points.push({ x: dot.x, y: dot.y, type: 'line', close: true });
  }
  if (points.at(-1)!.type === 'move' && !points.at(-1)!.close) points.pop();
  return points;
}

/** [left, bottom, right, top], grown point by point (CFX_FloatRect::UpdateRect) */
type Rect = Box;

function grow(r: Rect, x: number, y: number): void {
  r[0] = Math.min(r[0], x);
  r[1] = Math.min(r[1], y);
  r[2] = Math.max(r[2], x);
  r[3] = Math.max(r[3], y);
}

/** The end of a segment from `a` to `b`, squared off `hw` beyond `b` (UpdateLineEndPoints). */
function lineEnd(r: Rect, a: PathPoint, b: PathPoint, hw: number): void {
  if (a.x === b.x) {
    if (a.y === b.y) {
      grow(r, b.x + hw, b.y + hw);
      grow(r, b.x - hw, b.y - hw);
      return;
    }
    const y = b.y < a.y ? b.y - hw : b.y + hw;
    grow(r, b.x + hw, y);
    grow(r, b.x - hw, y);
    return;
  }
  if (a.y === b.y) {
    const x = b.x < a.x ? b.x - hw : b.x + hw;
    grow(r, x, b.y + hw);
    grow(r, x, b.y - hw);
    return;
  }
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const ll = Math.hypot(dx, dy);
  const mx = b.x + (hw * dx) / ll;
  const my = b.y + (hw * dy) / ll;
  const dx1 = (hw * dy) / ll;
  const dy1 = (hw * dx) / ll;
  grow(r, mx - dx1, my + dy1);
  grow(r, mx + dx1, my - dy1);
}

/** The outside corner where segments a→m and m→b meet (UpdateLineJoinPoints). */
function lineJoin(r: Rect, a: PathPoint, m: PathPoint, b: PathPoint, hw: number): void {
  const tiny = 1 / 20;
  const startVert = Math.abs(a.x - m.x) < tiny;
  const endVert = Math.abs(m.x - b.x) < tiny;
  if (startVert && endVert) {
    const y = m.y + hw * (m.y > a.y ? 1 : -1);
    grow(r, m.x + hw, y);
    grow(r, m.x - hw, y);
    return;
  }
  let startK = 0;
  let startC = 0;
  let startDc = 0;
  let endK = 0;
  let endC = 0;
  let endDc = 0;
  if (!startVert) {
    startK = (m.y - a.y) / (m.x - a.x);
    startC = m.y - startK * m.x;
    startDc = Math.abs((hw * Math.hypot(a.x - m.x, a.y - m.y)) / (a.x - m.x));
  }
  if (!endVert) {
    endK = (b.y - m.y) / (b.x - m.x);
    endC = m.y - endK * m.x;
    endDc = Math.abs((hw * Math.hypot(b.x - m.x, b.y - m.y)) / (b.x - m.x));
  }
  if (startVert) {
    const x = b.x < a.x ? a.x + hw : a.x - hw;
    const y = a.y < endK * a.x + endC ? endK * x + endC + endDc : endK * x + endC - endDc;
    grow(r, x, y);
    return;
  }
  if (endVert) {
    const x = a.x < b.x ? b.x + hw : b.x - hw;
    const y = b.y < startK * b.x + startC ? startK * x + startC + startDc : startK * x + startC - startDc;
    grow(r, x, y);
    return;
  }
  if (Math.abs(startK - endK) < tiny) {
    const startDir = m.x > a.x ? 1 : -1;
    const endDir = b.x > m.x ? 1 : -1;
    if (startDir === endDir) lineEnd(r, m, b, hw);
    else lineEnd(r, a, m, hw);
    return;
  }
  const startOutside = b.y < startK * b.x + startC ? startC + startDc : startC - startDc;
  const endOutside = a.y < endK * a.x + endC ? endC + endDc : endC - endDc;
  const x = (endOutside - startOutside) / (startK - endK);
  grow(r, x, startK * x + startOutside);
}

/** CFX_Path::GetBoundingBoxForStrokePath: ends and joins reached out by `hw` (the whole line width). */
function strokeRect(points: readonly PathPoint[], hw: number): Rect {
  const r: Rect = [100000, 100000, -100000, -100000];
  let start = 0;
  let middle = 0;
  let end = 0;
  let join = false;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.type === 'move') {
      if (i + 1 === points.length) {
        if (p.close) grow(r, p.x, p.y);
        break;
      }
      start = i + 1;
      end = i;
      join = false;
    } else {
      if (p.type === 'bezier' && !p.close) {
        // a curve's three points come together (PDFium checks as much)
        if (i + 2 >= points.length) break;
        grow(r, p.x, p.y);
        grow(r, points[i + 1]!.x, points[i + 1]!.y);
        i += 2;
      }
      start = i - 1;
      if (i + 1 === points.length || points[i + 1]!.type === 'move') {
        end = i;
        join = false;
      } else {
        middle = i;
        end = i + 1;
        join = true;
      }
    }
    if (join) lineJoin(r, points[start]!, points[middle]!, points[end]!, hw);
    else lineEnd(r, points[start]!, points[end]!, hw);
  }
  return r;
}

/**
 * The path's bounds as PDFium gives a path object's (FPDFPageObj_GetBounds): in the space `ctm`
 * maps the path to (the page, or the form XObject it is drawn in), a stroke's width included.
 */
export function pdfiumBounds(points: readonly PathPoint[], stroked: boolean, lineWidth: number, ctm: Matrix): Box {
  let r: Rect;
  if (stroked && lineWidth !== 0) r = strokeRect(points, lineWidth);
  else {
    r = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of points) grow(r, p.x, p.y);
  }
  const corners = [apply(ctm, r[0], r[3]), apply(ctm, r[0], r[1]), apply(ctm, r[2], r[3]), apply(ctm, r[2], r[1])];
  const out: Rect = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of corners) grow(out, x, y);
  // a hairline (width 0) is drawn a device pixel wide: PDFium allows half a point each side
  if (stroked && lineWidth === 0) return [out[0] - 0.5, out[1] - 0.5, out[2] + 0.5, out[3] + 0.5];
  return out;
}
