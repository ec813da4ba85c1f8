import type { Issue } from '../check/types.js';
import type { MoneyUnit } from '../money/units.js';

/**
 * One amount the plan's text gives for a project or sub-project
 * ("Kinh phí thực hiện: 1.469 triệu đồng", "… Tiểu Dự án 2 – Dự án 6: …: 378.000.000 đồng").
 * Amounts are exact decimal strings in the unit the text wrote them in.
 */
export interface PlanLine {
  /** 1-based line of the text where the amount is written. */
  readonly line: number;
  /** Catalogue code of the project: `'DA3'`. */
  readonly project: string;
  /** Catalogue code of the sub-project, `'DA3.TDA1'`, or undefined for a project-level amount. */
  readonly subproject?: string;
  /** The amount, a decimal string: `'1469'`, `'378000000'`. */
  readonly amount: string;
  /** The unit the text wrote the amount in. */
  readonly unit: MoneyUnit;
  /** Central budget (ngân sách trung ương, NSTW) of the split, in {@link PlanLine.unit}. */
  readonly central?: string;
  /** Local budget (ngân sách địa phương, NSĐP) of the split, in {@link PlanLine.unit}. */
  readonly local?: string;
  /** Other sources of the split (vốn lồng ghép, huy động khác, tín dụng), summed, in {@link PlanLine.unit}. */
  readonly other?: string;
}

/** The plan's overall amount ("Tổng kinh phí thực hiện: 7.645 triệu đồng, cụ thể: …") and its split. */
export interface PlanTotal {
  readonly line: number;
  readonly amount: string;
  readonly unit: MoneyUnit;
  readonly central?: string;
  readonly local?: string;
  readonly other?: string;
}

/**
 * A poverty target the text states: a rate drop ("giảm từ 5,21% xuống 3,25%"), a household
 * drop ("giảm từ 64 hộ xuống còn 40 hộ"), or both, with the stated reductions if any
 * ("giảm 0,55% (từ 2,5 … xuống còn 1,95 %)", "giảm trong năm 24 hộ").
 * Rates are percentages as decimal strings (`'5.21'`); counts are households.
 */
export interface PlanTarget {
  readonly line: number;
  readonly startRate?: string;
  readonly endRate?: string;
  /** The stated reduction in percentage points. */
  readonly reduction?: string;
  readonly startCount?: string;
  readonly endCount?: string;
  /** The stated reduction in households. */
  readonly countReduction?: string;
  /**
   * The number of households the counts and rates imply (rates rounded at the text's
   * precision), when both are given and agree: `{ min: '1229', max: '1229' }`.
   */
  readonly households?: { readonly min: string; readonly max: string };
}

/**
 * An issue about the plan's text. `line` is the 1-based line of the text (0 when the issue
 * has no place in the text, e.g. an annex row the plan does not mention). `cell` is the
 * annex cell the issue refers to, or `''` with `row` and `col` set to -1 when it refers to
 * none.
 */
export type PlanIssue = Issue & { readonly line: number };

/** What {@link readPlan} found in a plan's text. */
export interface Plan {
  readonly lines: readonly PlanLine[];
  readonly targets: readonly PlanTarget[];
  readonly total?: PlanTotal;
  readonly issues: readonly PlanIssue[];
}

/** Options for {@link readPlan}. */
export interface ReadPlanOptions {
  /** Programme period of the catalogue. Default: the current one. */
  readonly period?: string;
  /** How to read numbers: `vi` by default ("1.469" is 1469). */
  readonly locale?: 'vi' | 'en';
  /**
   * Largest difference, in the total's unit, still accepted when the amounts are added up.
   * Default: none beyond the total's own precision (the sum is rounded to the decimals the
   * total is written with).
   */
  readonly tolerance?: string | number;
}

/** Options for {@link crossCheckPlan}. */
export interface CrossCheckOptions {
  /** Programme period of the catalogue. Default: the current one. */
  readonly period?: string;
  /** How to read numbers typed as text in the annex. `vi` by default. */
  readonly locale?: 'vi' | 'en';
  /**
   * Largest difference, in the annex's unit, still accepted between plan and annex.
   * Default: half a unit of the less precise of the two figures.
   */
  readonly tolerance?: string | number;
}
