/**
 * Cues as data (after Readability's REGEXPS table): each decision a recogniser makes reads one table
 * of named, weighted patterns, each with an example of the wording it stands for. A candidate's
 * score is the sum of the weights of the cues that fire; the ids of those cues are its evidence.
 */

export interface Cue {
  /** stable name, reported in a recommendation's evidence ("lead-in:speaks-of-recommendations") */
  id: string;
  /** global patterns count each mention; `score` resets their position before each test */
  pattern: RegExp;
  /** added to a candidate's score when the pattern matches; negative cues count against it */
  weight: number;
  /** wording the cue stands for, from the domain (tested against the pattern) */
  example: string;
}

export interface CueHit {
  id: string;
  weight: number;
}

export interface Scored {
  total: number;
  hits: CueHit[];
}

export const noScore = (): Scored => ({ total: 0, hits: [] });

/** `pattern.test`, from the start of `text` whether or not the pattern is global. */
export function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Every mention of the cues of `table` in `text`, as printed (global patterns only). */
export function mentions(text: string, table: readonly Cue[]): string[] {
  return table.flatMap((c) => (c.pattern.global ? Array.from(text.matchAll(c.pattern), (m) => m[0]) : test(c.pattern, text) ? [text] : []));
}

/** The cues of `table` that fire on `text`, and their total weight. */
export function score(text: string, table: readonly Cue[], prefix = ''): Scored {
  const hits: CueHit[] = [];
  for (const c of table) if (test(c.pattern, text)) hits.push({ id: prefix ? `${prefix}:${c.id}` : c.id, weight: c.weight });
  return { total: hits.reduce((n, h) => n + h.weight, 0), hits };
}

/** Scores added together; a cue that fires in more than one text counts once, at its largest weight. */
export function combine(...parts: readonly Scored[]): Scored {
  const best = new Map<string, CueHit>();
  for (const p of parts) for (const h of p.hits) if (!best.has(h.id) || Math.abs(h.weight) > Math.abs(best.get(h.id)!.weight)) best.set(h.id, h);
  const hits = [...best.values()];
  return { total: hits.reduce((n, h) => n + h.weight, 0), hits };
}

/**
 * An acceptance a reader may want to check: within a point of the threshold on cues none of which
 * is enough on its own, or over a cue that counts against it. (A single strong cue at the threshold,
 * "Key recommendations", is the plain case, not a close call.)
 */
export function closeCall(scored: Scored, threshold: number): boolean {
  if (scored.total < threshold) return false;
  const combined = scored.total - threshold < 1 && !scored.hits.some((h) => h.weight >= threshold);
  return combined || scored.hits.some((h) => h.weight < 0);
}

/** Whether any cue of `table` fires on `text`. */
export const fires = (text: string, table: readonly Cue[]): boolean => table.some((c) => test(c.pattern, text));

/** The first cue of `table` (tables are ordered) that fires on `text`. */
export const firstCue = (text: string, table: readonly Cue[]): Cue | undefined => table.find((c) => test(c.pattern, text));
