import type { LayoutId } from '../annex/types.js';
import type { CellValue } from '../grid/types.js';
import type { LayoutDefinition } from '../annex/schema.js';

/** What a derived cell can be, in the order fill lists them: totals first, then what rows derive. */
export const DERIVED_ROLES = [
  'total',
  'subtotal',
  'crossfoot',
  'rate',
  'reduction',
  'difference',
  'flow',
] as const;

/** What a derived cell is. */
export type DerivedRole = (typeof DERIVED_ROLES)[number];

/**
 * A cell that fill would write. `formula` (without `=`) is set in formula mode;
 * `value` is always the computed result, as a number for the cell and as `text`,
 * an exact decimal string.
 */
export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly cell: string;
  readonly role: DerivedRole;
  readonly formula?: string;
  readonly value: number;
  readonly text: string;
}

/** A derived cell that already holds a different value: written only with `overwrite`. */
export interface FillConflict {
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly existing: CellValue;
  readonly existingFormula?: string;
  readonly write: CellWrite;
}

/** Options for {@link fillSheet}. */
export interface FillOptions {
  /** Force a layout instead of detecting one (a built-in id, or a user-defined layout's id). */
  readonly layout?: LayoutId | (string & {});
  /** `formula` (default) writes SUM and arithmetic formulas; `value` writes numbers. */
  readonly mode?: 'formula' | 'value';
  /** Also write over cells that hold a different value; they are still listed as conflicts. */
  readonly overwrite?: boolean;
  readonly locale?: 'vi' | 'en';
  /** Layouts to choose from instead of the built-in ones (user-defined layouts). */
  readonly layouts?: readonly LayoutDefinition[];
}

/** What fill found to write. Nothing is written by the rules package itself. */
export interface FillResult {
  readonly sheet: string;
  readonly layout: LayoutId | null;
  readonly writes: readonly CellWrite[];
  readonly conflicts: readonly FillConflict[];
}
