/**
 * A page's text through PDFium's text page: characters in content order, each with its loose box
 * (the glyph's advance and the font's ascent and descent), grouped into runs of adjacent glyphs of
 * one text object. The runs then go through the same line builder as pdf.js's text items.
 */
import { apply, type Matrix } from './pdf-geometry.js';
import { itemsToLines, type TextRun } from './pdf-lines.js';
import type { Heap, PdfiumExports } from './pdfium-module.js';
import type { RawLine } from './raw.js';

const BOLD_NAME = /bold|black|heavy|semibold|demi/i;
const ITALIC_NAME = /italic|oblique/i;
/** PDF font descriptor flags */
const FLAG_ITALIC = 1 << 6;
const FLAG_FORCE_BOLD = 1 << 18;

interface Style {
  size: number;
  bold: boolean;
  italic: boolean;
  font: string;
  color: string;
  /** the text does not run left to right on the page as read (vertical or rotated) */
  rotated: boolean;
}

/** Scratch memory the reader writes results into: one block, laid out once per document. */
export interface Scratch {
  /** 16 bytes: an FS_RECTF, or 4 floats */
  rect: number;
  /** 24 bytes: an FS_MATRIX */
  matrix: number;
  /** 16 bytes: 2 doubles */
  point: number;
  /** 16 bytes: 4 unsigned ints (a colour) */
  rgba: number;
  /** 4 bytes */
  flags: number;
  /** `nameLength` bytes */
  name: number;
  nameLength: number;
}

export const SCRATCH_BYTES = 16 + 24 + 16 + 16 + 8 + 256;

export function layScratch(base: number): Scratch {
  return { rect: base, matrix: base + 16, point: base + 40, rgba: base + 56, flags: base + 72, name: base + 80, nameLength: 256 };
}

const hex = (n: number) => Math.max(0, Math.min(255, n | 0)).toString(16).padStart(2, '0');
export const rgbHex = (r: number, g: number, b: number) => `#${hex(r)}${hex(g)}${hex(b)}`;

const decoder = new TextDecoder('utf-8', { fatal: false });

function styleOf(x: PdfiumExports, heap: Heap, tp: number, i: number, s: Scratch, page: Matrix): Style {
  const fontSize = x.FPDFText_GetFontSize(tp, i);
  x.FPDFText_GetMatrix(tp, i, s.matrix);
  const f = heap.floats();
  const m = s.matrix >> 2;
  const [a, b, c, d] = [f[m]!, f[m + 1]!, f[m + 2]!, f[m + 3]!];
  // FPDFText_GetFontSize is the size set in the content stream; the text matrix scales it
  // (browsers print 16 px text at 0.75)
  const size = fontSize * (Math.hypot(c, d) || Math.hypot(a, b) || 1);
  // the baseline's direction as read: the page's rotation applied to the text's
  const dx = page[0] * a + page[2] * b;
  const dy = page[1] * a + page[3] * b;
  const rotated = !(dx > 0 && Math.abs(dy) <= 0.05 * dx);
  let font = '';
  let flags = 0;
  const length = x.FPDFText_GetFontInfo(tp, i, s.name, s.nameLength, s.flags);
  if (length > 1) {
    font = decoder.decode(heap.bytes(s.name, Math.min(length, s.nameLength) - 1)).replace(/^[A-Z]{6}\+/, '');
    flags = heap.i32(s.flags);
  }
  const weight = x.FPDFText_GetFontWeight(tp, i);
  let color = '#000000';
  if (x.FPDFText_GetFillColor(tp, i, s.rgba, s.rgba + 4, s.rgba + 8, s.rgba + 12)) {
    color = rgbHex(heap.u32(s.rgba), heap.u32(s.rgba + 4), heap.u32(s.rgba + 8));
  }
  return {
    size,
    bold: BOLD_NAME.test(font) || weight >= 700 || (flags & FLAG_FORCE_BOLD) !== 0,
    italic: ITALIC_NAME.test(font) || (flags & FLAG_ITALIC) !== 0,
    font,
    color,
    rotated,
  };
}

/** Characters that separate words: spaces PDFium found in the text or generated from gaps, and line ends. */
function isBreak(u: number): boolean {
  return u === 0x20 || u === 0x0d || u === 0x0a || u === 0x09 || u === 0xa0 || u === 0x3000 || (u >= 0x2000 && u <= 0x200b);
}

interface OpenRun extends TextRun {
  obj: number;
  right: number;
}

/** The page's text runs in content order, in top-down page coordinates (`page`: user space → page). */
export function readRuns(x: PdfiumExports, heap: Heap, tp: number, page: Matrix, s: Scratch): TextRun[] {
  const n = x.FPDFText_CountChars(tp);
  const runs: TextRun[] = [];
  let run: OpenRun | null = null;
  let space = false;
  let lastObj = 0;
  let style: Style | null = null;
  const close = () => {
    if (run) {
      run.width = run.right - run.x;
      runs.push({ str: run.str, x: run.x, y: run.y, width: run.width, size: run.size, bold: run.bold, italic: run.italic, font: run.font, color: run.color });
    }
    run = null;
  };
  const rect = s.rect >> 2;
  for (let i = 0; i < n; i++) {
    const u = x.FPDFText_GetUnicode(tp, i);
    if (isBreak(u)) {
      // a word gap is measured from the last glyph to the next, whether the text holds a space
      // glyph there or PDFium generated one from the gap (pdf.js measures it so too)
      close();
      space = true;
      continue;
    }
    // 0: a glyph without a Unicode mapping; U+FFFE/U+FFFF are not characters
    if (u === 0 || u === 0xfffe || u === 0xffff) continue;
    const obj = x.FPDFText_GetTextObject(tp, i);
    if (obj === 0) continue;
    if (obj !== lastObj) {
      style = styleOf(x, heap, tp, i, s, page);
      lastObj = obj;
    }
    const st = style!;
    // PDFium marks a hyphen that ends a line as U+0002: the hyphen is on the page, and layout
    // decides whether it joins a broken word
    const ch = u === 0x02 ? '-' : String.fromCodePoint(u);
    const open = run as OpenRun | null;
    if (st.rotated) {
      // text that does not run across the page stays one run per text object, as pdf.js gives it
      if (open && open.obj === obj) {
        open.str += (space ? ' ' : '') + ch;
        space = false;
        continue;
      }
      close();
      x.FPDFText_GetCharOrigin(tp, i, s.point, s.point + 8);
      const [ox, oy] = apply(page, heap.f64(s.point), heap.f64(s.point + 8));
      run = { str: (space ? ' ' : '') + ch, x: ox, y: oy, width: 0, right: ox + st.size, size: st.size, bold: st.bold, italic: st.italic, font: st.font, color: st.color, obj };
      space = false;
      continue;
    }
    x.FPDFText_GetLooseCharBox(tp, i, s.rect);
    const f = heap.floats();
    // FS_RECTF: left, top, right, bottom in user space
    const [x1] = apply(page, f[rect]!, f[rect + 3]!);
    const [x2] = apply(page, f[rect + 2]!, f[rect + 1]!);
    const left = Math.min(x1, x2);
    const right = Math.max(x1, x2);
    // the next glyph of the run: adjacent, or overlapping it (kerning; a ligature PDFium splits
    // into its letters gives each the ligature's box)
    if (open && open.obj === obj && !space && left - open.right <= 0.15 * st.size && left >= open.x - 0.5 * st.size) {
      open.str += ch;
      open.right = Math.max(open.right, right);
      continue;
    }
    close();
    x.FPDFText_GetCharOrigin(tp, i, s.point, s.point + 8);
    const [, y] = apply(page, heap.f64(s.point), heap.f64(s.point + 8));
    run = { str: (space ? ' ' : '') + ch, x: left, y, width: 0, right, size: st.size, bold: st.bold, italic: st.italic, font: st.font, color: st.color, obj };
    space = false;
  }
  close();
  return runs;
}

export function readLines(x: PdfiumExports, heap: Heap, tp: number, page: Matrix, s: Scratch): RawLine[] {
  return itemsToLines(readRuns(x, heap, tp, page, s));
}
