/** OCR of an encrypted scan: pages are rendered by PDFium in-process, so the password is on no command line. */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpc } from '../helpers.js';
import { scannedTitleImage } from '../support/scan.js';
import { writePdf } from '../support/pdf-writer.js';

const installed = ['/usr/bin/tesseract', '/usr/bin/pdftoppm'].every((p) => existsSync(p));
const SECRET = 'peer-secret-7731';

/** The title block of the scanned fixture's first page, as an image on a page of an encrypted PDF. */
const encryptedScan = (): Uint8Array => writePdf([{ lines: [], image: scannedTitleImage() }], { encrypt: { userPassword: SECRET, ownerPassword: 'owner' } });

describe.skipIf(!installed)('OCR of an encrypted PDF', () => {
  it('reads the page without passing the password to any program', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-ocr-secret-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const log = join(dir, 'argv.log');
    // wrappers that record every command line, then run the real program
    for (const tool of ['pdftoppm', 'tesseract']) {
      writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> ${log}\nexec /usr/bin/${tool} "$@"\n`);
      chmodSync(join(bin, tool), 0o755);
    }
    writeFileSync(join(dir, 'scan.pdf'), encryptedScan());
    const r = cpc(['extract', 'scan.pdf', '--password', SECRET], { cwd: dir, env: { PATH: `${bin}:${process.env['PATH']}` }, timeout: 120_000 });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { warnings: { code: string }[]; report: { title: string | null } };
    expect(report.warnings.map((w) => w.code)).toContain('pdf/ocr-used');
    expect(report.report.title ?? '').toMatch(/Bromsgrove District Council/);
    const argv = readFileSync(log, 'utf8');
    expect(argv).toMatch(/^tesseract /m);
    expect(argv).not.toContain(SECRET);
  }, 150_000);
});
