import { toA1 } from '../grid/a1.js';
import type { Cell, Grid } from '../grid/types.js';
import { R1C1Patterns } from '../formula/patterns.js';
import {
  additiveRanges,
  externalBooks,
  scanOneRangeSum,
  type CellRange,
  type MutableCellRange,
} from '../formula/refs.js';
import { makeIssue } from './issue.js';
import { shortLabel, type ModelRow, type SheetModel } from './model.js';
import { crossfootEquations, rowList, summableKeys } from './sums.js';
import type { Issue } from './types.js';

// The formula checks read a sheet of 100k rows once, row by row, into compact arrays they share
// (SheetFormulas), and then rarely look at a cell or a row object again: on sheets that size the
// time goes into fetching cells and rows from memory, far more than into reading formulas.

/** The formula of a cell, if it has one: `getCell(grid, row, col)?.formula` without the call. */
function formulaAt(grid: Grid, row: number, col: number): string | undefined {
  return grid.cells[row]?.[col]?.formula;
}

/** The number a cell holds, if it holds one (typed, or the result of a formula). */
function numberAt(grid: Grid, row: number, col: number): number | undefined {
  const value = grid.cells[row]?.[col]?.value;
  return typeof value === 'number' ? value : undefined;
}

/** Whether a column holds numbers the checks compare: money, counts or percentages. */
function isNumericColumn(m: SheetModel, key: string): boolean {
  const kind = m.defs.get(key)?.kind;
  return kind === 'money' || kind === 'count' || kind === 'percent';
}

/** A formula with a `[` (it may name another workbook), at its 0-based row and column. */
interface BracketFormula {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

/** What a row of the model is, as bits of {@link SheetFormulas}' `kinds`. */
const LEAF = 1; // no children, not a total, not "of which": its formulas should match its column's
const PARENT = 2; // has children: its sums add them
const OF_WHICH = 4; // a "Trong đó" row or its heading: no total adds it

/**
 * A sheet's formulas and rows, read once, row by row, for the formula checks to share:
 * - every formula with a `[`, which may name another workbook;
 * - the formulas of the table's numeric columns, by row of the model, and those of its leaf rows
 *   numbered by their R1C1 form while their text is at hand;
 * - what each row of the model is (leaf, parent, "of which") and its sheet row, in typed arrays.
 *
 * The rows of the model come in sheet order (buildModel reads the sheet top down), so numbering
 * formulas as the sheet is read numbers them in the order the checks take the rows.
 */
export class SheetFormulas {
  /** Formulas with a `[`, in sheet order. */
  readonly withBracket: BracketFormula[] = [];
  /** Whether any column of the table's rows holds a formula. */
  inTable = false;
  /** The sheet row of each row of the model (`m.rows[i].row`). */
  readonly sheetRow: Int32Array;
  /** The rows of the model with children, in order. */
  readonly parents: readonly number[];
  /** The row of the model of each sheet row, or -1. */
  private readonly modelRow: Int32Array;
  /** What each row of the model is: {@link LEAF}, {@link PARENT}, {@link OF_WHICH} bits. */
  private readonly kinds: Uint8Array;
  /** How many leaf rows the model has. */
  private readonly leafCount: number;
  /** The columns of the table. */
  private readonly tableColumns: ReadonlySet<number>;
  /** The slot of each sheet column in the arrays below, or -1 for a column not kept. */
  private readonly slotOf: Int32Array;
  /** Per kept (numeric) column, 1 for each row of the model with a formula there. */
  private readonly hasFormula: Uint8Array[];
  /** Per kept column, the formulas of the parent rows, in the order of {@link parents}. */
  private readonly parentFormulas: Array<Array<string | undefined>>;
  /** The place of each parent row of the model in {@link parents}. */
  private readonly parentIndex: Int32Array;
  /**
   * Per parent (in the order of {@link parents}), the sheet rows of its first and last child when
   * its children's rows are one run of rows; -1 for both when not.
   */
  private readonly runFirst: Int32Array;
  private readonly runLast: Int32Array;
  /**
   * Per kept column that holds sums (money, counts), 1 for each parent (in the order of
   * {@link parents}) whose formula there is `SUM(first:last)` of its children: see
   * {@link addsItsChildren}. Empty for the other columns.
   */
  private readonly addsChildren: Uint8Array[];
  /** The rectangle {@link readRow} reads a sum into. */
  private readonly range: MutableCellRange = { top: 0, left: 0, bottom: 0, right: 0 };
  /** Per kept column, its formulas in leaf rows, numbered by their R1C1 form (none until one is read). */
  private readonly leaves: Array<R1C1Patterns | undefined>;

  /** Read a sheet's formulas. */
  constructor(private readonly m: SheetModel) {
    const n = m.rows.length;
    this.sheetRow = new Int32Array(n);
    this.modelRow = new Int32Array(m.grid.cells.length).fill(-1);
    this.kinds = new Uint8Array(n);
    this.parentIndex = new Int32Array(n);
    const parents: number[] = [];
    let leafCount = 0;
    m.rows.forEach((x, i) => {
      this.sheetRow[i] = x.row;
      this.modelRow[x.row] = i;
      const leaf = x.children.length === 0 && !x.isTotal && !x.ofWhich;
      if (leaf) leafCount++;
      if (x.children.length > 0) this.parentIndex[i] = parents.push(i) - 1;
      this.kinds[i] =
        (leaf ? LEAF : 0) |
        (x.children.length > 0 ? PARENT : 0) |
        (x.ofWhich || x.isOfWhichHeading ? OF_WHICH : 0);
    });
    this.parents = parents;
    this.leafCount = leafCount;
    this.runFirst = new Int32Array(parents.length);
    this.runLast = new Int32Array(parents.length);
    parents.forEach((i, p) => {
      const children = (m.rows[i] as ModelRow).children;
      const first = this.runStart(children);
      this.runFirst[p] = first;
      this.runLast[p] = first < 0 ? -1 : first + children.length - 1;
    });

    const kept = [
      ...new Set([...m.columns].filter(([k]) => isNumericColumn(m, k)).map(([, c]) => c)),
    ];
    this.tableColumns = new Set(m.columns.values());
    this.slotOf = new Int32Array(Math.max(0, ...this.tableColumns) + 1).fill(-1);
    kept.forEach((c, slot) => (this.slotOf[c] = slot));
    this.hasFormula = kept.map(() => new Uint8Array(n));
    this.parentFormulas = kept.map(() =>
      new Array<string | undefined>(parents.length).fill(undefined),
    );
    this.leaves = kept.map(() => undefined);
    const sums = new Set(summableKeys(m).map((k) => m.columns.get(k)));
    this.addsChildren = kept.map((c) => new Uint8Array(sums.has(c) ? parents.length : 0));

    // Row by row: one call per row keeps the work in a small function V8 optimises once.
    const cells = m.grid.cells;
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      if (row) this.readRow(row, r);
    }
  }

  /** Read the formulas of sheet row `r`. */
  private readRow(row: ReadonlyArray<Cell | null | undefined>, r: number): void {
    const i = this.modelRow[r] as number;
    for (let c = 0; c < row.length; c++) {
      const formula = row[c]?.formula;
      if (!formula) continue;
      if (formula.includes('[')) this.withBracket.push({ row: r, col: c, formula });
      if (i < 0) continue;
      const slot = this.slot(c);
      if (slot < 0) {
        if (!this.inTable && this.tableColumns.has(c)) this.inTable = true;
        continue;
      }
      this.inTable = true;
      (this.hasFormula[slot] as Uint8Array)[i] = 1;
      const kind = this.kinds[i] as number;
      if ((kind & PARENT) !== 0) this.readSum(formula, i, slot, c);
      if ((kind & LEAF) !== 0)
        (this.leaves[slot] ??= new R1C1Patterns(this.leafCount)).add(formula, r, c);
    }
  }

  /** Keep the formula of a parent row, and note whether it is the plain sum of its children. */
  private readSum(formula: string, i: number, slot: number, col: number): void {
    const p = this.parentIndex[i] as number;
    (this.parentFormulas[slot] as Array<string | undefined>)[p] = formula;
    const addsChildren = this.addsChildren[slot] as Uint8Array;
    if (addsChildren.length === 0) return;
    const first = this.runFirst[p] as number;
    const last = this.runLast[p] as number;
    const g = this.range;
    if (
      first >= 0 &&
      scanOneRangeSum(formula, g) &&
      g.left === col &&
      g.right === col &&
      g.top === first &&
      g.bottom === last &&
      !this.anyOfWhich(first, last)
    )
      addsChildren[p] = 1;
  }

  /** Whether any of the sheet rows `[top, bottom]` is a "Trong đó" row. */
  private anyOfWhich(top: number, bottom: number): boolean {
    for (let r = top; r <= bottom; r++) if (this.isOfWhich(r)) return true;
    return false;
  }

  /** The sheet row of the first child when the children's rows are one run of rows, or -1. */
  private runStart(children: readonly number[]): number {
    const first = this.sheetRow[children[0] as number] as number;
    for (let k = 1; k < children.length; k++)
      if (this.sheetRow[children[k] as number] !== first + k) return -1;
    return first;
  }

  /**
   * Whether the formula of row `i` of the model (a parent) in sheet column `col` is
   * `SUM(first:last)` of its children, whose rows are one run with no "Trong đó" row among them —
   * as nearly every sub-total is. It then adds each child once, leaves none out and adds nothing
   * else. Found as the sheet is read, while the formula's text is at hand.
   */
  addsItsChildren(i: number, col: number): boolean {
    const slot = this.slot(col);
    if (slot < 0) return false;
    const addsChildren = this.addsChildren[slot] as Uint8Array;
    return addsChildren.length > 0 && addsChildren[this.parentIndex[i] as number] === 1;
  }

  private slot(col: number): number {
    return col < this.slotOf.length ? (this.slotOf[col] as number) : -1;
  }

  /** The formula of row `i` of the model (`m.rows[i]`) in sheet column `col`, if any. */
  at(i: number, col: number): string | undefined {
    const slot = this.slot(col);
    if (slot >= 0 && (this.hasFormula[slot] as Uint8Array)[i] === 0) return undefined;
    if (slot >= 0 && this.isParent(i))
      return (this.parentFormulas[slot] as Array<string | undefined>)[
        this.parentIndex[i] as number
      ];
    return formulaAt(this.m.grid, this.sheetRow[i] as number, col);
  }

  /**
   * Whether row `i` of the model has a formula in sheet column `col`: {@link at} without a look
   * at the formula (a fetch from memory a loop over 100k rows feels).
   */
  has(i: number, col: number): boolean {
    const slot = this.slot(col);
    if (slot >= 0) return (this.hasFormula[slot] as Uint8Array)[i] === 1;
    return Boolean(this.at(i, col));
  }

  /** The formulas of a numeric column in the leaf rows (in order), numbered by their R1C1 form. */
  leafPatterns(col: number): R1C1Patterns | undefined {
    const slot = this.slot(col);
    return slot >= 0 ? this.leaves[slot] : undefined;
  }

  /** The leaf rows of the model (indices of `m.rows`) with a formula in sheet column `col`, in order. */
  leafRows(col: number): number[] {
    const rows: number[] = [];
    for (let i = 0; i < this.kinds.length; i++)
      if (((this.kinds[i] as number) & LEAF) !== 0 && this.has(i, col)) rows.push(i);
    return rows;
  }

  /** Whether row `i` of the model has children. */
  isParent(i: number): boolean {
    return ((this.kinds[i] as number) & PARENT) !== 0;
  }

  /** Whether a sheet row is a "Trong đó" row of the table or its heading. */
  isOfWhich(sheetRow: number): boolean {
    const i = sheetRow < this.modelRow.length ? (this.modelRow[sheetRow] as number) : -1;
    return i >= 0 && ((this.kinds[i] as number) & OF_WHICH) !== 0;
  }
}

/** Formulas that read another workbook: the figures change when that file does, or break when it moves. */
export function checkExternalRefs(
  m: SheetModel,
  issues: Issue[],
  formulas: SheetFormulas = new SheetFormulas(m),
): void {
  for (const { row, col, formula } of formulas.withBracket) {
    const books = externalBooks(formula);
    if (books.length)
      issues.push(
        makeIssue({
          code: 'formula/external-ref',
          severity: 'warning',
          row,
          col,
          text: { formula, books: books.join(', ') },
        }),
      );
  }
}

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
        if ((m.rows[c] as ModelRow).values.get(key)) omits = true;
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
    (r) => !refRows.has(r) && childRows.get(r)?.values.get(key),
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

/**
 * The derived cells of one kind — a column's sub-totals and totals, a cross-foot total, a rate, a
 * reduction — as the hard-coded check needs them: whether any has a formula, and the ones typed
 * as numbers.
 */
interface DerivedGroup {
  /** Whether any of the group's cells holds a formula. */
  withFormula: boolean;
  /** The group's cells that hold a typed number, in sheet order. */
  readonly typed: Array<{ readonly row: number; readonly col: number; readonly value: number }>;
  /** Whether the group has a cell yet: groups come in the order of their first cell. */
  listed: boolean;
}

/** A rule of the layout that derives a cell of some rows: a cross-foot, a rate, a reduction. */
interface DerivationRule {
  /** The column of the cells it derives. */
  readonly col: number;
  readonly group: DerivedGroup;
  /** Whether it derives the cell of this row. */
  readonly derives: (x: ModelRow) => boolean;
  /** Whether no rule after it (in the order they are tried on a row) derives cells of its column. */
  last: boolean;
}

/** The groups of derived cells, and the rules that derive them in the order they are tried on a row. */
function derivationRules(m: SheetModel): {
  foot: Array<{ readonly col: number; readonly group: DerivedGroup }>;
  rules: DerivationRule[];
} {
  const byName = new Map<string, DerivedGroup>();
  const group = (name: string): DerivedGroup => {
    let g = byName.get(name);
    if (!g) byName.set(name, (g = { withFormula: false, typed: [], listed: false }));
    return g;
  };
  const column = (key: string) => m.columns.get(key) as number;
  const rule = (col: number, name: string, derives: (x: ModelRow) => boolean) => ({
    col,
    group: group(name),
    derives,
    last: true,
  });
  // A parent row's sums, then each row's cross-foot totals, rates and reductions.
  const foot = summableKeys(m).map((key) => ({ col: column(key), group: group(`foot:${key}`) }));
  const rules: DerivationRule[] = [
    ...crossfootEquations(m).map((eq) =>
      rule(column(eq.target), `crossfoot:${eq.target}`, (x) =>
        eq.parts.some((p) => x.values.get(p)),
      ),
    ),
    ...m.layout.rates
      .filter((r) => m.columns.has(r.rate))
      .map((r) =>
        rule(column(r.rate), `rate:${r.rate}`, (x) =>
          Boolean(x.values.get(r.count) && x.values.get(r.base)),
        ),
      ),
    ...m.layout.differences
      .filter((d) => m.columns.has(d.result))
      .map((d) =>
        rule(column(d.result), `diff:${d.result}`, (x) =>
          Boolean(x.values.get(d.from) && x.values.get(d.to)),
        ),
      ),
  ];
  rules.forEach((r, k) => (r.last = !rules.slice(k + 1).some((later) => later.col === r.col)));
  return { foot, rules };
}

/**
 * The groups of cells a layout derives (sub-totals and totals, cross-foot totals, rates,
 * reductions), in the order of their first cell. A cell two rules derive belongs to the first.
 */
function derivedGroups(m: SheetModel, formulas: SheetFormulas): DerivedGroup[] {
  const cells = new DerivedCells(m, formulas);
  for (let i = 0; i < m.rows.length; i++) cells.row(i);
  return cells.groups;
}

/** {@link derivedGroups}, one row at a time. */
class DerivedCells {
  /** The groups with a cell, in the order of their first cell. */
  readonly groups: DerivedGroup[] = [];
  private readonly foot: ReadonlyArray<{ readonly col: number; readonly group: DerivedGroup }>;
  private readonly rules: readonly DerivationRule[];
  /** The row of the model whose cell of each sheet column was last given to a group. */
  private readonly takenBy: Int32Array;

  constructor(
    private readonly m: SheetModel,
    private readonly formulas: SheetFormulas,
  ) {
    ({ foot: this.foot, rules: this.rules } = derivationRules(m));
    this.takenBy = new Int32Array(Math.max(0, ...m.columns.values()) + 1).fill(-1);
  }

  /** Give the derived cells of row `i` of the model to their groups. */
  row(i: number): void {
    const { formulas, foot, rules, takenBy } = this;
    // A parent's total belongs with the other parents' sums (its siblings for "typed where they
    // have formulas"), before the row's cross-foot.
    if (formulas.isParent(i))
      for (let k = 0; k < foot.length; k++) {
        const f = foot[k] as { col: number; group: DerivedGroup };
        if (takenBy[f.col] !== i) this.add(i, f.col, f.group);
      }
    for (let k = 0; k < rules.length; k++) {
      const { col, group: g, derives, last } = rules[k] as DerivationRule;
      // Whether the rule derives this row's cell (a look at the row's figures) is worth asking
      // only when the answer can change something: a cell that is neither a formula nor a number,
      // or a formula in a group known to have formulas, adds nothing to a group already listed —
      // unless a later rule of the same column would take the cell instead.
      if (
        last &&
        g.listed &&
        (formulas.has(i, col)
          ? g.withFormula
          : numberAt(this.m.grid, formulas.sheetRow[i] as number, col) === undefined)
      )
        continue;
      if (takenBy[col] !== i && derives(this.m.rows[i] as ModelRow)) this.add(i, col, g);
    }
  }

  private add(i: number, col: number, g: DerivedGroup): void {
    this.takenBy[col] = i;
    if (this.formulas.has(i, col)) g.withFormula = true;
    else {
      const row = this.formulas.sheetRow[i] as number;
      const value = numberAt(this.m.grid, row, col);
      if (value !== undefined) g.typed.push({ row, col, value });
    }
    if (!g.listed) {
      g.listed = true;
      this.groups.push(g);
    }
  }
}

/** A total, sub-total or rate typed as a number where its siblings (or the layout) have formulas. */
export function checkHardcodedTotals(
  m: SheetModel,
  issues: Issue[],
  formulas: SheetFormulas = new SheetFormulas(m),
): void {
  if (!formulas.inTable) return; // a typed or scanned copy: no formula to expect
  for (const g of derivedGroups(m, formulas)) {
    for (const d of g.typed) {
      issues.push(
        makeIssue({
          code: 'formula/hardcoded-total',
          severity: g.withFormula ? 'warning' : 'info',
          row: d.row,
          col: d.col,
          messageKey: g.withFormula
            ? 'issue.formula/hardcoded-total'
            : 'issue.formula/hardcoded-total.expected',
          actual: String(d.value),
        }),
      );
    }
  }
}

/** Formula cells that should share one R1C1 form: a column's leaf rows, or a total row's sums. */
interface FormulaCells {
  readonly length: number;
  formula(k: number): string;
  row(k: number): number;
  col(k: number): number;
}

/** The formulas of a column in the leaf rows. */
class LeafCells implements FormulaCells {
  /** The rows of the model of the cells, found when first asked for (only to report). */
  private rows: number[] | undefined;

  constructor(
    private readonly formulas: SheetFormulas,
    private readonly column: number,
    readonly length: number,
  ) {}

  private modelRow(k: number): number {
    this.rows ??= this.formulas.leafRows(this.column);
    return this.rows[k] as number;
  }

  formula(k: number): string {
    return this.formulas.at(this.modelRow(k), this.column) as string;
  }

  row(k: number): number {
    return this.formulas.sheetRow[this.modelRow(k)] as number;
  }

  col(): number {
    return this.column;
  }
}

/** Some cells of one sheet row, all of them formulas. */
class RowCells implements FormulaCells {
  constructor(
    private readonly sheetRow: number,
    private readonly cols: readonly number[],
    private readonly formulas: readonly string[],
  ) {}

  get length(): number {
    return this.cols.length;
  }

  formula(k: number): string {
    return this.formulas[k] as string;
  }

  row(): number {
    return this.sheetRow;
  }

  col(k: number): number {
    return this.cols[k] as number;
  }
}

/** The cells' formulas numbered by their R1C1 form. */
function patternsOf(cells: FormulaCells): R1C1Patterns {
  const patterns = new R1C1Patterns(cells.length);
  for (let k = 0; k < cells.length; k++) patterns.add(cells.formula(k), cells.row(k), cells.col(k));
  return patterns;
}

/** Flag the cells whose formula breaks the R1C1 form most of them share (`patterns`: numbered already). */
function flagOutliers(
  issues: Issue[],
  cells: FormulaCells,
  scope: 'row' | 'column',
  patterns?: R1C1Patterns,
): void {
  const total = cells.length;
  if (total < 3) return;
  const numbered = patterns ?? patternsOf(cells);
  const pattern = numbered.commonest();
  const count = numbered.count(pattern);
  if (count < 2 || count * 2 <= total) return;
  const example = numbered.first(pattern);
  for (let k = 0; k < total; k++) {
    if (numbered.numberOf(k) === pattern) continue;
    issues.push(
      makeIssue({
        code: 'formula/inconsistent',
        severity: 'warning',
        row: cells.row(k),
        col: cells.col(k),
        messageKey:
          scope === 'row' ? 'issue.formula/inconsistent.row' : 'issue.formula/inconsistent',
        text: {
          formula: cells.formula(k),
          example: cells.formula(example),
          exampleCell: toA1(cells.row(example), cells.col(example)),
          count,
          total,
        },
      }),
    );
  }
}

/** A formula that breaks the pattern of its column (leaf rows) or its row (a total's SUMs), in relative R1C1 form. */
export function checkInconsistentFormulas(
  m: SheetModel,
  issues: Issue[],
  formulas: SheetFormulas = new SheetFormulas(m),
): void {
  // A row's SUMs compare with each other; cross-foot totals and reductions have formulas of their own.
  const targets = new Set([
    ...crossfootEquations(m).map((e) => e.target),
    ...m.layout.differences.map((d) => d.result),
  ]);
  for (const [key, col] of m.columns) {
    if (!isNumericColumn(m, key)) continue;
    // Numbered as the sheet was read (see SheetFormulas).
    const patterns = formulas.leafPatterns(col);
    if (patterns)
      flagOutliers(issues, new LeafCells(formulas, col, patterns.length), 'column', patterns);
  }
  const sumCols = summableKeys(m)
    .filter((k) => !targets.has(k))
    .map((k) => m.columns.get(k) as number);
  for (let p = 0; p < formulas.parents.length; p++) {
    const i = formulas.parents[p] as number;
    // Fewer than 3 sums in the row: nothing to compare (and nothing to collect).
    let sums = 0;
    for (let k = 0; k < sumCols.length; k++) if (formulas.has(i, sumCols[k] as number)) sums++;
    if (sums < 3) continue;
    const cols: number[] = [];
    const texts: string[] = [];
    for (const col of sumCols) {
      const formula = formulas.at(i, col);
      if (formula) {
        cols.push(col);
        texts.push(formula);
      }
    }
    flagOutliers(issues, new RowCells(formulas.sheetRow[i] as number, cols, texts), 'row');
  }
}

/** Every formula check, sharing one reading of the sheet's formulas. */
export function checkFormulas(m: SheetModel, issues: Issue[]): void {
  const formulas = new SheetFormulas(m);
  checkExternalRefs(m, issues, formulas);
  checkOmittedRows(m, issues, formulas);
  checkHardcodedTotals(m, issues, formulas);
  checkInconsistentFormulas(m, issues, formulas);
}
