import { describe, expect, it } from 'vitest';
import { diffRecommendations } from '../../src/diff/diff-recommendations.js';
import { renderDiff } from '../../src/diff/render.js';
import { escapeHtml, renderDiffHtml } from '../../src/diff/render-html.js';
import { sideBySide, type Run } from '../../src/diff/side-by-side.js';
import { CURRENT, report } from './reports.js';

/** Runs as [-removed-]/{+added+} text, to read a side at a glance. */
const show = (runs: readonly Run[], side: 'old' | 'new') => runs.map((r) => (r.changed ? (side === 'old' ? `[-${r.text}-]` : `{+${r.text}+}`) : r.text)).join('');

describe('sideBySide', () => {
  it('marks each side on its own text: what the old lacks in the new, what the new adds', () => {
    const s = sideBySide(['Review the scrutiny function;'], ['Review and refresh the scrutiny function.']);
    expect(s.old.map((r) => show(r, 'old'))).toEqual(['Review the scrutiny function[-;-]']);
    expect(s.new.map((r) => show(r, 'new'))).toEqual(['Review {+and refresh+} the scrutiny function{+.+}']);
  });

  it('cuts a split into its parts, each read against the one old text', () => {
    const s = sideBySide(['Invest in ICT and hardware; also to define the digital journey.'], ['Invest in the ICT and hardware.', 'Define the digital journey.']);
    expect(s.old.map((r) => show(r, 'old'))).toEqual(['Invest in ICT and hardware[-; also to define-] the digital journey.']);
    expect(s.new.map((r) => show(r, 'new'))).toEqual(['Invest in {+the+} ICT and hardware{+.+}', '{+Define+} the digital journey.']);
  });

  it('keeps every character of each text as printed, spacing included, where the word diff moves spaces', () => {
    const s = sideBySide(['a  b c', 'x'], ['a b  d']);
    expect(s.old.map((runs) => runs.map((r) => r.text).join(''))).toEqual(['a  b c', 'x']);
    expect(s.new.map((runs) => runs.map((r) => r.text).join(''))).toEqual(['a b  d']);
    expect(s.old.map((r) => show(r, 'old'))).toEqual(['a  b [-c-]', '[-x-]']);
  });

  it('marks nothing when the texts are equal, everything when they read better whole', () => {
    expect(sideBySide(['Same text.'], ['Same text.'])).toEqual({ old: [[{ text: 'Same text.', changed: false }]], new: [[{ text: 'Same text.', changed: false }]] });
    const a = 'Consider the impact that digital transformation of services can have, releasing capacity';
    const b = 'Develop a clear action plan to implement your digital and customer strategy, recognising change';
    expect(sideBySide([a], [b])).toEqual({ old: [[{ text: a, changed: true }]], new: [[{ text: b, changed: true }]] });
  });
});

describe('renderDiffHtml', () => {
  const hostile = '<script>alert(1)</script> "quoted" & \'single\' <img src=x onerror=alert(2)>';
  const old = report('a', [
    { number: '4.1', page: 6, text: `Review the scrutiny function ${hostile}` },
    { number: '4.2', page: 7, text: 'Strengthen financial management and discipline' },
  ]);
  const neu = report('b', [
    { number: '2.1', page: 3, text: `Review and refresh the scrutiny function ${hostile}`, response: { progress: 'Done <b>now</b>', status: 'Complete' } },
    { number: '2.3', page: 5, text: 'Strengthen the financial team, building on the action plan recently drafted' },
  ]);
  old.source.file = 'a<x>.pdf';
  const html = () => renderDiffHtml(diffRecommendations(old, neu, CURRENT));

  it('escapes every text from the reports: markup in a recommendation, a file name or progress is shown, not obeyed', () => {
    const page = html();
    expect(page).not.toMatch(/<script|<img|<b>|<x>/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39; &lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('Done &lt;b&gt;now&lt;/b&gt;');
    expect(page).toContain('<code>a&lt;x&gt;.pdf</code>');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('needs nothing from outside: no script, no URL, a policy that lets it fetch nothing', () => {
    const page = html();
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    // (the hostile text's 'src=' is escaped text, not in a tag)
    expect(page).not.toMatch(/https?:|url\(|@import|<link|<script|<[a-z][^>]*\ssrc=/i);
    // every href is an anchor within the page
    for (const m of page.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#/);
  });

  it('draws the links, the unmatched items and their near misses, numbers, pages, progress and the word diff', () => {
    const page = html();
    expect(page.match(/<article class="link /g)).toHaveLength(1);
    expect(page).toContain('data-status="reworded" data-old="a-4.1" data-new="b-2.1"');
    expect(page).toMatch(/<span class="num">4\.1<\/span> <span class="page">p\.&nbsp;6<\/span>/);
    expect(page).toContain('Review <ins>and refresh</ins> the scrutiny function');
    expect(page).toContain('<span class="progress-status">Complete</span>');
    expect(page).toContain('<article class="unmatched s-removed" data-status="removed" data-id="a-4.2" data-candidates="1">');
    expect(page).toContain('<li class="candidate" data-id="b-2.3" data-score="0.256"><a href="#new-b-2.3">');
    expect(page).toContain('<span class="score">score 0.26</span> <span class="why">(under the threshold; also added)</span>');
    for (const [k, n] of Object.entries({ unchanged: 0, reworded: 1, split: 0, merged: 0, removed: 1, added: 1 })) expect(page).toContain(`data-status="${k}" data-count="${n}"`);
  });

  it('gives the same bytes for the same result, and is what renderDiff writes for html', () => {
    expect(html()).toBe(html());
    expect(renderDiff(diffRecommendations(old, neu, CURRENT), 'html')).toBe(html());
    expect(html().endsWith('</html>\n')).toBe(true);
  });
});
