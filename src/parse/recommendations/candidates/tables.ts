/**
 * `table-row`: rows of a progress or action-plan table whose header names a recommendation column,
 * the other columns giving the response.
 */
import type { Response } from '../../../model/report.js';
import { fires, score } from '../../cues/index.js';
import { RECOMMENDATION_COLUMN } from '../../cues/recommendations.js';
import { wordCount } from '../../doc.js';
import { cleanNumber } from '../../numbering.js';
import { emptyResponse } from '../model.js';
import { cellNumber, responseColumns, type Finders } from '../context.js';

export function findTableRows(f: Finders): void {
  const { doc, claimed } = f;
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'table' || b.rows.length < 2) return;
    const header = b.rows[0]!.cells;
    const col = header.findIndex((h) => fires(h, RECOMMENDATION_COLUMN));
    if (col < 0) return;
    const columns = responseColumns(header.map((h, k) => (k === col ? '' : h)));
    const zone = f.newZone(i, header.join(' '), score(header[col]!, RECOMMENDATION_COLUMN, 'column'));
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
      const number = m ? cleanNumber(m.marker) : null;
      const response = emptyResponse();
      for (const [k, c] of Object.entries(columns) as [keyof Response, number][]) response[k] = row.cells[c]?.trim() || null;
      zone.items.push({ zone: zone.id, rule: 'table-row', text: (number ? m!.rest : cell).replace(/\s*\n\s*/g, ' '), number, covers: [], block: b, response });
    }
  });
}
