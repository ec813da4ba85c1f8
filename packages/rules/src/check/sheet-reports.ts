import { columnLetters } from '../grid/a1.js';
import { makeIssue } from './issue.js';
import type { Report } from './types.js';
import { NOT_READ } from '../relations/coverage.js';
import { summarize } from './validate.js';

function report(sheet: string, issues: Report['issues']): Report {
  return {
    sheet,
    layout: null,
    score: 0,
    candidates: [],
    issues: [...issues],
    summary: summarize(issues),
    coverage: NOT_READ,
  };
}

/**
 * The report of a sheet an adapter refused to read because it is too large (its used range is
 * beyond the adapter's limits): one `sheet/too-large` error at A1, so the sheet is named in the
 * output while the other sheets are still checked.
 *
 * @example
 * tooLargeReport('PL01', { rows: 1048576, cols: 16384, maxRows: 200000, maxCols: 1000 });
 */
export function tooLargeReport(
  sheet: string,
  size: {
    readonly rows: number;
    readonly cols: number;
    readonly maxRows: number;
    readonly maxCols: number;
  },
): Report {
  return report(sheet, [
    makeIssue({
      code: 'sheet/too-large',
      severity: 'error',
      row: 0,
      col: 0,
      text: { cols: size.cols > 0 ? columnLetters(size.cols - 1) : '-' },
      numbers: {
        rows: String(size.rows),
        maxRows: String(size.maxRows),
        maxCols: String(size.maxCols),
      },
    }),
  ]);
}

/**
 * The report of a sheet an adapter could not turn into a grid (the reader threw): one
 * `check/failed` error at A1; the other sheets are still checked.
 *
 * @example
 * failedReport('PL02', new Error('bad shared formula'));
 */
export function failedReport(sheet: string, error: unknown): Report {
  const text =
    (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';
  return report(sheet, [
    makeIssue({ code: 'check/failed', severity: 'error', row: 0, col: 0, text: { error: text } }),
  ]);
}
