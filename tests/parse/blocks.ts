/** Build layout blocks in memory for recogniser tests (like mammoth's createFakeDocxFile). */
import { tableBlock, textBlock, type Block, type TextBlock } from '../../src/layout/blocks.js';
import { parse } from '../../src/parse/index.js';

let page = 1;
export const onPage = (n: number) => (page = n);

/** a heading as a Word heading style gives it */
export const h = (text: string, level = 1): TextBlock => {
  const m = /^(\d+(?:\.\d+)*\.?)\s+(.*)$/.exec(text);
  return textBlock('heading', m ? m[2]! : text, { marker: m ? m[1]! : null, level, cues: ['style'], page });
};
export const p = (text: string): TextBlock => {
  const m = /^(\d+(?:\.\d+)+|\d+\.)\s+(.*)$/.exec(text);
  return textBlock('paragraph', m ? m[2]! : text, { marker: m ? m[1]! : null, page });
};
export const li = (text: string, marker = '•', level = 0): TextBlock => textBlock('list-item', text, { marker, level, page });
export const title = (text: string): TextBlock => textBlock('heading', text, { level: 0, cues: ['title'], page });
export const table = (rows: string[][]): Block => tableBlock(rows.map((cells, i) => ({ cells, header: i === 0, page })));

export function parseBlocks(blocks: Block[]) {
  blocks.forEach((b, i) => (b.index = i));
  return parse({ blocks, furniture: [], toc: [] }, 'docx');
}
