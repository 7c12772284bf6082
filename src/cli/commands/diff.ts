import { diffRecommendations, hasChanges, renderDiff, type DiffFormat } from '../../diff/index.js';
import type { Cycle, Report } from '../../model/report.js';
import { describeFailure, EXIT } from '../../runtime/exit.js';
import { shownName } from '../../runtime/input.js';
import { colorLevel, reportError, reportMessages, verbosityOf, type CliIO, type ColorMode } from '../../runtime/io.js';
import { readReport, type ReportInputOptions } from '../report-input.js';

export interface DiffCommandOptions extends ReportInputOptions {
  oldCycle?: Cycle;
  newCycle?: Cycle;
  format: DiffFormat;
  threshold: number;
  exitCode?: boolean;
  color?: ColorMode;
  quiet?: boolean;
  verbose?: boolean;
}

/**
 * As diff(1) and `git diff --exit-code`: 0 the same (or compared, without --exit-code), 1 they
 * differ, 2 trouble — any input that cannot be read or compared, a usage error; the one-line
 * message names the file and the error code (input/encrypted, output/invalid, …).
 */
const DIFF_EXIT = { same: EXIT.ok, differs: 1, trouble: 2 } as const;

const countIn = (report: Report, cycle: Cycle) => report.recommendations.filter((r) => r.cycle === cycle).length;
const other = (cycle: Cycle): Cycle => (cycle === 'current' ? 'previous' : 'current');

/**
 * Why one side has nothing to compare, or null when it has something. An empty cycle is a
 * choice the user can change (exit 2); a report with no recommendations at all is the input's
 * problem (exit 1).
 */
function emptySide(report: Report, cycle: Cycle, flag: '--old-cycle' | '--new-cycle', single: boolean): { code: number; message: string } | null {
  if (countIn(report, cycle) > 0) return null;
  if (report.recommendations.length === 0) return { code: DIFF_EXIT.trouble, message: 'no recommendations found, so nothing to compare' };
  const others = countIn(report, other(cycle));
  if (single && cycle === 'previous') {
    return { code: DIFF_EXIT.trouble, message: `has no previous-cycle recommendations, only ${others} current; give a second report to compare it with` };
  }
  return { code: DIFF_EXIT.trouble, message: `has no ${cycle}-cycle recommendations (it has ${others} ${other(cycle)}; choose them with ${flag} ${other(cycle)})` };
}

/** cpc diff <old> [new]: two reports' recommendations, or one report's previous and current cycles. */
export async function diffCommand(oldFile: string, newFile: string | undefined, opts: DiffCommandOptions, io: CliIO): Promise<number> {
  const single = newFile === undefined;
  if (!single && oldFile === '-' && newFile === '-') {
    reportError(io, null, 'stdin can be read only once: give - as one of the two reports at most');
    return DIFF_EXIT.trouble;
  }
  const oldShown = shownName(oldFile);
  const newShown = single ? oldShown : shownName(newFile);
  const oldCycle = opts.oldCycle ?? (single ? 'previous' : 'current');
  const newCycle = opts.newCycle ?? 'current';

  let oldReport: Report;
  let newReport: Report;
  let failing = oldShown;
  const verbosity = verbosityOf(opts);
  try {
    const old = await readReport(oldFile, oldShown, opts, io);
    reportMessages(io, oldShown, old.messages, verbosity);
    oldReport = old.report;
    failing = newShown;
    if (single) newReport = oldReport;
    else {
      const later = await readReport(newFile, newShown, opts, io);
      reportMessages(io, newShown, later.messages, verbosity);
      newReport = later.report;
    }
  } catch (e) {
    const f = describeFailure(e);
    reportError(io, failing, f.message, f.errorCode);
    return DIFF_EXIT.trouble;
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
  io.stdout.write(renderDiff(result, opts.format, colorLevel(io.stdout, io.env, opts.color)));
  return opts.exitCode && hasChanges(result) ? DIFF_EXIT.differs : DIFF_EXIT.same;
}
