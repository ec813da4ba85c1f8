/** An Excel error value such as `#REF!`, `#N/A` or `#DIV/0!`. */
export interface CellErrorValue {
  readonly error: string;
}

/** What a cell holds: a number, text, a boolean, nothing, or an error value. */
export type CellValue = number | string | boolean | null | CellErrorValue;

/** Presentation hints used by templates; adapters map them to their own styles. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
  readonly border?: boolean;
  readonly fontSize?: number;
}

/**
 * One cell of a grid. `value` is the value (for a formula cell, its cached result);
 * `formula` is the formula without its leading `=`; `numFmt` is the number format.
 */
export interface Cell {
  readonly value: CellValue;
  readonly formula?: string;
  readonly numFmt?: string;
  readonly style?: CellStyle;
}

/** A merged area, 0-based and inclusive on every side. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A sheet as a rectangle of cells, independent of Excel or any file format.
 * Row and column indices are 0-based and relative to the sheet's A1 cell,
 * so `cells[r][c]` sits at the A1 address `toA1(r, c)`.
 */
export interface Grid {
  readonly name: string;
  readonly cells: ReadonlyArray<ReadonlyArray<Cell | null | undefined>>;
  readonly merges: readonly MergeRange[];
  readonly hiddenRows?: readonly number[];
  readonly hiddenCols?: readonly number[];
}

/** Type guard for an error value. */
export function isCellError(value: CellValue | undefined): value is CellErrorValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CellErrorValue).error === 'string'
  );
}
