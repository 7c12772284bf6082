/**
 * The stylesheet of `cpc diff --format html`, inlined in the page: the page must open from a
 * mail attachment or an intranet share with no network, so there is no font, image or script to
 * fetch — system fonts, and colour only as a second cue (struck-through and underlined words,
 * labelled statuses) so that a print in black and white says the same. A council's progress
 * text can run to a page; on screen it scrolls in its box so the links stay side by side, in
 * print it is given whole.
 */
export const HTML_STYLE = `
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #fff; --wash: #f6f8fa;
  --unchanged: #59636e; --reworded: #9a6700; --split: #0a6e82; --merged: #6639ba; --removed: #b42318; --added: #1a7f37;
  --del-bg: #ffebe9; --ins-bg: #dafbe1;
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0 auto; max-width: 1240px; padding: 0 20px 40px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.5rem; margin: 24px 0 8px; }
h2 { font-size: 1.15rem; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
code, .rid { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em; }
p { margin: 0; }
.meta { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin: 0 0 12px; }
.meta div { min-width: 0; overflow-wrap: anywhere; }
.tag { display: inline-block; min-width: 3em; font-weight: 600; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; margin: 12px 0; padding: 0; }
.count { border: 1px solid var(--line); border-left: 6px solid var(--accent); border-radius: 6px; padding: 4px 12px; background: var(--wash); }
.count .n { font-size: 1.35rem; font-weight: 700; margin-right: 6px; font-variant-numeric: tabular-nums; }
.count a { color: inherit; }
.how { color: var(--muted); font-size: 0.9rem; margin: 8px 0 0; }
.colheads { position: sticky; top: 0; z-index: 1; display: grid; grid-template-columns: 1fr 1fr; gap: 16px; background: var(--paper); border-bottom: 2px solid var(--ink); padding: 8px 0; font-weight: 600; }
.colheads div { min-width: 0; overflow-wrap: anywhere; }
.link, .unmatched { border: 1px solid var(--line); border-left: 6px solid var(--accent); border-radius: 6px; margin: 12px 0; padding: 8px 12px 12px; }
.link-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 12px; margin-bottom: 8px; }
.badge { font-weight: 700; color: var(--accent); text-transform: uppercase; font-size: 0.8rem; letter-spacing: 0.04em; }
.ids { color: var(--muted); overflow-wrap: anywhere; }
.score { font-variant-numeric: tabular-nums; color: var(--muted); }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.side { min-width: 0; display: flex; flex-direction: column; gap: 8px; }
.group { border-left: 3px solid var(--accent); padding-left: 10px; }
.group-label { font-size: 0.8rem; font-weight: 600; color: var(--accent); }
.rec { background: var(--wash); border-radius: 4px; padding: 6px 10px; overflow-wrap: anywhere; }
.group .rec + .rec { border-top: 1px dashed var(--accent); }
.rec-meta { display: flex; flex-wrap: wrap; gap: 4px 10px; font-size: 0.85rem; color: var(--muted); margin-bottom: 2px; }
.num { font-weight: 700; color: var(--ink); }
del { text-decoration: line-through; background: var(--del-bg); color: #82071e; }
ins { text-decoration: underline; background: var(--ins-bg); color: #116329; }
.progress { margin-top: 6px; border-left: 3px solid var(--line); padding: 2px 0 2px 8px; font-size: 0.9rem; }
.progress-head { font-weight: 600; font-size: 0.8rem; color: var(--muted); }
.progress-status { font-weight: 700; color: var(--ink); }
.progress-text { white-space: pre-line; max-height: 14em; overflow-y: auto; }
.nearest h3 { font-size: 0.85rem; margin: 0; color: var(--muted); }
.candidates { margin: 0; padding-left: 1.4em; display: flex; flex-direction: column; gap: 4px; }
.candidates li { overflow-wrap: anywhere; }
.cand-text { color: var(--muted); font-size: 0.9rem; }
.none { color: var(--muted); font-style: italic; }
.s-unchanged { --accent: var(--unchanged); } .s-reworded { --accent: var(--reworded); } .s-split { --accent: var(--split); }
.s-merged { --accent: var(--merged); } .s-removed { --accent: var(--removed); } .s-added { --accent: var(--added); }
footer { margin-top: 32px; color: var(--muted); font-size: 0.85rem; }
@media print {
  :root { --ink: #000; --muted: #000; --line: #000; --wash: #fff; --del-bg: transparent; --ins-bg: transparent;
    --unchanged: #000; --reworded: #000; --split: #000; --merged: #000; --removed: #000; --added: #000; }
  html, body { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .colheads { position: static; }
  .progress-text { max-height: none; overflow: visible; }
  .link, .unmatched { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  del, ins { color: #000; }
  a { color: #000; text-decoration: none; }
}
`;
