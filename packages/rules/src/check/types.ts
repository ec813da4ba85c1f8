import type { LayoutId } from '../annex/types.js';
import type { Coverage } from '../relations/coverage.js';

/** How bad an issue is. Only `error` makes the CLI exit with status 1. */
export type Severity = 'error' | 'warning' | 'info';

/** The stable issue codes: a public contract (see README). */
export const ISSUE_CODES = [
  'header/unknown-layout',
  'header/missing-column',
  'cell/error-value',
  'cell/not-number',
  'cell/number-as-text',
  'cell/ambiguous-number',
  'cell/negative',
  'cell/not-whole',
  'cell/precision',
  'sum/foot',
  'sum/crossfoot',
  'sum/rounding',
  'rate/mismatch',
  'rate/range',
  'rate/averaged-total',
  'target/raises-poverty',
  'target/reduction-mismatch',
  'target/flow-mismatch',
  'target/below-assigned',
  'target/direction',
  'target/exceeds-households',
  'catalog/unknown-project',
  'catalog/name-mismatch',
  'catalog/capital-type',
  'catalog/unknown-indicator',
  'budget/unit-suspect',
  'budget/counterpart-ratio',
  'formula/omits-row',
  'formula/hardcoded-total',
  'formula/inconsistent',
  'formula/external-ref',
  'check/failed',
  'sheet/too-large',
  'table/rows-not-read',
  'plan/total-mismatch',
  'plan/split-mismatch',
  'plan/target-mismatch',
  'plan/annex-mismatch',
  'plan/missing-in-annex',
  'plan/missing-in-plan',
] as const;

/** One of {@link ISSUE_CODES}. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** A message in both languages the product speaks. */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/**
 * A problem found in a sheet, placed at one cell.
 * `expected` and `actual` are decimal strings (`"7645"`, `"5.21"`) when the issue compares numbers.
 */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** A1 address in the sheet, e.g. `"C8"`. */
  readonly cell: string;
  /** 0-based row and column of {@link Issue.cell}. */
  readonly row: number;
  readonly col: number;
  readonly message: LocalizedText;
  readonly expected?: string;
  readonly actual?: string;
  /** The parameters the message was rendered from. */
  readonly params: Readonly<Record<string, string | number>>;
}

/** Counts of issues by severity. */
export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Options for {@link validateSheet}. */
export interface ValidateOptions {
  /** Force a layout instead of detecting one (a built-in id, or a user-defined layout's id). */
  readonly layout?: LayoutId | (string & {});
  /**
   * Largest difference (in the sheet's unit) still reported as `sum/rounding` (info) rather than an error.
   * Default: each figure's rounding interval — half a unit of the last decimal its own cell shows,
   * for a figure that hides decimals or (in a sheet in nghìn, triệu or tỷ đồng) shows some — summed
   * over the relation's figures (see check/tolerance.ts `roundingInterval`).
   */
  readonly tolerance?: string | number;
  /** Minimum NSĐP share of a line's total, in percent (e.g. 10). Off unless set. */
  readonly counterpartRatio?: string | number;
  /** Households the summed reductions must reach (assigned from above). Off unless set. */
  readonly assignedReduction?: string | number;
  /** How to read numbers typed as text. `vi` by default: "1.469" is 1469. */
  readonly locale?: 'vi' | 'en';
  /** Programme period of the catalogue. Default: the current one. */
  readonly period?: string;
}

/** The result of validating one sheet. */
export interface Report {
  readonly sheet: string;
  /** The layout used, or `null` when none fits. */
  readonly layout: LayoutId | null;
  /** Fit score of the layout used, 0–1. */
  readonly score: number;
  /** Every layout's fit, best first. */
  readonly candidates: ReadonlyArray<{ readonly layout: LayoutId; readonly score: number }>;
  readonly issues: readonly Issue[];
  readonly summary: Summary;
  /**
   * What was checked: each numeric column with the relations that checked it (and where each
   * came from), and the numeric columns nothing checked. A sheet with unchecked columns is never
   * fully clean, whatever its issues.
   */
  readonly coverage: Coverage;
}
