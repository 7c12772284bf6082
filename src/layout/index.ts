import { info, type Message, type Result } from '../diagnostics.js';
import { pageRanges } from '../pages.js';
import type { RawDoc, RawLine, RawPage } from '../load/raw.js';
import { TEXT_LINE_HEIGHT } from '../load/text.js';
import type { Block, FurnitureLine, Layout, TextBlock } from './blocks.js';
import { alignNumberedRuns, assignListLevels, classify } from './classify.js';
import { formFields } from './forms.js';
import { removeFurniture } from './furniture.js';
import { columnEdges, columnLefts, columnOfPieces, gridOf, pageSegments } from './columns.js';
import { fromEdge, pagePieces, pageToProtos, type Flow, type PLine } from './geometry.js';
import { joinLines, Vocabulary, type JoinStats } from './join.js';
import { matchMarker } from './markers.js';
import { normaliseText } from './normalise.js';
import { assembleParagraphs, metricsOf, type Para } from './paragraphs.js';
import { cleanTable, joinContinuedTables, protoToTable, tablesFromCellLines } from './tables.js';
import { removeToc } from './toc.js';
import { maxOf } from '../arrays.js';

export * from './blocks.js';

function paraText(lines: readonly { text: string }[], vocab: Vocabulary, stats: JoinStats): string {
  return joinLines(lines.map((l) => l.text), vocab, stats);
}

/** PDF: geometry → tables and paragraphs. */
function positionedBlocks(pages: readonly RawPage[], vocab: Vocabulary, stats: JoinStats): Block[] {
  // metrics first (from all text), so table cells can tell wrapped lines from the next row
  const pieces = pages.map(pagePieces);
  const metrics = metricsOf(pieces.flat());
  let flowId = 0;
  const firstPass = pages.map((p, i) => ({ pieces: pieces[i]!, ...pageSegments(pieces[i]!, p.shapes) }));
  // a page may hold only short stretches of the columns other pages show whole
  const grid = gridOf(firstPass);
  const segmented = grid.length ? firstPass.map((f) => (f.undecided || f.segments.length === 1 ? { pieces: f.pieces, segments: f.again(grid) } : f)) : firstPass;
  const leftOf = columnLefts(segmented);
  const protos = pages.flatMap((p, i) => {
    const { segments } = segmented[i]!;
    const own = [...new Map(segments.flatMap((s) => (s.column ? [[s.column.join(), s.column] as const] : []))).values()];
    // a page of a document set in columns with text in one column only wraps at that column too
    const columns = own.length ? own : grid.flatMap((g) => g.columns ?? []);
    if (segments.length === 1 && !columns.length) return pageToProtos(segments[0]!.pieces, p.number, metrics.lineSpacing);
    // each column starts and wraps at its own edges (the start as the other pages in its grid have it)
    const flowOf = (column: readonly [number, number]): Flow => {
      const edges = columnEdges(pieces[i]!, column);
      return { id: ++flowId, left: leftOf(column) ?? edges.left, right: edges.right };
    };
    return segments.flatMap((seg) => {
      if (seg.column) {
        const flow = flowOf(seg.column);
        return pageToProtos(
          seg.pieces.map((piece) => ({ ...piece, flow })),
          p.number,
          metrics.lineSpacing,
        );
      }
      const page: Flow = { id: ++flowId, left: metrics.leftMargin, right: metrics.rightLimit };
      const inColumn = columnOfPieces(seg.pieces, columns);
      // one flow per run of lines inside a column (the map holds the same column for a whole run)
      const runFlows = new Map<readonly [number, number], Flow>();
      let lastColumn: readonly [number, number] | undefined;
      return pageToProtos(
        seg.pieces.map((piece) => {
          const column = inColumn.get(piece);
          if (column !== lastColumn && column) runFlows.set(column, flowOf(column));
          lastColumn = column;
          return { ...piece, flow: column ? runFlows.get(column)! : page };
        }),
        p.number,
        metrics.lineSpacing,
      );
    });
  });
  const lines = protos.flatMap((p) => (p.type === 'lines' ? p.lines : []));
  // the body's own measures, now that tables are set apart (a long progress table in smaller type
  // must not pass for the body text its margin and size are judged against)
  const body = lines.length ? metricsOf(lines) : metrics;
  const firstPage = pages.find((p) => p.lines.length > 0)?.number ?? null;
  const titleSize = Math.max(0, maxOf(lines.filter((l) => l.page === firstPage).map((l) => l.size)));
  const blocks: Block[] = [];
  // the list items the next paragraphs may belong to (an item and the sub-items after it), and
  // where each one's text starts (from the column's edge)
  let openItems: { block: TextBlock; textX: number }[] = [];
  const furtherOf = new Map<TextBlock, TextBlock>();
  for (const item of assembleParagraphs(protos, body)) {
    if ('type' in item) {
      blocks.push(protoToTable(item, metrics, vocab, stats));
      openItems = [];
      continue;
    }
    const p: Para = item;
    const first = p.lines[0]!;
    const last = p.lines[p.lines.length - 1]!;
    const size = maxOf(p.lines.map((l) => l.size));
    const block = classify(
      {
        text: paraText(p.lines, vocab, stats),
        marker: p.marker,
        markerKind: p.markerKind,
        indent: p.markerX - (first.flow?.left ?? body.leftMargin),
        page: first.page,
        pageEnd: last.page,
        size,
        bold: p.lines.every((l) => l.bold),
        italic: p.lines.every((l) => l.italic),
        lineCount: p.lines.length,
        gapBefore: p.gapBefore,
        gapAfter: p.gapAfter,
        headingHint: null,
        listHint: null,
        titleCandidate: first.page === firstPage && size >= titleSize - 0.1 && size >= 1.3 * body.bodySize,
        hanging: p.lines.length > 1 && fromEdge(p.lines[1]!) > fromEdge(first, p.markerX) + 3,
        aside: first.aside !== undefined,
      },
      { bodySize: body.bodySize },
    );
    blocks.push(block);
    if (block.kind === 'list-item' && block.marker) {
      // the item's text starts where its wrapped lines do, or right after a marker set apart
      const textX = p.lines.length > 1 ? fromEdge(p.lines[1]!) : first.x > first.markerX ? fromEdge(first) : null;
      if (textX !== null) {
        block.style.textX = textX;
        // an item closes the items at its depth or deeper
        openItems = [...openItems.filter((o) => o.textX < textX - 3), { block, textX }];
      } else openItems = [];
    } else {
      // a paragraph set at an open item's text indent, past the body's edge: a further paragraph
      // of that item (after its sub-items, of the item they belong to)
      const owner = block.kind === 'paragraph' && !block.marker && block.style.indent > 5 ? openItems.findLast((o) => p.lines.every((l) => Math.abs(fromEdge(l) - o.textX) < 3)) : undefined;
      if (owner) {
        block.kind = 'list-item';
        furtherOf.set(block, owner.block);
        openItems = openItems.slice(0, openItems.indexOf(owner) + 1);
      } else openItems = [];
    }
  }
  const texts = blocks.filter((b): b is TextBlock => b.kind !== 'table');
  assignListLevels(texts, 6);
  alignNumberedRuns(texts);
  for (const [further, owner] of furtherOf) further.level = owner.level;
  return blocks;
}

const TERMINAL_PUNCT = /[.!?:;]["”’)]?$/;
/** a line ending on a word that cannot end a sentence */
const ENDS_MID_PHRASE = /\b(in|of|the|and|to|for|a|an|with|on|at|by|from|as|or|that|which|its|their|our|your|this|these|is|are|was|were|be)$/;

/** Plain text and Markdown: blank lines part paragraphs, markers start items, tabs make tables. */
function textBlocks(pages: readonly RawPage[], vocab: Vocabulary, stats: JoinStats): Block[] {
  const blocks: Block[] = [];
  for (const page of pages) {
    let para: { lines: PLine[]; marker: string | null; kind: ReturnType<typeof matchMarker> | null; heading: number | null; gapBefore: number } | null = null;
    let prevY = -Infinity;
    const flushPara = (gapAfter: number) => {
      if (!para) return;
      const first = para.lines[0]!;
      blocks.push(
        classify(
          {
            text: paraText(para.lines, vocab, stats),
            marker: para.marker,
            markerKind: para.kind?.kind ?? null,
            indent: first.markerX,
            page: page.number,
            pageEnd: page.number,
            size: 0,
            bold: para.lines.every((l) => l.bold),
            italic: false,
            lineCount: para.lines.length,
            gapBefore: para.gapBefore,
            gapAfter,
            headingHint: para.heading,
            listHint: null,
            titleCandidate: false,
          },
          { bodySize: 0 },
        ),
      );
      para = null;
    };
    let tableLines: RawLine[] = [];
    const flushTable = () => {
      if (tableLines.length) blocks.push(tablesFromCellLines(tableLines, page.number));
      tableLines = [];
    };
    for (const line of page.lines) {
      const gap = (line.y - prevY) / TEXT_LINE_HEIGHT;
      prevY = line.y;
      if (line.hint?.cell) {
        flushPara(gap);
        if (tableLines.length && tableLines[0]!.hint!.cell!.table !== line.hint.cell.table) flushTable();
        tableLines.push(line);
        continue;
      }
      flushTable();
      const text = normaliseText(line.text);
      const m = matchMarker(text);
      const marker = m && m.kind !== 'bare' ? m : null;
      const heading = line.hint?.heading ?? null;
      const last = para?.lines[para.lines.length - 1]?.text ?? '';
      // a blank line inside a sentence (a page break in the source) does not end the paragraph
      const runsOn = gap <= 3 && !TERMINAL_PUNCT.test(last) && (/^\p{Ll}/u.test(text) || ENDS_MID_PHRASE.test(last));
      const startsNew = !para || (gap > 1 && !runsOn) || marker !== null || heading !== null || para.heading !== null || line.bold !== para.lines[0]!.bold;
      if (startsNew) {
        flushPara(gap);
        const pl: PLine = { text: marker ? marker.rest : text, marker: marker?.marker ?? null, x: line.x, markerX: line.x, y: line.y, right: line.x + text.length, size: 0, bold: line.bold, italic: false, page: page.number, order: 0 };
        para = { lines: [pl], marker: pl.marker, kind: marker, heading, gapBefore: Number.isFinite(gap) ? gap : Infinity };
      } else {
        para!.lines.push({ text, marker: null, x: line.x, markerX: line.x, y: line.y, right: line.x + text.length, size: 0, bold: line.bold, italic: false, page: page.number, order: 0 });
      }
    }
    flushPara(Infinity);
    flushTable();
  }
  assignListLevels(blocks.filter((b): b is TextBlock => b.kind !== 'table'), 0);
  return blocks;
}

/** Word and HTML: each line is a paragraph; the format states headings, lists and cells. */
function flowBlocks(pages: readonly RawPage[]): Block[] {
  const blocks: Block[] = [];
  for (const page of pages) {
    let tableLines: RawLine[] = [];
    const flushTable = () => {
      if (tableLines.length) blocks.push(tablesFromCellLines(tableLines, page.number));
      tableLines = [];
    };
    for (const line of page.lines) {
      if (line.hint?.cell) {
        if (tableLines.length && tableLines[0]!.hint!.cell!.table !== line.hint.cell.table) flushTable();
        tableLines.push(line);
        continue;
      }
      flushTable();
      const text = normaliseText(line.text);
      if (!text) continue;
      let list = line.hint?.list ?? null;
      const prev = blocks[blocks.length - 1];
      // a paragraph with a list's indent but no marker belongs to the item above (a further
      // paragraph of it, kept apart: see TextBlock); with no item above it is a plain paragraph
      if (list?.marker === '') list = prev?.kind === 'list-item' ? { ...list, level: prev.level ?? list.level } : null;
      const m = list ? null : matchMarker(text);
      const typed = m && m.kind !== 'bare' ? m : null;
      blocks.push(
        classify(
          {
            text: typed ? typed.rest : text,
            marker: typed?.marker ?? null,
            markerKind: typed?.kind ?? null,
            indent: 0,
            page: page.number,
            pageEnd: page.number,
            size: 0,
            bold: line.bold,
            italic: line.italic,
            lineCount: 1,
            // paragraph boundaries are explicit, so every paragraph stands apart
            gapBefore: 2,
            gapAfter: 2,
            headingHint: line.hint?.heading ?? null,
            listHint: list,
            aside: line.hint?.aside === true,
            titleCandidate: false,
          },
          { bodySize: 0 },
        ),
      );
    }
    flushTable();
  }
  return blocks;
}

export interface LayoutOptions {
  /** keep running headers and footers in the text (for debugging) */
  keepFurniture?: boolean;
}

export function layout(raw: RawDoc, options: LayoutOptions = {}): Result<Layout> {
  const messages: Message[] = [];
  const stats: JoinStats = { dehyphenated: 0, rejoinedWords: 0 };
  let furniture: FurnitureLine[] = raw.furniture.map((text) => ({ text, pages: [] }));
  let blocks: Block[];
  if (raw.flow) {
    blocks = flowBlocks(raw.pages);
  } else {
    const cleaned = options.keepFurniture ? { pages: [...raw.pages], furniture: [] } : removeFurniture(raw.pages);
    for (const f of cleaned.furniture) {
      messages.push(info('layout', 'layout/furniture-removed', `removed ${f.text === 'page number' ? 'page numbers' : `running header/footer ${JSON.stringify(f.text)}`} on pages ${pageRanges(f.pages)}`, f.pages[0]));
    }
    furniture = [...furniture, ...cleaned.furniture];
    const vocab = new Vocabulary(cleaned.pages.flatMap((p) => p.lines.map((l) => normaliseText(l.text))));
    blocks = raw.format === 'pdf' ? positionedBlocks(cleaned.pages, vocab, stats) : textBlocks(cleaned.pages, vocab, stats);
  }
  const joined = joinContinuedTables(blocks);
  if (joined.joins) messages.push(info('layout', 'layout/table-joined', `${joined.joins} table part${joined.joins === 1 ? '' : 's'} continued from the block before were joined`));
  let droppedHeaders = joined.droppedHeaders;
  blocks = joined.blocks.map((b) => {
    if (b.kind !== 'table') return b;
    const c = cleanTable(b);
    droppedHeaders += c.droppedHeaders;
    return c.table;
  });
  if (droppedHeaders) messages.push(info('layout', 'layout/table-joined', `${droppedHeaders} repeated table header row${droppedHeaders === 1 ? '' : 's'} dropped`));
  const { blocks: withoutToc, toc } = removeToc(blocks);
  const final = formFields(withoutToc);
  if (toc.length) messages.push(info('layout', 'layout/toc-removed', `table of contents (${toc.length} entries) kept out of the text`));
  if (stats.dehyphenated || stats.rejoinedWords) {
    messages.push(info('layout', 'layout/hyphenation-joined', `${stats.dehyphenated} hyphenated and ${stats.rejoinedWords} unhyphenated line-end word breaks rejoined`));
  }
  final.forEach((b, i) => (b.index = i));
  return { value: { blocks: final, furniture, toc }, messages };
}
