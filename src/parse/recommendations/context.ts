/**
 * What the candidate finders share: the parse document, the report's kind and year, the sets found
 * so far, and the blocks already taken.
 */
import { isFurtherParagraph, type TextBlock } from '../../layout/blocks.js';
import { matchMarker } from '../../layout/markers.js';
import type { Cycle, ReportKind, ReportMeta, Response } from '../../model/report.js';
import { combine, fires, score, type Scored } from '../cues/index.js';
import { ANNEX, COUNCIL_REPORT_HEADING, HEADING, LOOKS_BACK, RECOMMENDATION_LABEL, RESPONSE_COLUMNS, RESTATED, STATED_COUNT, THIS_VISIT } from '../cues/recommendations.js';
import { isText, wordCount, type ParseDoc } from '../doc.js';
import { cleanNumber, nextInSequence } from '../numbering.js';
import { countWord, yearsIn } from '../text.js';
import { emptyResponse, type Candidate, type NearMiss, type Zone } from './model.js';
import { maxOf } from '../../arrays.js';

/** The score a heading needs for its section to hold recommendations. */
export const HEADING_THRESHOLD = 2;
const ENUMERATOR_KINDS = new Set(['decimal', 'multilevel', 'letter', 'paren', 'roman']);

export interface Finders {
  doc: ParseDoc;
  meta: ReportMeta;
  zones: Zone[];
  /** block index → the rule that took it */
  claimed: Map<number, string>;
  /** a block the peer team or the committee's decisions hold */
  excluded(i: number): boolean;
  /** a block inside a section that is itself one recommendation: its response, not a new one */
  inResponse(i: number): boolean;
  /** sets the cues nearly made ones of recommendations */
  nearMisses: NearMiss[];
  /** a new set, accepted on `score` against `threshold` (null: on its structure) */
  newZone(anchor: number, leadIn: string, score: Scored, threshold: number | null): Zone;
  /** the list (or run of numbered paragraphs) starting at `start`; returns the index after it */
  collect(zone: Zone, start: number, rule: string, minLevel: number | null): number;
  /** what a heading says of its section, for this report's kind */
  headingScore(title: string): Scored;
}

/** What a heading says of the section under it; a council report's bare "Recommendations" are its decisions. */
export const headingScore = (title: string, kind: ReportKind): Scored =>
  kind === 'council-report' ? combine(score(title, HEADING, 'heading'), score(title, COUNCIL_REPORT_HEADING, 'heading')) : score(title, HEADING, 'heading');

export function statedCount(text: string): number | null {
  STATED_COUNT.lastIndex = 0;
  const m = STATED_COUNT.exec(text);
  return m ? countWord(m[1]!) : null;
}

/** An enumerator marker's number as printed, without its trailing dot; null for bullets. */
export function itemNumber(b: TextBlock): string | null {
  if (!b.marker || b.marker === '•') return null;
  const m = matchMarker(`${b.marker} x`);
  return m && ENUMERATOR_KINDS.has(m.kind) ? cleanNumber(b.marker) : null;
}

/**
 * What a block offers as an item of a list of recommendations: its number as printed, its text,
 * and the class of its marker (a bullet, an enumerator kind, or a label such as "R1:").
 */
export interface ItemHead {
  number: string | null;
  text: string;
  cls: string;
}

export function asItem(b: TextBlock): ItemHead | null {
  if (b.kind === 'list-item' && b.marker !== null) return { number: itemNumber(b), text: b.text, cls: markerClass(b.marker) };
  if (b.kind !== 'paragraph') return null;
  if (itemNumber(b) !== null) return { number: itemNumber(b), text: b.text, cls: markerClass(b.marker!) };
  const label = RECOMMENDATION_LABEL.exec(b.text);
  if (label) return { number: label[2] ? `R${label[2]}` : label[3]!, text: b.text.slice(label[0].length).trim(), cls: 'label' };
  return null;
}

/**
 * "(a)", "a." and "(iv)" are one class of marker (a single "c" or "i" is a letter in one list and a
 * numeral in another), "1." and "(1)" another, "2.1" a third, bullets a fourth.
 */
function markerClass(marker: string): string {
  const m = matchMarker(`${marker} x`);
  if (!m || m.kind === 'bullet') return 'bullet';
  const inner = cleanNumber(marker);
  if (/^\d+$/.test(inner)) return 'decimal';
  if (/^\d+(\.\d+)+$/.test(inner)) return 'multilevel';
  return 'alpha';
}

/** A cell's leading enumerator ("3.", "2.1"), or null. */
export function cellNumber(cell: string) {
  const m = matchMarker(cell.trim());
  return m && ENUMERATOR_KINDS.has(m.kind) ? m : null;
}

/** Response columns of an action-plan or progress table, by what their headers say. */
export function responseColumns(header: readonly string[]): Partial<Record<keyof Response, number>> {
  const out: Partial<Record<keyof Response, number>> = {};
  header.forEach((h, i) => {
    const cue = RESPONSE_COLUMNS.find((c) => c.pattern.test(h));
    if (cue) out[cue.field] ??= i;
  });
  return out;
}

/** A further paragraph of an item into its response: a labelled one ("Lead officer: …") by its label. */
export function withFurtherParagraph(response: Response | null, text: string): Response {
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

export function finders(doc: ParseDoc, meta: ReportMeta): Finders {
  const { blocks } = doc;
  const zones: Zone[] = [];
  const claimed = new Map<number, string>();
  /** sections that are themselves one recommendation: what they hold is its response, not new ones */
  const statementSections = new Set<string>();
  for (const s of doc.sections) {
    if (RESTATED.test(s.title)) statementSections.add(s.id);
    const parent = doc.section(s.parentId);
    if (parent && headingScore(parent.title.trim(), meta.kind).total >= HEADING_THRESHOLD && s.number && wordCount(s.title) >= 6) statementSections.add(s.id);
  }

  const originalYear = (() => {
    const counts = new Map<number, number>();
    for (const b of blocks) if (isText(b)) for (const y of yearsIn(b.text)) if (meta.year !== null && y < meta.year) counts.set(y, (counts.get(y) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
  })();

  const excluded = (i: number) => {
    const by = doc.claimedBy(i)?.by;
    return by === 'decisions' || by === 'peers';
  };

  const newZone = (anchor: number, leadIn: string, zoneScore: Scored, threshold: number | null): Zone => {
    const chain = sectionChain(doc, doc.sectionOf(anchor));
    const context = [leadIn, ...chain].join(' \n ');
    let cycle: Cycle = 'current';
    let year = meta.year;
    const earlier = (s: string) => yearsIn(s).filter((y) => meta.year !== null && y < meta.year);
    // the lead-in speaks first; the headings above only when it says nothing of when
    const says = (s: string): 'current' | 'previous' | null =>
      fires(s, THIS_VISIT) && !earlier(s).length ? 'current' : earlier(s).length || fires(s, LOOKS_BACK) ? 'previous' : null;
    const verdict = meta.kind === 'cpc-progress-review'
      ? // a progress review restates the recommendations of the challenge it follows up: current
        (earlier(leadIn).length && yearsIn(leadIn).every((y) => y < (meta.year ?? 0)) ? 'previous' : 'current')
      : (says(leadIn) ?? says(chain[0] ?? '') ?? 'current');
    if (verdict === 'previous') {
      const years = earlier([leadIn, ...chain].join(' '));
      [cycle, year] = ['previous', years.length ? maxOf(years) : originalYear];
    }
    const annex = chain.some((t) => ANNEX.test(t));
    const zone: Zone = { id: zones.length, anchor, context, cycle, year, annex, stated: statedCount(leadIn), score: zoneScore, threshold, items: [] };
    zones.push(zone);
    return zone;
  };

  const collect = (zone: Zone, start: number, rule: string, minLevel: number | null): number => {
    let i = start;
    let itemLevel: number | null = null;
    let itemClass: string | null = null;
    let last: Candidate | null = null;
    /** the last item ends on a colon: what is set under it continues its sentence */
    let open = false;
    for (; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (!isText(b) || doc.isHeading(i) || excluded(i)) break;
      // a pull quote or sidebar set among the items is no part of them
      if (b.kind === 'aside') continue;
      const head = asItem(b);
      const level = b.kind === 'list-item' ? (b.level ?? 0) : 0;
      // under numbered, lettered or labelled items, list items of another marker at their level
      // are the items' sub-points (the letters run on past them), as a marker-less further
      // paragraph is
      const subPoint = b.kind === 'list-item' && last?.number != null && head !== null && head.cls !== itemClass && level === itemLevel;
      if (isFurtherParagraph(b) || subPoint) {
        if (!last) break;
        if (open) last.text = `${last.text} ${b.text}`;
        // the item's further paragraphs ("Status: Amber", a commentary) are its response, not its text
        else last.response = withFurtherParagraph(last.response, b.text);
        claimed.set(i, rule);
        continue;
      }
      if (!head) {
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
      if (minLevel !== null && level <= minLevel) break;
      itemLevel ??= level;
      itemClass ??= head.cls;
      if (level < itemLevel) break;
      if (level > itemLevel && last) {
        last.text = `${last.text} ${b.text}`;
        claimed.set(i, rule);
        continue;
      }
      // a numbered paragraph of another numbering ("5.2" after items "(a)"–"(h)") is the
      // document's own paragraph numbering going on, not a further item
      if (b.kind === 'paragraph' && head.cls !== itemClass) break;
      last = { zone: zone.id, rule, text: head.text, number: head.number, covers: [], block: b, response: null };
      open = /:$/.test(head.text.trim());
      zone.items.push(last);
      claimed.set(i, rule);
    }
    return i;
  };

  return {
    doc,
    meta,
    zones,
    claimed,
    nearMisses: [],
    excluded,
    inResponse: (i) => {
      const id = doc.sectionOf(i);
      return id != null && statementSections.has(id);
    },
    newZone,
    collect,
    headingScore: (title) => headingScore(title, meta.kind),
  };
}
