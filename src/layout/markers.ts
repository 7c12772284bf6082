/**
 * Leading list markers: bullets and enumerators as printed. The table is data, ordered from the
 * most to the least specific; parse decides what a marker means (a heading number, a list item, a
 * numbered paragraph).
 */

export type MarkerKind = 'bullet' | 'multilevel' | 'decimal' | 'paren' | 'letter' | 'roman' | 'bare';

export interface MarkerMatch {
  kind: MarkerKind;
  /** the marker as printed; bullets are normalised to "•" */
  marker: string;
  /** the text after the marker */
  rest: string;
}

interface MarkerRule {
  kind: MarkerKind;
  re: RegExp;
  /** group holding the marker; the rest follows the whole match */
  group: number;
}

export const MARKER_RULES: readonly MarkerRule[] = [
  // •, –, -, *, ▪ … followed by space (or nothing: a bullet alone on its line)
  { kind: 'bullet', re: /^([•\-–—*])(?:\s+|$)/u, group: 1 },
  // Word's "o" level-two bullet, only before a capitalised word
  { kind: 'bullet', re: /^(o)\s+(?=[A-Z])/u, group: 1 },
  // 2.1  4.3.2  1.0  (a trailing dot is allowed: "2.1.")
  { kind: 'multilevel', re: /^(\d{1,3}(?:\.\d{1,3}){1,3}\.?)(?=\s|$)/u, group: 1 },
  // 1.  12)  3:
  { kind: 'decimal', re: /^(\d{1,3}[.)])(?=\s|$|[A-Z(‘“'"])/u, group: 1 },
  // (a)  (iv)  (1)  (A)
  { kind: 'paren', re: /^(\((?:\d{1,3}|[a-z]{1,2}|[A-Z]|[ivxlc]{1,6})\))(?=\s|$)/u, group: 1 },
  // iv.  ii)
  { kind: 'roman', re: /^((?:i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,3})[.)])(?=\s)/u, group: 1 },
  // a.  b)  A)
  { kind: 'letter', re: /^([a-z][.)]|[A-Z]\))(?=\s)/u, group: 1 },
  // "1 Introduction": a bare section number before a capitalised word
  { kind: 'bare', re: /^(\d{1,2})\s+(?=[A-Z‘“'"])/u, group: 1 },
];

export function matchMarker(text: string, rules: readonly MarkerRule[] = MARKER_RULES): MarkerMatch | null {
  for (const rule of rules) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const raw = m[rule.group]!;
    const rest = text.slice(m[0].length).trim();
    return { kind: rule.kind, marker: rule.kind === 'bullet' ? '•' : raw, rest };
  }
  return null;
}

/** A text that is nothing but a marker (a bullet glyph or number set apart by a tab). */
export function isBareMarker(text: string): boolean {
  // the rules look for the space that follows a marker; alone on its piece it has none
  const m = matchMarker(`${text.trim()} `);
  return m != null && m.rest === '' && m.kind !== 'bare';
}
