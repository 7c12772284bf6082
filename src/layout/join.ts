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

/** Append `next` to `text` as the continuation of a wrapped line. */
export function joinWrapped(text: string, next: string, vocab: Vocabulary | null, stats?: JoinStats): string {
  if (!text) return next;
  if (!next) return text;
  // only the end of the text matters; looking at its tail keeps long paragraphs linear
  const end = text.slice(-64);
  const tail = end.endsWith('-') ? /([\p{L}\p{N}]+)-$/u.exec(end) : null;
  const head = /^([\p{L}\p{N}]+)/u.exec(next);
  if (tail && head) {
    // "organis-" + "ation": one word when the document writes it whole and never with the hyphen
    const whole = tail[1]! + head[1]!;
    if (vocab && /^\p{Ll}/u.test(head[1]!) && vocab.knownInside(whole) && !vocab.hasHyphenated(`${tail[1]}-${head[1]}`)) {
      if (stats) stats.dehyphenated++;
      return text.slice(0, -1) + next;
    }
    // a real hyphen at the line end ("re-" + "assess", "2021-" + "24")
    return text + next;
  }
  const lastWord = head && vocab ? trailingLetters(end) : '';
  if (lastWord && head && vocab) {
    // a word broken without a hyphen ("Recommend" + "ation"): its tail is never a word of its own,
    // or its head is none ("Recommendati" + "on"), or the tail is one stray letter ("apprenticeship" + "s")
    const whole = lastWord + head[1]!;
    const broken = !vocab.knownInside(head[1]!) || !vocab.knownWord(lastWord) || (head[1]!.length === 1 && !/^[ai]$/i.test(head[1]!));
    if (/^\p{Ll}/u.test(head[1]!) && broken && vocab.knownWord(whole)) {
      if (stats) stats.rejoinedWords++;
      return text + next;
    }
  }
  return `${text} ${next}`;
}
