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
import { isText, wordCount, type ParseContext } from './context.js';
import { cleanNumber, components, continuesOutline } from './numbering.js';

export interface SectionsValue {
  sections: Section[];
  /** per block index: the section it belongs to (null before the first heading) */
  sectionOf: (string | null)[];
  /** block indexes read as headings */
  headingBlocks: Set<number>;
  /** block indexes of the document's title block */
  titleBlocks: number[];
}

interface Candidate {
  index: number;
  block: TextBlock;
  number: string | null;
  title: string;
  strong: boolean;
}

const NUMBER_MARKER = /^(\d{1,3}(\.\d{1,3}){0,3})[.)]?$/;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE_ONLY = new RegExp(`^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|${MONTHS}|\\d{1,4}(?:st|nd|rd|th)?|and|to|[-–—/,.\\s])+$`, 'i');
/** "Portfolio: Corporate", "Phone: (01274) 43 1241": a label with its value on the line */
const FORM_FIELD = /^[^:]{1,40}:\s+\S/;
const IMAGE_DESCRIPTION = /^(decorative|image|graphic|picture|photo(graph)?|logo|icon|chart|diagram|illustration|infographic)\b/i;
/** a sentence leading into a list ("The Cabinet is asked to:", "Progress includes:") */
const LEAD_IN_VERB = /\b(is|are|was|were|be|been|being|has|have|had|will|would|should|could|can|may|must|includes?|included|including|asked|follows?|following|recognised|made|were)\b/i;
const LEAD_IN_START = /^(on behalf|as follows|for example|in summary|these (are|were|include))/i;

function candidateOf(b: TextBlock, index: number): Candidate | null {
  if (b.kind === 'list-item') return null;
  if (b.cues.includes('title')) return null;
  const number = b.marker && NUMBER_MARKER.test(b.marker) ? cleanNumber(b.marker) : null;
  if (b.marker && !number) return null; // "(a) …", "• …"
  const text = b.text.replace(/\*+/g, '').trim();
  const words = wordCount(text);
  const strong = b.kind === 'heading';
  const weak =
    b.cues.includes('standalone') ||
    (b.cues.includes('bold') && words <= 45 && !/\.$/.test(text)) ||
    (number !== null && words <= 40);
  if (!strong && !weak) return null;
  return { index, block: b, number, title: text.replace(/\s*:\s*$/, '').trim(), strong };
}

/** Reasons a heading-looking line is not a heading, whatever its typography. */
function excluded(c: Candidate, blocks: readonly Block[], listItemStarts: readonly string[]): boolean {
  const t = c.block.text.trim();
  if ((t.match(/\p{L}/gu)?.length ?? 0) < 2) return true;
  if (DATE_ONLY.test(t)) return true; // "July 2020", "August – December 2021"
  if (!c.number && FORM_FIELD.test(t)) return true;
  if (IMAGE_DESCRIPTION.test(t) && wordCount(t) <= 8) return true;
  if (/:$/.test(t) && (LEAD_IN_VERB.test(t) || LEAD_IN_START.test(t))) return true;
  if (!c.number) {
    const prev = blocks[c.index - 1];
    const next = blocks[c.index + 1];
    // a label between the items of one list ("Form:", "Perform:")
    if (prev?.kind === 'list-item' && next?.kind === 'list-item') return true;
    // a name that heads a list entry elsewhere ("Clare Hudson" signing off above the team list)
    if (wordCount(t) <= 5 && listItemStarts.some((s) => s.startsWith(t) && /^[,(–-]/.test(s.slice(t.length).trim()))) return true;
  }
  return false;
}

const substantial = (b: Block): boolean => b.kind === 'table' || b.kind === 'list-item' || wordCount(b.text) >= 8 || /:$/.test(b.text.trim());

export function recogniseSections(ctx: ParseContext): Result<SectionsValue> {
  const { blocks } = ctx;
  const messages: Message[] = [];
  const listItemStarts = blocks.filter((b): b is TextBlock => b.kind === 'list-item').map((b) => b.text);
  const candidates = new Map<number, Candidate>();
  blocks.forEach((b, i) => {
    if (!isText(b)) return;
    const c = candidateOf(b, i);
    if (c && !excluded(c, blocks, listItemStarts)) candidates.set(i, c);
  });

  const titleBlocks = blocks.flatMap((b, i) => (isText(b) && b.cues.includes('title') ? [i] : []));
  // the first stretch of real body text; weak candidates before it belong to a title page
  const firstBody = blocks.findIndex((b, i) => !candidates.has(i) && !titleBlocks.includes(i) && (b.kind === 'list-item' || (b.kind === 'paragraph' && wordCount(b.text) >= 8)));

  const hasBody = (i: number, numbered: boolean, depth = 0): boolean => {
    const next = blocks[i + 1];
    if (!next || depth > 4) return false;
    const c = candidates.get(i + 1);
    if (!c) return substantial(next);
    if (numbered || c.number) return false;
    return hasBody(i + 1, false, depth + 1);
  };

  const accepted: Candidate[] = [];
  let lastNumber: number[] | null = null;
  for (const c of [...candidates.values()].sort((a, b) => a.index - b.index)) {
    if (c.number) {
      const comps = components(c.number);
      if (!comps || !continuesOutline(lastNumber, comps)) continue;
      if (!c.strong && !hasBody(c.index, true)) continue;
      accepted.push(c);
      lastNumber = comps;
      continue;
    }
    if (!c.strong) {
      const next = blocks[c.index + 1];
      const directBody = next !== undefined && !candidates.has(c.index + 1) && substantial(next);
      if (firstBody >= 0 && c.index < firstBody && !directBody) continue;
      if (!hasBody(c.index, false)) continue;
      // a one-line body ("None") between a heading and the next heading
      const prevAccepted = accepted[accepted.length - 1];
      if (prevAccepted && prevAccepted.index === c.index - 1 && candidates.get(c.index + 1)?.number) continue;
    }
    accepted.push(c);
  }

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
    } else if (lastNumberedLevel === 0) {
      level = 1;
    } else {
      const prev = accepted[k - 1];
      const prevLevel = levels[k - 1] ?? 1;
      const immediate = prev !== undefined && prev.index === c.index - 1;
      level = prev && !prev.number ? (immediate ? prevLevel + 1 : prevLevel) : lastNumberedLevel + 1;
      level = Math.min(level, lastNumberedLevel + 2, 6);
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
  if (sections.length === 0) messages.push(warning('parse', 'sections/none-found', 'no headings were recognised'));
  return { value: { sections, sectionOf, headingBlocks: new Set(accepted.map((c) => c.index)), titleBlocks }, messages };
}

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
