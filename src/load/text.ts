import { info, warning, type Message } from '../diagnostics.js';
import type { InputFormat } from '../model/report.js';
import type { LineHint, LoadResult, RawLine, RawPage } from './raw.js';

/** Line height of the synthetic geometry: a blank line shows as a gap of two, like a PDF paragraph gap. */
export const TEXT_LINE_HEIGHT = 12;

/** Windows-1252's 0x80–0x9F block (Node's TextDecoder reads that label as Latin-1, where these are controls). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

export function decodeText(bytes: Uint8Array): { text: string; guessed: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), guessed: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), guessed: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), guessed: false };
  } catch {
    // not UTF-8: the usual alternative for council documents is Windows-1252
    return { text: decodeWindows1252(bytes), guessed: true };
  }
}

/** Markdown emphasis, links and escapes out; the words stay. */
export function stripInlineMarkdown(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '') // images: alt text is not report text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*+/g, '')
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, '$1')
    // single asterisks of emphasis, including one left open or closed by a neighbouring line
    .replace(/(^|[^\s*])\*(?=\s|$|[.,;:!?)])/g, '$1')
    .replace(/(^|\s|[(“"'])\*(?=\S)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
/**
 * More cells than a table has columns (Word stops at 63): a line split that finely is text with
 * tabs in it, and as cells it would cost an object per two bytes of input.
 */
export const MAX_TEXT_CELLS = 64;
const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * "## Title ##" → level 2, "Title". The closing hashes and spaces are cut from the end by hand: as
 * /^(#{1,6})\s+(.*?)\s*#*\s*$/ the lazy title was retried at every space of a long run.
 */
function markdownHeading(line: string): { level: number; text: string } | null {
  const open = /^(#{1,6})\s+/.exec(line);
  if (!open) return null;
  const rest = line.slice(open[0].length);
  let end = rest.trimEnd().length;
  while (end > 0 && rest[end - 1] === '#') end--;
  return { level: open[1]!.length, text: rest.slice(0, end).trimEnd() };
}

/** The pages of a text or Markdown report, and how many lines had too many cells to be table rows. */
export function textToPages(text: string): { pages: RawPage[]; wideRows: number } {
  const pages: RawPage[] = [];
  let wideRows = 0;
  const pageTexts = text.replace(/\r\n?/g, '\n').split('\f');
  let table = 0;
  for (let p = 0; p < pageTexts.length; p++) {
    const lines: RawLine[] = [];
    const src = pageTexts[p]!.split('\n');
    let tableRow = -1;
    let inTable = false;
    let pipeHeader = false;
    for (let i = 0; i < src.length; i++) {
      const rawLine = src[i]!;
      if (!rawLine.trim()) {
        inTable = false;
        continue;
      }
      const y = i * TEXT_LINE_HEIGHT;
      const indent = /^[ \t]*/.exec(rawLine)![0].replace(/\t/g, '    ').length;
      const hint: LineHint = {};
      let body = rawLine.trim();
      const isPipe = PIPE_ROW.test(rawLine);
      if (isPipe && PIPE_RULE.test(rawLine)) {
        pipeHeader = true; // the row above was the header
        continue;
      }
      // a tab between words separates cells; consecutive such lines make one table
      let cells = isPipe
        ? body.replace(/^\||\|$/g, '').split('|', MAX_TEXT_CELLS + 1).map((c) => c.trim())
        : /\S\t/.test(rawLine)
          ? rawLine.replace(/^\s+/, '').split('\t', MAX_TEXT_CELLS + 1).map((c) => c.trim())
          : null;
      if (cells && cells.length > MAX_TEXT_CELLS) {
        wideRows++;
        cells = null;
      }
      if (cells && cells.length >= 2) {
        if (!inTable) {
          table++;
          tableRow = -1;
          inTable = true;
          pipeHeader = false;
        }
        tableRow++;
        if (pipeHeader && isPipe) {
          // the header was the previous row: mark it now that the rule confirms it
          for (const l of lines) if (l.hint?.cell && l.hint.cell.table === table && l.hint.cell.row === tableRow - 1) l.hint.cell.header = true;
          pipeHeader = false;
        }
        while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
        cells.forEach((cell, col) => {
          if (!cell) return;
          const t = stripInlineMarkdown(cell).trim();
          if (t) lines.push({ text: t, x: indent + col * 200, y, width: t.length, size: 0, bold: /^\*\*.*\*\*$/.test(cell), italic: false, hint: { cell: { table, row: tableRow, col, header: false } } });
        });
        continue;
      }
      inTable = false;
      const heading = markdownHeading(body);
      if (heading) {
        hint.heading = heading.level;
        body = heading.text;
      }
      const bold = /^\*\*[^*].*\*\*:?$/.test(body);
      const t = stripInlineMarkdown(body).replace(/\s+/g, ' ').trim();
      if (!t) continue;
      lines.push({ text: t, x: indent, y, width: t.length, size: 0, bold, italic: false, ...(hint.heading ? { hint } : {}) });
    }
    pages.push({ number: pageTexts.length > 1 ? p + 1 : 1, width: 0, height: 0, lines });
  }
  return { pages, wideRows };
}

export function loadText(bytes: Uint8Array, format: Extract<InputFormat, 'txt' | 'md'>): LoadResult {
  const decoded = decodeText(bytes);
  const messages: Message[] = [];
  if (decoded.guessed) messages.push(info('load', 'text/encoding-guessed', 'the text is not UTF-8; read as Windows-1252'));
  const nuls = decoded.text.split('\u0000').length - 1;
  const text = nuls ? decoded.text.replaceAll('\u0000', '') : decoded.text;
  if (nuls) messages.push(warning('load', 'text/nul-removed', `${nuls} NUL character${nuls === 1 ? '' : 's'} (no text) removed`));
  const { pages, wideRows } = textToPages(text);
  if (wideRows) messages.push(warning('load', 'text/row-too-wide', `${wideRows} line${wideRows === 1 ? ' has' : 's have'} more than ${MAX_TEXT_CELLS} cells: read as text, not as table rows`));
  return { value: { format, flow: false, pages, pageCount: pages.length, furniture: [] }, messages };
}
