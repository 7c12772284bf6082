/**
 * Cues as data (after Readability's REGEXPS table): each decision a recogniser makes reads one table
 * of named, weighted patterns, each with an example of the wording it stands for. A candidate's
 * score is the sum of the weights of the cues that fire; the ids of those cues are its evidence.
 */

export interface Cue {
  /** stable name, reported in a recommendation's evidence ("lead-in:speaks-of-recommendations") */
  id: string;
  /** not global: `test` must not carry state between calls */
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

/** The cues of `table` that fire on `text`, and their total weight. */
export function score(text: string, table: readonly Cue[], prefix = ''): Scored {
  const hits: CueHit[] = [];
  for (const c of table) if (c.pattern.test(text)) hits.push({ id: prefix ? `${prefix}:${c.id}` : c.id, weight: c.weight });
  return { total: hits.reduce((n, h) => n + h.weight, 0), hits };
}

/** Scores added together; a cue that fires in more than one text counts once, at its largest weight. */
export function combine(...parts: readonly Scored[]): Scored {
  const best = new Map<string, CueHit>();
  for (const p of parts) for (const h of p.hits) if (!best.has(h.id) || Math.abs(h.weight) > Math.abs(best.get(h.id)!.weight)) best.set(h.id, h);
  const hits = [...best.values()];
  return { total: hits.reduce((n, h) => n + h.weight, 0), hits };
}

/** Whether any cue of `table` fires on `text`. */
export const fires = (text: string, table: readonly Cue[]): boolean => table.some((c) => c.pattern.test(text));

/** The first cue of `table` (tables are ordered) that fires on `text`. */
export const firstCue = (text: string, table: readonly Cue[]): Cue | undefined => table.find((c) => c.pattern.test(text));
