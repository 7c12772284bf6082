/**
 * `lead-in-list`: the items after a lead-in that speaks of recommendations ("The peer team
 * recommend the councils now focus on:", "This included the following recommendations from the
 * original CPC:"), list items or numbered paragraphs, deeper items folded into their parent;
 * `stated-count`: short paragraphs right after a list that falls short of the count its lead-in
 * states ("made eight key recommendations:").
 */
import { combine, fires, noScore, score } from '../../cues/index.js';
import { LEAD_IN, NOT_A_LEAD_IN, POINTS_TO_ITEMS, SUMMARY } from '../../cues/recommendations.js';
import { isText, wordCount } from '../../doc.js';
import { sentences } from '../../text.js';
import { asItem, itemNumber, type Finders } from '../context.js';

/** The score a lead-in (with the heading of its section) needs to introduce recommendations. */
export const LEAD_IN_THRESHOLD = 3;

function lastSentence(text: string): string {
  const all = sentences(text);
  return all[all.length - 1] ?? text;
}

export function findLeadIns(f: Finders): void {
  const { doc, claimed } = f;
  const { blocks } = doc;
  blocks.forEach((b, i) => {
    if (!isText(b) || f.excluded(i) || claimed.has(i) || doc.isHeading(i) || f.inResponse(i)) return;
    const text = b.text.trim();
    // a lead-in ends on a colon, or points to the items right after it ("are set out below")
    const next = blocks[i + 1];
    const sentence = /[:–-]$/.test(text) ? lastSentence(text) : isText(next) && asItem(next) ? sentences(text).find((s) => fires(s, POINTS_TO_ITEMS)) : undefined;
    if (sentence === undefined) return;
    const heading = f.headingScore(doc.section(doc.sectionOf(i))?.title ?? '');
    // the sentence that leads into the items speaks for them, the heading of its section for a
    // lead-in that only introduces items ("The council should focus on:"); what rules a paragraph
    // out may stand anywhere in it
    const total = combine(score(sentence, LEAD_IN, 'lead-in'), score(text, NOT_A_LEAD_IN, 'lead-in'), heading.total > 0 ? heading : noScore());
    if (total.total < LEAD_IN_THRESHOLD) {
      // one cue short, with items after it: a close call the reader is told of
      if (total.total >= LEAD_IN_THRESHOLD - 1 && isText(next) && asItem(next)) f.nearMisses.push({ anchor: i, text: sentence, score: total, threshold: LEAD_IN_THRESHOLD });
      return;
    }
    const zone = f.newZone(i, sentence, total, LEAD_IN_THRESHOLD);
    // a summary of recommendations stated in full elsewhere restates them
    const rule = fires(sentence, SUMMARY) ? 'summary-list' : 'lead-in-list';
    const end = f.collect(zone, i + 1, rule, b.kind === 'list-item' ? (b.level ?? 0) : null);
    // a list that falls short of the count its lead-in states: short paragraphs right after it
    if (zone.stated !== null && zone.items.length > 0 && zone.items.length < zone.stated) {
      for (let j = end; j < blocks.length && zone.items.length < zone.stated; j++) {
        const n = blocks[j]!;
        if (!isText(n) || n.kind !== 'paragraph' || doc.isHeading(j) || wordCount(n.text) > 25 || /:$/.test(n.text)) break;
        zone.items.push({ zone: zone.id, rule: 'stated-count', text: n.text, number: itemNumber(n), covers: [], block: n, response: null });
        claimed.set(j, 'stated-count');
      }
    }
  });
}
