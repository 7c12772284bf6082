/**
 * Sections: which blocks are headings, and the tree they make.
 *
 * A heading is a block the format or the typography marks (a heading style, a larger size, a short
 * bold line) — a strong candidate — or a short line standing alone — a weak one, which must be
 * followed by body text of its own. A numbered candidate must continue the document's numbering
 * (so list items "1. …" under a heading "3." are not headings) and, unless strongly marked, be
 * followed by unnumbered body text (so numbered paragraphs "2.1 In light of …" are not).
 */
import { warning, type Message, type Result } from '../diagnostics.js';
import { blockText, type Block, type TextBlock } from '../layout/blocks.js';
import type { Section } from '../model/report.js';
import { fires } from './cues/index.js';
import { POINTS_TO_ITEMS } from './cues/recommendations.js';
import { isText, wordCount, type ParseDoc, type SectionTree } from './doc.js';
import type { Recogniser } from './recogniser.js';
import { cleanNumber, components, continuesOutline, isSibling } from './numbering.js';


interface Candidate {
  index: number;
  block: TextBlock;
  number: string | null;
  title: string;
  strong: boolean;
  /** short, alone on its line and not a sentence: reads as a heading even without typography */
  headingShaped: boolean;
}

const ANNEX_HEADING = /^(annex|appendix|appendices)\b/i;
const NUMBER_MARKER = /^(\d{1,3}(\.\d{1,3}){0,3})[.)]?$/;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE_ONLY = new RegExp(`^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|${MONTHS}|\\d{1,4}(?:st|nd|rd|th)?|and|to|[-–—/,.\\s])+$`, 'i');
/** "Portfolio: Corporate", "Phone: (01274) 43 1241": a label with its value on the line */
const FORM_FIELD = /^[^:]{1,40}:\s+\S/;
const IMAGE_DESCRIPTION = /^(decorative|image|graphic|picture|photo(graph)?|logo|icon|chart|diagram|illustration|infographic)\b/i;
/** a sentence leading into a list ("The Cabinet is asked to:", "Progress includes:") */
const LEAD_IN_VERB = /\b(is|are|was|were|be|been|being|has|have|had|will|would|should|could|can|may|must|includes?|included|including|asked|follows?|following|recognised|made|were)\b/i;
const LEAD_IN_START = /^(on behalf|as follows|for example|in summary|these (are|were|include))/i;
/** headings numbered in words: "Recommendation 3 - …", "Recommendations 1 and 2 - …", "Annex A", "Appendix 2" */
const WORD_NUMBERED = /^(recommendations?\s+\d+(\s*(,|and|&|to|-|–)\s*\d+)*\s*([-–—:.]|$)|(annex|appendix)\s+([A-Z]|\d+)\b)/i;
/** contact details: an email address, a web address, a phone number */
// an address is tried only from the start of a run of its characters: from every position, a long word took quadratic time
const CONTACT = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/|www\.|\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/i;
/** a letter's opening ("Dear Graham,") and closing ("Yours sincerely", "Kind regards") */
const SALUTATION = /^dear\s+\S.{0,40}$/i;
const VALEDICTION = /^(yours (sincerely|faithfully|truly)|(with )?(kind|best|warm) (regards|wishes))[,.]?$/i;
/** a pull quote: the whole line in quotation marks */
const QUOTED = /^["“‘'][^"“”]*["”’']$/;
/** body text ends a sentence or leads into a list */
const SENTENCE_END = /[.:;!?]["”’)]?$/;

function candidateOf(b: TextBlock, index: number): Candidate | null {
  if (b.kind === 'list-item' || b.kind === 'aside') return null;
  if (b.cues.includes('title')) return null;
  const number = b.marker && NUMBER_MARKER.test(b.marker) ? cleanNumber(b.marker) : null;
  if (b.marker && !number) return null; // "(a) …", "• …"
  const text = b.text.replace(/\*+/g, '').trim();
  const words = wordCount(text);
  const strong = b.kind === 'heading';
  const wordNumbered = WORD_NUMBERED.test(text) && words <= 45 && !/\.$/.test(text);
  const weak =
    b.cues.includes('standalone') ||
    wordNumbered ||
    (b.cues.includes('bold') && words <= 45 && !/\.$/.test(text)) ||
    (number !== null && words <= 40);
  if (!strong && !weak) return null;
  const headingShaped = b.cues.includes('standalone') || wordNumbered;
  return { index, block: b, number, title: text.replace(/(?<!\s)\s*:\s*$/, '').trim(), strong, headingShaped };
}

/** Reasons a heading-looking line is not a heading, whatever its typography. */
function excluded(c: Candidate, blocks: readonly Block[], listItemStarts: readonly string[], titles: ReadonlySet<string>): boolean {
  const t = c.block.text.trim();
  if (VALEDICTION.test(t)) return true;
  // a letter's subject line, right after its salutation ("Dear Graham")
  const before = blocks[c.index - 1];
  if (before && isText(before) && SALUTATION.test(before.text.trim())) return true;
  // the document's title again (a letter's subject line, a running title): not a section of it
  if (titles.has(t.toLowerCase())) return true;
  if ((t.match(/\p{L}/gu)?.length ?? 0) < 2) return true;
  // "July 2020", "August – December 2021": short lines (on a long one the alternation, once per token, overflows the regex stack)
  if (t.length <= 120 && DATE_ONLY.test(t)) return true;
  if (!c.number && FORM_FIELD.test(t)) return true;
  if (isImageDescription(t)) return true;
  if (CONTACT.test(t)) return true;
  if (QUOTED.test(t)) return true;
  if (/:$/.test(t) && (LEAD_IN_VERB.test(t) || LEAD_IN_START.test(t))) return true;
  // a sentence leading into the list under it ("… reshape local government through:"); a label
  // heading ("Consultation:") is a word or two
  if (/:$/.test(t) && wordCount(t) >= 12 && blocks[c.index + 1]?.kind === 'list-item') return true;
  // or one pointing to it without a colon ("The recommendations are set out below, each with …")
  if (/[.]$/.test(t) && wordCount(t) >= 12 && blocks[c.index + 1]?.kind === 'list-item' && fires(t, POINTS_TO_ITEMS)) return true;
  if (!c.number) {
    const prev = blocks[c.index - 1];
    const next = blocks[c.index + 1];
    // a label between the items of one list ("Form:", "Perform:")
    if (!c.strong && prev?.kind === 'list-item' && next?.kind === 'list-item' && (/:$/.test(t) || wordCount(t) <= 3)) return true;
    // a name that heads a list entry elsewhere ("Clare Hudson" signing off above the team list)
    if (wordCount(t) <= 5 && listItemStarts.some((s) => s.startsWith(t) && /^[,(–-]/.test(s.slice(t.length).trim()))) return true;
  }
  return false;
}

const isImageDescription = (t: string) => IMAGE_DESCRIPTION.test(t) && wordCount(t) <= 8;

const substantial = (b: Block): boolean => b.kind === 'table' || b.kind === 'list-item' || wordCount(b.text) >= 8 || /:$/.test(b.text.trim());

function findSections(blocks: readonly Block[]): Result<SectionTree> & { headings: number[] } {
  const messages: Message[] = [];
  const listItemStarts = blocks.filter((b): b is TextBlock => b.kind === 'list-item').map((b) => b.text);
  const candidates = new Map<number, Candidate>();
  const titles = new Set(blocks.flatMap((b) => (isText(b) && b.cues.includes('title') ? [b.text.trim().toLowerCase()] : [])));
  blocks.forEach((b, i) => {
    if (!isText(b)) return;
    const c = candidateOf(b, i);
    if (c && !excluded(c, blocks, listItemStarts, titles)) candidates.set(i, c);
  });

  const titleBlocks = blocks.flatMap((b, i) => (isText(b) && b.cues.includes('title') ? [i] : []));
  // the first stretch of real body text; weak candidates before it belong to a title page
  const firstBody = blocks.findIndex(
    (b, i) => !candidates.has(i) && !titleBlocks.includes(i) && (b.kind === 'list-item' || (b.kind === 'paragraph' && wordCount(b.text) >= 8 && SENTENCE_END.test(b.text))),
  );
  /** the next block that is text (image descriptions in plain text are not) */
  const nextIndex = (i: number): number => {
    let j = i + 1;
    for (let b = blocks[j]; isText(b) && isImageDescription(b.text); b = blocks[++j]);
    return j;
  };

  const sorted = [...candidates.values()].sort((a, b) => a.index - b.index);
  const isChild = (parent: string, child: string | null) => child !== null && child.startsWith(`${parent}.`);

  /** Whether an unnumbered candidate is followed by text of its own (possibly under sub-headings). */
  const unnumberedHasBody = (i: number, numbered: ReadonlySet<number>, depth = 0): boolean => {
    const j = nextIndex(i);
    const next = blocks[j];
    if (!next || depth > 4) return false;
    if (numbered.has(j)) return true; // a numbered section of its own follows (with its body)
    const c = candidates.get(j);
    // a label heading ("Consultation:") takes whatever follows as its body, however short
    const here = blocks[i];
    const label = isText(here) && /:$/.test(here.text.trim());
    if (!c || c.number) return label || substantial(next); // a numbered line that is no heading is body text
    // through one sub-heading at most, and not into a label ("Consultation:") that opens a section of its own
    if (depth >= 1 || /:$/.test(c.block.text.trim())) return false;
    return unnumberedHasBody(j, numbered, depth + 1);
  };

  // pass 1: numbered headings must continue the outline and, unless strongly marked, have a body
  const numbered = new Set<number>();
  let lastNumber: number[] | null = null;
  for (const c of sorted) {
    if (!c.number) continue;
    const comps = components(c.number);
    if (!comps || !continuesOutline(lastNumber, comps)) continue;
    if (!c.strong && !c.headingShaped) {
      // a numbered sentence ("4.1 In light of …") is a heading only when its own text follows:
      // not the next numbered paragraph of its run (5.2, then 5.3), and, for a sentence, no
      // heading of its own either
      const j = nextIndex(c.index);
      const next = blocks[j];
      const nc = candidates.get(j);
      const sentence = SENTENCE_END.test(c.block.text.trim());
      const sibling = next !== undefined && isText(next) && next.marker !== null && NUMBER_MARKER.test(next.marker) && isSibling(c.number, cleanNumber(next.marker));
      const body = next !== undefined && !sibling && (!nc ? substantial(next) : nc.number ? isChild(c.number, nc.number) : !sentence && unnumberedHasBody(j, new Set(), 1));
      if (!body) continue;
    }
    numbered.add(c.index);
    lastNumber = comps;
  }

  // pass 2: unnumbered headings; strong ones stand, weak ones need a body and must not sit on a title page
  const acceptedIdx = new Set(numbered);
  for (const c of sorted) if (!c.number && c.strong) acceptedIdx.add(c.index);
  for (const c of sorted) {
    if (c.number || c.strong) continue;
    const j = nextIndex(c.index);
    const next = blocks[j];
    const directBody = next !== undefined && !candidates.has(j) && substantial(next);
    if (firstBody >= 0 && c.index < firstBody && !directBody) continue;
    if (!unnumberedHasBody(c.index, numbered)) continue;
    // a one-line body ("None") between a heading and the next one
    if (acceptedIdx.has(c.index - 1) && acceptedIdx.has(j)) continue;
    acceptedIdx.add(c.index);
  }
  const accepted = sorted.filter((c) => acceptedIdx.has(c.index));

  // levels: the number's depth; unnumbered ones sit under the heading before them
  const sections: Section[] = [];
  const ids = new Set<string>();
  const levels: number[] = [];
  let lastNumberedLevel = 0;
  accepted.forEach((c, k) => {
    let level: number;
    if (c.number) {
      level = Math.min(6, components(c.number)!.length);
      lastNumberedLevel = level;
    } else if (lastNumberedLevel === 0 || ANNEX_HEADING.test(c.title)) {
      // before any numbered heading, and annexes, sit at the top of the outline
      level = 1;
    } else {
      const prev = accepted[k - 1];
      const prevLevel = levels[k - 1] ?? 1;
      const immediate = prev !== undefined && prev.index === c.index - 1;
      level = prev && !prev.number ? (immediate ? prevLevel + 1 : prevLevel) : lastNumberedLevel + 1;
      level = Math.min(level, (ANNEX_HEADING.test(prev?.title ?? '') ? 1 : lastNumberedLevel) + 2, 6);
    }
    levels.push(level);
    let parentId: string | null = null;
    for (let j = k - 1; j >= 0; j--) {
      if (levels[j]! < level) {
        parentId = sections[j]!.id;
        break;
      }
    }
    const base = `s-${c.number ?? slug(c.title)}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    const end = accepted[k + 1]?.index ?? blocks.length;
    const body = blocks.slice(c.index + 1, end).filter((_, j) => !titleBlocks.includes(c.index + 1 + j));
    sections.push({ id, number: c.number, title: c.title, level, parentId, page: c.block.page, text: body.map(blockText).join('\n\n') });
  });

  const sectionOf: (string | null)[] = [];
  let current: string | null = null;
  let next = 0;
  blocks.forEach((_, i) => {
    if (accepted[next]?.index === i) current = sections[next++]!.id;
    sectionOf.push(current);
  });
  if (sections.length === 0) messages.push(warning('parse', 'sections/none-found', 'no headings were recognised', { rule: 'headings' }));
  return { value: { sections, sectionOf }, messages, headings: accepted.map((c) => c.index) };
}

/** The section tree; claims its headings (rule `heading`). */
export const sectionsRecogniser: Recogniser<'sections'> = {
  id: 'sections',
  recognise(doc: ParseDoc) {
    const { value, messages, headings } = findSections(doc.blocks);
    return { value, messages, claims: new Map(headings.map((i) => [i, 'heading'])) };
  },
};

export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'section'
  );
}
