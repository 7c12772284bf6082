import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { info, type Message } from '../diagnostics.js';
import { LABEL_CLOSE, LABEL_OPEN, PAGE_MARK } from './docx-numbering.js';
import type { LineHint, LoadResult, RawLine, RawPage } from './raw.js';
import { appendAll } from '../arrays.js';

/** Elements whose content is never report text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'embed', 'canvas', 'button', 'select', 'input', 'textarea', 'map', 'audio', 'video']);
/** Site chrome on saved web pages: reported as furniture, kept out of the text. */
const CHROME = new Set(['nav', 'header', 'footer']);
/** a block set apart from the body: a pull quote, a sidebar, a call-out box */
const ASIDE_CLASS = /\b(pull-?quote|sidebar|side-bar|call-?out|aside)\b/i;
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'li', 'main', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html',
]);
const BOLD = new Set(['b', 'strong']);
const ITALIC = new Set(['i', 'em']);

const LABEL_RE = new RegExp(`^\\s*${LABEL_OPEN}([^${LABEL_CLOSE}]*)${LABEL_CLOSE}\\s*`);

interface ListContext {
  ordered: boolean;
  type: string;
  next: number;
}

function listMarker(ctx: ListContext): string {
  const n = ctx.next;
  switch (ctx.type) {
    case 'a': return `${alpha(n)}.`;
    case 'A': return `${alpha(n).toUpperCase()}.`;
    case 'i': return `${roman(n)}.`;
    case 'I': return `${roman(n).toUpperCase()}.`;
    default: return `${n}.`;
  }
}
const alpha = (n: number): string => (n < 1 ? '' : String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1));
function roman(n: number): string {
  const t: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of t) while (n >= v) { out += s; n -= v; }
  return out;
}

interface Walker {
  lines: RawLine[];
  furniture: string[];
  tables: number;
  paragraphs: number;
  buffer: string;
  boldChars: number;
  italicChars: number;
  textChars: number;
  hint: LineHint;
  /** current page (Word page marks only) and the page each line started on */
  page: number;
  linePage: number;
  lineStartPages: number[];
  /** the list item being read; its first line carries the marker, later ones continue it */
  item: { marker: string; level: number; ordered: boolean; used: boolean } | null;
  /** elements open around the node being read */
  depth: number;
}

/**
 * Deeper than this, elements are read as plain text: walking them recursively would overflow the
 * stack on a hostile page (100,000 nested <div>s). Browsers cap the tree at the same depth.
 */
const MAX_DEPTH = 512;

const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** The text below the nodes, in document order, without recursion (any depth); `skip` leaves out elements that never hold report text. */
function textBelow(nodes: readonly ChildNode[], skip = false): string {
  const parts: string[] = [];
  const stack = [...nodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.data);
    else if (isElement(n) && !(skip && SKIP.has(n.name.toLowerCase()))) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return parts.join(' ');
}

const textOf = (node: ChildNode): string => textBelow([node]);

/** Every element below `el` (a loop, not recursion: a page may nest thousands deep). */
function descendants(el: Element): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...el.children];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (!isElement(n)) continue;
    out.push(n);
    appendAll(stack, n.children);
  }
  return out;
}

/**
 * A <header> holding the document's own title (pandoc's title block, an article's header) is
 * report text; one holding a site's navigation is chrome.
 */
function isTitleHeader(el: Element): boolean {
  if (el.name !== 'header') return false;
  const inside = descendants(el);
  return !inside.some((d) => d.name === 'nav' || d.name === 'ul' || d.name === 'ol') && inside.some((d) => d.name === 'h1' || /\btitle\b/.test(d.attribs['class'] ?? ''));
}

function isFootnoteReference(el: Element): boolean {
  // mammoth: <sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>; back links: <a href="#footnote-ref-1">↑</a>
  const href = el.name === 'a' ? el.attribs['href'] ?? '' : '';
  if (/^#(footnote|endnote)-ref-/.test(href)) return true;
  if (el.name === 'sup') {
    const a = el.children.find((c): c is Element => isElement(c) && c.name === 'a');
    if (a && /^#(footnote|endnote)-/.test(a.attribs['href'] ?? '')) return true;
  }
  return false;
}

function flush(w: Walker): void {
  let text = w.buffer.replace(/\s+/g, ' ').trim();
  const bold = w.textChars > 0 && w.boldChars >= 0.9 * w.textChars;
  const italic = w.textChars > 0 && w.italicChars >= 0.9 * w.textChars;
  w.buffer = '';
  w.boldChars = w.italicChars = w.textChars = 0;
  let label: string | null = null;
  const m = LABEL_RE.exec(text);
  if (m) {
    label = m[1]!.trim();
    text = text.slice(m[0].length);
  }
  if (!text && !label) return;
  const hint: LineHint = { ...w.hint, paragraph: ++w.paragraphs };
  if (w.item) {
    hint.list = { level: w.item.level, ordered: w.item.ordered, marker: w.item.used ? '' : (label ?? w.item.marker) };
    w.item.used = true;
  } else if (label) {
    // a numbered paragraph outside a list (a numbered heading): the number is part of what is printed
    text = `${label} ${text}`.trim();
  }
  w.lines.push({ text, x: (hint.list?.level ?? 0) * 20, y: w.lines.length, width: 0, size: 0, bold, italic, hint });
  w.lineStartPages.push(w.linePage);
  w.linePage = w.page;
}

function walk(nodes: readonly ChildNode[], w: Walker, lists: ListContext[], style: { bold: boolean; italic: boolean }): void {
  if (w.depth >= MAX_DEPTH) {
    const t = textBelow(nodes, true).split(PAGE_MARK).join('');
    w.buffer += ` ${t} `;
    w.textChars += t.replace(/\s+/g, '').length;
    return;
  }
  w.depth++;
  walkNodes(nodes, w, lists, style);
  w.depth--;
}

function walkNodes(nodes: readonly ChildNode[], w: Walker, lists: ListContext[], style: { bold: boolean; italic: boolean }): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      let t = node.data;
      if (t.includes(PAGE_MARK)) {
        const parts = t.split(PAGE_MARK);
        for (let i = 0; i < parts.length - 1; i++) {
          // (textChars counts the buffer's non-space text: testing the growing buffer itself would make a paragraph of many inline elements quadratic)
          if (w.textChars === 0 && !parts[i]!.trim()) w.linePage = w.page + 1;
          w.page++;
        }
        t = parts.join('');
      }
      if (w.textChars === 0 && t.trim() && w.linePage < w.page) w.linePage = w.page;
      w.buffer += t;
      const n = t.replace(/\s+/g, '').length;
      w.textChars += n;
      if (style.bold) w.boldChars += n;
      if (style.italic) w.italicChars += n;
      continue;
    }
    if (!isElement(node)) continue;
    const name = node.name.toLowerCase();
    if (SKIP.has(name)) continue;
    if (isFootnoteReference(node)) continue;
    if (CHROME.has(name) && !w.hint.cell && !isTitleHeader(node)) {
      const t = textOf(node).replace(/\s+/g, ' ').trim();
      if (t) w.furniture.push(t);
      continue;
    }
    if (name === 'br') {
      w.buffer += ' ';
      continue;
    }
    if (name === 'img') continue; // image descriptions are not report text
    if (!BLOCK.has(name)) {
      walk(node.children, w, lists, { bold: style.bold || BOLD.has(name), italic: style.italic || ITALIC.has(name) });
      continue;
    }
    flush(w);
    const saved = w.hint;
    if (/^h[1-6]$/.test(name)) {
      const level = Number(name[1]);
      // the document's own title: Word's Title style (mapped to cpc-title), or a web page's title class
      const isTitle = /\b(cpc-title|title|page-title|entry-title|document-title|report-title)\b/.test(node.attribs['class'] ?? '');
      w.hint = { ...saved, heading: isTitle ? 0 : level };
      walk(node.children, w, lists, style);
      flush(w);
      w.hint = saved;
      continue;
    }
    if (name === 'aside' || ASIDE_CLASS.test(node.attribs['class'] ?? '')) {
      w.hint = { ...saved, aside: true };
      walk(node.children, w, lists, style);
      flush(w);
      w.hint = saved;
      continue;
    }
    if (name === 'ul' || name === 'ol') {
      const start = Number.parseInt(node.attribs['start'] ?? '1', 10);
      lists.push({ ordered: name === 'ol', type: node.attribs['type'] ?? '1', next: Number.isFinite(start) ? start : 1 });
      walk(node.children, w, lists, style);
      flush(w);
      lists.pop();
      continue;
    }
    if (name === 'li') {
      const ctx = lists[lists.length - 1] ?? { ordered: false, type: '1', next: 1 };
      const value = Number.parseInt(node.attribs['value'] ?? '', 10);
      if (Number.isFinite(value)) ctx.next = value;
      const outer = w.item;
      w.item = { marker: ctx.ordered ? listMarker(ctx) : '•', level: Math.max(0, lists.length - 1), ordered: ctx.ordered, used: false };
      ctx.next++;
      walk(node.children, w, lists, style);
      flush(w);
      w.item = outer;
      continue;
    }
    if (name === 'table') {
      if (w.hint.cell) {
        // a table inside a cell: its text stays in the outer cell
        walk(node.children, w, lists, style);
        continue;
      }
      const table = ++w.tables;
      const outerItem = w.item;
      w.item = null;
      let row = -1;
      const rows: Element[] = [];
      const collectRows = (ns: readonly ChildNode[]) => {
        for (const n of ns) {
          if (!isElement(n)) continue;
          if (n.name === 'tr') rows.push(n);
          else if (['thead', 'tbody', 'tfoot'].includes(n.name)) collectRows(n.children);
          else if (n.name === 'caption') {
            flush(w);
            walk(n.children, w, lists, style);
            flush(w);
          }
        }
      };
      collectRows(node.children);
      for (const tr of rows) {
        row++;
        let col = 0;
        const inHead = tr.parent && isElement(tr.parent as ChildNode) && (tr.parent as Element).name === 'thead';
        for (const cell of tr.children) {
          if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th')) continue;
          w.hint = { ...saved, cell: { table, row, col, header: Boolean(inHead) || cell.name === 'th' } };
          walk(cell.children, w, [], style);
          flush(w);
          const span = Number.parseInt(cell.attribs['colspan'] ?? '1', 10);
          col += Number.isFinite(span) && span > 0 ? span : 1;
        }
      }
      w.hint = saved;
      w.item = outerItem;
      continue;
    }
    walk(node.children, w, lists, style);
    flush(w);
  }
}

export interface HtmlLines {
  lines: RawLine[];
  furniture: string[];
  /** the lines split at Word page marks (one page when there are none) */
  pages: RawPage[];
}

/** HTML (a saved report page, or mammoth's rendering of a Word file) → one line per paragraph. */
export function htmlToLines(html: string): HtmlLines {
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  // a saved page keeps its report in <main> or <article> when it has one
  const find = (nodes: readonly ChildNode[], name: string): Element | null => {
    // depth-first, in document order, without recursion (a hostile page may nest without end)
    const stack = [...nodes].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (!isElement(n)) continue;
      if (n.name === name) return n;
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
    return null;
  };
  const root = find(dom.children, 'main') ?? find(dom.children, 'article');
  const w: Walker = { lines: [], furniture: [], tables: 0, paragraphs: 0, buffer: '', boldChars: 0, italicChars: 0, textChars: 0, hint: {}, item: null, page: 1, linePage: 1, lineStartPages: [], depth: 0 };
  walk(root ? root.children : dom.children, w, [], { bold: false, italic: false });
  flush(w);
  const pages: RawPage[] = [];
  w.lines.forEach((line, i) => {
    const number = w.lineStartPages[i] ?? 1;
    let page = pages[pages.length - 1];
    if (!page || page.number !== number) pages.push((page = { number, width: 0, height: 0, lines: [] }));
    page.lines.push(line);
  });
  return { lines: w.lines, furniture: w.furniture, pages };
}

export function loadHtml(bytes: Uint8Array): LoadResult {
  const html = decodeHtml(bytes);
  const { lines, furniture } = htmlToLines(html);
  const messages: Message[] = [];
  if (furniture.length) messages.push(info('load', 'layout/furniture-removed', `site navigation, header and footer kept out of the text (${furniture.length} element${furniture.length === 1 ? '' : 's'})`));
  return { value: { format: 'html', flow: true, pages: [{ number: null, width: 0, height: 0, lines }], pageCount: null, furniture }, messages };
}

function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  try {
    return new TextDecoder(charset && charset !== 'utf8' ? charset : 'utf-8').decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  }
}
