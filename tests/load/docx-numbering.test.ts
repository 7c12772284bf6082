import { describe, expect, it } from 'vitest';
import { applyNumbering, LABEL_CLOSE, LABEL_OPEN, parseXml, W_NS, formatNumber } from '../../src/load/docx-numbering.js';
import { loadDocx } from '../../src/load/docx.js';
import { fixtureBytes } from '../helpers.js';

const W = `xmlns:w="${W_NS}"`;
const numbering = (abstract: string, nums: string) => `<w:numbering ${W}>${abstract}${nums}</w:numbering>`;
const level = (ilvl: number, fmt: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const para = (text: string, numId?: string, ilvl = 0) =>
  `<w:p><w:pPr>${numId ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const doc = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;

/** The labels written into each paragraph, in order ('' for none). */
function labels(documentXml: string, numberingXml: string, stylesXml: string | null = null): string[] {
  const d = parseXml(documentXml);
  applyNumbering(d, numberingXml, stylesXml);
  return Array.from(d.getElementsByTagNameNS(W_NS, 'p')).map((p) => {
    const m = new RegExp(`${LABEL_OPEN}([^${LABEL_CLOSE}]*)${LABEL_CLOSE}`).exec(p.textContent ?? '');
    return m ? m[1]! : '';
  });
}

describe('Word automatic numbering', () => {
  const decimal = `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.')}${level(1, 'decimal', '%1.%2')}${level(2, 'lowerLetter', '(%3)')}</w:abstractNum>`;

  it('marks a paragraph on a level that prints nothing (a list item\'s further paragraph) with an empty label', () => {
    const blank = `<w:abstractNum w:abstractNumId="2">${level(0, 'bullet', ' ')}</w:abstractNum>`;
    const bullet = `<w:abstractNum w:abstractNumId="3">${level(0, 'bullet', '•')}</w:abstractNum>`;
    const n = numbering(decimal + blank + bullet, '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="9"><w:abstractNumId w:val="3"/></w:num>');
    const d = parseXml(doc(para('item', '7') + para('Status: Amber', '8') + para('a bullet', '9')));
    applyNumbering(d, n, null);
    const texts = Array.from(d.getElementsByTagNameNS(W_NS, 'p')).map((x) => x.textContent);
    expect(texts).toEqual([`${LABEL_OPEN}1.${LABEL_CLOSE}item`, `${LABEL_OPEN}${LABEL_CLOSE}Status: Amber`, 'a bullet']);
  });

  it('continues a list across paragraphs that interrupt it', () => {
    const n = numbering(decimal, '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>');
    expect(labels(doc(para('a', '7') + para('b', '7') + para('break') + para('c', '7')), n)).toEqual(['1.', '2.', '', '3.']);
  });

  it('restarts where a list instance overrides its start', () => {
    const n = numbering(
      decimal,
      '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    );
    expect(labels(doc(para('a', '7') + para('b', '7') + para('c', '8') + para('d', '8')), n)).toEqual(['1.', '2.', '1.', '2.']);
  });

  it('numbers levels with their parents and resets deeper levels', () => {
    const n = numbering(decimal, '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>');
    const body = para('a', '7') + para('a1', '7', 1) + para('a2', '7', 1) + para('a2x', '7', 2) + para('b', '7') + para('b1', '7', 1);
    expect(labels(doc(body), n)).toEqual(['1.', '1.1', '1.2', '(a)', '2.', '2.1']);
  });

  it('leaves bullets unlabelled and takes numbering through a paragraph style', () => {
    const abs = `<w:abstractNum w:abstractNumId="2">${level(0, 'bullet', '•')}</w:abstractNum>${decimal}`;
    const n = numbering(abs, '<w:num w:numId="1"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>');
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>`;
    const styled = '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Heading</w:t></w:r></w:p>';
    expect(labels(doc(para('x', '1') + para('one', '2') + styled), n, styles)).toEqual(['', '1.', '1.1']);
  });

  it.each([
    [4, 'upperRoman', 'IV'],
    [9, 'lowerRoman', 'ix'],
    [28, 'lowerLetter', 'bb'],
    [3, 'upperLetter', 'C'],
    [7, 'decimalZero', '07'],
    [22, 'ordinal', '22nd'],
    [13, 'ordinal', '13th'],
  ])('formats %i as %s → %s', (n, fmt, out) => {
    expect(formatNumber(n, fmt)).toBe(out);
  });

  it('restores the printed numbers of the Bromsgrove lists (Recommendations 2020 1–10, Annex A 1–22)', async () => {
    const { value } = await loadDocx(fixtureBytes('bromsgrove-redditch-2020-follow-up.docx'));
    const items = value.pages.flatMap((p) => p.lines).filter((l) => l.hint?.list?.ordered);
    const markers = items.map((l) => l.hint!.list!.marker);
    const ten = Array.from({ length: 10 }, (_, i) => `${i + 1}.`);
    const twentyTwo = Array.from({ length: 22 }, (_, i) => `${i + 1}.`);
    expect(markers).toEqual([...ten, ...twentyTwo]);
    expect(items[0]!.text).toBe('Prioritise clearly and resource accordingly');
    expect(items[10]!.text).toMatch(/^Be clear about how you identify/);
    expect(items[31]!.text).toMatch(/^Develop a clear plan to assess/);
  });
});
