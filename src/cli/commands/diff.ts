import { diffRecommendations, hasChanges, renderDiff, type DiffFormat } from '../../diff/index.js';
import type { Cycle, Report } from '../../model/report.js';
import { describeFailure, EXIT } from '../../runtime/exit.js';
import { colorLevel, reportError, type CliIO } from '../../runtime/io.js';
import { readReport, type ReportInputOptions } from '../report-input.js';
import { displayPath } from './extract.js';

export interface DiffCommandOptions extends ReportInputOptions {
  oldCycle?: Cycle;
  newCycle?: Cycle;
  format: DiffFormat;
  threshold: number;
  exitCode?: boolean;
}

/** `--exit-code`: something differs, as `git diff --exit-code` says it. */
const EXIT_DIFFERENCES = 1;

const countIn = (report: Report, cycle: Cycle) => report.recommendations.filter((r) => r.cycle === cycle).length;
const other = (cycle: Cycle): Cycle => (cycle === 'current' ? 'previous' : 'current');

/**
 * Why one side has nothing to compare, or null when it has something. An empty cycle is a
 * choice the user can change (exit 2); a report with no recommendations at all is the input's
 * problem (exit 1).
 */
function emptySide(report: Report, cycle: Cycle, flag: '--old-cycle' | '--new-cycle', single: boolean): { code: number; message: string } | null {
  if (countIn(report, cycle) > 0) return null;
  if (report.recommendations.length === 0) return { code: EXIT.input, message: 'no recommendations found, so nothing to compare' };
  const others = countIn(report, other(cycle));
  if (single && cycle === 'previous') {
    return { code: EXIT.usage, message: `has no previous-cycle recommendations, only ${others} current; give a second report to compare it with` };
  }
  return { code: EXIT.usage, message: `has no ${cycle}-cycle recommendations (it has ${others} ${other(cycle)}; choose them with ${flag} ${other(cycle)})` };
}

/** cpc diff <old> [new]: two reports' recommendations, or one report's previous and current cycles. */
export async function diffCommand(oldFile: string, newFile: string | undefined, opts: DiffCommandOptions, io: CliIO): Promise<number> {
  const single = newFile === undefined;
  const oldShown = displayPath(oldFile, io.cwd);
  const newShown = single ? oldShown : displayPath(newFile, io.cwd);
  const oldCycle = opts.oldCycle ?? (single ? 'previous' : 'current');
  const newCycle = opts.newCycle ?? 'current';

  let oldReport: Report;
  let newReport: Report;
  let failing = oldShown;
  try {
    oldReport = await readReport(oldFile, oldShown, opts, io);
    failing = newShown;
    newReport = single ? oldReport : await readReport(newFile, newShown, opts, io);
  } catch (e) {
    const f = describeFailure(e);
    reportError(io, failing, f.message, f.errorCode);
    return f.code;
  }

  for (const [report, cycle, flag, shown] of [
    [oldReport, oldCycle, '--old-cycle', oldShown],
    [newReport, newCycle, '--new-cycle', newShown],
  ] as const) {
    const empty = emptySide(report, cycle, flag, single);
    if (empty) {
      reportError(io, shown, empty.message);
      return empty.code;
    }
  }

  const result = diffRecommendations(oldReport, newReport, { oldCycle, newCycle, threshold: opts.threshold });
  io.stdout.write(renderDiff(result, opts.format, colorLevel(io.stdout, io.env)));
  return opts.exitCode && hasChanges(result) ? EXIT_DIFFERENCES : EXIT.ok;
}
