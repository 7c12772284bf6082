import { Chalk } from 'chalk';
import type { DiffCandidate, DiffLink, DiffResult, DiffSide, LinkStatus, UnmatchedRecommendation } from '../model/diff.js';
import { changeLines, marksFor } from './word-diff.js';
import { maxOf, appendAll } from '../arrays.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeSide(s: DiffSide): string {
  return `${s.file} · ${s.cycle} cycle${s.year != null ? ` (${s.year})` : ''} · ${plural(s.count, 'recommendation')}`;
}

/**
 * "(nearest: 2021-2.3 at 0.27, 2021-2.5 at 0.12)": why an unmatched recommendation is unmatched —
 * a score just under the threshold, or a partner taken by a better match — or '' when nothing on
 * the other side shares a word with it.
 */
export function nearestNote(candidates: readonly DiffCandidate[], name: (id: string) => string = (id) => id): string {
  if (candidates.length === 0) return '';
  return `(nearest: ${candidates.map((c) => `${name(c.id)} at ${c.score.toFixed(2)}`).join(', ')})`;
}

/** "7 links (0 unchanged, 7 reworded, 0 split, 0 merged), 0 removed, 0 added" */
export function summaryLine(result: DiffResult): string {
  const s = result.summary;
  return `${plural(result.links.length, 'link')} (${s.unchanged} unchanged, ${s.reworded} reworded, ${s.split} split, ${s.merged} merged), ${s.removed} removed, ${s.added} added`;
}

/**
 * For a terminal: a block per link — status, ids, score, then the word diff of the texts (the
 * text once, when unchanged; old and new whole when they have little in common) — then the
 * removed and added recommendations, each with its nearest candidates, and a summary line.
 * Level 0 (piped, NO_COLOR) marks changes as [-removed-]{+added+}.
 */
export function renderDiffText(result: DiffResult, level: 0 | 1 | 2 | 3): string {
  const c = new Chalk({ level });
  const marks = marksFor(level);
  const statusColour: Record<LinkStatus, (s: string) => string> = { unchanged: c.dim, reworded: c.yellow, split: c.cyan, merged: c.cyan };
  const out: string[] = [`${c.bold('old')}  ${describeSide(result.old)}`, `${c.bold('new')}  ${describeSide(result.new)}`, ''];

  const width = maxOf(result.links.map((l) => l.status.length), 0);
  const linkBlock = (l: DiffLink) => {
    const head = `${statusColour[l.status](l.status.padEnd(width))}  ${c.bold(l.old.join(' + '))} → ${c.bold(l.new.join(' + '))}  ${c.dim(`score ${l.score.toFixed(2)}`)}`;
    const body = l.status === 'unchanged' ? [l.newText] : changeLines(l.oldText, l.newText, marks);
    return [head, ...body.map((line) => `  ${line}`), ''];
  };
  for (const l of result.links) appendAll(out, linkBlock(l));

  const list = (title: string, items: readonly UnmatchedRecommendation[], sign: string, colour: (s: string) => string) => {
    if (items.length === 0) return;
    out.push(c.bold(title));
    for (const r of items) {
      const note = nearestNote(r.candidates);
      out.push(`  ${colour(`${sign} ${r.id}`)}  ${r.text}${note ? `  ${c.dim(note)}` : ''}`);
    }
    out.push('');
  };
  list('removed (old only):', result.removed, '-', c.red);
  list('added (new only):', result.added, '+', c.green);
  out.push(summaryLine(result));
  return `${out.join('\n')}\n`;
}
