/**
 * Positioned lines → paragraphs. A paragraph breaks at a marker, a change of font size or weight,
 * a vertical gap wider than the line spacing, an outdent, or after a short line that ends a
 * sentence; it runs on across a page break when the text plainly continues.
 */
import { fromEdge, type PLine, type Proto, type ProtoTable } from './geometry.js';
import { matchMarker, type MarkerMatch } from './markers.js';

export interface Metrics {
  bodySize: number;
  leftMargin: number;
  /** the furthest a body line reaches: where wrapping happens */
  rightLimit: number;
  lineSpacing: number;
}

function mode(values: readonly number[], weights?: readonly number[]): number | null {
  const counts = new Map<number, number>();
  values.forEach((v, i) => counts.set(v, (counts.get(v) ?? 0) + (weights?.[i] ?? 1)));
  let best: number | null = null;
  let bestCount = -1;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && best !== null && v < best)) [best, bestCount] = [v, c];
  return best;
}

export function metricsOf(lines: readonly PLine[]): Metrics {
  const bodySize = mode(lines.map((l) => Math.round(l.size * 2) / 2), lines.map((l) => l.text.length)) ?? 12;
  const body = lines.filter((l) => Math.abs(l.size - bodySize) < 0.5 && !l.bold);
  const plain = body.filter((l) => !l.marker);
  // the leftmost edge a fair share of body lines start at (list text is indented past it)
  const starts = plain.map((l) => Math.round(l.x / 2) * 2).sort((a, b) => a - b);
  const startCounts = new Map<number, number>();
  for (const x of starts) startCounts.set(x, (startCounts.get(x) ?? 0) + 1);
  const leftMargin = [...startCounts.entries()].find(([, n]) => n >= 0.1 * starts.length)?.[0] ?? starts[0] ?? 0;
  const rights = body.map((l) => l.right).sort((a, b) => a - b);
  const steps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const dy = body[i]!.y - body[i - 1]!.y;
    if (body[i]!.page === body[i - 1]!.page && dy > 0 && dy < 3 * bodySize) steps.push(Math.round(dy * 2) / 2);
  }
  const rightLimit = rights.length ? rights[Math.floor(rights.length * 0.98)]! : leftMargin + 400;
  return { bodySize, leftMargin, rightLimit, lineSpacing: mode(steps) ?? bodySize * 1.2 };
}

export interface Para {
  lines: PLine[];
  marker: string | null;
  markerKind: MarkerMatch['kind'] | null;
  markerX: number;
  /** whitespace above and below, in multiples of the line spacing (Infinity at page edges) */
  gapBefore: number;
  gapAfter: number;
}

/** Enumerators and • glyphs start paragraphs; a dash at the start of a wrapped line may be prose. */
export function textualMarker(text: string): MarkerMatch | null {
  const m = matchMarker(text);
  if (!m) return null;
  if (m.kind === 'bullet' && !text.startsWith('•')) return null;
  return m;
}

const TERMINAL = /[.!?:;]["”’)]?$/;

/**
 * Whether `last` ended because the next line's first word would not fit after it — the line
 * wrapped — rather than because its paragraph ended. Ragged-right text makes any fixed "short
 * line" threshold wrong; this asks what the typesetter asked.
 */
export function wrapped(last: PLine, next: PLine, pageLimit: number): boolean {
  const rightLimit = last.flow?.right ?? pageLimit;
  // the first unbreakable unit: a word with any punctuation-only tokens after it ("It ...:")
  const firstWord = /^\S+(?:\s+[^\s\p{L}\p{N}]+)*/u.exec(next.text)?.[0] ?? '';
  const charWidth = next.text.length > 0 ? (next.right - next.x) / next.text.length : 0.5 * next.size;
  const needed = (firstWord.length + 1) * charWidth;
  // a glyph-width estimate: allow about an em of error
  return last.right + needed > rightLimit - Math.max(last.size, 1);
}

export function assembleParagraphs(protos: readonly Proto[], metrics: Metrics): (Para | ProtoTable)[] {
  const out: (Para | ProtoTable)[] = [];
  const spacing = (size: number) => metrics.lineSpacing * (size > 0 ? size / metrics.bodySize : 1);
  const centred = (a: PLine, b: PLine) => Math.abs((a.x + a.right) / 2 - (b.x + b.right) / 2) < 0.5 * Math.max(a.size, 1) && a.x > metrics.leftMargin + 5;
  const contX = (p: Para): number | null => (p.lines.length > 1 ? p.lines[1]!.x : p.marker ? p.lines[0]!.x : null);

  const startsNew = (p: Para, line: PLine, lineMarker: MarkerMatch | null): boolean => {
    const last = p.lines[p.lines.length - 1]!;
    if (line.marker || lineMarker) return true;
    // a sidebar or pull quote never shares a paragraph with the body
    if (line.aside !== last.aside) return true;
    if (Math.abs(line.size - last.size) > 0.6) return true;
    const full = wrapped(last, line, metrics.rightLimit);
    // bold text inside a paragraph wraps like the rest: weight only parts lines that did not wrap
    if (line.bold !== last.bold && !full) return true;
    // a heading in its own colour as well as its own weight or size ends where a sentence of the
    // body begins, however full its last line (a link changes colour alone; a bold lead-in runs
    // on into its sentence in lower case)
    if (line.color && last.color && line.color !== last.color && (line.bold !== last.bold || Math.abs(line.size - last.size) > 0.3) && /^[\p{Lu}\d]/u.test(line.text)) return true;
    if (last.page !== line.page || last.flow?.id !== line.flow?.id) {
      // across a page or column break the text runs on when the last line was full and no sentence ended
      // continuation lines align with the paragraph's own, measured from each column's edge
      const from = p.lines.length > 1 ? p.lines[1]! : p.lines[0]!;
      const cx = fromEdge(from, contX(p) ?? from.x);
      return !full || TERMINAL.test(last.text) || Math.abs(fromEdge(line) - cx) > 3;
    }
    const dy = line.y - last.y;
    if (dy <= 0 || dy > 1.4 * spacing(line.size)) return true;
    if (centred(last, line)) return false;
    // display type (a title, a banded heading) is broken into lines by hand: its lines run on
    // while their style holds and no sentence ended
    const display = line.size >= 1.3 * metrics.bodySize && line.size === last.size && line.bold === last.bold && line.color === last.color;
    if (display && !TERMINAL.test(last.text)) return false;
    if (!full && (TERMINAL.test(last.text) || /^\p{Lu}/u.test(line.text))) return true;
    const cx = contX(p);
    // a numbered paragraph set flush wraps back under its number, not under its text
    const flush = full && p.marker !== null && p.lines.length === 1 && Math.abs(line.x - p.markerX) < 3;
    if (cx !== null && line.x < cx - 3 && !flush) return true;
    if (p.lines.length === 1 && !p.marker && line.x > p.lines[0]!.x + 3 && !full) return true;
    return false;
  };

  // the paragraph being built lives in an object so the helpers below can close it
  const state: { cur: Para | null } = { cur: null };
  const close = (nextY: number | null, nextPage: number | null | undefined, nextFlow?: number) => {
    const cur = state.cur;
    if (!cur) return;
    const last = cur.lines[cur.lines.length - 1]!;
    cur.gapAfter = nextY !== null && nextPage === last.page && nextFlow === last.flow?.id ? (nextY - last.y) / spacing(last.size) : Infinity;
    out.push(cur);
    state.cur = null;
  };

  for (const proto of protos) {
    if (proto.type === 'table') {
      close(null, undefined);
      out.push(proto);
      continue;
    }
    for (const line of proto.lines) {
      const cur = state.cur;
      let lineMarker = line.marker ? null : textualMarker(line.text);
      const prev = cur?.lines[cur.lines.length - 1];
      // "… set out in s" / "17.67 for calling-in": a number that a wrapped sentence carried to the
      // next line, not a marker (a marker's item starts with a capital or a quote)
      // ("… a deadline of" / "10 January 2025 for …": a bare number, with no stop or bracket, too)
      if (lineMarker && prev && prev.page === line.page && (/^\p{Ll}/u.test(lineMarker.rest) || lineMarker.kind === 'bare') && !TERMINAL.test(prev.text) && wrapped(prev, line, metrics.rightLimit)) lineMarker = null;
      if (cur && !startsNew(cur, line, lineMarker)) {
        cur.lines.push(line);
        continue;
      }
      close(line.y, line.page, line.flow?.id);
      const gapBefore = prev && prev.page === line.page && prev.flow?.id === line.flow?.id ? (line.y - prev.y) / spacing(line.size) : Infinity;
      const stripped = lineMarker ? { ...line, text: lineMarker.rest, marker: lineMarker.marker } : line;
      state.cur = {
        lines: [stripped],
        marker: stripped.marker,
        markerKind: line.marker ? (matchMarker(`${line.marker} x`)?.kind ?? 'bare') : (lineMarker?.kind ?? null),
        markerX: line.markerX,
        gapBefore,
        gapAfter: Infinity,
      };
    }
  }
  close(null, undefined);
  return out;
}
