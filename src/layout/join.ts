/**
 * Joining wrapped lines. A line that ends in a hyphen, or a word broken without one (narrow table
 * cells break long words anywhere), is rejoined the way the document itself spells the word
 * elsewhere. With no evidence the hyphen stays: a kept hyphen loses no letters.
 */

const NOT_WORD = /[^\p{L}\p{N}]+/u;
const LETTER = /\p{L}/u;

/** the letters that end `s` (a word broken at the line's end), '' when it ends otherwise */
function trailingLetters(s: string): string {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    const ascii = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!ascii && (c < 0x80 || !LETTER.test(s[i - 1]!))) break;
    i--;
  }
  return s.slice(i);
}

export class Vocabulary {
  /** how often each lower-cased word occurs anywhere */
  private readonly counts = new Map<string, number>();
  /** how often it occurs as the first word of a line (where a broken word's tail lands) */
  private readonly lineStarts = new Map<string, number>();
  /** hyphenated compounds seen inside lines ("re-assess", "face-to-face") */
  private readonly hyphenated = new Set<string>();

  constructor(lines: Iterable<string>) {
    for (const line of lines) {
      // the line's words: runs of letters and digits (split is much quicker than a match iterator)
      const parts = line.toLowerCase().split(NOT_WORD);
      let first = true;
      for (const w of parts) {
        if (!w) continue;
        this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
        if (first) this.lineStarts.set(w, (this.lineStarts.get(w) ?? 0) + 1);
        first = false;
      }
      // tried only from the start of a word: from every position, a long word took quadratic time
      if (line.includes('-')) for (const m of line.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) this.hyphenated.add(m[0].toLowerCase());
    }
  }

  /** seen as a whole word somewhere other than at the start of a line */
  knownInside(word: string): boolean {
    const w = word.toLowerCase();
    return (this.counts.get(w) ?? 0) > (this.lineStarts.get(w) ?? 0);
  }

  /** known whole, or in a plural form (a split "Recommend|ation" where only "recommendations" occurs) */
  knownWord(word: string): boolean {
    return this.knownInside(word) || this.knownInside(`${word}s`) || this.knownInside(`${word}es`);
  }

  hasHyphenated(compound: string): boolean {
    return this.hyphenated.has(compound.toLowerCase());
  }
}

export interface JoinStats {
  dehyphenated: number;
  rejoinedWords: number;
}

/**
 * How `next` continues a text that ends with `end` (its last characters suffice): how many of the
 * text's last characters go (the hyphen of a broken word) and what goes between.
 */
function joint(end: string, next: string, vocab: Vocabulary | null, stats?: JoinStats): { drop: number; between: string } {
  const tail = end.endsWith('-') ? /([\p{L}\p{N}]+)-$/u.exec(end) : null;
  const head = /^([\p{L}\p{N}]+)/u.exec(next);
  if (tail && head) {
    // "organis-" + "ation": one word when the document writes it whole and never with the hyphen
    const whole = tail[1]! + head[1]!;
    if (vocab && /^\p{Ll}/u.test(head[1]!) && vocab.knownInside(whole) && !vocab.hasHyphenated(`${tail[1]}-${head[1]}`)) {
      if (stats) stats.dehyphenated++;
      return { drop: 1, between: '' };
    }
    // a real hyphen at the line end ("re-" + "assess", "2021-" + "24")
    return { drop: 0, between: '' };
  }
  const lastWord = head && vocab ? trailingLetters(end) : '';
  if (lastWord && head && vocab) {
    // a word broken without a hyphen ("Recommend" + "ation"): its tail is never a word of its own,
    // or its head is none ("Recommendati" + "on"), or the tail is one stray letter ("apprenticeship" + "s")
    const whole = lastWord + head[1]!;
    const broken = !vocab.knownInside(head[1]!) || !vocab.knownWord(lastWord) || (head[1]!.length === 1 && !/^[ai]$/i.test(head[1]!));
    if (/^\p{Ll}/u.test(head[1]!) && broken && vocab.knownWord(whole)) {
      if (stats) stats.rejoinedWords++;
      return { drop: 0, between: '' };
    }
  }
  return { drop: 0, between: ' ' };
}

/** The characters of a text's end that decide how the next line joins it. */
const TAIL = 64;

/** Append `next` to `text` as the continuation of a wrapped line. */
export function joinWrapped(text: string, next: string, vocab: Vocabulary | null, stats?: JoinStats): string {
  if (!text) return next;
  if (!next) return text;
  const { drop, between } = joint(text.slice(-TAIL), next, vocab, stats);
  return `${drop ? text.slice(0, -drop) : text}${between}${next}`;
}

/**
 * Lines into one paragraph, as `joinWrapped` joins two, in time linear in the paragraph's length:
 * the parts are joined once at the end and only a short tail is looked at, where joining line by
 * line would read the growing paragraph again at every line (40,000 lines: 47 s).
 */
export function joinLines(lines: Iterable<string>, vocab: Vocabulary | null, stats?: JoinStats): string {
  const parts: string[] = [];
  let tail = '';
  for (const next of lines) {
    if (!next) continue;
    if (!parts.length) {
      parts.push(next);
      tail = next.slice(-TAIL);
      continue;
    }
    const { drop, between } = joint(tail, next, vocab, stats);
    if (drop) {
      // the hyphen ends the last part (a part is never empty)
      const last = parts.length - 1;
      parts[last] = parts[last]!.slice(0, -drop);
    }
    if (between) parts.push(between);
    parts.push(next);
    tail = ((drop ? tail.slice(0, -drop) : tail) + between + next).slice(-TAIL);
  }
  return parts.join('');
}
