/**
 * `cpc text`'s Markdown and text: small blocks in, exact Markdown out; and each seed in each format
 * against its source — the report's sections as headings in order at their level, every
 * recommendation's text in it, tables as Markdown tables, no furniture.
 */
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/emit/markdown.js';
import { extractBlocks, extractReport } from '../../src/extract.js';
import { documentOutline } from '../../src/parse/index.js';
import type { Block } from '../../src/layout/blocks.js';
import { FORMATS, REPORTS, fixtureBytes } from '../helpers.js';
import { h, li, p, table, title } from '../parse/blocks.js';

const aside = (text: string): Block => ({ ...p(text), kind: 'aside' });

function render(blocks: Block[], format: 'markdown' | 'text' = 'markdown') {
  blocks.forEach((b, i) => (b.index = i));
  const layout = { blocks, furniture: [], toc: [] };
  return renderDocument(blocks, documentOutline(layout, 'docx'), format);
}

describe('renderDocument', () => {
  const doc = () => [
    title('Anytown Borough Council – Corporate Peer Challenge'),
    h('1. Key recommendations'),
    p('The peer team makes these recommendations:'),
    li('Refresh the plan', '1.'),
    li('Invest in *scrutiny*', '2.'),
    li('a point under it', '•', 1),
    h('1.1 Progress', 2),
    table([['Recommendation', 'Progress'], ['Refresh the plan', 'Draft | out']]),
    aside('“We are proud of Anytown.”'),
    p('# not a heading, 2.1 a number'),
  ];

  it('gives headings by level, lists with their numbers, tables, quotes, and escapes text', () => {
    expect(render(doc())).toBe(
      [
        '# Anytown Borough Council – Corporate Peer Challenge',
        '',
        '## 1. Key recommendations',
        '',
        'The peer team makes these recommendations:',
        '',
        '1. Refresh the plan',
        '2. Invest in \\*scrutiny\\*',
        '  - a point under it',
        '',
        '### 1.1 Progress',
        '',
        '| Recommendation | Progress |',
        '| --- | --- |',
        '| Refresh the plan | Draft \\| out |',
        '',
        '> “We are proud of Anytown.”',
        '',
        '\\# not a heading, 2.1 a number',
        '',
      ].join('\n'),
    );
  });

  it('gives the same document as plain text', () => {
    const text = render(doc(), 'text');
    expect(text).toContain('1. Key recommendations\n\nThe peer team');
    expect(text).toContain('1. Refresh the plan\n2. Invest in *scrutiny*\n  • a point under it');
    expect(text).toContain('Recommendation | Progress\nRefresh the plan | Draft | out');
    expect(text).not.toContain('## ');
    expect(text).not.toContain('| --- |');
  });
});

describe('Markdown of every seed, against its source', () => {
  const cases = REPORTS.flatMap((r) => FORMATS.map((f) => `${r}.${f}`));
  it.each(cases)('%s', async (file) => {
    const bytes = fixtureBytes(file);
    const { value: report } = await extractReport(bytes, { file });
    const { value: layout } = await extractBlocks(bytes, { file });
    const md = renderDocument(layout.blocks, documentOutline(layout, layout.format), 'markdown');
    const headings = md.split('\n').filter((l) => /^#{1,6} /.test(l));
    const shift = layout.blocks.some((b) => b.kind !== 'table' && b.cues.includes('title')) ? 1 : 0;
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    // each section's heading, in order, at its level below the title; its text as printed (a
    // section's title drops the number and a trailing label colon)
    const sectionHeadings = headings.slice(shift).map((l) => ({ level: l.indexOf(' '), text: unescape(l.slice(l.indexOf(' ') + 1)).replace(/:$/, '') }));
    expect(sectionHeadings.map((x) => x.level)).toEqual(report.sections.map((s) => s.level + shift));
    sectionHeadings.forEach((x, i) => expect(x.text.endsWith(report.sections[i]!.title)).toBe(true));
    const plain = unescape(md).replace(/\s+/g, ' ');
    for (const r of report.recommendations) expect(plain).toContain(r.text.slice(0, 60));
    for (const f of layout.furniture) if (f.text.length > 12) expect(md).not.toContain(`\n${f.text}\n`);
    const tables = layout.blocks.filter((b) => b.kind === 'table').length;
    expect(md.split('\n').filter((l) => /^\|( --- \|)+$/.test(l))).toHaveLength(tables);
  });
});
