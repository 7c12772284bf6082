/**
 * TF-IDF vectors over the recommendations of both sides together: a term that nearly every
 * recommendation uses ("council", "develop") weighs little, a rare one ("ICT", "commercialis")
 * weighs a lot, so two texts are close when they share the words that set them apart.
 */

/** Term → weight; only the terms of one text. */
export type TermVector = ReadonlyMap<string, number>;

/** Inverse document frequency, smoothed (as scikit-learn does) so no weight is zero or infinite. */
export function inverseDocumentFrequency(documents: readonly (readonly string[])[]): ReadonlyMap<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((1 + n) / (1 + d)) + 1);
  return idf;
}

/**
 * Sub-linear term frequency (1 + ln tf) times idf: a word said three times is not three times
 * the topic. Terms missing from `idf` get the weight of a term seen once.
 */
export function vectorise(termList: readonly string[], idf: ReadonlyMap<string, number>, unseenIdf: number): TermVector {
  const tf = new Map<string, number>();
  for (const t of termList) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v = new Map<string, number>();
  for (const [t, f] of tf) v.set(t, (1 + Math.log(f)) * (idf.get(t) ?? unseenIdf));
  return v;
}

function norm(v: TermVector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

/** Cosine similarity in [0, 1]; 0 when either text has no content words. */
export function cosine(a: TermVector, b: TermVector): number {
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const other = large.get(t);
    if (other !== undefined) dot += w * other;
  }
  // rounding can push identical vectors a hair past 1
  return Math.min(1, dot / (na * nb));
}

/**
 * The weighted share of `target`'s vocabulary found in any of `by`: 1 when every word of the
 * target (by weight) appears in at least one of them. Asymmetric on purpose — it asks how much of
 * one text the others account for, which is what a split or a merge is about.
 */
export function coverage(target: TermVector, by: readonly TermVector[]): number {
  let total = 0;
  let covered = 0;
  for (const [t, w] of target) {
    total += w;
    if (by.some((v) => v.has(t))) covered += w;
  }
  return total === 0 ? 0 : covered / total;
}

/** The vector of several texts read as one (a split's or a merge's combined side). */
export function combine(vectors: readonly (readonly string[])[], idf: ReadonlyMap<string, number>, unseenIdf: number): TermVector {
  return vectorise(vectors.flat(), idf, unseenIdf);
}
