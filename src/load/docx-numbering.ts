/**
 * Word's automatic numbering, restored. mammoth turns a list numbered 1–22 into a bare <ol>, and a
 * heading numbered 2.1 into a bare <h2>: the numbers a reader sees are not in the text. They follow
 * from word/numbering.xml (per level: start, numFmt, lvlText like "%1.%2") and each paragraph's
 * numPr (numId, ilvl), directly or through its paragraph style. This module computes those labels
 * and writes each into its paragraph as a marked run, so every later stage sees the printed number.
 */
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';

// xmldom's types are the DOM lib's
type XmlDocument = Document;
type XmlElement = Element;

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Private-use delimiters around an injected label; they cannot occur in Word text of their own. */
export const LABEL_OPEN = '\uE000';
export const LABEL_CLOSE = '\uE001';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  /** lvlRestart: the level (1-based) whose increment restarts this one; 0 = never */
  restart: number | null;
}

interface AbstractNum {
  levels: Map<number, Level>;
}

interface Num {
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

export interface NumberingDefinitions {
  abstractNums: Map<string, AbstractNum>;
  nums: Map<string, Num>;
  /** paragraph styleId → numbering it carries (headings numbered through their style) */
  styleNumbering: Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>;
}

const children = (el: XmlElement, localName: string): XmlElement[] => {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).localName === localName) out.push(n as XmlElement);
  }
  return out;
};
const child = (el: XmlElement | null | undefined, localName: string): XmlElement | null => (el ? children(el, localName)[0] ?? null : null);
const val = (el: XmlElement | null): string | null => (el ? el.getAttributeNS(W_NS, 'val') || el.getAttribute('w:val') : null);
const intVal = (el: XmlElement | null): number | null => {
  const v = val(el);
  if (v == null || v === '') return null;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
};
/** A list level: OOXML has nine (0–8); any other is no level */
const levelVal = (el: XmlElement | null): number | null => {
  const n = intVal(el);
  return n === null || n < 0 || n > 8 ? null : n;
};

function readLevel(lvl: XmlElement): Level {
  const isLglEl = child(lvl, 'isLgl');
  return {
    start: intVal(child(lvl, 'start')) ?? 1,
    numFmt: val(child(lvl, 'numFmt')) ?? 'decimal',
    lvlText: val(child(lvl, 'lvlText')) ?? '',
    isLgl: isLglEl != null && val(isLglEl) !== '0' && val(isLglEl) !== 'false',
    restart: intVal(child(lvl, 'lvlRestart')),
  };
}

export function readNumberingDefinitions(numberingXml: string | null, stylesXml: string | null): NumberingDefinitions {
  const abstractNums = new Map<string, AbstractNum>();
  const nums = new Map<string, Num>();
  const styleNumbering = new Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>();
  if (numberingXml) {
    const root = parseXml(numberingXml).documentElement;
    if (root) {
      for (const a of children(root, 'abstractNum')) {
        const id = a.getAttributeNS(W_NS, 'abstractNumId') || a.getAttribute('w:abstractNumId') || '';
        const levels = new Map<number, Level>();
        for (const lvl of children(a, 'lvl')) {
          const ilvl = Number.parseInt(lvl.getAttributeNS(W_NS, 'ilvl') || lvl.getAttribute('w:ilvl') || '0', 10);
          levels.set(ilvl, readLevel(lvl));
        }
        abstractNums.set(id, { levels });
      }
      for (const n of children(root, 'num')) {
        const id = n.getAttributeNS(W_NS, 'numId') || n.getAttribute('w:numId') || '';
        const startOverrides = new Map<number, number>();
        const levelOverrides = new Map<number, Level>();
        for (const o of children(n, 'lvlOverride')) {
          const ilvl = Number.parseInt(o.getAttributeNS(W_NS, 'ilvl') || o.getAttribute('w:ilvl') || '0', 10);
          const so = intVal(child(o, 'startOverride'));
          if (so != null) startOverrides.set(ilvl, so);
          const lvl = child(o, 'lvl');
          if (lvl) levelOverrides.set(ilvl, readLevel(lvl));
        }
        nums.set(id, { abstractNumId: val(child(n, 'abstractNumId')) ?? '', startOverrides, levelOverrides });
      }
    }
  }
  if (stylesXml) {
    const root = parseXml(stylesXml).documentElement;
    if (root) {
      for (const s of children(root, 'style')) {
        const type = s.getAttributeNS(W_NS, 'type') || s.getAttribute('w:type');
        if (type !== 'paragraph') continue;
        const id = s.getAttributeNS(W_NS, 'styleId') || s.getAttribute('w:styleId') || '';
        const numPr = child(child(s, 'pPr'), 'numPr');
        styleNumbering.set(id, {
          numId: val(child(numPr, 'numId')),
          ilvl: levelVal(child(numPr, 'ilvl')),
          basedOn: val(child(s, 'basedOn')),
        });
      }
    }
  }
  return { abstractNums, nums, styleNumbering };
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/**
 * Past these a label is the document's mischief, not a list (a 2 KB file numbering from 1e20 would
 * build a label of that length): Roman numerals end at 3999 as they always have, Word's letters
 * repeat at most 20 times; beyond, the digits.
 */
const MAX_ROMAN = 3999;
const MAX_LETTERS = 26 * 20;

function roman(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_ROMAN) return String(n);
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: a … z, aa … zz, aaa …
  if (n < 1) return '';
  if (!Number.isSafeInteger(n) || n > MAX_LETTERS) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function ordinalSuffix(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  const suffix: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };
  return `${n}${suffix[n % 10] ?? 'th'}`;
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'decimal': return String(n);
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerLetter': return letters(n);
    case 'ordinal': return ordinalSuffix(n);
    case 'none': return '';
    // other formats (cardinalText, chicago, …) are rare in reports; the digits keep the order visible
    default: return String(n);
  }
}

interface ParagraphNumbering {
  numId: string;
  ilvl: number;
}

function numberingOf(p: XmlElement, defs: NumberingDefinitions): ParagraphNumbering | null {
  const pPr = child(p, 'pPr');
  const numPr = child(pPr, 'numPr');
  let numId = val(child(numPr, 'numId'));
  let ilvl = levelVal(child(numPr, 'ilvl'));
  // numbering inherited through the paragraph style chain (e.g. numbered Heading 2)
  let styleId = val(child(pPr, 'pStyle'));
  const seen = new Set<string>();
  while ((numId == null || ilvl == null) && styleId && !seen.has(styleId)) {
    seen.add(styleId);
    const s = defs.styleNumbering.get(styleId);
    if (!s) break;
    numId ??= s.numId;
    ilvl ??= s.ilvl;
    styleId = s.basedOn;
  }
  if (numId == null || numId === '0') return null;
  return { numId, ilvl: ilvl ?? 0 };
}

/**
 * Assign every numbered paragraph the label Word would print. Counters belong to the abstract
 * list, so a list interrupted by other paragraphs — or continued through another w:num of the same
 * abstractNum — goes on counting; a w:num with a startOverride restarts it when first used.
 */
export function computeLabels(paragraphs: readonly XmlElement[], defs: NumberingDefinitions): Map<XmlElement, string> {
  const labels = new Map<XmlElement, string>();
  const counters = new Map<string, (number | undefined)[]>();
  const startedNums = new Set<string>();
  for (const p of paragraphs) {
    const pn = numberingOf(p, defs);
    if (!pn) continue;
    const num = defs.nums.get(pn.numId);
    if (!num) continue;
    const abs = defs.abstractNums.get(num.abstractNumId);
    if (!abs) continue;
    const levelOf = (i: number): Level | undefined => num.levelOverrides.get(i) ?? abs.levels.get(i);
    const level = levelOf(pn.ilvl);
    if (!level) continue;
    const key = num.abstractNumId;
    let c = counters.get(key);
    if (!c) counters.set(key, (c = []));
    if (!startedNums.has(pn.numId)) {
      startedNums.add(pn.numId);
      for (const [i, start] of num.startOverrides) {
        c[i] = start - 1;
        for (let d = i + 1; d < 9; d++) c[d] = undefined;
      }
    }
    c[pn.ilvl] = (c[pn.ilvl] ?? level.start - 1) + 1;
    for (let d = pn.ilvl + 1; d < 9; d++) {
      const deeper = levelOf(d);
      // lvlRestart="0" keeps a deeper level counting across its parents
      if (deeper?.restart === 0) continue;
      if (deeper?.restart != null && deeper.restart - 1 > pn.ilvl) continue;
      c[d] = undefined;
    }
    if (level.numFmt === 'bullet' || level.numFmt === 'none') {
      // a level that prints nothing (lvlText blank): a further paragraph of the list item above,
      // set at its text's indent; an empty label tells the reader there is no marker to show
      if (!level.lvlText.trim()) labels.set(p, '');
      continue;
    }
    const label = level.lvlText.replace(/%([1-9])/g, (_m, digit: string) => {
      const i = Number(digit) - 1;
      const l = levelOf(i);
      const value = c[i] ?? l?.start ?? 1;
      return formatNumber(value, level.isLgl ? 'decimal' : (l?.numFmt ?? 'decimal'));
    });
    if (label.trim()) labels.set(p, label.trim());
  }
  return labels;
}

/**
 * Parse a part leniently: xmldom neither fetches external entities nor expands DTD-declared ones,
 * and its complaints about malformed XML are ignored (mammoth, reading the same parts, refuses
 * them). The result may have no documentElement; callers treat that as a part with nothing in it.
 */
export function parseXml(xml: string): XmlDocument {
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: () => undefined, fatalError: () => undefined } }).parseFromString(xml, 'text/xml') as XmlDocument | undefined;
  // xmldom returns no document at all for an empty or blank source (a part whose size header says 0)
  return doc ?? new DOMImplementation().createDocument(null, null, null);
}

function insertMarkerRun(doc: XmlDocument, p: XmlElement, text: string): void {
  const r = doc.createElementNS(W_NS, 'w:r');
  const t = doc.createElementNS(W_NS, 'w:t');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  r.appendChild(t);
  const pPr = child(p, 'pPr');
  p.insertBefore(r, pPr ? pPr.nextSibling : p.firstChild);
}

/**
 * Write each auto-numbered paragraph's label into it, as a first run holding the label between
 * LABEL_OPEN and LABEL_CLOSE. Returns how many labels were written.
 */
export function applyNumbering(doc: XmlDocument, numberingXml: string | null, stylesXml: string | null): number {
  if (!numberingXml) return 0;
  const defs = readNumberingDefinitions(numberingXml, stylesXml);
  const labels = computeLabels(Array.from(doc.getElementsByTagNameNS(W_NS, 'p')), defs);
  for (const [p, label] of labels) insertMarkerRun(doc, p, `${LABEL_OPEN}${label}${LABEL_CLOSE}`);
  return labels.size;
}

/** Marks where a page starts, as Word last laid the document out. */
export const PAGE_MARK = '\uE002';

/**
 * Word records where its last layout broke pages (w:lastRenderedPageBreak); explicit page breaks
 * (w:br type="page") are the fallback. Each becomes a PAGE_MARK in the text. Returns the count.
 */
export function markPageBreaks(doc: XmlDocument): number {
  let marks: XmlElement[] = Array.from(doc.getElementsByTagNameNS(W_NS, 'lastRenderedPageBreak'));
  if (marks.length === 0) {
    marks = Array.from(doc.getElementsByTagNameNS(W_NS, 'br')).filter((br: XmlElement) => (br.getAttributeNS(W_NS, 'type') || br.getAttribute('w:type')) === 'page');
  }
  for (const mark of marks) {
    // the mark sits in a run; a text run put right before that run carries it into the text
    const run = mark.parentNode as XmlElement | null;
    if (!run || !run.parentNode) continue;
    const r = doc.createElementNS(W_NS, 'w:r');
    const t = doc.createElementNS(W_NS, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(PAGE_MARK));
    r.appendChild(t);
    run.parentNode.insertBefore(r, run);
  }
  return marks.length;
}

export function serializeXml(doc: XmlDocument): string {
  return new XMLSerializer().serializeToString(doc);
}
