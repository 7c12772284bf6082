/** `recommendation-heading`: "Recommendation 3 - …" sub-headings restate numbered items; their sections report progress. */
import { score } from '../../cues/index.js';
import { HEADING, RESTATED } from '../../cues/recommendations.js';
import { emptyResponse } from '../model.js';
import type { Finders } from '../context.js';

export function findRestatedHeadings(f: Finders): void {
  const { doc, zones } = f;
  for (const s of doc.sections) {
    const m = RESTATED.exec(s.title);
    if (!m) continue;
    const at = doc.blocks.findIndex((_, i) => doc.sectionOf(i) === s.id);
    if (at < 0) continue;
    const covers = m[1]!.split(/\s*(?:,|and|&|to|-|–)\s*/).filter(Boolean);
    const zone = zones.find((z) => z.anchor === at) ?? f.newZone(at, s.title, score(s.title, HEADING, 'heading'), null);
    zone.items.push({ zone: zone.id, rule: 'recommendation-heading', text: m[2]!.trim(), number: covers.length === 1 ? covers[0]! : null, covers, block: doc.blocks[at]!, response: s.text.trim() ? { ...emptyResponse(), progress: s.text.trim() } : null });
  }
}
