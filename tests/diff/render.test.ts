import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffRecommendations } from '../../src/diff/diff-recommendations.js';
import { renderDiff } from '../../src/diff/render.js';
import { escapeMarkdown, renderDiffMarkdown } from '../../src/diff/render-markdown.js';
import { renderDiffText, summaryLine } from '../../src/diff/render-text.js';
import { changeLines, marksFor, wordDiff } from '../../src/diff/word-diff.js';
import { DiffResult } from '../../src/model/diff.js';
import { CURRENT, report } from './reports.js';

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

const sample = () =>
  diffRecommendations(
    report('old', ['Refresh the council plan.', 'Strengthen financial management and discipline;', 'Pick one brand for the council']),
    report('new', ['Refresh the council plan.', 'Strengthen financial management and discipline, building on the action plan.', 'Accelerate apprenticeships | pipes']),
    CURRENT,
  );

describe('wordDiff', () => {
  it('marks removed and added words the way git --word-diff=plain does, spaces outside the marks', () => {
    expect(wordDiff('Review the scrutiny function;', 'Review and refresh the scrutiny function.')).toBe('Review {+and refresh+} the scrutiny function[-;-]{+.+}');
    expect(wordDiff('Also to define the journey', 'Define the journey')).toBe('[-Also to define-]{+Define+} the journey');
    expect(wordDiff('same text', 'same text')).toBe('same text');
  });

  it('colours instead of marking on a terminal: red struck through, green underlined', () => {
    const coloured = wordDiff('Review the scrutiny function;', 'Review and refresh the scrutiny function.', marksFor(1));
    expect(coloured).not.toContain('{+');
    expect(coloured).toContain(`${ESC}[31m`); // red
    expect(coloured).toContain(`${ESC}[9m`); // strikethrough
    expect(coloured).toContain(`${ESC}[32m`); // green
    expect(coloured).toContain(`${ESC}[4m`); // underline
    expect(coloured.replace(ANSI, '')).toBe('Review and refresh the scrutiny function;.');
  });

  it('shows two mostly different texts whole, one removed and one added, rather than in fragments', () => {
    const a = 'Consider the impact that digital transformation of services can have, releasing capacity';
    const b = 'Develop a clear action plan to implement your digital and customer strategy, recognising change';
    expect(changeLines(a, b)).toEqual([`[-${a}-]`, `{+${b}+}`]);
    // an appended sentence stays inline however long it is
    expect(changeLines('Refresh the plan.', 'Refresh the plan. Then publish it, consult widely, and report on progress to cabinet every quarter.')).toHaveLength(1);
  });
});

describe('renderDiffText', () => {
  it('gives a block per link, the removed and added lists and a summary line; no colour at level 0', () => {
    const text = renderDiffText(sample(), 0);
    expect(text).not.toMatch(ANSI);
    expect(text).toBe(
      [
        'old  old.txt · current cycle (2021) · 3 recommendations',
        'new  new.txt · current cycle (2021) · 3 recommendations',
        '',
        'unchanged  old-b1 → new-b1  score 1.00',
        '  Refresh the council plan.',
        '',
        'reworded   old-b2 → new-b2  score 0.72',
        '  Strengthen financial management and discipline[-;-]{+, building on the action plan.+}',
        '',
        'removed (old only):',
        '  - old-b3  Pick one brand for the council  (nearest: new-b1 at 0.20)',
        '',
        'added (new only):',
        '  + new-b3  Accelerate apprenticeships | pipes',
        '',
        '2 links (1 unchanged, 1 reworded, 0 split, 0 merged), 1 removed, 1 added',
        '',
      ].join('\n'),
    );
  });

  it('colours at level 1, with the same text underneath', () => {
    const coloured = renderDiffText(sample(), 1);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toContain('Strengthen financial management and discipline;, building on the action plan.');
    expect(coloured.replace(ANSI, '').trimEnd().split('\n').pop()).toBe(summaryLine(sample()));
  });
});

describe('renderDiffMarkdown', () => {
  it('gives a table of links with <del>/<ins>, lists of removed and added, cells escaped', () => {
    const md = renderDiffMarkdown(sample());
    expect(md).toContain('| status | old | new | score | text (<del>old</del> <ins>new</ins>) |');
    expect(md).toContain('| unchanged | old-b1 | new-b1 | 1.00 | Refresh the council plan. |');
    expect(md).toContain('| reworded | old-b2 | new-b2 | 0.72 | Strengthen financial management and discipline<del>;</del><ins>, building on the action plan.</ins> |');
    expect(md).toContain('### Removed: in old only (1)\n\n- **old-b3** Pick one brand for the council');
    expect(md).toContain('### Added: in new only (1)\n\n- **new-b3** Accelerate apprenticeships \\| pipes');
    expect(md).toContain('2 links (1 unchanged, 1 reworded, 0 split, 0 merged), 1 removed, 1 added (threshold 0.3).');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('escapes what Markdown or HTML would otherwise interpret', () => {
    expect(escapeMarkdown('a | b <script> *c* _d_ [e](f)\nnext')).toBe('a \\| b &lt;script&gt; \\*c\\* \\_d\\_ \\[e\\](f) next');
  });

  it('joins split partners with <br> in the ids column', () => {
    const r = diffRecommendations(
      report('a', ['Invest in ICT infrastructure and hardware. Also define the digital journey and the steps to deliver it.']),
      report('b', ['Invest in ICT infrastructure and hardware.', 'Define the digital journey and the steps to deliver it.']),
      CURRENT,
    );
    expect(renderDiffMarkdown(r)).toContain('| split | a-b1 | b-b1<br>b-b2 |');
  });
});

describe('renderDiff', () => {
  it('writes JSON and YAML of the same result, valid against the schema', () => {
    const r = sample();
    const json = JSON.parse(renderDiff(r, 'json'));
    expect(DiffResult.safeParse(json).success).toBe(true);
    expect(parseYaml(renderDiff(r, 'yaml'))).toEqual(json);
    expect(Object.keys(json)).toEqual(['schemaVersion', 'old', 'new', 'threshold', 'summary', 'links', 'removed', 'added']);
  });
});
