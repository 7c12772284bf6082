import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract.js';
import { FIXTURES, fixtureBytes } from '../helpers.js';

const PDFS = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf')),
  ...readdirSync(`${FIXTURES}/layouts`).filter((f) => f.endsWith('.pdf')).map((f) => `layouts/${f}`),
];

/** Issue 11: switching the PDF engine changes nothing a user gets from the report. */
describe('PDFium and pdf.js give the same report', () => {
  it.each(PDFS)('%s', async (name) => {
    const bytes = fixtureBytes(name);
    const options = { file: `fixtures/${name}`, ocr: null };
    const [pdfium, pdfjs] = [await extractReport(bytes, { ...options, pdfEngine: 'pdfium' }), await extractReport(bytes, { ...options, pdfEngine: 'pdfjs' })];
    expect(pdfium.value).toEqual(pdfjs.value);
  });
});
