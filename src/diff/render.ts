import { stringify } from 'yaml';
import type { DiffResult } from '../model/diff.js';
import { renderDiffHtml } from './render-html.js';
import { renderDiffMarkdown } from './render-markdown.js';
import { renderDiffText } from './render-text.js';

export const DIFF_FORMATS = ['text', 'json', 'yaml', 'markdown', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** The diff in one output format; `colourLevel` matters only for text. Output ends with a newline. */
export function renderDiff(result: DiffResult, format: DiffFormat, colourLevel: 0 | 1 | 2 | 3 = 0): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'yaml':
      // as `cpc extract` does: no folding, and strings a YAML 1.1 reader would misread are quoted
      return stringify(result, { lineWidth: 0, compat: 'yaml-1.1' });
    case 'markdown':
      return renderDiffMarkdown(result);
    case 'html':
      return renderDiffHtml(result);
    case 'text':
      return renderDiffText(result, colourLevel);
  }
}
