import type { RawLine, RawPage } from '../load/raw.js';
import type { FurnitureLine } from './blocks.js';
import { furnitureKey, normaliseText } from './normalise.js';

/** Share of the page height at the top and bottom where running headers and footers live. */
const BAND = 0.08;
/** How many lines from each end of a page without geometry (plain text) count as its band. */
const TEXT_BAND_LINES = 3;

const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const ROMAN_PAGE = /^[ivxlc]{1,6}$/i;

type Band = 'top' | 'bottom';

function bandOf(page: RawPage, line: RawLine, index: number): Band | null {
  if (page.height > 0) {
    if (line.y < page.height * BAND) return 'top';
    if (line.y > page.height * (1 - BAND)) return 'bottom';
    return null;
  }
  if (index < TEXT_BAND_LINES) return 'top';
  if (index >= page.lines.length - TEXT_BAND_LINES) return 'bottom';
  return null;
}

export interface FurnitureResult {
  pages: RawPage[];
  furniture: FurnitureLine[];
}

/**
 * Running headers, footers and page numbers: lines in a page's top or bottom band whose text
 * (digits folded) recurs in the same band on enough pages, and lone page numbers there. Found by
 * repetition, never by wording, so any publisher's furniture goes.
 */
export function removeFurniture(pages: readonly RawPage[]): FurnitureResult {
  const paged = pages.filter((p) => p.number != null);
  if (paged.length < 2) return { pages: [...pages], furniture: [] };
  const seen = new Map<string, Set<number>>();
  pages.forEach((page, pi) => {
    page.lines.forEach((line, li) => {
      const band = bandOf(page, line, li);
      if (!band) return;
      const key = `${band}:${furnitureKey(line.text)}`;
      let s = seen.get(key);
      if (!s) seen.set(key, (s = new Set()));
      s.add(pi);
    });
  });
  // a running line is on most pages; a title page or a landscape page may lack it
  const minPages = Math.max(2, Math.ceil(paged.length * 0.4));
  const removed = new Map<string, FurnitureLine>();
  const out = pages.map((page) => {
    const lines = page.lines.filter((line, li) => {
      const band = bandOf(page, line, li);
      if (!band) return true;
      const text = normaliseText(line.text);
      const key = furnitureKey(line.text);
      const repeated = (seen.get(`${band}:${key}`)?.size ?? 0) >= minPages;
      const pageNumber = PAGE_NUMBER.test(text) || (ROMAN_PAGE.test(text) && band === 'bottom');
      if (!repeated && !pageNumber) return true;
      const id = pageNumber && !repeated ? '#page-number' : `${band}:${key}`;
      let f = removed.get(id);
      if (!f) removed.set(id, (f = { text: pageNumber && !repeated ? 'page number' : text, pages: [] }));
      if (page.number != null && !f.pages.includes(page.number)) f.pages.push(page.number);
      return false;
    });
    return { ...page, lines };
  });
  return { pages: out, furniture: [...removed.values()] };
}
