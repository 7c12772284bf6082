import type { ManifestEntry } from '../../src/batch/manifest.js';

/** A converted file's manifest entry, with `fields` changed. */
export const manifestEntry = (path: string, fields: Partial<ManifestEntry> = {}): ManifestEntry => ({
  path,
  status: 'ok',
  sha256: 'a'.repeat(64),
  output: path.replace(/\.\w+$/, '.json'),
  format: 'pdf',
  pages: 3,
  counts: { recommendationsCurrent: 2, recommendationsPrevious: 1, sections: 4, peers: 5 },
  warnings: [],
  error: null,
  ms: 10,
  cpcVersion: '1.0.0',
  ...fields,
});
