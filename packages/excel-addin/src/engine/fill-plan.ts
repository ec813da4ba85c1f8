/**
 * A fill worked out on one reading of a sheet, before anything is written, and described for the
 * preview: each cell it writes with what it holds now and exactly what it will hold, for each
 * choice the user can make (overwrite or not, formulas or values), and the open warnings that feed
 * the totals it writes. Worked out where the grid is (the engine's Web Worker), so the page gets
 * lists to show, not a sheet to go through; the confirm button writes `cellWritesOf` of the very
 * list shown. (The plan is made by `planFill`, in the engine; this module holds only what the page
 * reads of it, so that the page loads no rules for it.)
 */
import type { FedWarning, FillResult, PlannedWrite } from '@phuluc/rules';

/** The cells one choice writes, described, in each write mode. */
export interface DescribedWrites {
  readonly formula: readonly PlannedWrite[];
  readonly value: readonly PlannedWrite[];
}

/** A fill worked out both ways (leaving conflicts alone, and overwriting them), described. */
export interface FillPlan {
  /** Without overwrite: conflicts are left alone. */
  readonly plain: FillResult;
  /** With overwrite: conflicts written too. */
  readonly overwrite: FillResult;
  /** What each choice writes, cell by cell. */
  readonly described: { readonly plain: DescribedWrites; readonly overwrite: DescribedWrites };
  /** The open warnings (unit-suspect, number-as-text) that feed each choice's writes. */
  readonly fed: {
    readonly plain: readonly FedWarning[];
    readonly overwrite: readonly FedWarning[];
  };
}

/**
 * The cells confirm writes, described: the panel lists exactly these, and the pane writes
 * `cellWritesOf` of exactly these. Conflicts only when the user ticked overwrite; formulas only
 * when the user asked for them.
 */
export function plannedWrites(
  plan: FillPlan,
  overwrite: boolean,
  formulas: boolean,
): readonly PlannedWrite[] {
  const choice = overwrite ? plan.described.overwrite : plan.described.plain;
  return formulas ? choice.formula : choice.value;
}

/** The open warnings that feed the cells {@link plannedWrites} writes. */
export function fedWarnings(plan: FillPlan, overwrite: boolean): readonly FedWarning[] {
  return overwrite ? plan.fed.overwrite : plan.fed.plain;
}
