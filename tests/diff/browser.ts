/** The Bury diff pages and a local Chromium, for the page's browser test and scripts/screenshot-diff.ts. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { diffRecommendations, type DiffOptions } from '../../src/diff/diff-recommendations.js';
import { extractReport } from '../../src/extract.js';
import type { DiffResult } from '../../src/model/diff.js';
import type { Report } from '../../src/model/report.js';
import { ROOT } from '../helpers.js';

/** Debian's chromium (CI installs it with apt); never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = () => existsSync(CHROMIUM);

/** The machine's closed network refuses Chromium's background connections: ask for none. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

export const CABINET = 'fixtures/bury-2021-cabinet-report.pdf';
export const REVISIT = 'fixtures/bury-2021-cpc-revisit.pdf';

/** A fixture through the whole pipeline, in this process; source.file as the CLI would record it. */
export async function extracted(file: string): Promise<Report> {
  return (await extractReport(new Uint8Array(readFileSync(join(ROOT, file))), { file })).value;
}

export interface BuryDiffs {
  /** the 2018 lists, threshold raised to 0.7: a split, and the financial management bullet (0.62) removed and added */
  split: DiffResult;
  /** the same the other way round: the two revisit bullets merged into one */
  merged: DiffResult;
  /** the 2021 lists, revisit → cabinet report: the cabinet report's progress under each new recommendation */
  progress: DiffResult;
}

export async function buryDiffs(): Promise<BuryDiffs> {
  const [cabinet, revisit] = await Promise.all([extracted(CABINET), extracted(REVISIT)]);
  const previous: DiffOptions = { oldCycle: 'previous', newCycle: 'previous' };
  return {
    split: diffRecommendations(cabinet, revisit, { ...previous, threshold: 0.7 }),
    merged: diffRecommendations(revisit, cabinet, previous),
    progress: diffRecommendations(revisit, cabinet, { oldCycle: 'current', newCycle: 'current' }),
  };
}
