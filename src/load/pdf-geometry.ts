/** [left, bottom, right, top] in PDF user space */
export type Box = [number, number, number, number];

/** An affine transform [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 applied after m2 (m1 × m2, as PDF composes a form's matrix with its contents'). */
export function compose(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The visible page: the crop box clipped to the media box, as pdf.js and viewers take it. */
export function visibleBox(media: Box | null, crop: Box | null): Box {
  const norm = (b: Box): Box => [Math.min(b[0], b[2]), Math.min(b[1], b[3]), Math.max(b[0], b[2]), Math.max(b[1], b[3])];
  const m = media && media.every(Number.isFinite) ? norm(media) : ([0, 0, 612, 792] as Box);
  if (crop && crop.every(Number.isFinite)) {
    const c = norm(crop);
    const box: Box = [Math.max(m[0], c[0]), Math.max(m[1], c[1]), Math.min(m[2], c[2]), Math.min(m[3], c[3])];
    if (box[2] - box[0] > 0 && box[3] - box[1] > 0) return box;
  }
  return m;
}

export interface Viewport {
  width: number;
  height: number;
  /** user space → top-down page coordinates (points, origin at the visible page's top left) */
  transform: Matrix;
}

/** The page as a reader sees it at scale 1: pdf.js's PageViewport, so both PDF engines give the same coordinates. */
export function viewport(view: Box, rotationDegrees: number): Viewport {
  const centerX = (view[2] + view[0]) / 2;
  const centerY = (view[3] + view[1]) / 2;
  let rotation = rotationDegrees % 360;
  if (rotation < 0) rotation += 360;
  const [a, b, c, d] = rotation === 90 ? [0, 1, 1, 0] : rotation === 180 ? [-1, 0, 0, 1] : rotation === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  let offsetX, offsetY, width, height;
  if (a === 0) {
    offsetX = Math.abs(centerY - view[1]);
    offsetY = Math.abs(centerX - view[0]);
    width = view[3] - view[1];
    height = view[2] - view[0];
  } else {
    offsetX = Math.abs(centerX - view[0]);
    offsetY = Math.abs(centerY - view[1]);
    width = view[2] - view[0];
    height = view[3] - view[1];
  }
  return { width, height, transform: [a, b, c, d, offsetX - a * centerX - c * centerY, offsetY - b * centerX - d * centerY] };
}
