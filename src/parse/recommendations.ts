/**
 * Recommendations: where a report lists them, which challenge (cycle) each belongs to, and one
 * record per recommendation however often it is restated.
 *
 * Where they are found, each an evidence rule:
 * - `lead-in-list`: the items after a lead-in that speaks of recommendations ("The peer team
 *   recommend the councils now focus on:", "This included the following recommendations from the
 *   original CPC:") — list items or numbered paragraphs, with deeper items folded into their parent;
 * - `section-list`: the first list in a section whose heading speaks of recommendations
 *   ("Further Recommendations from original Peer Challenge report - 2018");
 * - `heading-statement`: numbered sub-headings of such a section that state a recommendation, the
 *   text under each being the council's response ("4.1 In light of …");
 * - `table-row`: rows of a progress or action-plan table whose header names a recommendation column,
 *   the other columns giving the response;
 * - `recommendation-heading`: "Recommendation 3 - …" sub-headings, restating numbered items;
 * - `stated-count`: short paragraphs right after a list that falls short of the count its lead-in
 *   states ("made eight key recommendations:").
 * Restatements (a summary bullet, a table row, a sub-heading) merge into the fullest statement:
 * list items beat headings beat table rows; the others lend their response.
 */
import { info, warning, type Message } from '../diagnostics.js';
import { isFurtherParagraph, type Block, type TableBlock, type TextBlock } from '../layout/blocks.js';
import { matchMarker } from '../layout/markers.js';
import type { Cycle, Recommendation, ReportMeta, Response } from '../model/report.js';
import { ASKED_TO } from './cues/decisions.js';
import { isText, wordCount, type ParseDoc } from './doc.js';
import { cleanNumber, nextInSequence } from './numbering.js';
import { earlier, type Found, type Recogniser } from './recogniser.js';
import { containment, COUNT_WORD_RE, countWord, dice, sentences, yearsIn } from './text.js';

const RECO = /\brecommend(s|ed|ing|ations?)?\b/i;
const DECISION_HEADING = /^(recommendations?(\s*\(s\))?|decisions? (required|requested|sought))$/i;
const LOOKS_BACK = /\b(original|previous|earlier|prior|former|at that time|last (peer )?challenge)\b/i;
/** a lead-in speaking of the visit in hand ("from this visit", "now focus on", "we recommend") */
const THIS_VISIT = /\b(this (visit|peer challenge|challenge|review|revisit|report)|now|we recommend|our (key )?recommendations)\b/i;
const STATED_COUNT = new RegExp(`\\b${COUNT_WORD_RE}\\s+(?:(?:key|strategic|further|main|specific|priority|high[- ]level|additional|new|original|overarching|headline)\\s+)*recommendations\\b`, 'gi');
const RESTATED = /^recommendations?\s+(\d{1,2}(?:\s*(?:,|and|&|to|-|–)\s*\d{1,2})*)\s*[-–—:.]\s*(.+)$/i;
const ANNEX = /^(annex|appendix)\b/i;
const ENUMERATOR_KINDS = new Set(['decimal', 'multilevel', 'letter', 'paren', 'roman']);

/** Evidence rules, strongest first: a list statement wins over its restatements. */
const PRIORITY: Record<string, number> = {
  'lead-in-list': 4,
  'section-list': 4,
  'stated-count': 3,
  'heading-statement': 3,
  'table-row': 1,
  'recommendation-heading': 0,
};
const CONFIDENCE: Record<string, number> = {
  'lead-in-list': 0.9,
  'section-list': 0.85,
  'stated-count': 0.6,
  'heading-statement': 0.8,
  'table-row': 0.7,
  'recommendation-heading': 0.6,
};

interface Candidate {
  zone: number;
  rule: string;
  text: string;
  number: string | null;
  /** numbers a restating heading covers ("Recommendations 1 and 2") */
  covers: string[];
  block: Block;
  response: Response | null;
}

interface Zone {
  id: number;
  /** block the cycle is read from (lead-in, heading or table) */
  anchor: number;
  /** text that tells the cycle: the lead-in sentence and the headings above */
  context: string;
  cycle: Cycle;
  year: number | null;
  annex: boolean;
  stated: number | null;
  items: Candidate[];
}

const emptyResponse = (): Response => ({ progress: null, nextSteps: null, status: null, owner: null, due: null });

function mergeResponse(a: Response | null, b: Response | null): Response | null {
  if (!a) return b;
  if (!b) return a;
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Response)[]) out[k] ??= b[k];
  return out;
}

function statedCount(text: string): number | null {
  STATED_COUNT.lastIndex = 0;
  const m = STATED_COUNT.exec(text);
  return m ? countWord(m[1]!) : null;
}

/** An enumerator marker's number as printed, without its trailing dot; null for bullets. */
function itemNumber(b: TextBlock): string | null {
  if (!b.marker || b.marker === '•') return null;
  const m = matchMarker(`${b.marker} x`);
  return m && ENUMERATOR_KINDS.has(m.kind) ? cleanNumber(b.marker) : null;
}

/** A numbered item with an explanation after a dash: the part before the dash is its title. */
function titleOf(text: string, number: string | null): string | null {
  if (!number) return null;
  const m = /^(.{8,}?)\s+[–—-]\s+(.+)$/.exec(text);
  return m && wordCount(m[2]!) >= 8 && wordCount(m[1]!) <= 30 ? m[1]!.trim() : null;
}

/** A further paragraph of an item into its response: a labelled one ("Lead officer: …") by its label. */
function withFurtherParagraph(response: Response | null, text: string): Response {
  const out = response ? { ...response } : emptyResponse();
  const labelled = /^([^:]{1,30}):\s+(.+)$/.exec(text.trim());
  const field = labelled ? (Object.keys(responseColumns([labelled[1]!])) as (keyof Response)[])[0] : undefined;
  if (labelled && field && field !== 'progress') out[field] ??= labelled[2]!.trim();
  else out.progress = out.progress ? `${out.progress}\n${text.trim()}` : text.trim();
  return out;
}

function sectionChain(doc: ParseDoc, id: string | null, depth = 2): string[] {
  const out: string[] = [];
  for (let s = doc.section(id); s && out.length < depth; s = doc.section(s.parentId)) {
    out.push(s.number ? `${s.number} ${s.title}` : s.title);
  }
  return out;
}

function lastSentence(text: string): string {
  const all = sentences(text);
  return all[all.length - 1] ?? text;
}

/** Response columns of an action-plan or progress table, by what their headers say. */
function responseColumns(header: readonly string[]): Partial<Record<keyof Response, number>> {
  const out: Partial<Record<keyof Response, number>> = {};
  header.forEach((h, i) => {
    const t = h.toLowerCase();
    if (/next steps?|actions? (planned|proposed)|planned actions?|further work/.test(t)) out.nextSteps ??= i;
    else if (/progress|update|response|comments?|achieved|position/.test(t)) out.progress ??= i;
    else if (/\brag\b|status/.test(t)) out.status ??= i;
    else if (/owner|lead|responsib/.test(t)) out.owner ??= i;
    else if (/due|date|deadline|timescale|target|by when/.test(t)) out.due ??= i;
  });
  return out;
}

/**
 * The peers' recommendations; claims the blocks it reads as them, their lead-ins' items and their
 * further paragraphs (by the evidence rule), and the tables whose rows restate them.
 */
export const recommendationsRecogniser: Recogniser<'recommendations'> = { id: 'recommendations', recognise: recogniseRecommendations };

function recogniseRecommendations(doc: ParseDoc, found: Readonly<Partial<Found>>) {
  const { blocks } = doc;
  const meta: ReportMeta = earlier(found, 'metadata');
  const messages: Message[] = [];
  /** sections that are themselves one recommendation: what they hold is its response, not new ones */
  const statementSections = new Set<string>();
  for (const s of doc.sections) {
    if (RESTATED.test(s.title)) statementSections.add(s.id);
    const parent = doc.section(s.parentId);
    if (parent && RECO.test(parent.title) && !DECISION_HEADING.test(parent.title.trim()) && s.number && wordCount(s.title) >= 6) statementSections.add(s.id);
  }
  const inResponse = (i: number) => {
    const id = doc.sectionOf(i);
    return id != null && statementSections.has(id);
  };
  /** blocks the peer team or the committee's decisions hold */
  const excluded = (i: number) => {
    const by = doc.claimedBy(i)?.by;
    return by === 'decisions' || by === 'peers';
  };
  const zones: Zone[] = [];
  const claimed = new Map<number, string>();

  const originalYear = (() => {
    const counts = new Map<number, number>();
    for (const b of blocks) if (isText(b)) for (const y of yearsIn(b.text)) if (meta.year !== null && y < meta.year) counts.set(y, (counts.get(y) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
  })();

  const newZone = (anchor: number, leadIn: string): Zone => {
    const chain = sectionChain(doc, doc.sectionOf(anchor));
    const context = [leadIn, ...chain].join(' \n ');
    let cycle: Cycle = 'current';
    let year = meta.year;
    const earlier = (s: string) => yearsIn(s).filter((y) => meta.year !== null && y < meta.year);
    // the lead-in speaks first; the headings above only when it says nothing of when
    const says = (s: string): 'current' | 'previous' | null =>
      THIS_VISIT.test(s) && !earlier(s).length ? 'current' : earlier(s).length || LOOKS_BACK.test(s) ? 'previous' : null;
    const verdict = meta.kind === 'cpc-progress-review'
      ? // a progress review restates the recommendations of the challenge it follows up: current
        (earlier(leadIn).length && yearsIn(leadIn).every((y) => y < (meta.year ?? 0)) ? 'previous' : 'current')
      : (says(leadIn) ?? says(chain[0] ?? '') ?? 'current');
    if (verdict === 'previous') {
      const years = earlier([leadIn, ...chain].join(' '));
      [cycle, year] = ['previous', years.length ? Math.max(...years) : originalYear];
    }
    const annex = chain.some((t) => ANNEX.test(t));
    const zone: Zone = { id: zones.length, anchor, context, cycle, year, annex, stated: statedCount(leadIn), items: [] };
    zones.push(zone);
    return zone;
  };

  /** The list (or run of numbered paragraphs) starting at `start`; deeper items fold into their parent. */
  const collect = (zone: Zone, start: number, rule: string, minLevel: number | null): number => {
    let i = start;
    let itemLevel: number | null = null;
    let last: Candidate | null = null;
    for (; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (!isText(b) || doc.isHeading(i) || excluded(i)) break;
      // a pull quote or sidebar set among the items is no part of them
      if (b.kind === 'aside') continue;
      // under numbered or lettered items, bullets at their level are the items' sub-points (the
      // letters run on past them), as a marker-less further paragraph is
      const subPoint = b.kind === 'list-item' && last?.number != null && itemNumber(b) === null && (b.level ?? 0) === itemLevel;
      if (isFurtherParagraph(b) || subPoint) {
        // the item's further paragraphs ("Status: Amber", a commentary) are its response, not its text
        if (!last) break;
        last.response = withFurtherParagraph(last.response, b.text);
        claimed.set(i, rule);
        continue;
      }
      const isItem = b.kind === 'list-item' || (b.kind === 'paragraph' && itemNumber(b) !== null);
      if (!isItem) {
        // a paragraph that plainly continues the item above (lower-case start), or that stands
        // between it and the next number in its sequence (2.4, a paragraph, 2.5: a column or page
        // break ended 2.4's text on a full stop)
        const next = blocks[i + 1];
        const between = last?.number != null && next !== undefined && isText(next) && !doc.isHeading(i + 1) && nextInSequence(last.number, itemNumber(next));
        if (last && b.kind === 'paragraph' && (/^\p{Ll}/u.test(b.text) || between)) {
          last.text = `${last.text} ${b.text}`;
          claimed.set(i, rule);
          continue;
        }
        break;
      }
      const level = b.kind === 'list-item' ? (b.level ?? 0) : 0;
      if (minLevel !== null && level <= minLevel) break;
      itemLevel ??= level;
      if (level < itemLevel) break;
      if (level > itemLevel && last) {
        last.text = `${last.text} ${b.text}`;
        claimed.set(i, rule);
        continue;
      }
      last = { zone: zone.id, rule, text: b.text, number: itemNumber(b), covers: [], block: b, response: null };
      zone.items.push(last);
      claimed.set(i, rule);
    }
    return i;
  };

  // lead-ins that speak of recommendations, and the lists they introduce
  blocks.forEach((b, i) => {
    if (!isText(b) || excluded(i) || claimed.has(i) || doc.isHeading(i) || inResponse(i)) return;
    const text = b.text.trim();
    if (!/[:–-]$/.test(text) || ASKED_TO.test(text)) return;
    const sentence = lastSentence(text);
    const sectionTitle = doc.section(doc.sectionOf(i))?.title ?? '';
    if (!RECO.test(sentence) && !(RECO.test(sectionTitle) && !DECISION_HEADING.test(sectionTitle) && /\b(focus on|as follows|are|include|following)\b/i.test(sentence))) return;
    const zone = newZone(i, sentence);
    const end = collect(zone, i + 1, 'lead-in-list', b.kind === 'list-item' ? (b.level ?? 0) : null);
    // a list that falls short of the count its lead-in states: short paragraphs right after it
    if (zone.stated !== null && zone.items.length > 0 && zone.items.length < zone.stated) {
      for (let j = end; j < blocks.length && zone.items.length < zone.stated; j++) {
        const n = blocks[j]!;
        if (!isText(n) || n.kind !== 'paragraph' || doc.isHeading(j) || wordCount(n.text) > 25 || /:$/.test(n.text)) break;
        zone.items.push({ zone: zone.id, rule: 'stated-count', text: n.text, number: itemNumber(n), covers: [], block: n, response: null });
        claimed.set(j, 'stated-count');
      }
    }
  });

  // sections whose heading speaks of recommendations: their first list, or their numbered sub-headings
  for (const s of doc.sections) {
    if (!RECO.test(s.title) || DECISION_HEADING.test(s.title.trim()) || RESTATED.test(s.title)) continue;
    const own = blocks.map((_, i) => i).filter((i) => doc.sectionOf(i) === s.id);
    const headingIndex = own[0];
    if (headingIndex === undefined || own.some((i) => zones.some((z) => z.anchor === i && z.items.length))) continue;
    const firstItem = own.find((i) => !claimed.has(i) && !excluded(i) && isText(blocks[i]) && i !== headingIndex && (blocks[i]!.kind === 'list-item' || itemNumber(blocks[i] as TextBlock) !== null));
    const between = firstItem === undefined ? [] : own.filter((i) => i > headingIndex && i < firstItem);
    if (firstItem !== undefined && between.every((i) => isText(blocks[i]) && /:$/.test((blocks[i] as TextBlock).text.trim()))) {
      const zone = newZone(headingIndex, s.title);
      collect(zone, firstItem, 'section-list', null);
      continue;
    }
    const children = doc.sections.filter((c) => c.parentId === s.id && c.number && wordCount(c.title) >= 6);
    if (children.length) {
      const zone = newZone(headingIndex, s.title);
      for (const c of children) {
        const at = blocks.findIndex((_, i) => doc.sectionOf(i) === c.id);
        if (at < 0) continue;
        zone.items.push({ zone: zone.id, rule: 'heading-statement', text: c.title, number: c.number, covers: [], block: blocks[at]!, response: c.text.trim() ? { ...emptyResponse(), progress: c.text.trim() } : null });
        claimed.set(at, 'heading-statement');
      }
    }
  }

  // progress and action-plan tables: a column headed "Recommendation"
  blocks.forEach((b, i) => {
    if (b.kind !== 'table' || b.rows.length < 2) return;
    const t: TableBlock = b;
    const header = t.rows[0]!.cells;
    const col = header.findIndex((h) => RECO.test(h));
    if (col < 0) return;
    const columns = responseColumns(header.map((h, k) => (k === col ? '' : h)));
    const zone = newZone(i, header.join(' '));
    claimed.set(i, 'table-row');
    const numberOf = (cell: string) => {
      const m = matchMarker(cell.trim());
      return m && ENUMERATOR_KINDS.has(m.kind) ? m : null;
    };
    // where the table numbers its recommendations, a row without such a number only continues another
    const kinds = t.rows.slice(1).map((r) => numberOf(r.cells[col] ?? '')?.kind).filter((k) => k !== undefined);
    const numbered = kinds.length >= 2;
    const kind = kinds.sort((a, b) => kinds.filter((k) => k === b).length - kinds.filter((k) => k === a).length)[0];
    for (const row of t.rows.slice(1)) {
      const cell = (row.cells[col] ?? '').trim();
      if (!cell || wordCount(cell) < 2) continue;
      const m = numberOf(cell);
      if (numbered && m?.kind !== kind) continue;
      const number = m ? cleanNumber(m.marker) : null;
      const response = emptyResponse();
      for (const [k, c] of Object.entries(columns) as [keyof Response, number][]) response[k] = row.cells[c]?.trim() || null;
      zone.items.push({ zone: zone.id, rule: 'table-row', text: (number ? m!.rest : cell).replace(/\s*\n\s*/g, ' '), number, covers: [], block: b, response });
    }
  });

  // "Recommendation 3 - …" sub-headings restate numbered items; their sections report progress
  for (const s of doc.sections) {
    const m = RESTATED.exec(s.title);
    if (!m) continue;
    const at = blocks.findIndex((_, i) => doc.sectionOf(i) === s.id);
    if (at < 0) continue;
    const covers = m[1]!.split(/\s*(?:,|and|&|to|-|–)\s*/).filter(Boolean);
    const zone = zones.find((z) => z.anchor === at) ?? newZone(at, s.title);
    zone.items.push({ zone: zone.id, rule: 'recommendation-heading', text: m[2]!.trim(), number: covers.length === 1 ? covers[0]! : null, covers, block: blocks[at]!, response: s.text.trim() ? { ...emptyResponse(), progress: s.text.trim() } : null });
  }

  // one record per recommendation: restatements merge into the strongest, fullest statement
  interface Merged {
    best: Candidate;
    zone: Zone;
    response: Response | null;
  }
  const records: Merged[] = [];
  let merged = 0;
  const all = zones.flatMap((z) => z.items.map((item) => ({ item, zone: z })));
  all.sort((a, b) => PRIORITY[b.item.rule]! - PRIORITY[a.item.rule]! || a.item.block.index - b.item.block.index);
  for (const { item, zone } of all) {
    if (item.covers.length > 1) {
      // a heading restating several items lends its response to each of them
      for (const r of records) if (r.best.number !== null && item.covers.includes(r.best.number) && r.zone.cycle === zone.cycle) r.response = mergeResponse(r.response, item.response);
      merged++;
      continue;
    }
    if (!item.text.trim()) continue; // a bare list marker (a damaged or unfinished list) recommends nothing
    const strong = PRIORITY[item.rule]! >= 3;
    const match = records.find((r) => {
      if (r.zone.id === zone.id || r.zone.cycle !== zone.cycle) return false;
      if (item.covers.length) return r.best.number !== null && item.covers.includes(r.best.number);
      const d = dice(r.best.text, item.text);
      const c = containment(r.best.text, item.text);
      return strong ? d >= 0.7 || (c >= 0.9 && Math.min(wordCount(item.text), wordCount(r.best.text)) >= 3) : d >= 0.5 || c >= 0.8 || (item.number !== null && item.number === r.best.number && d >= 0.3);
    });
    if (match) {
      merged++;
      match.response = mergeResponse(match.response, item.response);
      // the fullest statement stands: a numbered one over a bullet, then the longer
      const fuller = strong && PRIORITY[match.best.rule]! >= 3 && ((item.number !== null) > (match.best.number !== null) || ((item.number !== null) === (match.best.number !== null) && item.text.length > match.best.text.length));
      if (fuller) [match.best, match.zone] = [item, zone];
      continue;
    }
    records.push({ best: item, zone, response: item.response });
  }
  records.sort((a, b) => (a.zone.cycle === b.zone.cycle ? 0 : a.zone.cycle === 'current' ? -1 : 1) || a.best.block.index - b.best.block.index || a.zone.items.indexOf(a.best) - b.zone.items.indexOf(b.best));

  const ids = new Set<string>();
  const bulletCount = new Map<string, number>();
  const recommendations: Recommendation[] = records.map(({ best, zone, response }) => {
    const yearKey = zone.year === null ? 'undated' : String(zone.year);
    let base: string;
    if (best.number) base = `${yearKey}${zone.annex ? '-annex' : ''}-${best.number}`;
    else {
      const n = (bulletCount.get(yearKey) ?? 0) + 1;
      bulletCount.set(yearKey, n);
      base = `${yearKey}-b${n}`;
    }
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    const text = best.text.replace(/\s+/g, ' ').trim();
    return {
      id,
      number: best.number,
      cycle: zone.cycle,
      year: zone.year,
      title: titleOf(text, best.number),
      text,
      sectionId: doc.sectionOf(best.block.index),
      page: best.block.page,
      response,
      evidence: { rule: best.rule, confidence: CONFIDENCE[best.rule]! },
    };
  });

  // integrity: stated counts, numbering
  for (const b of blocks) {
    if (!isText(b)) continue;
    STATED_COUNT.lastIndex = 0;
    for (const m of b.text.matchAll(STATED_COUNT)) {
      const n = countWord(m[1]!);
      if (n === null) continue;
      const sizes = new Set([...zones.map((z) => records.filter((r) => r.zone.id === z.id).length), ...(['current', 'previous'] as const).map((c) => recommendations.filter((r) => r.cycle === c).length)]);
      if (!sizes.has(n)) messages.push(warning('parse', 'recommendations/count-mismatch', `the text says "${m[0]}" but no list of ${n} was found (found ${[...sizes].filter((x) => x > 0).join(', ') || 'none'})`, b.page));
    }
  }
  for (const z of zones) {
    const numbers = records.filter((r) => r.zone.id === z.id && r.best.number).map((r) => r.best.number!);
    const lastParts = numbers.map((n) => Number(n.split('.').pop()));
    if (lastParts.some((n) => !Number.isFinite(n))) continue;
    const dup = numbers.find((n, i) => numbers.indexOf(n) !== i);
    if (dup) messages.push(warning('parse', 'recommendations/numbering-duplicate', `recommendation ${dup} is numbered twice`, blocks[z.anchor]?.page));
    for (let i = 1; i < lastParts.length; i++) {
      if (lastParts[i]! > lastParts[i - 1]! + 1) messages.push(warning('parse', 'recommendations/numbering-gap', `recommendations jump from ${numbers[i - 1]} to ${numbers[i]}`, blocks[z.anchor]?.page));
    }
  }
  if (merged) messages.push(info('parse', 'recommendations/merged-duplicates', `${merged} restatement${merged === 1 ? '' : 's'} (summary, table row or sub-heading) merged into the recommendation ${merged === 1 ? 'it restates' : 'they restate'}`));
  if (recommendations.length === 0 && meta.kind !== 'unknown') messages.push(warning('parse', 'recommendations/none-found', 'no recommendations were recognised'));
  return { value: recommendations, messages, claims: claimed };
}
