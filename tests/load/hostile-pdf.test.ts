import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract.js';
import { loadPdf } from '../../src/load/pdf.js';
import { PDFJS_OPTIONS } from '../../src/load/pdfjs.js';
import { writePdf } from '../support/pdf-writer.js';

const page = (text: string) => ({ lines: [text] });

describe('hostile PDFs', () => {
  it('reads untrusted PDFs with pdf.js font evaluation off', () => {
    expect(PDFJS_OPTIONS).toMatchObject({ isEvalSupported: false, useSystemFonts: false, disableFontFace: true });
  });

  it('runs nothing a font smuggles into its FontMatrix (the CVE-2024-4367 shape)', async () => {
    const g = globalThis as { __cpcPwned?: number };
    delete g.__cpcPwned;
    const payload = '(0\\); globalThis.__cpcPwned = 1; //)';
    for (const subtype of ['Type1', 'Type3']) {
      const fontDict = subtype === 'Type3'
        ? `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 ${payload}] /CharProcs << >> /Encoding << /Differences [65 /A] >> /FirstChar 65 /LastChar 65 /Widths [500] /Resources << >> >>`
        : `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FontMatrix [1 2 3 4 5 ${payload}] >>`;
      const pdf = writePdf([page('Key recommendations from the peer team')], { fontDict });
      await extractReport(pdf, { file: `${subtype}.pdf` }).catch(() => undefined);
    }
    expect(g.__cpcPwned).toBeUndefined();
  });

  it('refuses a PDF of more pages than the limit with its own error, and reads one within it', async () => {
    const pdf = writePdf(Array.from({ length: 300 }, (_, i) => page(`Page ${i + 1} of a long appendix`)));
    await expect(loadPdf(pdf, { maxPages: 200 })).rejects.toMatchObject({ code: 'input/too-many-pages', message: expect.stringContaining('300 pages') });
    expect((await loadPdf(pdf, { maxPages: 300 })).value.pageCount).toBe(300);
  });

  it('reads the pages of a page tree that claims an impossible count (PDFium counts its kids); pdf.js refuses it as corrupt (found by the fuzzer)', async () => {
    for (const count of ['0', '-1', '-1e308']) {
      const pdf = Buffer.from(writePdf([page('Corporate Peer Challenge'), page('Key recommendations')])).toString('latin1').replace('/Count 2', `/Count ${count}`);
      const bytes = new Uint8Array(Buffer.from(pdf, 'latin1'));
      const read = await loadPdf(bytes);
      expect(read.value.pages.map((p) => p.lines.map((l) => l.text))).toEqual([['Corporate Peer Challenge'], ['Key recommendations']]);
      await expect(loadPdf(bytes, { pdfEngine: 'pdfjs' })).rejects.toMatchObject({ code: 'input/corrupt', message: expect.stringContaining('impossible page count') });
    }
  });

  it.each(['pdfium', 'pdfjs'] as const)('reads a PDF with a broken cross-reference table (%s reconstructs it)', async (pdfEngine) => {
    const pdf = Buffer.from(writePdf([page('Corporate Peer Challenge')])).toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999');
    const r = await loadPdf(new Uint8Array(Buffer.from(pdf, 'latin1')), { pdfEngine });
    expect(r.value.pages[0]!.lines.map((l) => l.text)).toEqual(['Corporate Peer Challenge']);
  });

  it('gives an empty report and a warning naming the pages for a PDF with no text layer', async () => {
    const scan = writePdf([{ lines: [], image: { width: 4, height: 4, gray: new Uint8Array(16) } }, { lines: [], image: { width: 4, height: 4, gray: new Uint8Array(16) } }]);
    const { value } = await extractReport(scan, { file: 'scan.pdf', ocr: null, ocrUnavailable: 'OCR is off' });
    expect(value.sections).toEqual([]);
    expect(value.recommendations).toEqual([]);
    expect(value.warnings).toContainEqual(expect.objectContaining({ code: 'pdf/no-text-layer', message: 'no page has a text layer (a scan?): pages 1–2; OCR is off' }));
  });
});
