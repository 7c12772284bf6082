/** Cue tables for the peer-team recogniser: what introduces the team, and what introduces the people it met. */
import type { Cue } from './index.js';

/** A sentence introducing the members of the peer team. */
export const PEER_TEAM_LEAD_IN: readonly Cue[] = [
  { id: 'the-peers-were', pattern: /\bthe peers\b[^:]*\b(were|was|comprised|consisted|included)\b/i, weight: 2, example: 'The peers who delivered the peer challenge were:' },
  { id: 'members-of-the-team', pattern: /\bmembers of the (original )?(cpc |peer |challenge |review )*team\b[^:]*\b(were|involved)\b/i, weight: 2, example: 'The members of the peer challenge team were:' },
  { id: 'on-behalf-of', pattern: /\bon behalf of the peer team\b/i, weight: 2, example: 'On behalf of the peer team:' },
  { id: 'the-team-was', pattern: /\bthe peer team (was|were|comprised|consisted|members)\b/i, weight: 2, example: 'The peer team comprised:' },
];

/** The people the team met are listed as the team is, but introduced otherwise: never peers. */
export const PEOPLE_MET: readonly Cue[] = [
  { id: 'discussions-with', pattern: /\bdiscussions? with\b/i, weight: -10, example: 'The team held discussions with:' },
  { id: 'met-with', pattern: /\b(met with|we met)\b/i, weight: -10, example: 'During the visit the peers met with:' },
  { id: 'meetings-with', pattern: /\bmeetings? with\b/i, weight: -10, example: 'The peers held meetings with the following people:' },
  { id: 'spoke-to', pattern: /\bspoke (to|with)\b/i, weight: -10, example: 'The team spoke to:' },
  { id: 'interviewed', pattern: /\binterviewed\b/i, weight: -10, example: 'The peer team interviewed:' },
  { id: 'council-representatives', pattern: /\brepresentatives (from|of) the council\b/i, weight: -10, example: 'The peer team was joined by representatives of the council:' },
];

/** A heading over the team's list or table. */
export const PEER_TEAM_HEADING: readonly Cue[] = [
  { id: 'peer-team-heading', pattern: /^(the )?(corporate )?peer (challenge |review )?team( members)?$/i, weight: 1, example: 'The peer challenge team' },
];

/** The score a lead-in needs to introduce the team (any positive cue, and no people-met cue). */
export const PEER_TEAM_THRESHOLD = 1;

/** The lead-in cues as one alternation, for the team given inline in a sentence. */
export const PEER_TEAM_LEAD_IN_SOURCE = PEER_TEAM_LEAD_IN.map((c) => `(?:${c.pattern.source})`).join('|');
