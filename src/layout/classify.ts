/**
 * Paragraph → block kind. Layout records what it sees (size, weight, standing alone, stated
 * heading styles) as cues; it calls a block a heading only on strong evidence and leaves the rest
 * to the section recogniser.
 */
import { textBlock, type HeadingCue, type TextBlock } from './blocks.js';
import { matchMarker, type MarkerKind } from './markers.js';
import { minOf } from '../arrays.js';

export interface ParaLike {
  text: string;
  marker: string | null;
  markerKind: MarkerKind | null;
  /** indent of the marker (or text) relative to the body's left edge */
  indent: number;
  page: number | null;
  pageEnd: number | null;
  size: number;
  bold: boolean;
  italic: boolean;
  lineCount: number;
  /** blank space above/below in line spacings; Infinity when unknown or at a page edge */
  gapBefore: number;
  gapAfter: number;
  /** what the format states: heading level (0 = title), list marker and nesting */
  headingHint: number | null;
  listHint: { marker: string; level: number; ordered: boolean } | null;
  /** the largest text on the first page (a title candidate) */
  titleCandidate: boolean;
  /** the lines after the first are indented past the marker (a hanging indent) */
  hanging?: boolean;
  /** set apart from the body: inside a box drawn around it, or an <aside> */
  aside?: boolean;
}

export interface ClassifyContext {
  bodySize: number;
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const SHORT_WORDS = 12;

export function classify(p: ParaLike, ctx: ClassifyContext): TextBlock {
  let text = p.text;
  let marker = p.marker;
  let markerKind = p.markerKind;
  const cues: HeadingCue[] = [];
  if (p.headingHint != null) cues.push(p.headingHint === 0 ? 'title' : 'style');
  if (p.titleCandidate && !cues.includes('title')) cues.push('title');
  if (p.size > 0 && ctx.bodySize > 0 && p.size >= ctx.bodySize + 1.5) cues.push('size');
  if (p.bold) cues.push('bold');
  const words = wordCount(text);
  const short = words <= SHORT_WORDS && !/[.;,]$/.test(text);
  if (short && !p.listHint && p.markerKind !== 'bullet' && p.lineCount === 1 && p.gapBefore >= 1.3 && p.gapAfter >= 1.3) cues.push('standalone');

  // bold and short; or bold, up to a long sentence's length and ending as no sentence or lead-in
  // does ("Recommendations 1 and 2 - develop and lead …" over three lines)
  const boldHeading = cues.includes('bold') && !/[.;]$/.test(text) && ((words <= 20 && p.lineCount <= 3) || (words <= 45 && p.lineCount <= 4 && !/[:,]$/.test(text)));
  const headingLike = p.headingHint != null || cues.includes('size') || boldHeading;
  if (!marker && (headingLike || cues.includes('standalone'))) {
    // "1 Introduction": a bare section number only counts on heading-like lines
    const m = matchMarker(text);
    if (m && m.rest) {
      marker = m.marker;
      markerKind = m.kind;
      text = m.rest;
    }
  }
  let kind: TextBlock['kind'] = 'paragraph';
  let level: number | null = null;
  if (p.aside) {
    kind = 'aside';
  } else if (p.listHint) {
    kind = 'list-item';
    marker = p.listHint.marker || null;
    level = p.listHint.level;
  } else if (headingLike && markerKind !== 'bullet') {
    kind = 'heading';
    level = p.headingHint;
  } else if (markerKind === 'bullet' || (marker && (p.indent > 5 || (p.hanging === true && p.indent > 1.5)))) {
    // an indented marker, or one indented a little with its text hanging (right-aligned numerals)
    kind = 'list-item';
    level = 0;
  }
  return textBlock(kind, text, {
    page: p.page,
    pageEnd: p.pageEnd,
    marker,
    level,
    style: { size: p.size, bold: p.bold, italic: p.italic, indent: Math.max(0, Math.round(p.indent)) },
    cues,
  });
}

/** List nesting from indents: each distinct indent (within tolerance) among list items is a level. */
export function assignListLevels(blocks: TextBlock[], tolerance: number): void {
  const items = blocks.filter((b) => b.kind === 'list-item' && b.level === 0);
  // numbers set right-aligned ("9." and "10.") start apart but their text starts together: an
  // enumerated item is as deep as the shallowest one whose text starts where its own does
  // (a window over the items sorted by where their text starts: a document may hold thousands)
  const enumerated = items.filter((b) => b.marker && b.marker !== '•' && b.style.textX !== undefined).sort((a, b) => a.style.textX! - b.style.textX!);
  const depth = new Map<TextBlock, number>();
  let lo = 0;
  let hi = 0;
  // indexes into `enumerated` inside the window, their indents increasing: the front is the minimum
  const mins: number[] = [];
  for (const b of enumerated) {
    const x = b.style.textX!;
    while (hi < enumerated.length && enumerated[hi]!.style.textX! < x + 2) {
      while (mins.length && enumerated[mins[mins.length - 1]!]!.style.indent >= enumerated[hi]!.style.indent) mins.pop();
      mins.push(hi++);
    }
    while (enumerated[lo]!.style.textX! <= x - 2) lo++;
    while (mins[0]! < lo) mins.shift();
    depth.set(b, enumerated[mins[0]!]!.style.indent);
  }
  const indentOf = (b: TextBlock) => depth.get(b) ?? b.style.indent;
  const indents: number[] = [];
  for (const x of items.map(indentOf).sort((a, b) => a - b)) {
    if (!indents.length || x - indents[indents.length - 1]! > tolerance) indents.push(x);
  }
  for (const b of items) {
    let level = 0;
    indents.forEach((x, i) => {
      if (indentOf(b) >= x - tolerance) level = i;
    });
    b.level = level;
  }
}

/** An enumerator's style and value ("9." → d., 9; "(b)" → (l), 2); null for bullets and others. */
function enumeration(marker: string | null): { style: string; value: number } | null {
  if (!marker) return null;
  const m = /^(\()?(\d{1,3}|[a-z]|[A-Z])([.)])$/.exec(marker);
  if (!m || (m[1] && m[3] !== ')')) return null;
  const digits = /\d/.test(m[2]!);
  const style = `${m[1] ?? ''}${digits ? 'd' : m[2] === m[2]!.toLowerCase() ? 'l' : 'L'}${m[3]}`;
  return { style, value: digits ? Number(m[2]) : m[2]!.toLowerCase().charCodeAt(0) - 96 };
}

/**
 * Items that follow each other in one numbering (9. then 10., (b) then (c)) are siblings, however
 * their markers are set: a run of them takes the shallowest level any of them has.
 */
export function alignNumberedRuns(blocks: readonly TextBlock[]): void {
  const items = blocks.filter((b) => b.kind === 'list-item' && b.marker !== null);
  const position = new Map(blocks.map((b, i) => [b, i]));
  let run: TextBlock[] = [];
  const close = () => {
    const level = minOf(run.map((b) => b.level ?? 0));
    for (const b of run) b.level = level;
    run = [];
  };
  for (let i = 0; i < items.length; i++) {
    const b = items[i]!;
    const prev = run[run.length - 1];
    const e = enumeration(b.marker);
    const p = prev ? enumeration(prev.marker) : null;
    // adjacent in reading order: nothing but the previous item's further paragraphs between them
    const adjacent = prev !== undefined && blocks.slice(position.get(prev)! + 1, position.get(b)).every((x) => x.kind === 'list-item' && x.marker === null);
    if (e && p && adjacent && e.style === p.style && e.value === p.value + 1) {
      run.push(b);
      continue;
    }
    if (run.length > 1) close();
    run = e ? [b] : [];
  }
  if (run.length > 1) close();
}

