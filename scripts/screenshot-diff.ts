// Writes docs/diff-bury.png: the cpc diff --format html page of the two Bury fixtures' 2018 lists
// (threshold 0.7, so one pair falls under it and shows its near misses), at 1280 px, whole page.
// Run by hand after changing the page: npx tsx scripts/screenshot-diff.ts
import { renderDiffHtml } from '../src/diff/render-html.js';
import { buryDiffs, CHROMIUM, hasChromium, launchChromium } from '../tests/diff/browser.js';

if (!hasChromium()) {
  console.error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium)`);
  process.exit(1);
}
const { split } = await buryDiffs();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // the page needs nothing from outside; refuse anything it might ask for
  await page.route('**/*', (route) => route.abort());
  await page.setContent(renderDiffHtml(split));
  await page.screenshot({ path: 'docs/diff-bury.png', fullPage: true });
  console.log('docs/diff-bury.png');
} finally {
  await browser.close();
}
