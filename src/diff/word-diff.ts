import { Chalk } from 'chalk';
import { diffWords, type ChangeObject } from 'diff';

/** How removed and added runs are shown. */
export interface DiffMarks {
  removed(text: string): string;
  added(text: string): string;
}

/** git's --word-diff=plain markers, for pipes, files and NO_COLOR. */
export const PLAIN_MARKS: DiffMarks = {
  removed: (t) => `[-${t}-]`,
  added: (t) => `{+${t}+}`,
};

/**
 * Colours for a terminal: red struck through for removed, green underlined for added — the
 * strike and underline still tell them apart for a reader who cannot tell red from green.
 */
export function colourMarks(level: 1 | 2 | 3): DiffMarks {
  const c = new Chalk({ level });
  return { removed: (t) => c.red.strikethrough(t), added: (t) => c.green.underline(t) };
}

/** Plain markers without colour (level 0), colours otherwise. */
export function marksFor(level: 0 | 1 | 2 | 3): DiffMarks {
  return level === 0 ? PLAIN_MARKS : colourMarks(level);
}

/** Keep the spaces around a changed run outside its marks: "a {+b+} c", not "a {+b +}c". */
function mark(value: string, style: (t: string) => string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(value)!;
  return m[2] ? `${m[1]}${style(m[2])}${m[3]}` : value;
}

/** A word-level diff of two texts (the `diff` package's word tokens), as one string. */
export function wordDiff(oldText: string, newText: string, marks: DiffMarks = PLAIN_MARKS): string {
  return diffWords(oldText, newText)
    .map((c) => (c.removed ? mark(c.value, marks.removed) : c.added ? mark(c.value, marks.added) : c.value))
    .join('');
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * The `diff` package's word changes from one text to another, and whether the two read better
 * whole — the old text removed and the new added — than as one word diff: when under half their
 * words are shared and the changes are scattered, interleaved fragments of two different
 * sentences read as neither. A run or two (a sentence appended) reads well inline.
 */
export function wordChanges(oldText: string, newText: string): { changes: ChangeObject<string>[]; whole: boolean } {
  const changes = diffWords(oldText, newText);
  const runs = changes.filter((c) => c.added || c.removed).length;
  const common = changes.filter((c) => !c.added && !c.removed).reduce((n, c) => n + wordCount(c.value), 0);
  const dice = (2 * common) / Math.max(1, wordCount(oldText) + wordCount(newText));
  return { changes, whole: runs > 2 && dice < 0.5 };
}

/** The change from one text to another as lines: one word diff, or both texts whole (see wordChanges). */
export function changeLines(oldText: string, newText: string, marks: DiffMarks = PLAIN_MARKS): string[] {
  if (wordChanges(oldText, newText).whole) return [marks.removed(oldText), marks.added(newText)];
  return [wordDiff(oldText, newText, marks)];
}
