import type { RawLine } from './raw.js';

/** A run of text as a PDF engine gives it: pdf.js's text items, or PDFium's runs of characters; placed as a line is. */
export type TextRun = Omit<RawLine, 'text' | 'hint'> & { str: string };

interface Pending {
  /** the piece's text so far, in parts (one string grown by += is re-flattened by each look at its end) */
  parts: string[];
  /** the text so far ends in whitespace */
  endsInSpace: boolean;
  x: number;
  y: number;
  right: number;
  size: number;
  bold: boolean;
  italic: boolean;
  font: string | undefined;
  color: string | undefined;
  /** whitespace seen since the last glyphs */
  space: boolean;
  /** every run after the first is bold */
  boldAfterFirst: boolean;
}

/** whitespace as /\s/ has it, without a regex for the usual characters */
function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(c);
}

/** nothing but whitespace (a run PDFium gives never is; pdf.js gives whitespace items) */
const isBlank = (s: string) => isSpace(s[0]) && s.trim() === '';

/**
 * Merge text runs (in content-stream order) into visual line pieces. A piece breaks where the text
 * moves to another baseline, moves backwards, or jumps across a gap wider than word spacing — a
 * tab stop or a table column — so columns stay apart for layout to rebuild.
 */
export function itemsToLines(items: readonly TextRun[]): RawLine[] {
  const lines: RawLine[] = [];
  let cur: Pending | null = null;
  const flush = () => {
    const text = cur ? cur.parts.join('').replace(/\s+/g, ' ').trim() : '';
    if (cur && text) {
      const line: RawLine = { text, x: cur.x, y: cur.y, width: cur.right - cur.x, size: cur.size, bold: cur.bold, italic: cur.italic };
      // "(a) **Develop …**": whether a plain first run is a marker is layout's to say
      if (!cur.bold && cur.boldAfterFirst && cur.parts.length > 1) line.plainLead = cur.parts[0]!.trim();
      if (cur.font !== undefined) line.font = cur.font;
      if (cur.color !== undefined) line.color = cur.color;
      lines.push(line);
    }
    cur = null;
  };
  for (const it of items) {
    if (it.str === '') continue;
    const blank = isBlank(it.str);
    const last = it.str[it.str.length - 1];
    if (cur) {
      const c: Pending = cur;
      const sameLine = Math.abs(it.y - c.y) < Math.max(1, 0.35 * Math.max(c.size, it.size));
      const gap = it.x - c.right;
      const em = Math.max(c.size, it.size, 1);
      if (blank) {
        // a wide whitespace run is a tab stop or a cell gap: the piece ends there
        if (!sameLine || it.width > 1.2 * em) flush();
        else c.space = true;
        continue;
      }
      if (sameLine && gap > -0.5 * em && gap < 0.8 * em) {
        const needsSpace = c.space || gap > 0.15 * em || c.endsInSpace || isSpace(it.str[0]);
        if (needsSpace && !c.endsInSpace) c.parts.push(' ');
        c.parts.push(it.str);
        c.endsInSpace = isSpace(last);
        c.right = Math.max(c.right, it.x + it.width);
        c.space = c.endsInSpace;
        // a line is bold when its text is (a bold first word alone does not make a heading)
        if (!it.bold) c.bold = false;
        if (!it.bold && !isBlank(it.str)) c.boldAfterFirst = false;
        if (!it.italic) c.italic = false;
        // the line's font and colour are its largest text's
        if (it.size > c.size) {
          c.size = it.size;
          c.font = it.font;
          c.color = it.color;
        }
        continue;
      }
      flush();
    }
    if (blank) continue;
    const endsInSpace = isSpace(last);
    cur = { parts: [it.str], endsInSpace, x: it.x, y: it.y, right: it.x + it.width, size: it.size, bold: it.bold, italic: it.italic, font: it.font, color: it.color, space: endsInSpace, boldAfterFirst: true };
  }
  flush();
  return lines;
}
