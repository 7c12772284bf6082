/**
 * `table-row`: rows of a progress or action-plan table whose header names a recommendation column,
 * the other columns giving the response; a numbering column ("No.", "Ref") gives each row's number
 * and a year column the challenge it comes from.
 */
import type { Response } from '../../../model/report.js';
import { fires, score } from '../../cues/index.js';
import { NUMBER_COLUMN, PRINTED_NUMBER, RECOMMENDATION_COLUMN, YEAR_COLUMN } from '../../cues/recommendations.js';
import { wordCount } from '../../doc.js';
import { cleanNumber } from '../../numbering.js';
import { emptyResponse } from '../model.js';
import { cellNumber, responseColumns, type Finders } from '../context.js';
import { flattenLines } from '../../../text-runs.js';

export function findTableRows(f: Finders): void {
  const { doc, claimed } = f;
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'table' || b.rows.length < 2) return;
    const header = b.rows[0]!.cells;
    const col = header.findIndex((h) => fires(h, RECOMMENDATION_COLUMN));
    if (col < 0) return;
    const numberCol = header.findIndex((h, k) => k !== col && fires(h.trim(), NUMBER_COLUMN));
    const yearCol = header.findIndex((h, k) => k !== col && fires(h.trim(), YEAR_COLUMN));
    const columns = responseColumns(header.map((h, k) => (k === col || k === numberCol || k === yearCol ? '' : h)));
    const tableScore = score(header[col]!, RECOMMENDATION_COLUMN, 'column');
    const zone = f.newZone(i, header.join(' '), tableScore, null);
    // rows from another year's challenge form a set of their own, its cycle told by the year
    const byYear = new Map<string, typeof zone>();
    const zoneOf = (year: string) => {
      if (!/^(19|20)\d{2}$/.test(year) || Number(year) === f.meta.year) return zone;
      if (!byYear.has(year)) byYear.set(year, f.newZone(i, `${header.join(' ')} ${year}`, tableScore, null));
      return byYear.get(year)!;
    };
    claimed.set(i, 'table-row');
    // where the table numbers its recommendations, a row without such a number only continues another
    const kinds = b.rows.slice(1).map((r) => cellNumber(r.cells[col] ?? '')?.kind).filter((k) => k !== undefined);
    const numbered = kinds.length >= 2;
    const kind = kinds.sort((a, c) => kinds.filter((k) => k === c).length - kinds.filter((k) => k === a).length)[0];
    for (const row of b.rows.slice(1)) {
      const cell = (row.cells[col] ?? '').trim();
      if (!cell || wordCount(cell) < 2) continue;
      const m = cellNumber(cell);
      if (numbered && m?.kind !== kind) continue;
      const printed = numberCol >= 0 ? (row.cells[numberCol] ?? '').trim() : '';
      const number = m ? cleanNumber(m.marker) : PRINTED_NUMBER.test(printed) ? cleanNumber(printed.replace(/\s+/g, '')) : null;
      const response = emptyResponse();
      for (const [k, c] of Object.entries(columns) as [keyof Response, number][]) response[k] = row.cells[c]?.trim() || null;
      const into = zoneOf(yearCol >= 0 ? (row.cells[yearCol] ?? '').trim() : '');
      into.items.push({ zone: into.id, rule: 'table-row', text: flattenLines(m ? m.rest : cell), number, covers: [], block: b, response });
    }
  });
}
