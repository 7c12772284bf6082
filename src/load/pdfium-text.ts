/**
 * A page's text through PDFium's text page: characters in content order, each with its loose box
 * (the glyph's advance and the font's ascent and descent), grouped into runs of adjacent glyphs of
 * one text object. The runs then go through the same line builder as pdf.js's text items.
 */
import type { Matrix } from './pdf-geometry.js';
import { itemsToLines, type TextRun } from './pdf-lines.js';
import { rgbHex, type Heap, type PdfiumExports, type Scratch } from './pdfium-module.js';
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

const decoder = new TextDecoder('utf-8', { fatal: false });

/** What decides a text object's style, read with cheap calls: an object styled as the one before reuses its style. */
interface StyleKey {
  font: number;
  fontSize: number;
  a: number;
  b: number;
  c: number;
  d: number;
  rgba: number;
}

function styleKey(x: PdfiumExports, heap: Heap, tp: number, i: number, obj: number, s: Scratch): StyleKey {
  x.FPDFText_GetMatrix(tp, i, s.matrix);
  const f = heap.floats();
  const m = s.matrix >> 2;
  let rgba = 0;
  if (x.FPDFText_GetFillColor(tp, i, s.rgba, s.rgba + 4, s.rgba + 8, s.rgba + 12)) {
    rgba = ((heap.u32(s.rgba) & 255) << 16) | ((heap.u32(s.rgba + 4) & 255) << 8) | (heap.u32(s.rgba + 8) & 255);
  } else {
    rgba = -1;
  }
  return { font: x.FPDFTextObj_GetFont(obj), fontSize: x.FPDFText_GetFontSize(tp, i), a: f[m]!, b: f[m + 1]!, c: f[m + 2]!, d: f[m + 3]!, rgba };
}

const sameKey = (p: StyleKey, q: StyleKey) =>
  p.font === q.font && p.fontSize === q.fontSize && p.a === q.a && p.b === q.b && p.c === q.c && p.d === q.d && p.rgba === q.rgba;

function styleOf(x: PdfiumExports, heap: Heap, tp: number, i: number, s: Scratch, page: Matrix, key: StyleKey): Style {
  const { fontSize, a, b, c, d } = key;
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
  const color = key.rgba < 0 ? '#000000' : rgbHex(key.rgba >> 16, (key.rgba >> 8) & 255, key.rgba & 255);
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

/**
 * The page's characters as one string, one UTF-16 unit per character index, read in one call; null
 * when that does not hold (characters beyond the BMP take two units), and the reader asks per character.
 */
function pageText(x: PdfiumExports, heap: Heap, tp: number, n: number): string | null {
  const out = x.malloc((n + 1) * 2);
  if (!out) return null;
  try {
    const written = x.FPDFText_GetText(tp, 0, n, out);
    if (written !== n + 1) return null;
    return decodeUtf16(heap.utf16(out, n));
  } finally {
    x.free(out);
  }
}

const utf16 = new TextDecoder('utf-16le');
function decodeUtf16(units: Uint16Array): string | null {
  const text = utf16.decode(units);
  // a lone surrogate decodes to U+FFFD: the string no longer matches the character indices
  return text.length === units.length && !/[\ud800-\udfff\ufffd]/.test(text) ? text : null;
}

interface OpenRun {
  /** the text, or null while it is text.slice(from, to) of the page's string */
  str: string | null;
  from: number;
  to: number;
  space: boolean;
  x: number;
  y: number;
  right: number;
  style: Style;
  obj: number;
}

/** The page's text runs in content order, in top-down page coordinates (`page`: user space → page). */
export function readRuns(x: PdfiumExports, heap: Heap, tp: number, page: Matrix, s: Scratch): TextRun[] {
  const n = x.FPDFText_CountChars(tp);
  if (n <= 0) return [];
  const text = pageText(x, heap, tp, n);
  const [pa, pb, pc, pd, pe, pf] = page;
  const runs: TextRun[] = [];
  let run: OpenRun | null = null;
  let space = false;
  let lastObj = 0;
  let key: StyleKey | null = null;
  let style: Style | null = null;
  const close = () => {
    const r = run;
    if (r) {
      const body = r.str ?? text!.slice(r.from, r.to);
      const st = r.style;
      runs.push({ str: r.space ? ` ${body}` : body, x: r.x, y: r.y, width: r.right - r.x, size: st.size, bold: st.bold, italic: st.italic, font: st.font, color: st.color });
    }
    run = null;
  };
  const rect = s.rect >> 2;
  const point = s.point;
  for (let i = 0; i < n; i++) {
    let u = text === null ? x.FPDFText_GetUnicode(tp, i) : text.charCodeAt(i);
    if (isBreak(u)) {
      // a word gap is measured from the last glyph to the next, whether the text holds a space
      // glyph there or PDFium generated one from the gap (pdf.js measures it so too)
      close();
      space = true;
      continue;
    }
    // the whole-page text shows a hyphen that ends a line as U+FFFE: ask for the character itself
    if (u === 0xfffe) u = x.FPDFText_GetUnicode(tp, i);
    // 0: a glyph without a Unicode mapping; U+FFFE/U+FFFF are not characters
    if (u === 0 || u === 0xfffe || u === 0xffff) continue;
    const obj = x.FPDFText_GetTextObject(tp, i);
    if (obj === 0) continue;
    if (obj !== lastObj) {
      const k = styleKey(x, heap, tp, i, obj, s);
      if (!key || !sameKey(key, k)) style = styleOf(x, heap, tp, i, s, page, k);
      key = k;
      lastObj = obj;
    }
    const st = style!;
    // PDFium marks a hyphen that ends a line as U+0002: the hyphen is on the page, and layout
    // decides whether it joins a broken word
    const special = u === 0x02 || text === null || u > 0xffff;
    const ch = special ? (u === 0x02 ? '-' : String.fromCodePoint(u)) : '';
    const open = run as OpenRun | null;
    if (st.rotated) {
      // text that does not run across the page stays one run per text object, as pdf.js gives it
      if (open && open.obj === obj) {
        open.str = `${open.str ?? text!.slice(open.from, open.to)}${space ? ' ' : ''}${special ? ch : text!.charAt(i)}`;
        space = false;
        continue;
      }
      close();
      x.FPDFText_GetCharOrigin(tp, i, point, point + 8);
      const ox = heap.f64(point);
      const oy = heap.f64(point + 8);
      const px = pa * ox + pc * oy + pe;
      run = { str: special ? ch : null, from: i, to: i + 1, space, x: px, y: pb * ox + pd * oy + pf, right: px + st.size, style: st, obj };
      space = false;
      continue;
    }
    x.FPDFText_GetLooseCharBox(tp, i, s.rect);
    const f = heap.floats();
    // FS_RECTF: left, top, right, bottom in user space; the page maps x of either corner
    const x1 = pa * f[rect]! + pc * f[rect + 3]! + pe;
    const x2 = pa * f[rect + 2]! + pc * f[rect + 1]! + pe;
    const left = x1 < x2 ? x1 : x2;
    const right = x1 < x2 ? x2 : x1;
    // the next glyph of the run: adjacent, or overlapping it (kerning; a ligature PDFium splits
    // into its letters gives each the ligature's box)
    if (open && open.obj === obj && !space && left - open.right <= 0.15 * st.size && left >= open.x - 0.5 * st.size) {
      if (special || open.str !== null || open.to !== i) open.str = `${open.str ?? text!.slice(open.from, open.to)}${special ? ch : text!.charAt(i)}`;
      else open.to = i + 1;
      if (right > open.right) open.right = right;
      continue;
    }
    close();
    x.FPDFText_GetCharOrigin(tp, i, point, point + 8);
    const ox = heap.f64(point);
    const oy = heap.f64(point + 8);
    run = { str: special ? ch : null, from: i, to: i + 1, space, x: left, y: pb * ox + pd * oy + pf, right, style: st, obj };
    space = false;
  }
  close();
  return runs;
}

export function readLines(x: PdfiumExports, heap: Heap, tp: number, page: Matrix, s: Scratch): RawLine[] {
  return itemsToLines(readRuns(x, heap, tp, page, s));
}
