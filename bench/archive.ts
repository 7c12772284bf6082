import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface Archive {
  dir: string;
  documents: number;
  copies: number;
}

/** The fixtures' documents (not gold/), copied `copies` times into dir/copy-NN/, rebuilt from scratch. */
export function buildArchive(fixturesDir: string, dir: string, minDocuments: number): Archive {
  const sources = readdirSync(fixturesDir)
    .filter((f) => /\.(pdf|docx|txt|md|html)$/.test(f))
    .sort();
  const copies = Math.ceil(minDocuments / sources.length);
  rmSync(dir, { recursive: true, force: true });
  for (let c = 0; c < copies; c++) {
    const target = join(dir, `copy-${String(c).padStart(2, '0')}`);
    mkdirSync(target, { recursive: true });
    for (const f of sources) copyFileSync(join(fixturesDir, f), join(target, f));
  }
  return { dir, documents: copies * sources.length, copies };
}
