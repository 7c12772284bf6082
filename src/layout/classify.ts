/**
 * Paragraph → block kind. Layout records what it sees (size, weight, standing alone, stated
 * heading styles) as cues; it calls a block a heading only on strong evidence and leaves the rest
 * to the section recogniser.
 */
import { textBlock, type HeadingCue, type TextBlock } from './blocks.js';
import { matchMarker, type MarkerKind } from './markers.js';

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
  const short = wordCount(text) <= SHORT_WORDS && !/[.;,]$/.test(text);
  if (short && !p.listHint && p.markerKind !== 'bullet' && p.lineCount === 1 && p.gapBefore >= 1.3 && p.gapAfter >= 1.3) cues.push('standalone');

  const headingLike = p.headingHint != null || cues.includes('size') || (cues.includes('bold') && wordCount(text) <= 20 && p.lineCount <= 3 && !/[.;]$/.test(text));
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
  if (p.listHint) {
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
  const indents: number[] = [];
  for (const x of items.map((b) => b.style.indent).sort((a, b) => a - b)) {
    if (!indents.length || x - indents[indents.length - 1]! > tolerance) indents.push(x);
  }
  for (const b of items) {
    let level = 0;
    indents.forEach((x, i) => {
      if (b.style.indent >= x - tolerance) level = i;
    });
    b.level = level;
  }
}
