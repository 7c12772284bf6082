import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffRecommendations } from '../../src/diff/diff-recommendations.js';
import { renderDiffHtml } from '../../src/diff/render-html.js';
import type { DiffResult } from '../../src/model/diff.js';
import { ROOT } from '../helpers.js';
import { buryDiffs, CHROMIUM, hasChromium, launchChromium, type BuryDiffs } from './browser.js';
import { CURRENT, report } from './reports.js';

// cpc diff --format html in a real browser: Debian's chromium driven by playwright-core. CI
// installs chromium with apt; where it is absent the page's structure is still checked, as
// text, by render-html.test.ts.
const WIDTH = 1280;
/** gitignored (/tmp/), kept after the run to look at */
const OUT = join(ROOT, 'tmp', 'test-results');
/** where the page is served from, by the test itself: the network is never asked */
const PAGE = 'http://cpc.invalid/diff.html';

if (!hasChromium()) {
  const why = `the diff page's browser tests are skipped: ${CHROMIUM} is absent (apt-get install chromium)`;
  console.warn(why);
  it.skip(why, () => {});
}

describe.runIf(hasChromium())('cpc diff --format html in Chromium, at 1280 px', () => {
  let browser: Browser;
  let diffs: BuryDiffs;
  beforeAll(async () => {
    [browser, diffs] = await Promise.all([launchChromium(), buryDiffs()]);
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * The page of `result`, served as the one answer to the one request for PAGE; any other request
   * is refused and recorded, and so is every dialog. The page's own policy stops a fetch before
   * it becomes a request, so what the policy refused is recorded too: a page that tries to reach
   * out fails the test either way.
   */
  async function open(result: DiffResult, html = renderDiffHtml(result)): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    await page.route('**/*', async (route) => {
      if (route.request().url() === PAGE) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      requests.push(route.request().url());
      return route.abort();
    });
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(PAGE, { waitUntil: 'load' });
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    requests.push(...violations.map((v) => `refused by the page's policy: ${v}`));
    return { page, requests, dialogs };
  }

  const scrollWidth = (page: Page) => page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));

  it('shows the summary, a box per link with its status, the split drawn as a group, the removed and added beside their near misses', async () => {
    const r = diffs.split;
    const { page, requests } = await open(r);
    expect(requests).toEqual([]);
    expect(await page.title()).toBe(`Recommendations compared: ${r.old.file} → ${r.new.file}`);

    const counts = await page.$$eval('.summary .count', (els) => els.map((e) => [e.getAttribute('data-status'), Number(e.querySelector('.n')!.textContent)]));
    expect(Object.fromEntries(counts)).toEqual(r.summary);
    expect(r.summary).toEqual({ unchanged: 4, reworded: 4, split: 1, merged: 0, removed: 1, added: 1 });

    const links = await page.$$eval('article.link', (els) => els.map((e) => [e.getAttribute('data-status'), e.getAttribute('data-old'), e.getAttribute('data-new')]));
    expect(links).toEqual(r.links.map((l) => [l.status, l.old.join(' '), l.new.join(' ')]));

    // the split: one old box beside a group of two new ones, each with its page
    const split = page.locator('article.link[data-status="split"]');
    expect(await split.locator('.side.old .rec').count()).toBe(1);
    expect(await split.locator('.side.old.group').count()).toBe(0);
    expect(await split.locator('.side.new.group .group-label').textContent()).toBe('split into 2');
    expect(await split.locator('.side.new.group .rec').evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.querySelector('.page')?.textContent]))).toEqual([
      ['2018-b8', 'p.\u00a05'],
      ['2018-b9', 'p.\u00a05'],
    ]);
    // both boxes of the group sit in the new column, beside the old one
    const [oldBox, newBox] = await Promise.all([split.locator('.side.old').boundingBox(), split.locator('.side.new').boundingBox()]);
    expect(newBox!.x).toBeGreaterThan(oldBox!.x + oldBox!.width - 1);
    expect(await split.locator('.side.new ins').first().textContent()).toBe('the');

    // the financial management bullet, under 0.7: removed, its nearest candidate the added one, and back
    const removed = page.locator('#removed article.unmatched');
    expect(await removed.count()).toBe(1);
    expect(await removed.getAttribute('data-id')).toBe('2018-b2');
    expect(await removed.locator('.candidate').evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-score')]))).toEqual(
      r.removed[0]!.candidates.map((c) => [c.id, String(c.score)]),
    );
    expect(await removed.locator('.candidate').first().innerText()).toMatch(/^bullet 2018-b3 score 0\.62 \(under the threshold; also added\)\nStrengthen financial management and discipline, building on the action plan/);
    const added = page.locator('#added article.unmatched');
    expect(await added.locator('.candidate').count()).toBe(3);
    expect(await added.locator('.candidate a').first().getAttribute('href')).toBe('#old-2018-b2');
    expect(await page.locator('#old-2018-b2').count()).toBe(1);

    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(OUT, 'diff-bury.png'), fullPage: true });
    await page.close();
  });

  it('draws a merge as a group of old boxes beside one new one', async () => {
    const r = diffs.merged;
    const { page, requests } = await open(r);
    expect(requests).toEqual([]);
    const merged = page.locator('article.link[data-status="merged"]');
    expect(await merged.count()).toBe(1);
    expect(await merged.locator('.side.old.group .rec').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(['2018-b8', '2018-b9']);
    expect(await merged.locator('.side.old.group .group-label').textContent()).toBe('merged from 2');
    expect(await merged.locator('.side.new .rec').count()).toBe(1);
    expect(await page.locator('#removed .none').textContent()).toBe('None.');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.close();
  });

  it("shows numbers, pages and the later report's progress under the new side", async () => {
    const r = diffs.progress;
    const { page, requests } = await open(r);
    expect(requests).toEqual([]);
    const first = page.locator('article.link').first();
    expect(await first.locator('.side.old .rec-meta').textContent()).toBe('2.1 p.\u00a03 2021-2.1');
    expect(await first.locator('.side.new .rec-meta').textContent()).toBe('4.1 p.\u00a06 2021-4.1');
    const progress = await page.locator('.side.new .progress-text').allTextContents();
    expect(progress).toEqual(r.links.map((l) => l.progress[0]!.progress));
    expect(await page.locator('.side.old .progress').count()).toBe(0);
    // the long progress texts scroll in their boxes on screen, so the page stays 1280 wide
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(OUT, 'diff-bury-progress.png') });
    await page.close();
  });

  it('prints: black on white, no sticky header, a link kept on one page, the progress whole', async () => {
    const { page } = await open(diffs.progress);
    const style = () =>
      page.evaluate(() => {
        const css = (sel: string) => getComputedStyle(document.querySelector(sel)!);
        return {
          head: css('.colheads').position,
          ink: css('body').color,
          paper: css('html').backgroundColor,
          keep: css('article.link').breakInside,
          progress: css('.progress-text').maxHeight,
        };
      });
    expect(await style()).toMatchObject({ head: 'sticky', progress: expect.stringMatching(/px$/) });
    await page.emulateMedia({ media: 'print' });
    expect(await style()).toEqual({ head: 'static', ink: 'rgb(0, 0, 0)', paper: 'rgb(255, 255, 255)', keep: 'avoid', progress: 'none' });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('shows markup in a report as text: no script runs, nothing is fetched', async () => {
    const hostile = `<script>alert('x')</script><img src="https://example.invalid/x.png" onerror="alert('y')"><style>body{display:none}</style>`;
    const r = diffRecommendations(
      report('a', [`Review the scrutiny function ${hostile}`, `Plant trees ${hostile}`]),
      report('b', [{ text: `Review and refresh the scrutiny function ${hostile}`, response: { progress: hostile, status: '<b>Done</b>' } }, 'Tidy the parks'] as const),
      CURRENT,
    );
    const { page, requests, dialogs } = await open(r);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script, img, body style, b').length)).toBe(0);
    expect(await page.locator('article.link .side.old .text').textContent()).toBe(`Review the scrutiny function ${hostile}`);
    expect(await page.locator('.progress-status').textContent()).toBe('<b>Done</b>');
    expect(await page.locator('#removed .rec .text').textContent()).toBe(`Plant trees ${hostile}`);
    await page.close();
  });
});
