/** Build small reports in memory for the diff tests. */
import { SCHEMA_VERSION, type Cycle, type Recommendation, type Report } from '../../src/model/report.js';

type Response = NonNullable<Recommendation['response']>;

export interface RecSpec {
  text: string;
  number?: string | null;
  cycle?: Cycle;
  year?: number;
  page?: number | null;
  /** the fields given; the others null */
  response?: Partial<Response>;
}

/** A report whose recommendations are the given texts; ids are `<file>-<n>` unless numbered. */
export function report(file: string, specs: readonly (string | RecSpec)[]): Report {
  const recommendations: Recommendation[] = specs.map((s, i) => {
    const spec = typeof s === 'string' ? { text: s } : s;
    const number = spec.number ?? null;
    return {
      id: `${file}-${number ?? `b${i + 1}`}`,
      number,
      cycle: spec.cycle ?? 'current',
      year: spec.year ?? 2021,
      title: null,
      text: spec.text,
      sectionId: null,
      page: spec.page ?? null,
      response: spec.response ? { progress: null, nextSteps: null, status: null, owner: null, due: null, ...spec.response } : null,
      evidence: { rule: 'test', confidence: 1, cues: [] },
    };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { file: `${file}.txt`, name: `${file}.txt`, format: 'txt', sha256: '0'.repeat(64), bytes: 0, pages: null },
    report: { title: null, kind: 'unknown', councils: [], year: 2021, dates: { visitStart: null, visitEnd: null, report: null, meeting: null } },
    peerTeam: [],
    sections: [],
    recommendations,
    requestedDecisions: [],
    warnings: [],
  };
}

export const CURRENT = { oldCycle: 'current', newCycle: 'current' } as const;
