/**
 * The three Kent County Council committee reports (fixtures/real) as fixtures/real/README.md says
 * cpc should read them: a council report of Kent County Council (others named in passing), the
 * meeting in its front block, one requested decision, no peer team and no peers' recommendations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract.js';
import { FIXTURES } from '../helpers.js';

const cases = [
  ['kent-2025-scrutiny-callin-cabinet-report', '2025-03-04', /confirm, amend or rescind decision 24\/00093/],
  ['kent-2025-ics-delivery-plan-cabinet-report', '2025-01-30', /consider and agree to the proposed decision/],
  ['kent-2025-devolution-lgr-council-report', '2025-03-13', /^Note the update on devolution/],
] as const;

describe('real council reports (fixtures/real)', () => {
  it.each(cases)('%s', async (name, meeting, decision) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'real', `${name}.pdf`)));
    const { value } = await extractReport(bytes, { file: `${name}.pdf` });
    expect(value.report).toMatchObject({ kind: 'council-report', councils: ['Kent County Council'], dates: { meeting } });
    expect(value.requestedDecisions).toHaveLength(1);
    expect(value.requestedDecisions[0]!.text).toMatch(decision);
    expect(value.peerTeam).toEqual([]);
    expect(value.recommendations).toEqual([]);
    // none of them is about a peer challenge: the one warning says so
    expect(value.warnings.filter((w) => w.severity === 'warning').map((w) => w.code)).toEqual(['recommendations/none-found']);
  });
});
