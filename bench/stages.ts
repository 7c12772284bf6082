/**
 * The time of each pipeline stage on one document, in this process: load (the format's reader —
 * PDFium or pdf.js for a PDF), layout, parse, validate (zod) and write (JSON to a file). The median of
 * `repeat` runs after a warm-up, so module loading and JIT warm-up do not count.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { emitJson } from '../src/emit/json.js';
import { extractReport } from '../src/extract.js';
import { layout } from '../src/layout/index.js';
import { load } from '../src/load/index.js';
import { validateReport } from '../src/model/validate.js';
import { parse } from '../src/parse/index.js';

export interface StageTimes {
  load: number;
  layout: number;
  parse: number;
  validate: number;
  write: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function stageTimes(bytes: Uint8Array, file: string, repeat: number, pdfEngine: 'pdfium' | 'pdfjs' = 'pdfium'): Promise<StageTimes> {
  // one whole extraction first: the report to validate and write, and the warm-up
  const { value: report } = await extractReport(bytes, { file, ocr: null, pdfEngine });
  const out = join(tmpdir(), 'cpc-bench-stage.json');
  const runs: StageTimes[] = [];
  for (let i = 0; i < repeat + 1; i++) {
    let t = performance.now();
    const loaded = await load(bytes, file, { ocr: null, pdfEngine });
    const tLoad = performance.now() - t;
    t = performance.now();
    const laid = layout(loaded.value);
    const tLayout = performance.now() - t;
    t = performance.now();
    parse(laid.value, loaded.format);
    const tParse = performance.now() - t;
    t = performance.now();
    validateReport(report);
    const tValidate = performance.now() - t;
    t = performance.now();
    writeFileSync(out, emitJson(report));
    const tWrite = performance.now() - t;
    if (i > 0) runs.push({ load: tLoad, layout: tLayout, parse: tParse, validate: tValidate, write: tWrite });
  }
  const pick = (k: keyof StageTimes) => median(runs.map((r) => r[k]));
  return { load: pick('load'), layout: pick('layout'), parse: pick('parse'), validate: pick('validate'), write: pick('write') };
}
