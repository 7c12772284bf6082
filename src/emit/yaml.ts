import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Report } from '../model/report.js';

// loaded on first use: most runs write JSON, and yaml is 80 modules to read at start-up
let yaml: typeof Yaml | undefined;
const yamlLib = () => (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/** Mirrors the JSON; strings a YAML 1.1 reader would take for booleans or numbers ("yes", "1.0") are quoted. */
export function emitYaml(report: Report | readonly Report[]): string {
  return yamlLib().stringify(report, { lineWidth: 0, compat: 'yaml-1.1' });
}
