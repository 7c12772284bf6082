import { describe, expect, it } from 'vitest';
import { tableBlock, textBlock, type TableBlock, type TableRow } from '../../src/layout/blocks.js';
import { cleanTable, joinContinuedTables } from '../../src/layout/tables.js';
import { removeToc } from '../../src/layout/toc.js';

const row = (cells: string[], page: number | null = 1, header = false): TableRow => ({ cells, header, page });

describe('table clean-up', () => {
  it('joins a table continued on the next page, dropping the repeated header and mending the cut row', () => {
    const a = tableBlock([row(['Recommendation', 'Progress'], 5), row(['1. Plan', 'Work started and'], 5)], { columns: 2 });
    const b = tableBlock([row(['Recommendation', 'Progress'], 6), row(['continues on', 'the next page'], 6), row(['2. Review', 'Done.'], 6)], { columns: 2 });
    const { blocks, joins, droppedHeaders } = joinContinuedTables([a, b]);
    expect(joins).toBe(1);
    expect(droppedHeaders).toBe(1);
    const t = blocks[0]!;
    expect(t.kind === 'table' && t.rows.map((r) => r.cells)).toEqual([
      ['Recommendation', 'Progress'],
      ['1. Plan continues on', 'Work started and the next page'],
      ['2. Review', 'Done.'],
    ]);
    expect(t.kind === 'table' && [t.page, t.pageEnd]).toEqual([5, 6]);
  });

  it('does not join different tables that merely follow each other', () => {
    const a = tableBlock([row(['Term', 'Meaning'], 1), row(['LGA', 'Local Government Association'], 1)]);
    const b = tableBlock([row(['Risk', 'Mitigation'], 3), row(['Delay', 'Plan ahead'], 3)]);
    expect(joinContinuedTables([a, textBlock('paragraph', 'Between'), b]).joins).toBe(0);
  });

  it('merges rows that continue the one above (empty first cell, or no number in a numbered table)', () => {
    const t = tableBlock([
      row(['LGA Recommendation', 'Progress', 'Next steps'], null, true),
      row(['1. Develop a', 'An exercise', 'The newly']),
      row(['clear narrative', 'was undertaken', 'appointed']),
      row(['', 'More progress.', '']),
      row(['2. Use the narrative', 'Over the year', 'Continue']),
    ]);
    expect(cleanTable(t).table.rows.map((r) => r.cells)).toEqual([
      ['LGA Recommendation', 'Progress', 'Next steps'],
      ['1. Develop a clear narrative', 'An exercise was undertaken More progress.', 'The newly appointed'],
      ['2. Use the narrative', 'Over the year', 'Continue'],
    ]);
  });
});

describe('tables over pages', () => {
  it('joins two parts of one table on one page, and merges a numbered row a line-by-line producer split, the first row included', () => {
    const a = tableBlock([row(['LGA Recommendation', 'Progress made', 'Next steps'], 5, true), row(['4. More robust financial accountability', 'Our planning continues', 'We will'], 8)]);
    const b = tableBlock([row(['5. Accelerate a', 'Following the peer review', 'Bradford has set'], 8), row(['Team Bradford', 'we set a target', 'internal targets'], 8), row(['approach', 'of 500 a year', 'by 2021'], 8)]);
    const { blocks, joins } = joinContinuedTables([a, b]);
    expect(joins).toBe(1);
    const { table } = cleanTable(blocks[0] as TableBlock);
    expect(table.rows.map((r) => r.cells[0])).toEqual(['LGA Recommendation', '4. More robust financial accountability', '5. Accelerate a Team Bradford approach']);
    // a part that starts mid-table: its first row is data, and counts towards the numbering
    const part = tableBlock([row(['5. Accelerate a', 'Following', 'Bradford'], 8), row(['Team Bradford', 'we set', 'internal'], 8), row(['6. Review the', 'We have had', 'As part'], 8), row(['redeployment policy', 'a dialogue', 'of the project'], 8)]);
    expect(cleanTable(part).table.rows.map((r) => r.cells[0])).toEqual(['5. Accelerate a Team Bradford', '6. Review the redeployment policy']);
  });
});

describe('repeated header rows', () => {
  it('keeps data rows that share all but one cell with the first row (no row is a header twice on one page)', () => {
    const rows = [['2016', 'Shared vision', 'Addressed'], ['2016', 'Senior management capacity', 'Addressed'], ['2016', 'Use of assets', 'Addressed'], ['2019', 'Asset review', 'Partly addressed']];
    const { table, droppedHeaders } = cleanTable(tableBlock(rows.map((c) => row(c))));
    expect(droppedHeaders).toBe(0);
    expect(table.rows.map((r) => r.cells[1])).toEqual(rows.map((r) => r[1]));
  });

  it('drops the header where it heads the next page', () => {
    const t = tableBlock([row(['Year', 'Recommendation', 'Assessment'], 1, true), row(['2016', 'Shared vision', 'Addressed'], 1), row(['Year', 'Recommendation', 'Assessment'], 2), row(['2019', 'Asset review', 'Addressed'], 2)]);
    const { table, droppedHeaders } = cleanTable(t);
    expect(droppedHeaders).toBe(1);
    expect(table.rows.map((r) => r.cells[0])).toEqual(['Year', '2016', '2019']);
  });
});

describe('removeToc', () => {
  it('takes out a contents table and a run of dot-leader entries', () => {
    const toc = tableBlock([row(['Section', 'Page']), row(['1. Introduction', '3']), row(['2. Summary of the approach.....', '3'])]);
    const dots = ['Introduction ........ 3', 'Scope ........ 4', 'Findings ........ 7'].map((t) => textBlock('paragraph', t));
    const body = textBlock('heading', 'Introduction', { marker: '1.' });
    const { blocks, toc: entries } = removeToc([textBlock('heading', 'Contents'), toc, ...dots, body]);
    expect(blocks).toEqual([body]);
    expect(entries).toEqual(['1. Introduction', '2. Summary of the approach', 'Introduction', 'Scope', 'Findings']);
  });

  it('takes out a contents table whose centred title made a column of its own', () => {
    const toc = tableBlock([row(['', 'Contents', '', 'Page']), row(['1. Executive summary', '', '3', '']), row(['2. Key recommendations', '', '5', ''])]);
    const body = textBlock('heading', 'Executive summary', { marker: '1.' });
    expect(removeToc([toc, body])).toEqual({ blocks: [body], toc: ['1. Executive summary', '2. Key recommendations'] });
  });
});
