import { describe, expect, it } from 'vitest';
import { findOcrEngine, OCR_INSTALL_HINT, tsvToLines } from '../../src/runtime/ocr.js';
import { extractReport } from '../../src/extract.js';
import { loadPdf } from '../../src/load/pdf.js';
import type { OcrEngine } from '../../src/load/raw.js';
import { fixtureBytes } from '../helpers.js';
import { writePdf } from '../support/pdf-writer.js';

const TSV_HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (block: number, line: number, left: number, top: number, width: number, height: number, text: string) =>
  `5\t1\t${block}\t1\t${line}\t1\t${left}\t${top}\t${width}\t${height}\t95\t${text}`;

describe('tsvToLines', () => {
  it('groups tesseract words into lines in PDF points, with bullets restored', () => {
    const tsv = [TSV_HEAD, word(1, 1, 300, 400, 200, 50, 'Key'), word(1, 1, 520, 400, 400, 50, 'recommendations'), word(2, 1, 340, 600, 20, 50, '¢'), word(2, 1, 400, 600, 300, 50, 'Prioritise')].join('\n');
    expect(tsvToLines(tsv)).toEqual([
      { text: 'Key recommendations', x: 72, y: 108, width: 148.8, size: 12, bold: false, italic: false },
      { text: '• Prioritise', x: 81.6, y: 156, width: 86.4, size: 12, bold: false, italic: false },
    ]);
  });
});

const scan = () => writePdf([{ lines: [], image: { width: 8, height: 8, gray: new Uint8Array(64).fill(255) } }]);

describe('pages without a text layer', () => {
  it('are read by the OCR engine the loader is given', async () => {
    const engine: OcrEngine = { name: 'fake', recognise: async (_pdf, pages) => new Map(pages.map((p) => [p, [{ text: 'Recognised text', x: 72, y: 100, width: 100, size: 12, bold: false, italic: false }]])) };
    const r = await loadPdf(scan(), { ocr: engine });
    expect(r.value.pages[0]!.lines.map((l) => l.text)).toEqual(['Recognised text']);
    expect(r.messages.map((m) => m.code)).toEqual(['pdf/ocr-used']);
  });

  it('are reported, with why there was no OCR, when there is none', async () => {
    const r = await loadPdf(scan(), { ocrUnavailable: OCR_INSTALL_HINT });
    expect(r.messages).toEqual([expect.objectContaining({ code: 'pdf/no-text-layer', severity: 'warning', message: expect.stringContaining('apt-get install tesseract-ocr poppler-utils') })]);
  });

  it('are reported when OCR fails, and the rest of the document still reads', async () => {
    const engine: OcrEngine = { name: 'broken', recognise: () => Promise.reject(new Error('tesseract crashed')) };
    const r = await loadPdf(scan(), { ocr: engine });
    expect(r.messages.map((m) => [m.code, m.message])).toEqual([['pdf/ocr-failed', 'OCR of pages 1 failed: tesseract crashed']]);
  });

  // The scanned fixture is two pages of the Bromsgrove follow-up as pictures. With tesseract and
  // pdftoppm installed (.ci/run installs them) it is read; without them it says how to get them.
  it('read the scanned fixture where tesseract and pdftoppm are installed', { timeout: 180_000 }, async () => {
    const engine = findOcrEngine();
    const { value } = await extractReport(fixtureBytes('scanned-follow-up.pdf'), { file: 'scanned-follow-up.pdf', ocr: engine, ocrUnavailable: OCR_INSTALL_HINT });
    if (engine) {
      expect(value.warnings.map((w) => w.code)).toContain('pdf/ocr-used');
      expect(value.report).toMatchObject({ title: 'Corporate Peer Challenge: Follow Up Visit', kind: 'cpc-follow-up', year: 2020 });
      expect(value.sections.map((s) => s.title)).toEqual(expect.arrayContaining(['Introduction and purpose', 'Peer review and challenge', 'Scope and focus', 'Peer team']));
    } else {
      expect(value.warnings).toContainEqual(expect.objectContaining({ code: 'pdf/no-text-layer', message: expect.stringContaining('install tesseract-ocr') }));
    }
  });
});
