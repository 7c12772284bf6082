/**
 * Character-level clean-up shared by every format. Quotes and dashes stay as printed (reports are
 * quoted verbatim); only what a reader does not see as different is changed.
 */

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** Glyphs used as bullets, including Symbol/Wingdings private-use code points Word exports. */
export const BULLET_GLYPHS = '•●○◦▪▫■□◆◇►▸‣⁃∙·⦁➢➤✓✔\uF0B7\uF0A7\uF0D8\uF0FC\uF076\uF0A8\uF06E\uF0E0';
const BULLET_RE = new RegExp(`[${BULLET_GLYPHS}]`, 'gu');

/** any character the clean-up below changes; most lines have none, and then only spacing is tidied */
const NEEDS_WORK = new RegExp(`[\uFB00-\uFB06\u00AD\u200B-\u200D\u2060\uFEFF\u00A0\u2000-\u200A\u202F\u205F\u3000\u00B9\u00B2\u00B3\u2070\u2074-\u2079${BULLET_GLYPHS}]`, 'u');

export function normaliseText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s.replace(/\s+/g, ' ').trim();
  return (
    s
      .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
      // soft hyphens and zero-width characters are invisible in print
      .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      .replace(BULLET_RE, '•')
      // footnote reference marks (superscript digits) after a word
      .replace(/(?<=[\p{L}\p{P}])[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Digits folded so "Page 3" and "Page 14" compare equal when looking for running furniture. */
export function furnitureKey(s: string): string {
  return normaliseText(s).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** Words (letters and digits) of a text, for comparisons that ignore punctuation and layout. */
export function words(s: string): string[] {
  return normaliseText(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201C\u201D'"`]/g, '')
    .split(/[^\p{L}\p{N}£%&]+/u)
    .filter(Boolean);
}
