import type { AddedRecommendation, DiffCandidate, DiffLink, DiffProgress, DiffResult, DiffSide, RemovedRecommendation } from '../model/diff.js';
import { HTML_STYLE } from './html-style.js';
import { summaryLine } from './render-text.js';
import { sideBySide, type Run } from './side-by-side.js';

type SideName = 'old' | 'new';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values from the reports are untrusted: every one goes through here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** An element id for a recommendation: the side, then its id (ids hold no spaces, but a report read from JSON might). */
const anchor = (side: SideName, id: string) => `${side}-${id.replace(/\s/g, '_')}`;
const href = (side: SideName, id: string) => `#${encodeURIComponent(anchor(side, id))}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeSide(s: DiffSide): string {
  return `<code>${escapeHtml(s.file)}</code> · ${s.cycle} cycle${s.year != null ? ` (${s.year})` : ''} · ${plural(s.count, 'recommendation')}`;
}

const runsHtml = (runs: readonly Run[], side: SideName) =>
  runs.map((r) => (r.changed ? (side === 'old' ? `<del>${escapeHtml(r.text)}</del>` : `<ins>${escapeHtml(r.text)}</ins>`) : escapeHtml(r.text))).join('');

function progressHtml(p: DiffProgress | null): string {
  if (!p) return '';
  const status = p.status != null ? ` <span class="progress-status">${escapeHtml(p.status)}</span>` : '';
  const text = p.progress != null ? `<div class="progress-text">${escapeHtml(p.progress)}</div>` : '';
  return `<div class="progress"><div class="progress-head">Progress in the new report${status ? ':' : ''}${status}</div>${text}</div>`;
}

interface RecView {
  side: SideName;
  id: string;
  number: string | null;
  page: number | null;
  /** already HTML */
  body: string;
  progress?: DiffProgress | null;
}

function recHtml(r: RecView): string {
  const meta = [
    `<span class="num">${r.number != null ? escapeHtml(r.number) : 'bullet'}</span>`,
    r.page != null ? `<span class="page">p.&nbsp;${r.page}</span>` : '',
    `<span class="rid">${escapeHtml(r.id)}</span>`,
  ].filter(Boolean);
  return `<div class="rec" id="${escapeHtml(anchor(r.side, r.id))}" data-id="${escapeHtml(r.id)}"><div class="rec-meta">${meta.join(' ')}</div><p class="text">${r.body}</p>${progressHtml(r.progress ?? null)}</div>`;
}

/** One side of a link: a single recommendation, or several drawn as one group (the parts of a split, the sources of a merge). */
function sideHtml(side: SideName, recs: readonly RecView[], groupLabel: string): string {
  const inner = recs.map(recHtml).join('');
  if (recs.length === 1) return `<div class="side ${side}">${inner}</div>`;
  return `<div class="side ${side} group" data-count="${recs.length}"><div class="group-label">${groupLabel}</div>${inner}</div>`;
}

const idsLine = (l: DiffLink) => `${l.old.map(escapeHtml).join(' + ')} → ${l.new.map(escapeHtml).join(' + ')}`;

function linkHtml(l: DiffLink, index: number): string {
  const runs = sideBySide(l.oldTexts, l.newTexts);
  const olds: RecView[] = l.old.map((id, i) => ({ side: 'old', id, number: l.oldNumbers[i] ?? null, page: l.oldPages[i] ?? null, body: runsHtml(runs.old[i]!, 'old') }));
  const news: RecView[] = l.new.map((id, j) => ({
    side: 'new',
    id,
    number: l.newNumbers[j] ?? null,
    page: l.newPages[j] ?? null,
    body: runsHtml(runs.new[j]!, 'new'),
    progress: l.progress[j] ?? null,
  }));
  return [
    `<article class="link s-${l.status}" id="link-${index + 1}" data-status="${l.status}" data-old="${escapeHtml(l.old.join(' '))}" data-new="${escapeHtml(l.new.join(' '))}" data-score="${l.score}">`,
    `<div class="link-head"><span class="badge">${l.status}</span><span class="ids">${idsLine(l)}</span><span class="score">score ${l.score.toFixed(2)}</span></div>`,
    `<div class="pair">${sideHtml('old', olds, `merged from ${olds.length}`)}${sideHtml('new', news, `split into ${news.length}`)}</div>`,
    '</article>',
  ].join('\n');
}

/** What a candidate on `side` is, for the reader: its text, and whether it was linked to something else. */
interface Known {
  text: string;
  linkedTo: string[] | null;
}

function knownRecs(result: DiffResult, side: SideName): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const l of result.links) {
    const [ids, texts, partners] = side === 'old' ? [l.old, l.oldTexts, l.new] : [l.new, l.newTexts, l.old];
    ids.forEach((id, i) => known.set(id, { text: texts[i] ?? '', linkedTo: partners }));
  }
  for (const r of side === 'old' ? result.removed : result.added) known.set(r.id, { text: r.text, linkedTo: null });
  return known;
}

function candidatesHtml(candidates: readonly DiffCandidate[], side: SideName, known: Map<string, Known>, threshold: number): string {
  const head = `<h3>Nearest in the ${side} report</h3>`;
  if (candidates.length === 0) return `<div class="side ${side} nearest">${head}<p class="none">Nothing in the ${side} report shares a word with it.</p></div>`;
  const items = candidates.map((c) => {
    const k = known.get(c.id);
    const why = k?.linkedTo ? `linked to ${k.linkedTo.map(escapeHtml).join(' + ')}` : side === 'new' ? 'also added' : 'also removed';
    const under = c.score < threshold ? 'under the threshold' : 'a better match took it';
    return [
      `<li class="candidate" data-id="${escapeHtml(c.id)}" data-score="${c.score}">`,
      `<a href="${escapeHtml(href(side, c.id))}"><span class="num">${c.number != null ? escapeHtml(c.number) : 'bullet'}</span> <span class="rid">${escapeHtml(c.id)}</span></a>`,
      ` <span class="score">score ${c.score.toFixed(2)}</span> <span class="why">(${under}; ${why})</span>`,
      k ? `<br><span class="cand-text">${escapeHtml(k.text)}</span>` : '',
      '</li>',
    ].join('');
  });
  return `<div class="side ${side} nearest">${head}<ol class="candidates">${items.join('')}</ol></div>`;
}

function unmatchedHtml(r: RemovedRecommendation | AddedRecommendation, kind: 'removed' | 'added', result: DiffResult, known: Map<string, Known>): string {
  const side: SideName = kind === 'removed' ? 'old' : 'new';
  const other: SideName = kind === 'removed' ? 'new' : 'old';
  const rec = recHtml({ side, id: r.id, number: r.number, page: r.page, body: escapeHtml(r.text), progress: 'progress' in r ? r.progress : null });
  const mine = `<div class="side ${side}">${rec}</div>`;
  const nearest = candidatesHtml(r.candidates, other, known, result.threshold);
  return [
    `<article class="unmatched s-${kind}" data-status="${kind}" data-id="${escapeHtml(r.id)}" data-candidates="${r.candidates.length}">`,
    `<div class="link-head"><span class="badge">${kind}</span><span class="ids">${escapeHtml(r.id)}</span></div>`,
    `<div class="pair">${kind === 'removed' ? mine + nearest : nearest + mine}</div>`,
    '</article>',
  ].join('\n');
}

const COUNTS = ['unchanged', 'reworded', 'split', 'merged', 'removed', 'added'] as const;

function summaryHtml(result: DiffResult): string {
  const items = COUNTS.map((k) => {
    const n = result.summary[k];
    const label = (k === 'removed' || k === 'added') && n > 0 ? `<a href="#${k}">${k}</a>` : k;
    return `<li class="count s-${k}" data-status="${k}" data-count="${n}"><span class="n">${n}</span>${label}</li>`;
  });
  return `<ul class="summary" aria-label="Summary">${items.join('')}</ul>`;
}

/**
 * One self-contained page: the two reports side by side, a link per row — numbers, pages,
 * status, score, the old text with what the new lacks struck through and the new with what it
 * adds underlined, the new report's progress under the new side — splits and merges drawn as a
 * group on the side with several, then the removed and added recommendations each beside its
 * nearest candidates. No script, and a Content-Security-Policy that lets the page fetch nothing,
 * so a report's text can neither run nor call out even if escaping were ever to miss. The same
 * result gives the same bytes: no dates, no generated ids beyond positions.
 */
export function renderDiffHtml(result: DiffResult): string {
  const knownOld = knownRecs(result, 'old');
  const knownNew = knownRecs(result, 'new');
  const title = `Recommendations compared: ${result.old.file} → ${result.new.file}`;
  const section = (kind: 'removed' | 'added', items: readonly (RemovedRecommendation | AddedRecommendation)[]) => {
    const heading = kind === 'removed' ? 'Removed: in the old report only' : 'Added: in the new report only';
    const body = items.length === 0 ? '<p class="none">None.</p>' : items.map((r) => unmatchedHtml(r, kind, result, kind === 'removed' ? knownNew : knownOld)).join('\n');
    return `<section id="${kind}" aria-label="${kind}">\n<h2>${heading} (${items.length})</h2>\n${body}\n</section>`;
  };
  return `${[
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="cpc diff">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    '<header class="top">',
    '<h1>Recommendations compared</h1>',
    `<div class="meta"><div><span class="tag">Old</span> ${describeSide(result.old)}</div><div><span class="tag">New</span> ${describeSide(result.new)}</div></div>`,
    summaryHtml(result),
    `<p class="how">${escapeHtml(summaryLine(result))}; threshold ${result.threshold}. Words only the old text has are <del>struck through</del>, words only the new one has <ins>underlined</ins>.</p>`,
    '</header>',
    '<main>',
    `<div class="colheads"><div>Old: <code>${escapeHtml(result.old.file)}</code></div><div>New: <code>${escapeHtml(result.new.file)}</code></div></div>`,
    `<section id="links" aria-label="links">`,
    `<h2>Links (${result.links.length})</h2>`,
    result.links.length === 0 ? '<p class="none">None.</p>' : result.links.map(linkHtml).join('\n'),
    '</section>',
    section('removed', result.removed),
    section('added', result.added),
    '</main>',
    `<footer>cpc diff · diff schema ${escapeHtml(result.schemaVersion)}</footer>`,
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}
