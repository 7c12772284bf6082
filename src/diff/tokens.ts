import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.js';

/**
 * Text as compared for `unchanged`: Unicode-normalised, typographic quotes and dashes made plain,
 * case and spacing ignored, and the closing punctuation of a list item (";" in one document, "."
 * in the other) dropped. Anything else that differs makes a link `reworded`.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    // from where the run starts (the lookbehind), not from every position inside a long one
    .replace(/(?<![\s;:,.])[\s;:,.]+$/u, '');
}

/**
 * The content words of a text, stemmed (Porter): "organisational" and "organisation" meet at
 * "organis". Hyphenated compounds are joined ("co-design" = "codesign") so that spelling variants
 * agree; possessives are dropped; single letters and single digits carry no meaning here.
 */
export function terms(text: string): string[] {
  const words = normaliseText(text)
    .replace(/(\p{L})-(?=\p{L})/gu, '$1')
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u);
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 2 || STOP_WORDS.has(w)) continue;
    out.push(/^\p{N}+$/u.test(w) ? w : stemmer(w));
  }
  return out;
}
