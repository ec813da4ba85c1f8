import { makeIssue, type IssueInput } from '../check/issue.js';
import type { PlanIssue } from './types.js';

/** What a plan issue is built from: an issue's input without a cell, plus the text's line. */
export type PlanIssueInput = Omit<IssueInput, 'row' | 'col'> & {
  /** 1-based line of the plan's text; 0 when the issue has no place in the text. */
  readonly line: number;
  /** The annex cell the issue refers to (0-based), if any. */
  readonly row?: number;
  readonly col?: number;
};

/**
 * Build a {@link PlanIssue} through `makeIssue`: the message comes from the catalogue
 * (`issue.plan/…`). Without an annex cell, `cell` is `''` and `row`, `col` are -1.
 */
export function makePlanIssue(input: PlanIssueInput): PlanIssue {
  const { line, row, col, ...rest } = input;
  const hasCell = row !== undefined && col !== undefined && row >= 0 && col >= 0;
  const issue = makeIssue({
    ...rest,
    row: hasCell ? row : 0,
    col: hasCell ? col : 0,
    text: { line, ...(rest.text ?? {}) },
  });
  return hasCell ? { ...issue, line } : { ...issue, cell: '', row: -1, col: -1, line };
}
