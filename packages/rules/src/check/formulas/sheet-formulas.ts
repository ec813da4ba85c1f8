import type { Cell, Grid } from '../../grid/types.js';
import { R1C1Patterns } from '../../formula/patterns.js';
import { scanOneRangeSum, type MutableCellRange } from '../../formula/refs.js';
import { MAX_CELLS } from '../../formula/fast-paths.js';
import { type ModelRow, type SheetModel } from '../model.js';
import { summableKeys } from '../sums.js';
import { columnLetters } from '../../grid/a1.js';

/** Where `n` (a positive integer, without leading zeros) ends if it is written at `at`; else -1. */
function integerEnd(text: string, at: number, n: number): number {
  let end = at;
  for (let m = n; m >= 10; m = Math.floor(m / 10)) end++;
  if (end >= text.length) return -1;
  for (let k = end, m = n; k >= at; k--, m = Math.floor(m / 10)) {
    if (text.charCodeAt(k) !== 0x30 + (m % 10)) return -1;
  }
  // No digit right after it: `C90` is not `C9`.
  const next = text.charCodeAt(end + 1);
  return next >= 0x30 && next <= 0x39 ? -1 : end + 1;
}

// The formula checks read a sheet of 100k rows once, row by row, into compact arrays they share
// (SheetFormulas), and then rarely look at a cell or a row object again: on sheets that size the
// time goes into fetching cells and rows from memory, far more than into reading formulas.

/** The formula of a cell, if it has one: `getCell(grid, row, col)?.formula` without the call. */
export function formulaAt(grid: Grid, row: number, col: number): string | undefined {
  return grid.cells[row]?.[col]?.formula;
}

/** The number a cell holds, if it holds one (typed, or the result of a formula). */
export function numberAt(grid: Grid, row: number, col: number): number | undefined {
  const value = grid.cells[row]?.[col]?.value;
  return typeof value === 'number' ? value : undefined;
}

/** Whether a column holds numbers the checks compare: money, counts or percentages. */
export function isNumericColumn(m: SheetModel, key: string): boolean {
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

/** What a parent's formula in a column of sums is, as bits of {@link SheetFormulas}' `addsChildren`. */
const ADDS = 1; // SUM(first:last) of its children (see addsItsChildren)
const CANONICAL = 2; // and written exactly `SUM(C9:C18)`: see isCanonicalSum

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
  /** Each sheet column's letters, as a canonical sum names them (made when first needed). */
  private readonly letters: Array<string | undefined> = [];
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
      const last = first + children.length - 1;
      // A run with a "Trong đó" row in it is no plain sum of the children: told once per parent.
      const plain = first >= 0 && !this.anyOfWhich(first, last);
      this.runFirst[p] = plain ? first : -1;
      this.runLast[p] = plain ? last : -1;
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
      const slot = i < 0 ? -1 : this.slot(c);
      if (slot < 0) {
        this.noteBracket(formula, r, c);
        if (i >= 0 && !this.inTable && this.tableColumns.has(c)) this.inTable = true;
        continue;
      }
      this.inTable = true;
      (this.hasFormula[slot] as Uint8Array)[i] = 1;
      const kind = this.kinds[i] as number;
      if ((kind & PARENT) !== 0) this.readSum(formula, i, slot, c);
      if ((kind & LEAF) === 0) {
        this.noteBracket(formula, r, c);
        continue;
      }
      // A leaf's formula that is the text of its column's last template but for row numbers (most
      // are) has no `[`: templates are made only of formulas the fast paths read, which refuse
      // one (R1C1Template.of). Only the others are searched.
      const leaves = (this.leaves[slot] ??= new R1C1Patterns(this.leafCount));
      if (!leaves.add(formula, r, c)) this.noteBracket(formula, r, c);
    }
  }

  /** Keep the formula if it has a `[`: it may name another workbook. */
  private noteBracket(formula: string, row: number, col: number): void {
    if (formula.includes('[')) this.withBracket.push({ row, col, formula });
  }

  /** Keep the formula of a parent row, and note whether it is the plain sum of its children. */
  private readSum(formula: string, i: number, slot: number, col: number): void {
    const p = this.parentIndex[i] as number;
    (this.parentFormulas[slot] as Array<string | undefined>)[p] = formula;
    const addsChildren = this.addsChildren[slot] as Uint8Array;
    if (addsChildren.length === 0) return;
    const first = this.runFirst[p] as number;
    if (first < 0) return;
    const last = this.runLast[p] as number;
    // Written `SUM(C9:C18)` (most sub-totals): that text is the sum of exactly that run, read
    // without parsing it (as long as the run is one the parser reads: MAX_CELLS).
    if (last - first < MAX_CELLS && this.isCanonical(formula, col, first, last)) {
      addsChildren[p] = ADDS | CANONICAL;
      return;
    }
    const g = this.range;
    if (
      scanOneRangeSum(formula, g) &&
      g.left === col &&
      g.right === col &&
      g.top === first &&
      g.bottom === last
    )
      addsChildren[p] = ADDS;
  }

  /**
   * Whether a formula read as `SUM(first:last)` of column `col` is written exactly
   * `SUM(C9:C18)` (upper case, top to bottom, no `=`, `$` or space): two such formulas of a row
   * have one R1C1 form.
   */
  private isCanonical(formula: string, col: number, first: number, last: number): boolean {
    const letters = (this.letters[col] ??= columnLetters(col));
    // Compared in place: a string built per formula was a tenth of what validate allocates.
    if (!formula.startsWith('SUM(') || !formula.startsWith(letters, 4)) return false;
    let at = integerEnd(formula, 4 + letters.length, first + 1);
    if (at < 0 || formula.charCodeAt(at) !== 0x3a /* : */ || !formula.startsWith(letters, at + 1))
      return false;
    at = integerEnd(formula, at + 1 + letters.length, last + 1);
    return at === formula.length - 1 && formula.charCodeAt(at) === 0x29; /* ) */
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
    return addsChildren.length > 0 && addsChildren[this.parentIndex[i] as number] !== 0;
  }

  /**
   * Whether the formula of row `i` of the model (a parent) in sheet column `col` both adds its
   * children ({@link addsItsChildren}) and is written exactly `SUM(C9:C18)`: such formulas of one
   * row share their R1C1 form, with no need to work it out.
   */
  isCanonicalSum(i: number, col: number): boolean {
    const slot = this.slot(col);
    if (slot < 0) return false;
    const addsChildren = this.addsChildren[slot] as Uint8Array;
    return (
      addsChildren.length > 0 &&
      ((addsChildren[this.parentIndex[i] as number] as number) & CANONICAL) !== 0
    );
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
