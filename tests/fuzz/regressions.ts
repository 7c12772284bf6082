/**
 * Fuzz cases that once failed, kept as files: `<name>.<ext>` holds the bytes, `<name>.json` the
 * note — where the case came from, what went wrong, and what cpc must do with it now. The default
 * test run replays them all (tests/fuzz/regressions.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './engine.js';

export const REGRESSIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'regressions');

export interface RegressionNote {
  /** the bytes, beside this note */
  file: string;
  source: string;
  seed: number;
  case: number;
  mutation: string;
  /** the failure the fuzzer saw */
  seen: { code: string; message: string };
  /** what cpc must give now: a valid report, or this documented error code; null until decided (any accepted outcome) */
  expected: { ok: true } | { code: string } | null;
  /** the cause and the fix, once known */
  cause?: string;
}

/** Write a failed case as a regression fixture; returns its file name (existing ones are kept). */
export function saveRegression(result: CaseResult): string {
  const { fuzzCase, verdict } = result;
  const ext = fuzzCase.file.slice(fuzzCase.file.lastIndexOf('.'));
  const name = `${fuzzCase.source.replace(/\.[^.]+$/, '')}-seed${fuzzCase.seed}-case${fuzzCase.index}`;
  mkdirSync(REGRESSIONS_DIR, { recursive: true });
  if (!existsSync(join(REGRESSIONS_DIR, `${name}.json`))) {
    const note: RegressionNote = {
      file: `${name}${ext}`,
      source: fuzzCase.source,
      seed: fuzzCase.seed,
      case: fuzzCase.index,
      mutation: fuzzCase.description,
      seen: verdict.kind === 'failure' ? { code: verdict.code, message: verdict.message } : { code: verdict.kind, message: '' },
      expected: null,
    };
    writeFileSync(join(REGRESSIONS_DIR, `${name}${ext}`), fuzzCase.bytes);
    writeFileSync(join(REGRESSIONS_DIR, `${name}.json`), `${JSON.stringify(note, null, 2)}\n`);
  }
  return `${name}${ext}`;
}

export function loadRegressions(): { note: RegressionNote; bytes: Uint8Array }[] {
  if (!existsSync(REGRESSIONS_DIR)) return [];
  return readdirSync(REGRESSIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const note = JSON.parse(readFileSync(join(REGRESSIONS_DIR, f), 'utf8')) as RegressionNote;
      return { note, bytes: new Uint8Array(readFileSync(join(REGRESSIONS_DIR, note.file))) };
    });
}
