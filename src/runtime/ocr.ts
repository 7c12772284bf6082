/**
 * OCR for pages without a text layer, with Debian's pdftoppm (poppler-utils) and tesseract
 * (tesseract-ocr). It runs programs and writes temporary files, so it lives at the edge (CLI and
 * batch) and is handed to the loader as an engine; the pipeline itself stays pure.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderGray, toPgm } from '../load/pdfium-render.js';
import type { LoadOptions, OcrEngine, RawLine } from '../load/raw.js';
import { maxOf } from '../arrays.js';

const run = promisify(execFile);
const DPI = 300;
const PT_PER_PX = 72 / DPI;
/** pixels to points, to a hundredth */
const pt = (px: number) => Math.round(px * PT_PER_PX * 100) / 100;
/** one page's rendering or recognition may take this long before it is given up */
const STEP_TIMEOUT_MS = 120_000;

export const OCR_INSTALL_HINT = 'install tesseract-ocr and poppler-utils (apt-get install tesseract-ocr poppler-utils) to read such pages with OCR';

function installed(command: string, versionFlag: string): boolean {
  try {
    execFileSync(command, [versionFlag], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

let available: boolean | undefined;

/** Whether both programs are installed: checked once per process, and only when a page needs OCR. */
function ocrInstalled(): boolean {
  available ??= installed('pdftoppm', '-v') && installed('tesseract', '--version');
  selfTimed ??= installed('timeout', '--version');
  return available;
}

/**
 * The OCR engine when both programs are installed, else null. With a deadline, each program gets
 * only the time left: a worker stopped at the file's time limit cannot stop the programs it
 * started, so they must stop by themselves.
 */
export function findOcrEngine(deadline?: number, scratch?: string): OcrEngine | null {
  return ocrInstalled() ? tesseractEngine(deadline, scratch) : null;
}

/** coreutils' timeout(1): lets a program stop itself at the deadline, whatever becomes of its parent */
let selfTimed: boolean | undefined;

export const OCR_MODES = ['auto', 'off'] as const;
export type OcrMode = (typeof OCR_MODES)[number];

/** The loader's OCR options for a --ocr mode and a per-file time limit (ms, or null for none). */
export function ocrFor(mode: OcrMode, timeoutMs?: number | null, scratch?: string): Pick<LoadOptions, 'ocr' | 'ocrUnavailable'> {
  if (mode === 'off') return { ocr: null, ocrUnavailable: 'OCR is off (--ocr auto reads such pages where tesseract and pdftoppm are installed)' };
  // the programs are looked for only when a document has a page without text: running them to
  // see costs a document with text (nearly all) tens of milliseconds for nothing
  const engine = tesseractEngine(timeoutMs ? Date.now() + timeoutMs : undefined, scratch);
  return { ocr: { ...engine, unavailable: () => (ocrInstalled() ? null : OCR_INSTALL_HINT) } };
}

/** tesseract's TSV: one row per word (level 5) with its box; words of a line share block/par/line numbers. */
export function tsvToLines(tsv: string): RawLine[] {
  interface Word { left: number; top: number; width: number; height: number; text: string }
  const lines = new Map<string, Word[]>();
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = f.slice(11).join('\t').trim();
    if (!text || Number(f[10]) < 0) continue;
    const key = `${f[2]}.${f[3]}.${f[4]}`;
    const words = lines.get(key) ?? [];
    words.push({ left: Number(f[6]), top: Number(f[7]), width: Number(f[8]), height: Number(f[9]), text });
    lines.set(key, words);
  }
  const out: RawLine[] = [];
  const heights: number[] = [];
  for (const words of lines.values()) {
    words.sort((a, b) => a.left - b.left);
    const left = words[0]!.left;
    const right = maxOf(words.map((w) => w.left + w.width));
    const bottom = maxOf(words.map((w) => w.top + w.height));
    const own = words.map((w) => w.height).sort((a, b) => a - b);
    const median = own[Math.floor(own.length / 2)]!;
    heights.push(median);
    out.push({
      // a bullet at a line's start is often read as ¢, «, ° or ·
      text: words.map((w) => w.text).join(' ').replace(/^[¢«°·»]\s/, '• '),
      x: pt(left),
      y: pt(bottom),
      width: pt(right - left),
      // a word's box is about the font size (ascender to descender); near enough for layout's cues
      size: Math.round(median * PT_PER_PX * 2) / 2,
      bold: false,
      italic: false,
    });
  }
  // word boxes vary from line to line; lines near the page's usual size are body text of one size
  const body = [...heights].sort((a, b) => a - b)[Math.floor(heights.length / 2)] ?? 0;
  const bodySize = Math.round(body * PT_PER_PX * 2) / 2;
  for (const line of out) if (Math.abs(line.size - bodySize) <= 0.25 * bodySize) line.size = bodySize;
  return out.sort((a, b) => a.y - b.y || a.x - b.x);
}

const tesseractEngine = (deadline?: number, scratch?: string): OcrEngine => ({
  name: 'tesseract',
  async recognise(pdf, pages, options) {
    /** run a program for at most the time left; under timeout(1) it ends itself even if we are gone */
    const runTimed = (command: string, args: string[], extra: { maxBuffer?: number } = {}) => {
      const left = deadline === undefined ? STEP_TIMEOUT_MS : Math.min(STEP_TIMEOUT_MS, deadline - Date.now());
      if (left <= 0) throw new Error('the time limit was reached');
      const seconds = String(Math.ceil(left / 1000));
      // one OpenMP thread: tesseract's own threading only contends with cpc's workers (about 4× slower here)
      const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
      return selfTimed ? run('timeout', ['--kill-after=2', seconds, command, ...args], { ...extra, env, timeout: left }) : run(command, args, { ...extra, env, timeout: left });
    };
    const dir = await mkdtemp(join(scratch ?? tmpdir(), 'cpc-ocr-'));
    try {
      const input = join(dir, 'in.pdf');
      // an encrypted PDF is rendered here, by PDFium: its password on pdftoppm's command line
      // would be visible to every user in the process list
      const rendered = options.password !== undefined ? await renderGray(pdf, pages, DPI, options.password) : null;
      if (!rendered) await writeFile(input, pdf, { mode: 0o600 });
      const out = new Map<number, RawLine[]>();
      for (const page of pages) {
        const image = join(dir, `p${page}`);
        if (rendered) {
          const pixels = rendered.get(page);
          if (!pixels) continue;
          await writeFile(`${image}.pgm`, toPgm(pixels), { mode: 0o600 });
        } else await runTimed('pdftoppm', ['-r', String(DPI), '-gray', '-f', String(page), '-l', String(page), '-singlefile', input, image]);
        const { stdout } = await runTimed('tesseract', [`${image}.pgm`, 'stdout', '-l', 'eng', 'tsv'], { maxBuffer: 64 * 1024 * 1024 });
        out.set(page, tsvToLines(stdout));
      }
      return out;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});
