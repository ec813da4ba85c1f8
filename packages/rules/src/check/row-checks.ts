import type { ModelRow } from './model.js';
import type { NumericCell } from './read-cell.js';
import type { Issue } from './types.js';

/**
 * A check of one row (for one column or one rule): pushes the row's issues, if any, to `found`.
 * `i` is the row's index in the model (`SheetModel.numbers` holds its figures by that index).
 */
export type RowCheck = (x: ModelRow, found: Issue[], i: number) => void;

/**
 * The numbers of the row being checked, each read once however many of a check's rules ask for
 * it: reading a number makes its cell (check/row-values.ts), and the rules of a check share
 * columns (four rates over the same households).
 */
export class RowReader {
  private readonly keys: string[] = [];
  private readonly cells: Array<NumericCell | null | undefined> = [];

  /** The slot of column `key`, for {@link RowReader.cell}. */
  slot(key: string): number {
    const known = this.keys.indexOf(key);
    if (known >= 0) return known;
    this.keys.push(key);
    this.cells.push(undefined);
    return this.keys.length - 1;
  }

  /** Read the numbers of row `x` in every column a slot was asked for. */
  startRow(x: ModelRow): void {
    for (let i = 0; i < this.keys.length; i++) this.cells[i] = x.values.get(this.keys[i] as string);
  }

  /** The row's number in the column of `slot`: null when empty, undefined when no such column. */
  cell(slot: number): NumericCell | null | undefined {
    return this.cells[slot];
  }
}

/**
 * Run row checks over the rows in a single pass, and report their issues check by check, each
 * in row order: the order of one pass per check. On a large sheet, going over the rows' numbers
 * costs more than the checks themselves, so each row is read once, not once per column or rule
 * (and each of its numbers once, when the checks read them through `reader`). `rows` are the
 * model's rows (`SheetModel.rows`), all of them in order: each check gets a row's index in them.
 */
export function runRowChecks(
  rows: readonly ModelRow[],
  checks: readonly RowCheck[],
  issues: Issue[],
  reader?: RowReader,
): void {
  if (checks.length === 0) return;
  const found = checks.map((): Issue[] => []);
  for (let i = 0; i < rows.length; i++) {
    const x = rows[i] as ModelRow;
    reader?.startRow(x);
    for (let k = 0; k < checks.length; k++) (checks[k] as RowCheck)(x, found[k] as Issue[], i);
  }
  for (const list of found) for (const issue of list) issues.push(issue);
}
