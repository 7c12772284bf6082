import { wordChanges } from './word-diff.js';

/** A stretch of one side's text: changed (removed from the old, added in the new) or common. */
export interface Run {
  text: string;
  changed: boolean;
}

export interface SideBySide {
  /** each old text, as runs: removed words changed */
  old: Run[][];
  /** each new text, as runs: added words changed */
  new: Run[][];
}

const isSpace = (ch: string) => /\s/.test(ch);

/**
 * Which characters of `text` the changes mark. The `diff` package's word diff does not keep
 * whitespace as it was (it may move or merge a space between runs), but it does keep every other
 * character in order, so the marks are laid on the text itself through its non-space
 * characters: each side reads exactly as its report printed it. A space is marked when the
 * characters on both sides of it are, so a mark never starts or ends with one.
 */
function markText(text: string, chunks: readonly { value: string; changed: boolean }[]): boolean[] | null {
  const marked = new Array<boolean>(text.length).fill(false);
  let at = 0;
  for (const chunk of chunks) {
    for (const ch of chunk.value) {
      if (isSpace(ch)) continue;
      while (at < text.length && isSpace(text[at]!)) at++;
      if (text.slice(at, at + ch.length) !== ch) return null;
      for (let k = 0; k < ch.length; k++) marked[at + k] = chunk.changed;
      at += ch.length;
    }
  }
  if (text.slice(at).trim() !== '') return null;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text[i]!)) continue;
    let before = i - 1;
    while (before >= 0 && isSpace(text[before]!)) before--;
    let after = i + 1;
    while (after < text.length && isSpace(text[after]!)) after++;
    marked[i] = before >= 0 && after < text.length && marked[before]! && marked[after]!;
  }
  return marked;
}

/** `texts` cut out of their join by a space, each as runs of equal marking. */
function cut(texts: readonly string[], marked: readonly boolean[]): Run[][] {
  let offset = 0;
  return texts.map((text) => {
    const runs: Run[] = [];
    for (let i = 0; i < text.length; i++) {
      const changed = marked[offset + i]!;
      const last = runs[runs.length - 1];
      if (last && last.changed === changed) last.text += text[i];
      else runs.push({ text: text[i]!, changed });
    }
    offset += text.length + 1;
    return runs;
  });
}

/**
 * The word diff of a link seen from each side, cut into its recommendations: the old texts with
 * what the new side lacks marked, the new texts with what it adds. The diff runs on the joined
 * texts, as the text and Markdown output's does, so a split reads as one old text against its
 * parts; when the two read better whole (see wordChanges), every word of each side is marked.
 */
export function sideBySide(oldTexts: readonly string[], newTexts: readonly string[]): SideBySide {
  const oldText = oldTexts.join(' ');
  const newText = newTexts.join(' ');
  const all = (texts: readonly string[]) => texts.map((t) => [{ text: t, changed: true }]);
  if (oldText === newText) return { old: oldTexts.map((t) => [{ text: t, changed: false }]), new: newTexts.map((t) => [{ text: t, changed: false }]) };
  const { changes, whole } = wordChanges(oldText, newText);
  if (whole) return { old: all(oldTexts), new: all(newTexts) };
  const oldMarked = markText(oldText, changes.filter((c) => !c.added).map((c) => ({ value: c.value, changed: c.removed })));
  const newMarked = markText(newText, changes.filter((c) => !c.removed).map((c) => ({ value: c.value, changed: c.added })));
  // not seen on any fixture (the diff keeps every non-space character); should it happen, the
  // texts are shown whole rather than marked wrongly
  if (!oldMarked || !newMarked) return { old: all(oldTexts), new: all(newTexts) };
  return { old: cut(oldTexts, oldMarked), new: cut(newTexts, newMarked) };
}
