/** Text helpers the recognisers share: sentences, dates, similarity. */

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
const WEEKDAY_RE = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\s+)?';
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';

export function monthNumber(name: string): number {
  const i = MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));
  return i + 1;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

// years run 1990–2099, as the report schema's do: "March 2822" or "1974" is damage or history, not a visit
function validDate(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export interface DateRange {
  start: string;
  end: string;
  /** index of the match in the text */
  at: number;
}

/**
 * Full dates and day ranges as councils write them: "13 October 2021", "Wednesday 14 December 2022",
 * "24th and 25th February 2020", "27- 30 March 2017", "from Tuesday 22 to Friday 25 March 2022".
 */
export function findDates(text: string): DateRange[] {
  const out: DateRange[] = [];
  const range = new RegExp(`${WEEKDAY_RE}${DAY_RE}\\s*(?:-|–|—|and|to|&)\\s*${WEEKDAY_RE}${DAY_RE}\\s+${MONTH_RE}\\s+(\\d{4})`, 'gi');
  const taken: [number, number][] = [];
  for (const m of text.matchAll(range)) {
    const y = Number(m[4]);
    const mo = monthNumber(m[3]!);
    const d1 = Number(m[1]);
    const d2 = Number(m[2]);
    if (validDate(y, mo, d1) && validDate(y, mo, d2) && d1 <= d2) {
      out.push({ start: iso(y, mo, d1), end: iso(y, mo, d2), at: m.index! });
      taken.push([m.index!, m.index! + m[0].length]);
    }
  }
  const single = new RegExp(`${WEEKDAY_RE}${DAY_RE}\\s+${MONTH_RE},?\\s+(\\d{4})`, 'gi');
  for (const m of text.matchAll(single)) {
    if (taken.some(([s, e]) => m.index! >= s && m.index! < e)) continue;
    const y = Number(m[3]);
    const mo = monthNumber(m[2]!);
    const d = Number(m[1]);
    if (validDate(y, mo, d)) out.push({ start: iso(y, mo, d), end: iso(y, mo, d), at: m.index! });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Years given as the time of something: "November 2018", "summer 2021", and with `loose`, "in 2021",
 * "since 2018" (never "2021/22" or "2024/25", which are financial years).
 */
export function datedYears(text: string, loose = true): number[] {
  const years: number[] = [];
  const lead = loose ? `${MONTH_RE}|\\b(?:in|during|since|spring|summer|autumn|winter|early|late)` : `${MONTH_RE}|\\b(?:spring|summer|autumn|winter)`;
  const re = new RegExp(`(?:${lead})\\s+(199\\d|20\\d{2})\\b(?![/-]\\d)`, 'gi');
  for (const m of text.matchAll(re)) years.push(Number(m[2]));
  return years;
}

export function yearsIn(text: string): number[] {
  return Array.from(text.matchAll(/\b(199\d|20\d{2})\b(?![/-]\d)/g), (m) => Number(m[1]));
}

export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=["“‘(]?[A-Z0-9])/).filter((s) => s.trim());
}

/** Lower-case word tokens, quotes and punctuation dropped, for comparing statements. */
export function tokens(s: string): string[] {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201C\u201D'"`]/g, '')
    .split(/[^\p{L}\p{N}£%&]+/u)
    .filter(Boolean);
}

/**
 * The recognisers compare the same statements with many others (each candidate recommendation
 * with each restatement): their tokens are made once. Bounded, so a long batch does not grow it.
 */
const tokenCache = new Map<string, readonly string[]>();
const TOKEN_CACHE_SIZE = 4096;
function cachedTokens(s: string): readonly string[] {
  let t = tokenCache.get(s);
  if (t === undefined) {
    if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
    t = tokens(s);
    tokenCache.set(s, t);
  }
  return t;
}

/** How many tokens of `b` are found in `a`, each token of `a` used once. */
function shared(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let found = 0;
  for (const t of b) {
    const c = counts.get(t);
    if (c) {
      found++;
      counts.set(t, c - 1);
    }
  }
  return found;
}

/** Dice coefficient over token multisets: 1 for the same words, 0 for none shared. */
export function dice(a: string, b: string): number {
  const A = cachedTokens(a);
  const B = cachedTokens(b);
  return A.length && B.length ? (2 * shared(A, B)) / (A.length + B.length) : 0;
}

/** Share of the shorter statement's words found in the longer one (a summary inside its full form). */
export function containment(a: string, b: string): number {
  const A = cachedTokens(a);
  const B = cachedTokens(b);
  const [short, long] = A.length <= B.length ? [A, B] : [B, A];
  return short.length ? shared(long, short) / short.length : 0;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** "seven" → 7, "22" → 22 */
export function countWord(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const i = NUMBER_WORDS.indexOf(s.toLowerCase());
  return i >= 0 ? i : null;
}

export const COUNT_WORD_RE = `(\\d{1,3}|${NUMBER_WORDS.slice(1).join('|')})`;
