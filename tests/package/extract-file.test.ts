import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CpcError, extractFile, extractReport } from '../../src/index.js';
import { fixture, fixtureBytes, FIXTURES } from '../helpers.js';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof CpcError ? e.code : `not a CpcError: ${String(e)}`),
  );

describe('extractFile', () => {
  it('reads a document and gives the report extractReport gives for its bytes', async () => {
    const path = fixture('bury-2021-cpc-revisit.pdf');
    const fromFile = await extractFile(path);
    const fromBytes = await extractReport(fixtureBytes('bury-2021-cpc-revisit.pdf'), { file: path });
    expect(fromFile.value.report.kind).toBe('cpc-follow-up');
    expect(fromFile.value.source.file).toBe(path);
    expect(fromFile).toEqual(fromBytes);
  });

  it('records the name it is told as source.file, and passes the pipeline its options', async () => {
    const { value } = await extractFile(fixture('bury-2021-cpc-revisit.txt'), { file: 'reports/bury.txt', maxPages: 1 });
    expect(value.source).toMatchObject({ file: 'reports/bury.txt', name: 'bury.txt', format: 'txt' });
  });

  it('refuses, with a CpcError, what the CLI refuses: a missing file, a directory, a file over the size limit', async () => {
    expect(await codeOf(extractFile(join(FIXTURES, 'no-such-report.pdf')))).toBe('input/not-found');
    expect(await codeOf(extractFile(FIXTURES))).toBe('input/unreadable');
    expect(await codeOf(extractFile(fixture('bury-2021-cpc-revisit.txt'), { maxBytes: 1000 }))).toBe('input/too-large');
  });

  it('rejects an unreadable document with its CpcError', async () => {
    expect(await codeOf(extractFile(fixture('bury-2021-cpc-revisit.pdf'), { maxPages: 1 }))).toBe('input/too-many-pages');
  });
});
