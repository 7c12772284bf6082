import { describe, expect, it } from 'vitest';
import { CpcError } from '../../src/diagnostics.js';
import { detectFormat } from '../../src/load/detect.js';
import { fixtureBytes } from '../helpers.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('reads the format from the bytes, not the extension', () => {
    expect(detectFormat(fixtureBytes('bury-2021-cpc-revisit.pdf'), 'report.docx')).toBe('pdf');
    expect(detectFormat(fixtureBytes('bury-2021-cpc-revisit.docx'), 'report.pdf')).toBe('docx');
  });

  it('tells HTML from text, and Markdown by its extension', () => {
    expect(detectFormat(bytes('<!DOCTYPE html><html><body><p>Hi</p></body></html>'), 'x.txt')).toBe('html');
    expect(detectFormat(bytes('\uFEFF  <html lang="en"><p>x</p></html>'), 'x')).toBe('html');
    expect(detectFormat(bytes('# Title\n\nText'), 'notes.md')).toBe('md');
    expect(detectFormat(bytes('Plain words.\n'), 'notes')).toBe('txt');
  });

  it('accepts a PDF header after a little junk', () => {
    expect(detectFormat(bytes('\r\n\r\n%PDF-1.4\n...'), 'x')).toBe('pdf');
  });

  it.each([
    ['empty', new Uint8Array(0), 'input/empty'],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), 'input/unsupported-format'],
    ['a zip that is not Word', bytes('PK\u0003\u0004\u0014\u0000xl/workbook.xml'), 'input/unsupported-format'],
    ['a legacy .doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'input/unsupported-format'],
    ['RTF', bytes('{\\rtf1\\ansi hello}'), 'input/unsupported-format'],
    ['text named .pdf (a failed download)', bytes('<html><body>404 Not Found</body></html>'), 'input/wrong-type'],
  ])('refuses %s with its own code', (_name, input, code) => {
    let error: unknown;
    try {
      detectFormat(input, 'x.pdf');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CpcError);
    expect((error as CpcError).code).toBe(code);
  });
});

describe('a text file named as a binary document', () => {
  it('is refused with its own code and a message naming both types', () => {
    expect(() => detectFormat(new TextEncoder().encode('Minutes of the meeting'), 'minutes.docx')).toThrow(/named \.docx but it holds plain text, not a Word document/);
  });
});
