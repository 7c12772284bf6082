/**
 * Report metadata: what kind of document this is, which council(s) it is about, the year of the
 * peer challenge visit it is about, its dates, and its title. Every cue is the document's own: a
 * council front sheet, a title naming a follow-up or progress review, dated sentences saying when
 * a challenge took place, the names on the title page.
 */
import { warning, type Message } from '../diagnostics.js';
import type { Block } from '../layout/blocks.js';
import type { ReportKind } from '../model/report.js';
import { fires, mentions, score } from './cues/index.js';
import { CHALLENGE, FOLLOW_UP, FRONT_SHEET, FRONT_SHEET_THRESHOLD, HAPPENED, LGA_REPORT, LOOKS_BACK, LOOKS_BACK_THRESHOLD, NOT_YET, PROGRESS_REVIEW } from './cues/metadata.js';
import type { ParseDoc } from './doc.js';
import type { Recogniser } from './recogniser.js';
import { datedYears, findDates, sentences, type DateRange } from './text.js';
import { maxOf, minOf, appendAll } from '../arrays.js';

/*
 * Council names are a few capitalised words: the patterns start only at a word's start and repeat
 * words a bounded number of times, so a long run of capitalised words costs linear time, not
 * quadratic (the fuzzer found 30,000 such words taking minutes).
 */
const WORD = "[A-Z][\\p{L}'’-]{0,40}";
const AT_WORD_START = "(?<![\\p{L}\\p{N}'’-])";
const COUNCIL = new RegExp(
  AT_WORD_START +
    '(?:' +
    [
      `(?:Royal|London) Borough of ${WORD}(?: (?:and|upon|on) ${WORD}| ${WORD}){0,4}`,
      `(?:City|County) of ${WORD}(?: ${WORD}){0,3} Council`,
      `${WORD}(?: (?:upon|on|in|under|le|with) ${WORD}| ${WORD}){0,3} (?:Council)`,
      // a fire peer challenge's subject: the fire and rescue service (or authority) it reviews
      `${WORD}(?: (?:and|&) ${WORD}| ${WORD}){0,3} Fire (?:and|&) Rescue (?:Service|Authority)`,
    ].join('|') +
    ')',
  'gu',
);
/** "Bromsgrove District and Redditch Borough Councils" */
const JOINT_COUNCILS = new RegExp(`${AT_WORD_START}(${WORD}(?: ${WORD}){0,2}?) (Borough|District|City|County) and (${WORD}(?: ${WORD}){0,2}?) (Borough|District|City|County) Councils\\b`, 'gu');
const NOT_A_NAME = /^(the|this|that|each|every|our|your|a|an|full|whole|local|borough|district|city|county|town|parish|new|both|any|all|which|whose|its|their|his|her|leader|deputy|member|members|cabinet|chief|lga|uk|english|england|ward|wards|said|such|former)$/i;

/** Words that name the kind of body, not the place */
const TYPE_WORD = /^(fire|rescue|and|&|service|authority|council|metropolitan)$/i;

function councilMentions(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(JOINT_COUNCILS)) out.push(`${m[1]} ${m[2]} Council`, `${m[3]} ${m[4]} Council`);
  const withoutJoint = text.replace(JOINT_COUNCILS, ' ');
  for (const m of withoutJoint.matchAll(COUNCIL)) {
    let name = m[0].trim();
    const words = name.split(' ');
    // "In 2017 Bradford Council" → drop leading words that cannot start a council's name
    while (words.length > 1 && (NOT_A_NAME.test(words[0]!) || /^\d/.test(words[0]!) || /^(In|On|At|By|For|From|With|And|To|Of|As)$/.test(words[0]!))) words.shift();
    name = words.join(' ');
    if (words.length < 2 || NOT_A_NAME.test(words[0]!)) continue;
    out.push(name);
  }
  return out;
}

/** blocks the layout marks as the document's title */
const titleBlocks = (blocks: readonly Block[]) => blocks.flatMap((b, i) => (b.kind !== 'table' && b.cues.includes('title') ? [i] : []));
const firstHeading = (doc: ParseDoc) => {
  const i = doc.blocks.findIndex((_, k) => doc.isHeading(k));
  return i < 0 ? doc.blocks.length : i;
};

const blockText = (b: Block) => (b.kind === 'table' ? b.rows.map((r) => r.cells.join(' ')).join('\n') : b.text);

/** The opening of the document: its title block and what precedes the first body text. */
function openingBlocks(doc: ParseDoc): Block[] {
  const { blocks } = doc;
  const end = Math.max(Math.min(firstHeading(doc), 12), maxOf(titleBlocks(blocks).map((i) => i + 1)), 4);
  return blocks.slice(0, end);
}

/**
 * A capitalised run before "Council" may begin with title words ("Progress Review Blaby District
 * Council"): each mention becomes the ending of it the document uses most.
 */
function canonicalNames(mentions: readonly string[]): Map<string, string> {
  const endings = new Map<string, number>();
  const endingsOf = (m: string) => {
    const words = m.split(' ');
    const out: string[] = [];
    // an ending keeps the place: it never starts at the body's type ("Fire and Rescue Service")
    for (let k = 0; k < words.length - 1; k++) if (!NOT_A_NAME.test(words[k]!) && !TYPE_WORD.test(words[k]!)) out.push(words.slice(k).join(' '));
    return out;
  };
  for (const m of mentions) for (const e of endingsOf(m)) endings.set(e, (endings.get(e) ?? 0) + 1);
  const canonical = new Map<string, string>();
  for (const m of mentions) {
    let best = m;
    for (const e of endingsOf(m)) if ((endings.get(e) ?? 0) > (endings.get(best) ?? 0)) best = e;
    canonical.set(m, best);
  }
  return canonical;
}

function findCouncils(blocks: readonly Block[], opening: readonly Block[], peerBlocks: ReadonlySet<number>): string[] {
  const score = new Map<string, { name: string; score: number; first: number }>();
  const add = (name: string, weight: number, at: number) => {
    const key = name.toLowerCase();
    const s = score.get(key) ?? { name, score: 0, first: at };
    s.score += weight;
    score.set(key, s);
  };
  const openingSet = new Set(opening.map((b) => b.index));
  const mentions = blocks.map((b, i) => (peerBlocks.has(i) ? [] : councilMentions(blockText(b))));
  const canonical = canonicalNames(mentions.flat());
  mentions.forEach((names, i) => {
    for (const name of names) add(canonical.get(name) ?? name, openingSet.has(blocks[i]!.index) ? 5 : 1, i);
  });
  for (const { name, mentions: n, at } of abbreviatedCouncils(blocks)) add(canonical.get(name) ?? name, n, at);
  const ranked = [...score.values()].sort((a, b) => b.score - a.score || a.first - b.first);
  const top = ranked[0];
  if (!top) return [];
  const names = [top.name];
  // a joint report names both councils together on its opening pages ("X Council and Y Council")
  const openingText = opening.map(blockText).join('\n');
  for (const other of ranked.slice(1)) {
    if (other.score < 0.3 * top.score) break;
    const joint = new RegExp(`${escape(top.name)}\\s+(and|&)\\s+${escape(other.name)}|${escape(other.name)}\\s+(and|&)\\s+${escape(top.name)}`);
    const bothInOpening = openingText.includes(top.name) && openingText.includes(other.name);
    if (joint.test(openingText) || (bothInOpening && blocks.some((b) => joint.test(blockText(b))))) names.push(other.name);
  }
  return names.sort((a, b) => (score.get(a.toLowerCase())!.first - score.get(b.toLowerCase())!.first));
}

const COUNCIL_TYPES: Record<string, string[]> = { CC: ['County Council', 'City Council'], BC: ['Borough Council'], DC: ['District Council'], MBC: ['Metropolitan Borough Council'] };

/**
 * A council writing about itself abbreviates its name ("KCC", "BDC") and gives addresses at its
 * own domain ("@kent.gov.uk"): the acronym's letter names the place (the domain, else the word
 * with that initial the text uses most), its other letters the type.
 */
function abbreviatedCouncils(blocks: readonly Block[]): { name: string; mentions: number; at: number }[] {
  /** `at`: the first block using the acronym */
  const text = blocks.map(blockText).join('\n');
  const out: { name: string; mentions: number; at: number }[] = [];
  const acronyms = new Map<string, number>();
  for (const m of text.matchAll(/\b([A-Z])(CC|BC|DC|MBC)\b/g)) acronyms.set(m[0], (acronyms.get(m[0]) ?? 0) + 1);
  for (const [acronym, n] of acronyms) {
    const initial = acronym[0]!;
    const domains = Array.from(text.matchAll(/@([a-z][a-z-]{1,30})\.gov\.uk\b/g), (m) => m[1]!).filter((d) => d[0]!.toUpperCase() === initial);
    const words = new Map<string, number>();
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}'’-])${initial}[a-z]{2,20}(?![\\p{L}'’-])`, 'gu'))) words.set(m[0], (words.get(m[0]) ?? 0) + 1);
    const place = domains.length ? domains[0]!.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => `${d ? ' ' : ''}${c.toUpperCase()}`) : [...words.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!place || NOT_A_NAME.test(place)) continue;
    const types = COUNCIL_TYPES[acronym.slice(1)]!;
    const type = types.find((t) => text.includes(t)) ?? types[0]!;
    // the place must be one the text names, so the acronym is not some other body's
    if (!new RegExp(`\\b${escape(place)}\\b`).test(text) && !domains.length) continue;
    const word = new RegExp(`\\b${acronym}\\b`);
    const at = blocks.findIndex((b) => word.test(blockText(b)));
    out.push({ name: `${place} ${type}`, mentions: n + domains.length, at: at < 0 ? blocks.length : at });
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function findKind(blocks: readonly Block[], opening: readonly Block[], title: string | null): ReportKind {
  const openingText = opening.map(blockText).join('\n');
  const frontSheet = new Set(mentions(openingText, FRONT_SHEET).map((m) => m.toLowerCase())).size;
  if (frontSheet >= FRONT_SHEET_THRESHOLD) return 'council-report';
  const head = `${title ?? ''}\n${openingText}`;
  if (fires(head, PROGRESS_REVIEW)) return 'cpc-progress-review';
  if (fires(head, FOLLOW_UP)) return 'cpc-follow-up';
  const all = blocks.map(blockText).join('\n');
  if (mentions(all, LOOKS_BACK).length >= LOOKS_BACK_THRESHOLD) return 'cpc-follow-up';
  if (fires(all, LGA_REPORT)) return 'cpc-feedback';
  return 'unknown';
}

/** A sentence saying a challenge, review or visit took place (not that one is planned). */
const happened = (s: string) => fires(s, CHALLENGE) && score(s, HAPPENED).total > 0 && !fires(s, NOT_YET);

interface ChallengeEvent {
  type: 'cpc' | 'follow-up' | 'progress-review';
  year: number;
  dates: DateRange | null;
}

function challengeEvents(blocks: readonly Block[]): ChallengeEvent[] {
  const out: ChallengeEvent[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    for (const s of sentences(b.text)) {
      if (!happened(s)) continue;
      const dates = findDates(s);
      // of several dates, the one the verb saying it happened leads to ("agreed on 12 February
      // 2019 in response to the challenge, which took place from 13 to 16 November 2018")
      const verbAt = minOf(HAPPENED.map((c) => s.search(c.pattern)).filter((k) => k >= 0));
      const date = dates.find((d) => d.at >= verbAt) ?? dates[dates.length - 1];
      const years = date ? [Number(date.start.slice(0, 4))] : datedYears(s);
      if (!years.length) continue;
      const type = /\bprogress review\b|six[- ]month/i.test(s) ? 'progress-review' : /\bre-?visit\b|follow[- ]?up/i.test(s) ? 'follow-up' : 'cpc';
      out.push({ type, year: maxOf(years), dates: date ?? null });
    }
  }
  return out;
}

/** Every dated mention outside plans and forecasts: the fallback for "when was this". */
function pastYears(blocks: readonly Block[]): number[] {
  const out: number[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    // a month or season with its year is a date; "in 2022" is as often a forecast
    for (const s of sentences(b.text)) if (!fires(s, NOT_YET)) appendAll(out, datedYears(s, false));
  }
  return out;
}

function latest(events: readonly ChallengeEvent[], type?: ChallengeEvent['type']): ChallengeEvent | null {
  const list = type ? events.filter((e) => e.type === type) : events;
  return list.reduce<ChallengeEvent | null>((best, e) => (!best || e.year > best.year || (e.year === best.year && e.dates && !best.dates) ? e : best), null);
}

/** "Meeting date: 13 October 2021" in a front-sheet table, or a meeting "to be held on 13 September 2018". */
function meetingDate(blocks: readonly Block[]): string | null {
  for (const b of blocks) {
    if (b.kind === 'table') {
      // a front sheet names the meeting a report goes to ("To: Cabinet - 4 March 2025")
      for (const f of b.fields ?? []) {
        if (/^(to|date|meeting|meeting date|date of (the )?meeting)$/i.test(f.label)) {
          const d = findDates(f.value)[0];
          if (d) return d.start;
        }
      }
      for (const r of b.rows) {
        if (/meeting date|date of (the )?meeting/i.test(r.cells[0] ?? '')) {
          const d = findDates(r.cells.slice(1).join(' '))[0];
          if (d) return d.start;
        }
      }
      continue;
    }
    const m = /\b(?:meeting date|date of (?:the )?meeting)\s*:?\s*(.*)$|\bmeeting\b.*\b(?:held|taking place) on\b(.*)$/i.exec(b.text);
    if (m) {
      const d = findDates(m[1] ?? m[2] ?? '')[0];
      if (d) return d.start;
    }
  }
  return null;
}

/** A council report's own "Title of report:" field. */
function titleField(blocks: readonly Block[]): string | null {
  for (const b of blocks) {
    if (b.kind === 'table') {
      for (const r of b.rows) if (/^(title of report|report title|subject)\s*:?$/i.test((r.cells[0] ?? '').trim()) && r.cells[1]?.trim()) return r.cells[1].trim();
    } else {
      const m = /^(?:title of report|report title)\s*:\s*(.+)$/i.exec(b.text);
      if (m) return m[1]!.trim();
    }
  }
  return null;
}

function findTitle(doc: ParseDoc, councils: readonly string[]): string | null {
  const { blocks } = doc;
  let title = titleField(blocks);
  if (!title) {
    const titled = titleBlocks(blocks).map((i) => blocks[i]).find((b) => b && b.kind !== 'table');
    const first = blocks.find((b, i) => b.kind !== 'table' && !doc.isHeading(i));
    title = titled && titled.kind !== 'table' ? titled.text : first && first.kind !== 'table' && first.index < firstHeading(doc) && first.text.split(/\s+/).length <= 30 ? first.text : null;
  }
  if (!title) return null;
  // a title page runs on with the council's name and the date: the title is what precedes them
  let cut = title.length;
  for (const c of councils) {
    const at = title.indexOf(c);
    if (at > 0) cut = Math.min(cut, at);
  }
  // a date that ends the title's own sentence ("to be held on 13 September 2018.") belongs to it
  for (const d of findDates(title)) if (d.at > 0 && !/\b(on|of|in|at|from|until|by|dated)\s*$/i.test(title.slice(0, d.at))) cut = Math.min(cut, d.at);
  return title.slice(0, cut).replace(/(?<![\s,:–-])[\s,:–-]+$/, '').trim() || title;
}

/** The report's title, kind, councils, year and dates; claims no blocks. */
export const metadataRecogniser: Recogniser<'metadata'> = { id: 'metadata', recognise: recogniseMetadata };

function recogniseMetadata(doc: ParseDoc) {
  const { blocks } = doc;
  const messages: Message[] = [];
  const opening = openingBlocks(doc);
  const peerEntries = new Set(blocks.flatMap((_, i) => (doc.claimedBy(i)?.by === 'peers' ? [i] : [])));
  const councils = findCouncils(blocks, opening, peerEntries);
  const title = findTitle(doc, councils);
  const kind = findKind(blocks, opening, title);
  const events = challengeEvents(blocks);
  let event: ChallengeEvent | null;
  switch (kind) {
    case 'cpc-progress-review':
      // the year is the challenge the review belongs to; the dates are the review visit's own
      event = latest(events, 'cpc') ?? latest(events);
      break;
    case 'cpc-follow-up':
      event = latest(events, 'follow-up');
      break;
    case 'cpc-feedback':
      event = latest(events, 'cpc') ?? latest(events);
      break;
    default:
      event = latest(events);
  }
  const openingDate = findDates(opening.filter((b) => b.kind !== 'table').map(blockText).join('\n'))[0] ?? null;
  // days of a visit on the title page ("Tuesday 22 and Wednesday 23 November 2022") are the visit
  // the report is about: later than any earlier visit the text recalls
  if ((kind === 'cpc-feedback' || kind === 'cpc-follow-up') && openingDate && openingDate.start !== openingDate.end) {
    const y = Number(openingDate.start.slice(0, 4));
    if (!event || y > event.year) event = { type: kind === 'cpc-feedback' ? 'cpc' : 'follow-up', year: y, dates: openingDate };
  }
  // with no sentence saying when the challenge took place: the date the title page gives, then the
  // latest past year the text mentions (a target year is no date of the visit)
  const fallbackYears = pastYears(blocks);
  const year = event?.year ?? (openingDate ? Number(openingDate.start.slice(0, 4)) : fallbackYears.length ? maxOf(fallbackYears) : null);
  const visit = kind === 'cpc-progress-review' ? (latest(events, 'progress-review')?.dates ?? event?.dates ?? null) : (event?.dates ?? null);
  // a council report's meeting, or the meeting any report's front sheet is addressed to
  const meeting = kind === 'council-report' || blocks.some((b) => b.kind === 'table' && b.fields) ? meetingDate(blocks) : null;
  if (kind === 'unknown') messages.push(warning('parse', 'metadata/kind-unknown', 'the document does not look like a peer challenge report or a council report about one', { rule: 'kind' }));
  if (councils.length === 0) messages.push(warning('parse', 'metadata/council-unknown', 'no council name was found', { rule: 'council' }));
  if (year === null) messages.push(warning('parse', 'metadata/year-unknown', 'no year for the peer challenge was found', { rule: 'year' }));
  return {
    value: {
      title,
      kind,
      councils,
      year,
      dates: {
        visitStart: visit?.start ?? null,
        visitEnd: visit?.end ?? null,
        report: kind === 'council-report' ? null : (openingDate?.start ?? null),
        meeting,
      },
    },
    messages,
    claims: new Map<number, string>(),
  };
}
