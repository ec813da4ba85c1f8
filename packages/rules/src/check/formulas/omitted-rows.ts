import { additiveRanges, type CellRange } from '../../formula/refs.js';
import { makeIssue } from '../issue.js';
import { shortLabel, type ModelRow, type SheetModel } from '../model.js';
import { rowList, summableKeys } from '../sums.js';
import type { Issue } from '../types.js';
import { SheetFormulas } from './sheet-formulas.js';

function descendants(m: SheetModel, i: number, out = new Set<number>()): Set<number> {
  for (const c of (m.rows[i] as ModelRow).children) {
    out.add((m.rows[c] as ModelRow).row);
    descendants(m, c, out);
  }
  return out;
}

/** Whether every cell of the rectangles is in column `col`. */
function allInColumn(ranges: readonly CellRange[], col: number): boolean {
  for (const g of ranges) if (g.left !== col || g.right !== col) return false;
  return true;
}

/**
 * Sheet rows marked with a number, one array for the whole sheet instead of a set per formula:
 * marking anew with a new number clears the old marks. Rows past the sheet's (a formula may
 * name any row) are kept in a map.
 */
class RowMarks {
  private readonly marks: Int32Array;
  private readonly beyond = new Map<number, number>();

  constructor(rows: number) {
    this.marks = new Int32Array(rows);
  }

  /** Mark a row with `mark`; false when it already had it. */
  mark(row: number, mark: number): boolean {
    if (this.has(row, mark)) return false;
    if (row < this.marks.length) this.marks[row] = mark;
    else this.beyond.set(row, mark);
    return true;
  }

  has(row: number, mark: number): boolean {
    return row < this.marks.length ? this.marks[row] === mark : this.beyond.get(row) === mark;
  }
}

/** A total's SUM leaves out a child row, or takes in a grandchild or a "Trong đó" row. */
export function checkOmittedRows(
  m: SheetModel,
  issues: Issue[],
  formulas: SheetFormulas = new SheetFormulas(m),
): void {
  const check = new OmittedRowsCheck(m, formulas, issues);
  for (const i of formulas.parents) check.parent(i);
}

/** {@link checkOmittedRows}, one parent row at a time. */
class OmittedRowsCheck {
  private readonly columns: ReadonlyArray<{ readonly key: string; readonly col: number }>;
  // The rows of the children of parent i are marked i + 1; the rows the formula in hand adds are
  // marked with its own number. No map of children per parent, no set of rows per formula.
  private childRows: RowMarks | undefined;
  private addedRows: RowMarks | undefined;
  private sums = 0;
  /** The rows below the parent {@link belowOf}, once a sum of it needed them. */
  private belowRows: Set<number> | undefined;
  private belowOf = -1;

  constructor(
    private readonly m: SheetModel,
    private readonly formulas: SheetFormulas,
    private readonly issues: Issue[],
  ) {
    this.columns = summableKeys(m).map((key) => ({ key, col: m.columns.get(key) as number }));
  }

  /** Check the sums of row `i` of the model, a row with children. */
  parent(i: number): void {
    let marked = false;
    for (let k = 0; k < this.columns.length; k++) {
      const { key, col } = this.columns[k] as { key: string; col: number };
      // Nothing to report on a plain SUM of the children, nor to work out (see addsItsChildren).
      if (this.formulas.addsItsChildren(i, col)) continue;
      const formula = this.formulas.at(i, col);
      if (!formula) continue;
      const ranges = additiveRanges(formula);
      if (!ranges || !allInColumn(ranges, col)) continue;
      const parent = this.m.rows[i] as ModelRow;
      if (!marked) {
        const rows = (this.childRows ??= new RowMarks(this.m.grid.cells.length));
        this.addedRows ??= new RowMarks(this.m.grid.cells.length);
        for (const c of parent.children) rows.mark(this.formulas.sheetRow[c] as number, i + 1);
        marked = true;
      }
      this.check(i, parent, key, col, formula, ranges);
    }
  }

  /** Check one sum of row `i` of the model, whose children's rows are marked. */
  private check(
    i: number,
    parent: ModelRow,
    key: string,
    col: number,
    formula: string,
    ranges: readonly CellRange[],
  ): void {
    const { m, formulas } = this;
    const childRows = this.childRows as RowMarks;
    const addedRows = this.addedRows as RowMarks;
    // The rows added, each once, in the order the formula first adds them.
    const mark = ++this.sums;
    const refRows: number[] = [];
    for (const g of ranges)
      for (let r = g.top; r <= g.bottom; r++) if (addedRows.mark(r, mark)) refRows.push(r);
    const doubled: number[] = [];
    for (const r of refRows) {
      const isChild = childRows.has(r, i + 1);
      if ((!isChild && this.below(i).has(r)) || formulas.isOfWhich(r)) doubled.push(r);
    }
    let omits = false;
    for (const c of parent.children)
      if (!addedRows.has(formulas.sheetRow[c] as number, mark)) {
        if ((m.rows[c] as ModelRow).values.has(key)) omits = true;
      }
    if (doubled.length || omits)
      this.issues.push(omitsRowIssue(m, parent, key, col, formula, new Set(refRows), doubled));
  }

  /** The rows below row `i` of the model, walked once per parent: when a sum adds a row that is not a child. */
  private below(i: number): Set<number> {
    if (this.belowOf !== i) {
      this.belowOf = i;
      this.belowRows = descendants(this.m, i);
    }
    return this.belowRows as Set<number>;
  }
}

/** The formula/omits-row issue of a total's formula that adds `refRows`, `doubled` among them. */
function omitsRowIssue(
  m: SheetModel,
  parent: ModelRow,
  key: string,
  col: number,
  formula: string,
  refRows: ReadonlySet<number>,
  doubled: readonly number[],
): Issue {
  const childRows = new Map(
    parent.children.map((c) => [(m.rows[c] as ModelRow).row, m.rows[c] as ModelRow]),
  );
  const omitted = [...childRows.keys()].filter(
    (r) => !refRows.has(r) && childRows.get(r)?.values.has(key) === true,
  );
  const detail = [
    omitted.length
      ? { vi: `bỏ sót dòng ${rowList(omitted)}`, en: `leaves out row(s) ${rowList(omitted)}` }
      : null,
    doubled.length
      ? {
          vi: `cộng cả dòng ${rowList(doubled)} (dòng cháu hoặc dòng "Trong đó")`,
          en: `also adds row(s) ${rowList(doubled)} (grandchildren or "of which" rows)`,
        }
      : null,
  ].filter((d): d is { vi: string; en: string } => d !== null);
  return makeIssue({
    code: 'formula/omits-row',
    severity: 'error',
    row: parent.row,
    col,
    text: {
      label: shortLabel(parent),
      formula,
      detail: detail.map((d) => d.vi).join('; '),
      detailEn: detail.map((d) => d.en).join('; '),
      rows: rowList([...childRows.keys()]),
    },
  });
}
