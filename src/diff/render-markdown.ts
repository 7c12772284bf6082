import type { DiffResult, DiffSide, UnmatchedRecommendation } from '../model/diff.js';
import { nearestNote, summaryLine } from './render-text.js';
import { changeLines, type DiffMarks } from './word-diff.js';
import { flattenLines } from '../text-runs.js';

/** Text safe inside a Markdown table cell: no HTML, no emphasis or links by accident, no cell breaks. */
export function escapeMarkdown(text: string): string {
  return flattenLines(
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_[\]|#~])/g, '\\$1'),
  );
}

/** <del>/<ins> render as struck and underlined on GitHub and GitLab, also inside tables. */
const HTML_MARKS: DiffMarks = {
  removed: (t) => `<del>${t}</del>`,
  added: (t) => `<ins>${t}</ins>`,
};

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function describeSide(s: DiffSide): string {
  return `${code(s.file)}, ${s.cycle} cycle${s.year != null ? ` (${s.year})` : ''}, ${s.count} recommendation${s.count === 1 ? '' : 's'}`;
}

/**
 * For reports and pull requests: a table of links with the word diff in the last column, then
 * lists of removed and added recommendations (with their nearest candidates), then the summary line.
 */
export function renderDiffMarkdown(result: DiffResult): string {
  const out: string[] = [
    '## Recommendations compared',
    '',
    `- **old:** ${describeSide(result.old)}`,
    `- **new:** ${describeSide(result.new)}`,
    '',
    `${summaryLine(result)} (threshold ${result.threshold}).`,
    '',
  ];
  if (result.links.length > 0) {
    out.push('| status | old | new | score | text (<del>old</del> <ins>new</ins>) |', '|---|---|---|---:|---|');
    for (const l of result.links) {
      // escape first, then mark: the word diff runs on escaped text so the tags stay real HTML
      const text = l.status === 'unchanged' ? escapeMarkdown(l.newText) : changeLines(escapeMarkdown(l.oldText), escapeMarkdown(l.newText), HTML_MARKS).join('<br>');
      out.push(`| ${l.status} | ${l.old.join('<br>')} | ${l.new.join('<br>')} | ${l.score.toFixed(2)} | ${text} |`);
    }
    out.push('');
  }
  const list = (title: string, items: readonly UnmatchedRecommendation[]) => {
    out.push(`### ${title} (${items.length})`, '');
    if (items.length === 0) out.push('None.');
    for (const r of items) {
      const note = nearestNote(r.candidates, escapeMarkdown);
      out.push(`- **${escapeMarkdown(r.id)}** ${escapeMarkdown(r.text)}${note ? ` _${note}_` : ''}`);
    }
    out.push('');
  };
  list('Removed: in old only', result.removed);
  list('Added: in new only', result.added);
  return `${out.join('\n').trimEnd()}\n`;
}
