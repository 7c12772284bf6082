import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../src/extract.js';
import { blockText } from '../../src/layout/blocks.js';
import { words } from '../../src/layout/normalise.js';
import { fixture, fixtureBytes, REPORTS, type ReportName } from '../helpers.js';

/** Share of the seed's words found in order (the .txt fixtures are the seeds, byte for byte). */
function recovered(seed: string[], got: string[]): { share: number; extra: number } {
  let common = 0;
  for (const part of diffArrays(seed, got)) if (!part.added && !part.removed) common += part.count ?? part.value.length;
  return { share: common / seed.length, extra: got.length - common };
}

/**
 * What the seeds hold that the rendered documents do not: Bradford's seed is a pdftotext dump whose
 * progress table interleaves the lines of its three columns, so its words are in another order
 * than the table's cells; the others differ only by a removed table of contents or image alt text.
 */
const MIN_SHARE: Record<ReportName, number> = {
  'blaby-2022-progress-review': 0.99,
  'bradford-2018-scrutiny-progress': 0.88,
  'bromsgrove-redditch-2020-follow-up': 0.999,
  'bury-2021-cabinet-report': 0.999,
  'bury-2021-cpc-revisit': 0.99,
};

/** The running header and footer text, read from the Word file (the PDFs render the same). */
async function runningTexts(name: ReportName): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(fixture(`${name}.docx`)));
  const out: string[] = [];
  for (const part of Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))) {
    const xml = await zip.file(part)!.async('string');
    const text = Array.from(xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g), (m) => m[1]).join('');
    out.push(...text.split(/\s{2,}/).map((s) => s.trim()).filter((s) => s.length > 3 && !/^\d+$/.test(s)));
  }
  return out;
}

describe.each(REPORTS)('%s', (name) => {
  const seed = words(readFileSync(fixture(`${name}.txt`), 'utf8').replace(/\*+/g, ''));

  it.each(['pdf', 'docx', 'txt', 'html'] as const)('%s: the seed\'s words, in order, and nothing else', async (ext) => {
    const { value } = await extractBlocks(fixtureBytes(`${name}.${ext}`), { file: `${name}.${ext}` });
    const r = recovered(seed, words(value.blocks.map(blockText).join('\n')));
    expect(r.share).toBeGreaterThanOrEqual(MIN_SHARE[name]);
    // besides Bradford's reordered table, only what a rendering adds: a title, and on the web
    // pages list numbers (mammoth's HTML keeps no <ol start>, so an item 24 is numbered 1 there)
    if (name !== 'bradford-2018-scrutiny-progress') expect(r.extra).toBeLessThanOrEqual(8);
  });

  it.each(['pdf', 'docx'] as const)('%s: no running header, footer or page number left in the text', async (ext) => {
    const { value } = await extractBlocks(fixtureBytes(`${name}.${ext}`), { file: `${name}.${ext}` });
    const text = value.blocks.map(blockText).join('\n');
    const running = await runningTexts(name);
    expect(running.length).toBeGreaterThan(0);
    for (const r of running) expect(text).not.toContain(r);
    // no block is a bare page number
    expect(value.blocks.filter((b) => b.kind !== 'table' && /^\d{1,3}$/.test(b.text.trim()))).toEqual([]);
    if (ext === 'pdf') expect(value.furniture.length).toBeGreaterThanOrEqual(2);
  });

  it('html: the site header, navigation and footer stay out of the text', async () => {
    const { value } = await extractBlocks(fixtureBytes(`${name}.html`), { file: `${name}.html` });
    const text = value.blocks.map(blockText).join('\n');
    for (const chrome of ['Search', 'Peer challenges ›', 'window.analytics', '18 Smith Square']) expect(text).not.toContain(chrome);
  });
});
