/**
 * The peer team: the entries of the list a peer-team lead-in ("The peers were:", "On behalf of the
 * peer team:") or a "Peer team" heading introduces, each split as printed into name, role and
 * organisation. People the team met are listed the same way but introduced differently; they are
 * not peers.
 */
import { warning, type Message } from '../diagnostics.js';
import type { Block, TableBlock, TextBlock } from '../layout/blocks.js';
import type { Peer } from '../model/report.js';
import { combine, fires, score } from './cues/index.js';
import { PEER_TEAM_HEADING, PEER_TEAM_LEAD_IN, PEER_TEAM_LEAD_IN_SOURCE, PEER_TEAM_THRESHOLD, PEOPLE_MET } from './cues/peers.js';
import type { ParseDoc } from './doc.js';
import type { Recogniser } from './recogniser.js';

/** a lead-in and, after its colon, the entries separated by semicolons, to the sentence's end */
const INLINE_TEAM = new RegExp(`(?<lead>(?:${PEER_TEAM_LEAD_IN_SOURCE})[^:;.]*):\\s+(?<entries>[^:]+?;[^:]+?)\\.(?:\\s|$)`, 'i');
/** a lead-in introducing the team, not the people it met */
const introducesTeam = (text: string) => combine(score(text, PEER_TEAM_LEAD_IN), score(text, PEOPLE_MET)).total >= PEER_TEAM_THRESHOLD;

const PERSON = /^(?:(?:Cllr\.?|Councillor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Prof(?:essor)?\.?|Sir|Dame|Lord|Baroness|Lady)\s+)?[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’.-]*){1,3}$/u;
/** words of a job title: a name containing one is a role ("LGA Peer Challenge Manager") */
const ROLEISH = /\b(manager|director|officer|chief|leader|executive|head|council|LGA|peer|challenge|adviser|advisor|member|cabinet|mayor|lead|secretary|president|chair)\b/i;
const looksLikePerson = (s: string) => PERSON.test(s) && !/^(The|A|An|Our|This)\s/.test(s) && !ROLEISH.test(s.replace(/^(Cllr|Councillor)\s+/, ''));
const ORG_WORD = /\b(councils?|borough|district|county|city|DCs?|CCs?|BCs?|MBC|LGA|local government association|authority|association|trust|NHS|university|police|fire|government|department|partnership|combined authority)\b/i;
/** words that begin a job title, stripped to find an employer named inside a role */
const ROLE_WORDS = new Set(
  'chief finance financial officer director assistant executive manager head leader deputy corporate strategic joint former interim acting senior policy service services operating managing principal of for and the group member councillor cllr'.split(' '),
);

const isOrg = (s: string) => ORG_WORD.test(s);
// the lookbehind starts the trailing run only where it begins: tried from inside a long run of dots
// or dashes, it rescanned the rest of the run from every position
const tidy = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/^[\s,–-]+/, '')
    .replace(/(?<![\s,.;–-])[\s,.;–-]+$/, '')
    .trim();

/** Employers named inside a role ("Chief Finance Officer Selby DC and Assistant Director North Yorkshire CC"). */
function employersIn(role: string): string | null {
  if (/\bLGA\b|local government association/i.test(role)) return 'LGA';
  const found: string[] = [];
  // a council's name is a few words: unbounded, the lazy run is tried from every capital of a long role
  const re = /((?:[A-Z][\p{L}'’&-]*\s+){1,10}?)(DCs?|CCs?|BCs?|MBC|(?:Borough |District |City |County )?Councils?)\b/gu;
  for (const m of role.matchAll(re)) {
    const words = m[1]!.trim().split(/\s+/);
    while (words.length && ROLE_WORDS.has(words[0]!.toLowerCase())) words.shift();
    if (words.length) found.push(`${words.join(' ')} ${m[2]}`);
  }
  return found.length ? found.join(' and ') : null;
}

export function parsePeer(line: string): Peer | null {
  const text = tidy(line);
  // "Name (Role – Organisation)" and "Role – Name (Organisation)"
  // only a line ending in a bracket: on others the pattern tried every opening bracket against the rest of the line
  const paren = text.endsWith(')') ? /^(.+?)\s*\((.+)\)$/.exec(text) : null;
  if (paren) {
    const outside = tidy(paren[1]!);
    const inside = tidy(paren[2]!);
    let name = outside;
    let role: string | null = null;
    const dashed = outside.split(/\s[–—-]\s/);
    if (dashed.length === 2) {
      const [a, b] = dashed.map(tidy) as [string, string];
      [name, role] = looksLikePerson(b) && !looksLikePerson(a) ? [b, a] : [a, b];
    }
    const split = inside.split(/\s[–—-]\s/);
    if (split.length >= 2) {
      role = role ?? tidy(split.slice(0, -1).join(' – '));
      return looksLikePerson(name) ? { name, role, organisation: tidy(split[split.length - 1]!) } : null;
    }
    if (!looksLikePerson(name)) return null;
    return isOrg(inside) ? { name, role, organisation: inside } : { name, role: role ?? inside, organisation: role ? inside : null };
  }
  // "Name – Role, Organisation"
  const dash = /^(.+?)\s[–—-]\s(.+)$/.exec(text);
  if (dash && looksLikePerson(tidy(dash[1]!))) return roleAndOrganisation(tidy(dash[1]!), dash[2]!);
  // "Name, Role, Organisation" (a role may itself hold commas)
  const parts = text.split(/,\s+/).map(tidy).filter(Boolean);
  if (parts.length < 2) return null;
  const name = parts[0]!;
  if (!looksLikePerson(name)) return null;
  const rest = parts.slice(1);
  const last = rest[rest.length - 1]!;
  if (rest.length >= 2 && isOrg(last)) return { name, role: rest.slice(0, -1).join(', '), organisation: last };
  const role = rest.join(', ');
  return { name, role, organisation: employersIn(role) };
}

/** "Role, Organisation" (the organisation last, when it is one), or a role naming its employer. */
function roleAndOrganisation(name: string, rest: string): Peer {
  const parts = rest.split(/,\s+/).map(tidy).filter(Boolean);
  const last = parts[parts.length - 1];
  if (parts.length >= 2 && last && isOrg(last)) return { name, role: parts.slice(0, -1).join(', '), organisation: last };
  const role = parts.join(', ');
  return { name, role: role || null, organisation: role ? employersIn(role) : null };
}

/** A table of the team: a column of names, with role and organisation columns (or one holding both). */
function peersOfTable(t: TableBlock): Peer[] {
  const header = t.rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const name = col(/^(name|peer|peers|team member|member)$/);
  if (name < 0) return [];
  const org = col(/organi[sz]ation|employer|council|authority/);
  const role = header.findIndex((h, i) => i !== org && /\b(role|position|title|job)\b/.test(h));
  const out: Peer[] = [];
  for (const r of t.rows.slice(1)) {
    const who = tidy(r.cells[name] ?? '');
    if (!looksLikePerson(who)) continue;
    const roleText = role >= 0 ? tidy(r.cells[role] ?? '') : '';
    if (org >= 0 && org !== name) out.push({ name: who, role: roleText || null, organisation: tidy(r.cells[org] ?? '') || null });
    else out.push(roleAndOrganisation(who, roleText));
  }
  return out;
}

function listAfter(blocks: readonly Block[], start: number): TextBlock[] {
  const items: TextBlock[] = [];
  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'list-item') break;
    items.push(b);
  }
  return items;
}

/**
 * The peer team; claims the blocks read as entries (rule `entry`): a peer's employer is not the
 * report's council, and an entry is no recommendation.
 */
export const peersRecogniser: Recogniser<'peers'> = { id: 'peers', recognise: recognisePeers };

function recognisePeers(doc: ParseDoc) {
  const { blocks } = doc;
  const messages: Message[] = [];
  const peers: Peer[] = [];
  const peerBlocks = new Set<number>();
  const seen = new Set<string>();
  /** the first block that introduces the team, and by which rule */
  let introduced = null as { block: number; rule: string } | null;
  /** `index`: the block the entry is; null for a sentence that says more than who the peers were */
  const add = (p: Peer, index: number | null) => {
    if (index !== null) peerBlocks.add(index);
    const key = p.name.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    peers.push(p);
  };
  const take = (items: TextBlock[]) => {
    for (const item of items) {
      const p = parsePeer(item.text);
      if (p) add(p, item.index);
    }
  };
  const takeTable = (t: TableBlock) => {
    for (const p of peersOfTable(t)) add(p, t.index);
  };
  blocks.forEach((b, i) => {
    if (b.kind === 'table') return;
    const t = b.text.trim();
    if (doc.isHeading(i) && fires(t.replace(/:$/, ''), PEER_TEAM_HEADING)) {
      introduced ??= { block: i, rule: 'team-heading' };
      // the first list, or table of names, in the section
      for (let j = i + 1; j < blocks.length && !doc.isHeading(j); j++) {
        const n = blocks[j]!;
        if (n.kind === 'list-item') {
          take(listAfter(blocks, j));
          break;
        }
        if (n.kind === 'table' && peersOfTable(n).length) {
          takeTable(n);
          break;
        }
      }
      return;
    }
    // "The peers were: A, Role, Organisation; B, …; and C, Role." — the team in a sentence
    const inline = b.kind === 'paragraph' ? INLINE_TEAM.exec(t) : null;
    if (inline?.groups && introducesTeam(inline.groups['lead']!)) {
      introduced ??= { block: i, rule: 'team-sentence' };
      for (const entry of inline.groups['entries']!.split(/;\s*(?:and\s+)?/)) {
        const p = parsePeer(entry.replace(/^and\s+/, ''));
        // (the paragraph stays open to the other recognisers)
        if (p) add(p, null);
      }
      return;
    }
    if (introducesTeam(t) && /:$/.test(t)) {
      introduced ??= { block: i, rule: 'team-lead-in' };
      const next = blocks[i + 1];
      if (next?.kind === 'list-item') take(listAfter(blocks, i + 1));
      else if (next?.kind === 'table') takeTable(next);
    }
  });
  if (peers.length === 0 && introduced) {
    messages.push(warning('parse', 'peers/none-found', 'a peer team is introduced but no member entries were recognised', { ...introduced, page: blocks[introduced.block]!.page }));
  }
  return { value: peers, messages, claims: new Map([...peerBlocks].map((i) => [i, 'entry'])) };
}
