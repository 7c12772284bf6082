import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface Archive {
  dir: string;
  documents: number;
  /** the PDFs alone, in their own folder, for the comparison with pdftotext */
  pdfDir: string;
  pdfs: string[];
}

/** The reports among the fixtures (not the scan: OCR is another benchmark), by extension. */
export function fixtureReports(fixturesDir: string, extensions: readonly string[]): string[] {
  return readdirSync(fixturesDir)
    .filter((f) => extensions.some((e) => f.endsWith(`.${e}`)) && !f.startsWith('scanned-'))
    .sort();
}

/**
 * `documents` documents — the fixtures' PDF and Word reports copied and renamed, half and half — in
 * dir/pdf/ and dir/docx/, rebuilt from scratch.
 */
export function buildArchive(fixturesDir: string, dir: string, documents: number): Archive {
  rmSync(dir, { recursive: true, force: true });
  const pdfs: string[] = [];
  let n = 0;
  for (const kind of ['pdf', 'docx']) {
    const sources = fixtureReports(fixturesDir, [kind]);
    const want = kind === 'pdf' ? Math.ceil(documents / 2) : documents - Math.ceil(documents / 2);
    for (let i = 0; i < want; i++) {
      const source = sources[i % sources.length]!;
      const target = join(dir, kind, `copy-${String(Math.floor(i / sources.length)).padStart(3, '0')}`);
      mkdirSync(target, { recursive: true });
      const path = join(target, source.replace(/\.(pdf|docx)$/, `-${i}.$1`));
      copyFileSync(join(fixturesDir, source), path);
      if (kind === 'pdf') pdfs.push(path);
      n++;
    }
  }
  return { dir, documents: n, pdfDir: join(dir, 'pdf'), pdfs };
}
