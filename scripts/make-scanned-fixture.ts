// Makes fixtures/scanned-follow-up.pdf: the first two pages of the Bromsgrove follow-up PDF as
// greyscale pictures with no text layer — a scanned report. Needs pdftoppm (poppler-utils).
// Run: npx tsx scripts/make-scanned-fixture.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePdf } from '../tests/support/pdf-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'cpc-scan-'));
execFileSync('pdftoppm', ['-r', '150', '-gray', '-f', '1', '-l', '2', 'fixtures/bromsgrove-redditch-2020-follow-up.pdf', join(dir, 'p')]);
const pages = readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort().map((f) => {
  const pgm = readFileSync(join(dir, f));
  // binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { lines: [], image: { width, height, gray: new Uint8Array(pgm.subarray(m[0].length, m[0].length + width * height)) } };
});
writeFileSync('fixtures/scanned-follow-up.pdf', writePdf(pages));
console.log(`fixtures/scanned-follow-up.pdf: ${pages.length} scanned pages`);
