/**
 * Scoring against the gold annotations, the same way ../shared/tools/score.mjs does (greedy
 * best-first one-to-one matching on token Dice; text exact after normalisation).
 */
import type { Report } from '../src/model/report.js';

/** A gold annotation file (the format of ../shared/gold/README.md). */
export interface Gold {
  document: string;
  kind: string;
  councils: string[];
  year: number;
  title: string | null;
  peerTeam: { name: string; role: string | null; organisation: string | null }[];
  sections: { number: string | null; title: string; level: number }[];
  recommendations: { number: string | null; cycle: 'current' | 'previous'; year: number; text: string }[];
  requestedDecisions: string[];
}

const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d'"`]/g, '')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\*+/g, '')
    .replace(/[^\p{L}\p{N}£%&/.-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const toks = (s: unknown) => norm(s).replace(/[.]/g, ' ').split(' ').filter(Boolean);

function dice(a: unknown, b: unknown): number {
  const A = toks(a);
  const B = toks(b);
  if (!A.length || !B.length) return 0;
  const m = new Map<string, number>();
  for (const t of A) m.set(t, (m.get(t) ?? 0) + 1);
  let inter = 0;
  for (const t of B) {
    const c = m.get(t);
    if (c) {
      inter++;
      m.set(t, c - 1);
    }
  }
  return (2 * inter) / (A.length + B.length);
}

function match<G, O>(gold: G[], got: O[], key: (x: G | O) => string, threshold: number): [number, number][] {
  const cand: [number, number, number][] = [];
  gold.forEach((g, i) => got.forEach((o, j) => {
    const s = dice(key(g), key(o));
    if (s >= threshold) cand.push([s, i, j]);
  }));
  cand.sort((x, y) => y[0] - x[0]);
  const gi = new Set<number>();
  const oj = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of cand) if (!gi.has(i) && !oj.has(j)) {
    gi.add(i);
    oj.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

export interface Tally {
  recTp: number; recGold: number; recOut: number; exact: number; numOk: number; numN: number;
  secTp: number; secGold: number; secOut: number; peerTp: number; peerGold: number; peerOut: number;
  meta: number; metaN: number;
  /** what did not match, for a readable failure */
  misses: string[];
}

export const emptyTally = (): Tally => ({ recTp: 0, recGold: 0, recOut: 0, exact: 0, numOk: 0, numN: 0, secTp: 0, secGold: 0, secOut: 0, peerTp: 0, peerGold: 0, peerOut: 0, meta: 0, metaN: 0, misses: [] });

export function score(gold: Gold, out: Report, t: Tally, label: string): void {
  for (const cycle of ['current', 'previous'] as const) {
    const g = gold.recommendations.filter((r) => r.cycle === cycle);
    const o = out.recommendations.filter((r) => r.cycle === cycle);
    const m = match<(typeof g)[number] | (typeof o)[number], (typeof o)[number]>(g, o, (r) => r.text, 0.6);
    t.recTp += m.length;
    t.recGold += g.length;
    t.recOut += o.length;
    for (const [i, j] of m) {
      if (norm(g[i]!.text).replace(/[.;,]$/, '') === norm(o[j]!.text).replace(/[.;,]$/, '')) t.exact++;
      else t.misses.push(`${label} ${cycle} text differs: ${g[i]!.text.slice(0, 80)}`);
      if (g[i]!.number != null) {
        t.numN++;
        if (String(o[j]!.number ?? '').replace(/\.$/, '') === String(g[i]!.number)) t.numOk++;
        else t.misses.push(`${label} ${cycle} number ${o[j]!.number} should be ${g[i]!.number}`);
      }
    }
    const mg = new Set(m.map((x) => x[0]));
    const mo = new Set(m.map((x) => x[1]));
    g.forEach((r, i) => mg.has(i) || t.misses.push(`${label} missed ${cycle} ${r.number ?? ''}: ${r.text.slice(0, 80)}`));
    o.forEach((r, j) => mo.has(j) || t.misses.push(`${label} extra ${cycle} ${r.number ?? ''}: ${r.text.slice(0, 80)}`));
  }
  const secKey = (s: { number: string | null; title: string }) => `${s.number ?? ''} ${s.title}`;
  const ms = match(gold.sections, out.sections, secKey, 0.75);
  t.secTp += ms.length;
  t.secGold += gold.sections.length;
  t.secOut += out.sections.length;
  const mp = match(gold.peerTeam, out.peerTeam, (p) => p.name, 0.99);
  t.peerTp += mp.length;
  t.peerGold += gold.peerTeam.length;
  t.peerOut += out.peerTeam.length;
  const councils = (c: string[]) => JSON.stringify([...c].map(norm).sort());
  const checks: [boolean, string][] = [
    [out.report.kind === gold.kind, `kind ${out.report.kind} ≠ ${gold.kind}`],
    [councils(out.report.councils) === councils(gold.councils), `councils ${JSON.stringify(out.report.councils)}`],
    [out.report.year === gold.year, `year ${out.report.year} ≠ ${gold.year}`],
  ];
  t.metaN += checks.length;
  for (const [ok, what] of checks) if (ok) t.meta++; else t.misses.push(`${label} ${what}`);
}

const prf = (tp: number, ng: number, no: number) => {
  const p = no ? tp / no : ng ? 0 : 1;
  const r = ng ? tp / ng : 1;
  return p + r ? (2 * p * r) / (p + r) : 0;
};

const pr = (tp: number, ng: number, no: number) => ({ precision: no ? tp / no : ng ? 0 : 1, recall: ng ? tp / ng : 1, f1: prf(tp, ng, no) });

/** Precision, recall and F1 of each field (what `npm run accuracy` prints). */
export function detail(t: Tally) {
  return {
    recommendations: { ...pr(t.recTp, t.recGold, t.recOut), exactText: t.recTp ? t.exact / t.recTp : 0, numbers: t.numN ? t.numOk / t.numN : 1 },
    sections: pr(t.secTp, t.secGold, t.secOut),
    peers: pr(t.peerTp, t.peerGold, t.peerOut),
    metadata: t.metaN ? t.meta / t.metaN : 0,
  };
}

/** Add one tally into another. */
export function addTally(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as (keyof Tally)[]) {
    if (k === 'misses') into.misses.push(...t.misses);
    else into[k] += t[k];
  }
}

export function summary(t: Tally) {
  return {
    recommendationsF1: prf(t.recTp, t.recGold, t.recOut),
    exactText: t.recTp ? t.exact / t.recTp : 0,
    numbers: t.numN ? t.numOk / t.numN : 1,
    sectionsF1: prf(t.secTp, t.secGold, t.secOut),
    peersF1: prf(t.peerTp, t.peerGold, t.peerOut),
    metadata: t.metaN ? t.meta / t.metaN : 0,
  };
}
