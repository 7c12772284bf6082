/**
 * `heading-paragraph`: a heading that is only a recommendation's number ("Recommendation 3", "R2")
 * with the recommendation in the paragraph under it; what follows in its section ("Progress: …",
 * the team's commentary) is the response.
 */
import type { Section } from '../../../model/report.js';
import { NUMBER_ONLY_HEADING } from '../../cues/recommendations.js';
import { isText } from '../../doc.js';
import { withFurtherParagraph, type Finders } from '../context.js';
import type { Zone } from '../model.js';

export function findNumberedHeadings(f: Finders): void {
  const { doc, claimed } = f;
  const { blocks } = doc;
  /** one set per parent section */
  const zones = new Map<string | null, Zone>();
  for (const s of doc.sections) {
    const m = NUMBER_ONLY_HEADING.exec(s.title.trim());
    if (!m) continue;
    const own = blocks.map((_, i) => i).filter((i) => doc.sectionOf(i) === s.id);
    const [at, first, ...rest] = own;
    const statement = first === undefined ? undefined : blocks[first];
    if (at === undefined || first === undefined || !isText(statement) || statement.kind !== 'paragraph' || claimed.has(first) || f.excluded(first)) continue;
    const zone = zones.get(s.parentId) ?? f.newZone(at, parentTitle(f, s), f.headingScore(s.title), null);
    zones.set(s.parentId, zone);
    let response = null;
    for (const i of rest) {
      const b = blocks[i]!;
      if (!isText(b) || claimed.has(i)) continue;
      response = withFurtherParagraph(response, b.text);
      claimed.set(i, 'heading-paragraph');
    }
    zone.items.push({ zone: zone.id, rule: 'heading-paragraph', text: statement.text, number: m[1]!, covers: [], block: statement, response });
    claimed.set(first, 'heading-paragraph');
  }
}

function parentTitle(f: Finders, s: Section): string {
  return f.doc.section(s.parentId)?.title ?? s.title;
}
