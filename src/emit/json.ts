import type { Report } from '../model/report.js';

/** Key order is the schema's; arrays keep document order; output ends with a newline. */
export function emitJson(report: Report | readonly Report[]): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
