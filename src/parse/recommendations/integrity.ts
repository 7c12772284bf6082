/** Checks of the recommendations found against what the text says of them: stated counts, numbering. */
import { warning, type Message } from '../../diagnostics.js';
import type { Recommendation } from '../../model/report.js';
import { STATED_COUNT } from '../cues/recommendations.js';
import { isText, type ParseDoc } from '../doc.js';
import { countWord } from '../text.js';
import type { Merged } from './merge.js';
import type { Zone } from './model.js';

export function integrity(doc: ParseDoc, zones: readonly Zone[], records: readonly Merged[], recommendations: readonly Recommendation[]): Message[] {
  const messages: Message[] = [];
  for (const b of doc.blocks) {
    if (!isText(b)) continue;
    STATED_COUNT.lastIndex = 0;
    for (const m of b.text.matchAll(STATED_COUNT)) {
      const n = countWord(m[1]!);
      if (n === null) continue;
      const sizes = new Set([...zones.map((z) => records.filter((r) => r.zone.id === z.id).length), ...(['current', 'previous'] as const).map((c) => recommendations.filter((r) => r.cycle === c).length)]);
      if (!sizes.has(n)) messages.push(warning('parse', 'recommendations/count-mismatch', `the text says "${m[0]}" but no list of ${n} was found (found ${[...sizes].filter((x) => x > 0).join(', ') || 'none'})`, { page: b.page, block: b.index, rule: 'stated-count' }));
    }
  }
  for (const z of zones) {
    const numbers = records.filter((r) => r.zone.id === z.id && r.best.number).map((r) => r.best.number!);
    const lastParts = numbers.map((n) => Number(n.split('.').pop()));
    if (lastParts.some((n) => !Number.isFinite(n))) continue;
    const dup = numbers.find((n, i) => numbers.indexOf(n) !== i);
    if (dup) messages.push(warning('parse', 'recommendations/numbering-duplicate', `recommendation ${dup} is numbered twice`, { page: doc.blocks[z.anchor]?.page, block: z.anchor, rule: z.items[0]?.rule }));
    for (let i = 1; i < lastParts.length; i++) {
      if (lastParts[i]! > lastParts[i - 1]! + 1) messages.push(warning('parse', 'recommendations/numbering-gap', `recommendations jump from ${numbers[i - 1]} to ${numbers[i]}`, { page: doc.blocks[z.anchor]?.page, block: z.anchor, rule: z.items[0]?.rule }));
    }
  }
  return messages;
}
