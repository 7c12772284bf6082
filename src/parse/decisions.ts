/**
 * Requested decisions: what a council report asks its committee to do ("The Cabinet is asked to:
 * note …, endorse …"). They are the report's recommendations to the committee, never the peers'
 * recommendations. A report that gives the list twice (front sheet and body) yields each decision
 * once, in the final list's wording and order.
 */
import { warning, type Message } from '../diagnostics.js';
import type { Block } from '../layout/blocks.js';
import { ASKED_TO } from './cues/requested-decisions.js';
import type { ParseDoc } from './doc.js';
import { earlier, type Found, type Recogniser } from './recogniser.js';
import { dice } from './text.js';

/** a decision's own number: "(1)", "(a)", "1.", "a)", "(iv)" (not a paragraph number such as "2.3") */
const DECISION_NUMBER = /^(\(?(\d{1,2}|[a-z]|[ivx]{1,4})\)|(\d{1,2}|[a-z])\.)$/i;
const DECISIONS_HEADING = /^(recommendations?(\s*\(s\))?|decisions? (required|requested|sought)|recommended decisions?)$/i;


interface DecisionList {
  body: string | null;
  items: { text: string; block: Block }[];
}

function bodyOf(leadIn: string): string | null {
  const m = ASKED_TO.exec(leadIn);
  if (!m || !m[1]) return null;
  return m[1].replace(/^the\s+/i, '').trim() || null;
}

/** The committee's decisions; claims them and their lead-ins (rule `decision`): they are no peer recommendations. */
export const decisionsRecogniser: Recogniser<'decisions'> = { id: 'decisions', recognise: recogniseDecisions };

function recogniseDecisions(doc: ParseDoc, found: Readonly<Partial<Found>>) {
  const { blocks } = doc;
  const { kind } = earlier(found, 'metadata');
  const messages: Message[] = [];
  const lists: DecisionList[] = [];
  const decisionBlocks = new Set<number>();
  const inList = new Set<number>();

  blocks.forEach((b, i) => {
    if (b.kind === 'table' || inList.has(i)) return;
    if (/:\s*$/.test(b.text) && /\b(asked|recommended|requested|invited)\b/i.test(b.text) && ASKED_TO.test(b.text)) {
      decisionBlocks.add(i);
      const items: DecisionList['items'] = [];
      for (let j = i + 1; j < blocks.length; j++) {
        const n = blocks[j]!;
        // list items, or paragraphs numbered as decisions are ("(1) Note …", "(a) agree …")
        if (n.kind !== 'list-item' && !(n.kind === 'paragraph' && n.marker !== null && DECISION_NUMBER.test(n.marker))) break;
        items.push({ text: n.text, block: n });
        decisionBlocks.add(j);
        inList.add(j);
      }
      if (items.length) lists.push({ body: bodyOf(b.text), items });
      else messages.push(warning('parse', 'decisions/none-found', 'the report asks for decisions here, but no list of them follows', { page: b.page, block: i, rule: 'asked-to' }));
    }
  });

  // a bare "Recommendations" section of a council report with no "asked to" list: its paragraphs
  // (in a peer team's own report that heading holds the peers' recommendations)
  for (const s of kind === 'council-report' ? doc.sections : []) {
    if (!DECISIONS_HEADING.test(s.title.trim())) continue;
    const start = blocks.findIndex((_, i) => doc.sectionOf(i) === s.id);
    if (start < 0) continue;
    const own = blocks.filter((_, i) => doc.sectionOf(i) === s.id && i > start);
    if (own.some((b) => decisionBlocks.has(b.index))) continue;
    const items = own.filter((b) => b.kind !== 'table' && !doc.isHeading(b.index)).map((b) => ({ text: b.kind === 'table' ? '' : b.text, block: b }));
    if (items.length && items.length <= 10) {
      items.forEach((it) => decisionBlocks.add(it.block.index));
      lists.push({ body: null, items });
    }
  }

  // several lists: the final one leads; earlier items it lacks are kept after its own
  const merged: DecisionList['items'] = [];
  const bodyFor = new Map<Block, string | null>();
  for (const list of [...lists].reverse()) {
    for (const item of list.items) {
      if (!item.text.trim()) continue; // a bare list marker (a damaged list) asks nothing
      if (merged.some((m) => dice(m.text, item.text) >= 0.6)) continue;
      merged.push(item);
      bodyFor.set(item.block, list.body);
    }
  }
  const final = lists[lists.length - 1];
  const ordered = [...merged].sort((a, b) => {
    const fa = final?.items.includes(a) ? 0 : 1;
    const fb = final?.items.includes(b) ? 0 : 1;
    return fa - fb || a.block.index - b.block.index;
  });
  const decisions = ordered.map((item, k) => ({
    id: `decision-${k + 1}`,
    text: item.text,
    body: bodyFor.get(item.block) ?? null,
    sectionId: doc.sectionOf(item.block.index),
    page: item.block.page,
  }));
  return { value: decisions, messages, claims: new Map([...decisionBlocks].map((i) => [i, 'decision'])) };
}
