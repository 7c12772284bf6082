import { mkdtempSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOcrEngine } from '../../src/runtime/ocr.js';
import { cpc, fixture } from '../helpers.js';

const SCAN = 'fixtures/scanned-follow-up.pdf';

describe('--ocr', () => {
  it('off: a scan gives an empty report and a warning that says OCR is off', () => {
    const r = cpc(['extract', SCAN, '--ocr', 'off']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.sections).toEqual([]);
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'pdf/no-text-layer', message: expect.stringContaining('OCR is off') }));
  });

  it('refuses an unknown mode as a usage error', () => {
    expect(cpc(['extract', SCAN, '--ocr', 'maybe']).code).toBe(2);
  });

  it.runIf(findOcrEngine() !== null)('stops OCR at the batch time limit and leaves no temporary files behind', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpc-ocr-cli-'));
    copyFileSync(fixture('scanned-follow-up.pdf'), join(dir, 'scan.pdf'));
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('cpc-pool-') || f.startsWith('cpc-ocr-')).length;
    const r = cpc(['batch', dir, '--out', join(dir, 'out'), '--timeout', '2s']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/timeout\s+scan\.pdf/);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('cpc-pool-') || f.startsWith('cpc-ocr-')).length).toBe(before);
  });
});
