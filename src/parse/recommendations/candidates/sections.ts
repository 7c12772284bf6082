/**
 * Sections whose heading speaks of recommendations ("Further Recommendations from original Peer
 * Challenge report - 2018"): `section-list`, their first list; or `heading-statement`, their
 * numbered sub-headings that state a recommendation, the text under each being the council's
 * response ("4.1 In light of …").
 */
import type { TextBlock } from '../../../layout/blocks.js';
import { isText, wordCount } from '../../doc.js';
import { RESTATED } from '../../cues/recommendations.js';
import { emptyResponse } from '../model.js';
import { asItem, HEADING_THRESHOLD, type Finders } from '../context.js';

export function findSectionLists(f: Finders): void {
  const { doc, claimed, zones } = f;
  const { blocks } = doc;
  for (const s of doc.sections) {
    const heading = f.headingScore(s.title.trim());
    if (heading.total < HEADING_THRESHOLD || RESTATED.test(s.title)) continue;
    const own = blocks.map((_, i) => i).filter((i) => doc.sectionOf(i) === s.id);
    const headingIndex = own[0];
    if (headingIndex === undefined || own.some((i) => zones.some((z) => z.anchor === i && z.items.length))) continue;
    const firstItem = own.find((i) => !claimed.has(i) && !f.excluded(i) && i !== headingIndex && isText(blocks[i]) && asItem(blocks[i] as TextBlock) !== null);
    const between = firstItem === undefined ? [] : own.filter((i) => i > headingIndex && i < firstItem);
    if (firstItem !== undefined && between.every((i) => isText(blocks[i]) && /:$/.test((blocks[i] as TextBlock).text.trim()))) {
      const zone = f.newZone(headingIndex, s.title, heading, HEADING_THRESHOLD);
      f.collect(zone, firstItem, 'section-list', null);
      continue;
    }
    const children = doc.sections.filter((c) => c.parentId === s.id && c.number && wordCount(c.title) >= 6);
    if (children.length) {
      const zone = f.newZone(headingIndex, s.title, heading, HEADING_THRESHOLD);
      for (const c of children) {
        const at = blocks.findIndex((_, i) => doc.sectionOf(i) === c.id);
        if (at < 0) continue;
        zone.items.push({ zone: zone.id, rule: 'heading-statement', text: c.title, number: c.number, covers: [], block: blocks[at]!, response: c.text.trim() ? { ...emptyResponse(), progress: c.text.trim() } : null });
        claimed.set(at, 'heading-statement');
      }
    }
  }
}
