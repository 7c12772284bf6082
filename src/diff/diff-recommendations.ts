import { DIFF_SCHEMA_VERSION, type AddedRecommendation, type DiffLink, type DiffProgress, type DiffResult, type DiffSide, type LinkStatus, type RemovedRecommendation } from '../model/diff.js';
import type { Cycle, Recommendation, Report } from '../model/report.js';
import { assignMaximum } from './assignment.js';
import { DEFAULT_THRESHOLD, NUMBER_BONUS } from './defaults.js';
import { numbersAgree } from './numbers.js';
import { nearMisses, type Scored } from './near-misses.js';
import { attachPartners, type Group, type PartnerRules } from './partners.js';
import { combine, cosine, inverseDocumentFrequency, vectorise, type TermVector } from './tf-idf.js';
import { normaliseText, terms } from './tokens.js';

export const PARTNER_RULES: PartnerRules = { minContainment: 0.6, minGain: 0.2 };

export interface DiffOptions {
  oldCycle: Cycle;
  newCycle: Cycle;
  /** 0..1; default DEFAULT_THRESHOLD */
  threshold?: number;
}

interface Item {
  rec: Recommendation;
  terms: string[];
  vector: TermVector;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The year most of the recommendations carry (the earlier on a tie), or null. */
function commonYear(recs: readonly Recommendation[]): number | null {
  const counts = new Map<number, number>();
  for (const r of recs) if (r.year != null) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && year < best)) best = year;
  return best;
}

function side(report: Report, cycle: Cycle, recs: readonly Recommendation[]): DiffSide {
  return { file: report.source.file, cycle, year: commonYear(recs), count: recs.length };
}

function statusOf(group: Group, oldItems: readonly Item[], newItems: readonly Item[]): LinkStatus {
  if (group.old.length > 1) return 'merged';
  if (group.new.length > 1) return 'split';
  return normaliseText(oldItems[group.old[0]!]!.rec.text) === normaliseText(newItems[group.new[0]!]!.rec.text) ? 'unchanged' : 'reworded';
}

/** The response's progress and status, or null when the report gives neither. */
function progressOf(r: Recommendation): DiffProgress | null {
  const progress = r.response?.progress ?? null;
  const status = r.response?.status ?? null;
  return progress == null && status == null ? null : { progress, status };
}

const scored = (items: readonly Item[]): Scored[] => items.map((i) => ({ id: i.rec.id, number: i.rec.number, vector: i.vector }));

/**
 * Match the recommendations of one cycle of `oldReport` with one cycle of `newReport` (the same
 * report for a crosswalk between its two cycles). Pure and deterministic.
 *
 * 1. Each text becomes stemmed content words, weighted by TF-IDF over both sides together.
 * 2. Pairs whose cosine similarity reaches the threshold are eligible; an eligible pair whose
 *    numbers agree gets NUMBER_BONUS in the assignment.
 * 3. An optimal one-to-one assignment maximises the total (Hungarian algorithm).
 * 4. Left-over items join a link as a split or merge partner (see attachPartners).
 * 5. What is still unmatched is removed (old) or added (new), with its nearest candidates.
 */
export function diffRecommendations(oldReport: Report, newReport: Report, options: DiffOptions): DiffResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold must be between 0 and 1, not ${threshold}`);
  const oldRecs = oldReport.recommendations.filter((r) => r.cycle === options.oldCycle);
  const newRecs = newReport.recommendations.filter((r) => r.cycle === options.newCycle);

  const oldTerms = oldRecs.map((r) => terms(r.text));
  const newTerms = newRecs.map((r) => terms(r.text));
  const idf = inverseDocumentFrequency([...oldTerms, ...newTerms]);
  const unseen = Math.log((1 + oldTerms.length + newTerms.length) / 2) + 1;
  const oldItems: Item[] = oldRecs.map((rec, i) => ({ rec, terms: oldTerms[i]!, vector: vectorise(oldTerms[i]!, idf, unseen) }));
  const newItems: Item[] = newRecs.map((rec, j) => ({ rec, terms: newTerms[j]!, vector: vectorise(newTerms[j]!, idf, unseen) }));

  const weights = oldItems.map((o) =>
    newItems.map((n) => {
      const s = cosine(o.vector, n.vector);
      // a pair with no shared word is never eligible, even at threshold 0
      if (s <= 0 || s < threshold) return 0;
      return s + (numbersAgree(o.rec.number, n.rec.number) ? NUMBER_BONUS : 0);
    }),
  );
  const pairs: Group[] = assignMaximum(weights).map(([i, j]) => ({ old: [i], new: [j] }));
  const groups = attachPartners(
    pairs,
    oldItems.map((o) => o.vector),
    newItems.map((n) => n.vector),
    PARTNER_RULES,
  ).sort((a, b) => a.old[0]! - b.old[0]! || a.new[0]! - b.new[0]!);

  const links: DiffLink[] = groups.map((g) => {
    const olds = g.old.map((i) => oldItems[i]!);
    const news = g.new.map((j) => newItems[j]!);
    const score = cosine(
      combine(olds.map((o) => o.terms), idf, unseen),
      combine(news.map((n) => n.terms), idf, unseen),
    );
    return {
      status: statusOf(g, oldItems, newItems),
      old: olds.map((o) => o.rec.id),
      new: news.map((n) => n.rec.id),
      oldNumbers: olds.map((o) => o.rec.number),
      newNumbers: news.map((n) => n.rec.number),
      oldPages: olds.map((o) => o.rec.page),
      newPages: news.map((n) => n.rec.page),
      score: round3(score),
      oldText: olds.map((o) => o.rec.text).join(' '),
      newText: news.map((n) => n.rec.text).join(' '),
      oldTexts: olds.map((o) => o.rec.text),
      newTexts: news.map((n) => n.rec.text),
      progress: news.map((n) => progressOf(n.rec)),
    };
  });

  const linkedOld = new Set(groups.flatMap((g) => g.old));
  const linkedNew = new Set(groups.flatMap((g) => g.new));
  const oldScored = scored(oldItems);
  const newScored = scored(newItems);
  const removed: RemovedRecommendation[] = oldItems
    .filter((_, i) => !linkedOld.has(i))
    .map(({ rec, vector }) => ({ id: rec.id, number: rec.number, page: rec.page, text: rec.text, candidates: nearMisses(vector, newScored) }));
  const added: AddedRecommendation[] = newItems
    .filter((_, j) => !linkedNew.has(j))
    .map(({ rec, vector }) => ({ id: rec.id, number: rec.number, page: rec.page, text: rec.text, progress: progressOf(rec), candidates: nearMisses(vector, oldScored) }));
  const count = (s: LinkStatus) => links.filter((l) => l.status === s).length;

  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    old: side(oldReport, options.oldCycle, oldRecs),
    new: side(newReport, options.newCycle, newRecs),
    threshold,
    summary: { unchanged: count('unchanged'), reworded: count('reworded'), split: count('split'), merged: count('merged'), removed: removed.length, added: added.length },
    links,
    removed,
    added,
  };
}

/** Whether anything differs: what `--exit-code` turns into exit status 1. */
export function hasChanges(result: DiffResult): boolean {
  const s = result.summary;
  return s.reworded + s.split + s.merged + s.removed + s.added > 0;
}
