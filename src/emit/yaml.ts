import { stringify } from 'yaml';
import type { Report } from '../model/report.js';

/** Mirrors the JSON; strings a YAML 1.1 reader would take for booleans or numbers ("yes", "1.0") are quoted. */
export function emitYaml(report: Report | readonly Report[]): string {
  return stringify(report, { lineWidth: 0, compat: 'yaml-1.1' });
}
