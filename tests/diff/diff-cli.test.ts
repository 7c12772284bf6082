import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseUnitInterval } from '../../src/cli/options.js';
import { DiffResult } from '../../src/model/diff.js';
import { cpc, ROOT } from '../helpers.js';

// the real CLI, as a user runs it (tests/helpers.ts spawns bin/cpc.js; `npm test` builds first)
const ANSI = new RegExp(String.fromCharCode(27) + '\\[');
const tmp = mkdtempSync(join(tmpdir(), 'cpc-diff-'));
const CABINET = 'fixtures/bury-2021-cabinet-report';
const REVISIT = 'fixtures/bury-2021-cpc-revisit';
const BROMSGROVE = 'fixtures/bromsgrove-redditch-2020-follow-up';

/** Run cpc diff with --format json; the parsed result, checked against its own zod schema. */
function diffJson(args: readonly string[]): DiffResult {
  const r = cpc(['diff', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const parsed = DiffResult.safeParse(JSON.parse(r.stdout));
  expect(parsed.success).toBe(true);
  return parsed.data!;
}

const links = (r: DiffResult) => r.links.map((l) => [l.status, l.old, l.new]);

/** cpc extract output of both Bury documents, as JSON and as YAML. */
const extracted = { cabinetJson: join(tmp, 'cabinet.json'), revisitJson: join(tmp, 'revisit.json'), revisitYaml: join(tmp, 'revisit.yaml') };
beforeAll(() => {
  writeFileSync(extracted.cabinetJson, cpc(['extract', `${CABINET}.pdf`]).stdout);
  writeFileSync(extracted.revisitJson, cpc(['extract', `${REVISIT}.pdf`]).stdout);
  writeFileSync(extracted.revisitYaml, cpc(['extract', `${REVISIT}.docx`, '--format', 'yaml']).stdout);
});

const INPUTS = {
  pdf: () => [`${CABINET}.pdf`, `${REVISIT}.pdf`],
  docx: () => [`${CABINET}.docx`, `${REVISIT}.docx`],
  txt: () => [`${CABINET}.txt`, `${REVISIT}.txt`],
  'extracted JSON': () => [extracted.cabinetJson, extracted.revisitJson],
  'extracted JSON and YAML': () => [extracted.cabinetJson, extracted.revisitYaml],
};

describe('cpc diff: Bury cabinet report vs the CPC revisit', () => {
  it.each(Object.keys(INPUTS) as (keyof typeof INPUTS)[])('current cycles, from %s: 4.k ↔ 2.k for k = 1…7, nothing added or removed', (kind) => {
    const r = diffJson(INPUTS[kind]());
    expect(r.old).toMatchObject({ cycle: 'current', year: 2021, count: 7 });
    expect(r.new).toMatchObject({ cycle: 'current', year: 2021, count: 7 });
    expect(links(r)).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => ['reworded', [`2021-4.${k}`], [`2021-2.${k}`]]));
    expect(r.removed).toEqual([]);
    expect(r.added).toEqual([]);
    for (const l of r.links) expect(l.score).toBeGreaterThanOrEqual(r.threshold);
  });

  it.each(['pdf', 'docx', 'txt'] as const)('previous cycles (the 2018 lists), from %s: 9 one-to-one links and the ICT/digital bullet split in two', (ext) => {
    const r = diffJson([`${CABINET}.${ext}`, `${REVISIT}.${ext}`, '--old-cycle', 'previous', '--new-cycle', 'previous']);
    expect(r.old).toMatchObject({ cycle: 'previous', year: 2018, count: 10 });
    expect(r.new).toMatchObject({ cycle: 'previous', year: 2018, count: 11 });
    expect(r.links).toHaveLength(10);
    expect(r.removed).toEqual([]);
    expect(r.added).toEqual([]);
    const oneToOne = r.links.filter((l) => l.old.length === 1 && l.new.length === 1);
    expect(oneToOne).toHaveLength(9);
    expect(oneToOne.every((l) => l.status === 'unchanged' || l.status === 'reworded')).toBe(true);
    const [split] = r.links.filter((l) => l.status === 'split');
    expect(split).toMatchObject({ old: ['2018-b7'], new: ['2018-b8', '2018-b9'] });
    expect(split!.oldText).toMatch(/ICT infrastructure.*digital journey/);
    expect(split!.newText).toMatch(/^Invest in the ICT infrastructure.*\. Define the council.s digital journey/);
    // each old bullet is used once, each new bullet once
    expect(r.links.flatMap((l) => l.old).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `2018-b${i + 1}`).sort());
    expect(r.links.flatMap((l) => l.new).sort()).toEqual(Array.from({ length: 11 }, (_, i) => `2018-b${i + 1}`).sort());
  });

  it('reads the same the other way round: the two revisit bullets merged into one', () => {
    const r = diffJson([extracted.revisitJson, extracted.cabinetJson, '--old-cycle', 'previous', '--new-cycle', 'previous']);
    expect(r.links.filter((l) => l.status === 'merged').map((l) => [l.old, l.new])).toEqual([[['2018-b8', '2018-b9'], ['2018-b7']]]);
    expect(r.summary).toMatchObject({ split: 0, merged: 1, removed: 0, added: 0 });
  });

  it('prints plain [-removed-]{+added+} markers and a summary line when piped, colours with FORCE_COLOR', () => {
    const plain = cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`, '--old-cycle', 'previous', '--new-cycle', 'previous']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(ANSI);
    expect(plain.stdout).toContain('split      2018-b7 → 2018-b8 + 2018-b9  score 1.00');
    expect(plain.stdout).toContain('Invest in {+the+} ICT infrastructure');
    expect(plain.stdout.trimEnd().split('\n').pop()).toBe('10 links (4 unchanged, 5 reworded, 1 split, 0 merged), 0 removed, 0 added');
    const coloured = cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`], { env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(ANSI);
    expect(coloured.stdout).not.toContain('{+');
  });

  it('exits 0 with differences, 1 with --exit-code', () => {
    expect(cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`]).code).toBe(0);
    const r = cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`, '--exit-code', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('writes Markdown with a table of links, and YAML that mirrors the JSON', () => {
    const md = cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`, '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| status | old | new | score |');
    expect(md.stdout).toContain('| reworded | 2021-4.1 | 2021-2.1 |');
    const yaml = parseYaml(cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`, '--format', 'yaml']).stdout);
    expect(yaml).toEqual(diffJson([`${CABINET}.txt`, `${REVISIT}.txt`]));
  });

  it('gives each link the printed numbers and pages of both sides', () => {
    const r = diffJson([`${CABINET}.pdf`, `${REVISIT}.pdf`]);
    expect(r.links.map((l) => [l.oldNumbers, l.newNumbers])).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => [[`4.${k}`], [`2.${k}`]]));
    expect(r.links.map((l) => [l.oldPages[0], l.newPages[0]])).toEqual([[6, 3], [7, 3], [8, 3], [8, 3], [9, 3], [9, 3], [10, 4]]);
    // the revisit gives no response to its own recommendations
    expect(r.links.every((l) => l.progress.length === 1 && l.progress[0] === null)).toBe(true);
    // HTML has no pages
    expect(diffJson([`${CABINET}.html`, `${REVISIT}.html`]).links[0]).toMatchObject({ oldNumbers: ['4.1'], oldPages: [null], newPages: [null] });
  });

  it("carries the cabinet report's progress under each new recommendation when it is the new side", () => {
    const r = diffJson([`${REVISIT}.pdf`, `${CABINET}.pdf`]);
    expect(r.links.map((l) => l.new[0])).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => `2021-4.${k}`));
    for (const l of r.links) expect(l.progress).toEqual([{ progress: expect.stringMatching(/\S/), status: null }]);
    expect(r.links[0]!.progress[0]!.progress).toMatch(/^The Corporate Plan provides a single view of all the strategic priorities in Bury Council/);
    expect(r.links[4]!.progress[0]!.progress).toMatch(/^Over the past two years the Council has invested significantly in strategic finance/);
  });

  it('names the near misses of a pair left under the threshold: the financial management bullet at 0.62 under 0.7', () => {
    const r = diffJson([`${CABINET}.pdf`, `${REVISIT}.pdf`, '--old-cycle', 'previous', '--new-cycle', 'previous', '--threshold', '0.7']);
    expect(r.summary).toMatchObject({ removed: 1, added: 1, split: 1 });
    expect(r.removed).toEqual([
      {
        id: '2018-b2',
        number: null,
        page: 2,
        text: 'Strengthen financial management and discipline;',
        candidates: [
          { id: '2018-b3', number: null, score: 0.618 },
          { id: '2018-b2', number: null, score: 0.145 },
        ],
      },
    ]);
    expect(r.added).toMatchObject([{ id: '2018-b3', page: 5, progress: null, candidates: [{ id: '2018-b2', score: 0.618 }, { id: '2018-b1', score: 0.099 }, { id: '2018-b5', score: 0.089 }] }]);
    const text = cpc(['diff', `${CABINET}.pdf`, `${REVISIT}.pdf`, '--old-cycle', 'previous', '--new-cycle', 'previous', '--threshold', '0.7']).stdout;
    expect(text).toContain('  - 2018-b2  Strengthen financial management and discipline;  (nearest: 2018-b3 at 0.62, 2018-b2 at 0.14)\n');
    // and at the default threshold they are linked
    expect(diffJson([`${CABINET}.pdf`, `${REVISIT}.pdf`, '--old-cycle', 'previous', '--new-cycle', 'previous']).links).toContainEqual(expect.objectContaining({ old: ['2018-b2'], new: ['2018-b3'], score: 0.618 }));
  });

  it('writes one HTML page with --format html, the same bytes each time', () => {
    const args = ['diff', `${CABINET}.txt`, `${REVISIT}.txt`, '--format', 'html'];
    const r = cpc(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(r.stdout.match(/<article class="link /g)).toHaveLength(7);
    expect(cpc(args).stdout).toBe(r.stdout);
  });

  it('is deterministic: the same inputs give byte-identical output', () => {
    const args = ['diff', `${CABINET}.docx`, `${REVISIT}.docx`, '--old-cycle', 'previous', '--new-cycle', 'previous', '--format', 'json'];
    expect(cpc(args).stdout).toBe(cpc(args).stdout);
  });
});

describe('cpc diff: one input, previous cycle → current cycle', () => {
  it('links the Bromsgrove and Redditch 2018 recommendations to the 2020 ones, with scores, and reports the unmatched', () => {
    const r = diffJson([`${BROMSGROVE}.pdf`]);
    expect(r.old).toEqual({ file: `${BROMSGROVE}.pdf`, cycle: 'previous', year: 2018, count: 31 });
    expect(r.new).toEqual({ file: `${BROMSGROVE}.pdf`, cycle: 'current', year: 2020, count: 10 });
    expect(r.links.length).toBeGreaterThanOrEqual(1);
    for (const l of r.links) {
      expect(l.score).toBeGreaterThanOrEqual(r.threshold);
      expect(l.old.every((id) => id.startsWith('2018-'))).toBe(true);
      expect(l.new.every((id) => id.startsWith('2020-'))).toBe(true);
    }
    // the digital-strategy recommendation carried from the 2018 annex into 2020's digital and customer strategy
    expect(r.links.some((l) => l.old.includes('2018-annex-21') && l.new.includes('2020-5'))).toBe(true);
    const linkedOld = r.links.flatMap((l) => l.old).length;
    const linkedNew = r.links.flatMap((l) => l.new).length;
    expect(linkedOld + r.removed.length).toBe(31);
    expect(linkedNew + r.added.length).toBe(10);
    expect(r.removed.length).toBeGreaterThan(0);
    expect(r.added.length).toBeGreaterThan(0);
    expect(r.summary).toMatchObject({ removed: r.removed.length, added: r.added.length });

    const text = cpc(['diff', `${BROMSGROVE}.pdf`]);
    const s = r.summary;
    expect(text.stdout.trimEnd().split('\n').pop()).toBe(
      `${r.links.length} link${r.links.length === 1 ? '' : 's'} (${s.unchanged} unchanged, ${s.reworded} reworded, ${s.split} split, ${s.merged} merged), ${s.removed} removed, ${s.added} added`,
    );
    expect(text.stdout).toContain('removed (old only):\n  - 2018-b1  Pause and reflect');
  });

  it('links more as the threshold is lowered', () => {
    const strict = diffJson([`${BROMSGROVE}.txt`]);
    const loose = diffJson([`${BROMSGROVE}.txt`, '--threshold', '0.15']);
    expect(loose.threshold).toBe(0.15);
    expect(loose.links.length).toBeGreaterThan(strict.links.length);
  });

  it('refuses a report with no previous cycle, in one line, exit 2', () => {
    const r = cpc(['diff', 'fixtures/blaby-2022-progress-review.txt']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cpc: fixtures/blaby-2022-progress-review.txt: has no previous-cycle recommendations, only 8 current; give a second report to compare it with\n');
  });
});

describe('cpc diff: a report compared with itself', () => {
  it.each([
    ['current', 7],
    ['previous', 11],
  ] as const)('%s cycle: every recommendation unchanged, score 1', (cycle, count) => {
    const r = diffJson([`${REVISIT}.pdf`, `${REVISIT}.pdf`, '--old-cycle', cycle, '--new-cycle', cycle]);
    expect(r.links).toHaveLength(count);
    expect(r.links.every((l) => l.status === 'unchanged' && l.score === 1 && l.old[0] === l.new[0])).toBe(true);
    expect(r.summary).toEqual({ unchanged: count, reworded: 0, split: 0, merged: 0, removed: 0, added: 0 });
  });

  it('exits 0 with --exit-code when nothing differs', () => {
    expect(cpc(['diff', `${REVISIT}.txt`, extracted.revisitJson, '--exit-code']).code).toBe(0);
  });
});

describe('cpc diff: bad input and usage', () => {
  it('exits 2 for a threshold outside 0..1 or an unknown cycle', () => {
    const t = cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`, '--threshold', '1.5']);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/--threshold.*expected a number from 0 to 1/);
    expect(cpc(['diff', `${CABINET}.txt`, `${REVISIT}.txt`, '--old-cycle', 'last']).code).toBe(2);
  });

  it('reads --threshold as a number from 0 to 1', () => {
    expect(parseUnitInterval('0')).toBe(0);
    expect(parseUnitInterval('.25')).toBe(0.25);
    expect(parseUnitInterval('1')).toBe(1);
    for (const bad of ['', ' ', 'abc', '-0.1', '1.01', 'NaN', 'Infinity']) expect(() => parseUnitInterval(bad)).toThrow(/from 0 to 1/);
  });

  it('exits 2 when a chosen cycle is empty and says which option picks the other', () => {
    const r = cpc(['diff', `${CABINET}.txt`, 'fixtures/blaby-2022-progress-review.txt', '--new-cycle', 'previous']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cpc: fixtures/blaby-2022-progress-review.txt: has no previous-cycle recommendations (it has 8 current; choose them with --new-cycle current)\n');
  });

  it('names the file and the code in a one-line error, exit 2 for any trouble: missing, not a report, several reports', () => {
    const missing = cpc(['diff', `${CABINET}.txt`, 'nope/missing.pdf']);
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: 'cpc: nope/missing.pdf: input/not-found: no such file\n' });

    const invalid = join(tmp, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ schemaVersion: '1.0.0', recommendations: [] }));
    const bad = cpc(['diff', invalid, `${REVISIT}.txt`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid\.json: output\/invalid: not a valid cpc report \(cpc validate .* shows why\)\n$/);

    const several = join(tmp, 'several.json');
    writeFileSync(several, `[${readFileSync(extracted.cabinetJson, 'utf8')},${readFileSync(extracted.revisitJson, 'utf8')}]`);
    const many = cpc(['diff', several, `${REVISIT}.txt`]);
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/several\.json: input\/unsupported-format: holds 2 reports; cpc diff compares one report with another/);
  });

  it('accepts a JSON array holding one report', () => {
    const one = join(tmp, 'one.json');
    writeFileSync(one, `[${readFileSync(extracted.cabinetJson, 'utf8')}]`);
    expect(diffJson([one, `${REVISIT}.txt`]).links).toHaveLength(7);
  });
});

describe('cpc schema diff and cpc diff --help', () => {
  it('prints the published diff schema', () => {
    const r = cpc(['schema', 'diff']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(ROOT, 'schemas', 'diff.schema.json'), 'utf8')));
    expect(JSON.parse(cpc(['schema']).stdout).title).toBe('cpc report');
  });

  it('shows usage, examples and exit codes', () => {
    const r = cpc(['diff', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: cpc diff [options] <old> [new]');
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--exit-code');
    expect(r.stdout).toContain('Exit codes:');
  });
});

describe('cpc diff in-process (run): colour follows the terminal and NO_COLOR', () => {
  /** Run the CLI in this process with a stdout that may claim to be a terminal. */
  async function runDiff(isTTY: boolean, env: Record<string, string>) {
    const { run } = await import('../../src/cli/index.js');
    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => (out += s), isTTY }, stderr: { write: (s: string) => (err += s) }, cwd: ROOT, env };
    const code = await run(['diff', `${CABINET}.txt`, `${REVISIT}.txt`], io);
    return { code, out, err };
  }

  it('colours on a terminal', async () => {
    const r = await runDiff(true, {});
    expect(r.code).toBe(0);
    expect(r.out).toMatch(ANSI);
  });

  it('marks plainly on a terminal with NO_COLOR set, and when not a terminal', async () => {
    for (const r of [await runDiff(true, { NO_COLOR: '1' }), await runDiff(false, {})]) {
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(ANSI);
      expect(r.out).toContain('{+Further embed an understanding');
    }
  });
});
