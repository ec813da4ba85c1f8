import { NumberCell, numberMicros, type NumericCell } from './read-cell.js';

/** How {@link SheetNumbers} holds a cell: nothing, a plain number (with flags), or an object. */
const EMPTY = 0;
const NUMBER = 1;
const FORMULA = 2;
const SCALED = 4;
const OTHER = 8;

/**
 * The numeric cells of a sheet's rows, column by column in one array of doubles: a 100k-row
 * sheet's numbers are a million cells, and a million long-lived objects cost more to allocate
 * and to collect than the checks cost to run. A plain number becomes its {@link NumericCell}
 * when a check reads it; anything else (text read as a number, an ambiguous number) is kept as
 * the object {@link readNumericCell} made.
 */
export class SheetNumbers {
  private readonly numbers: Float64Array;
  /** Each plain number's micros, worked out once (NaN: it has none). */
  private readonly microsOf: Float64Array;
  private readonly kinds: Uint8Array;
  private readonly others = new Map<number, NumericCell>();

  /** How many cells a row has: one per slot. */
  readonly width: number;

  /** Room for `rows` rows, with a cell per slot (`slots`: column key → slot). */
  constructor(
    rows: number,
    readonly slots: ReadonlyMap<string, number>,
  ) {
    this.width = slots.size;
    this.numbers = new Float64Array(Math.max(0, rows * this.width));
    this.microsOf = new Float64Array(Math.max(0, rows * this.width));
    this.kinds = new Uint8Array(Math.max(0, rows * this.width));
  }

  /**
   * Hold a finite number at `at`: typed or a formula's result, a percent read × 100 or not.
   * Returns its micros (`numberMicros`), which the checks then read without working them out again.
   */
  setNumber(at: number, n: number, formula: boolean, scaled: boolean): number | undefined {
    const micros = numberMicros(n, scaled);
    this.numbers[at] = n;
    this.microsOf[at] = micros ?? Number.NaN;
    this.kinds[at] = NUMBER | (formula ? FORMULA : 0) | (scaled ? SCALED : 0);
    return micros;
  }

  /** Hold any other reading of a cell (or none). */
  setCell(at: number, cell: NumericCell | null): void {
    if (cell === null) this.kinds[at] = EMPTY;
    else {
      this.kinds[at] = OTHER;
      this.others.set(at, cell);
    }
  }

  /**
   * The micros of the cell at `at` without making its cell (what `get(at)?.micros` gives):
   * `null` for an empty cell, `undefined` for a number without micros.
   */
  micros(at: number): number | null | undefined {
    const kind = this.kinds[at] as number;
    if (kind === EMPTY) return null;
    if (kind === OTHER) return this.others.get(at)?.micros;
    const micros = this.microsOf[at] as number;
    return micros === micros ? micros : undefined;
  }

  /**
   * {@link micros} of the cell at `slot` of the `row`-th row held, for stores whose rows are laid
   * out one after another, {@link width} cells each (the model's: row i of `SheetModel.rows`).
   * A check that reads only numbers then never fetches the row objects.
   */
  rowMicros(row: number, slot: number): number | null | undefined {
    return slot < 0 ? null : this.micros(row * this.width + slot);
  }

  /** Whether the cell at `at` holds a number (`get(at) !== null`), without making it. */
  has(at: number): boolean {
    return this.kinds[at] !== EMPTY;
  }

  /** The cell at `at`. */
  get(at: number): NumericCell | null {
    const kind = this.kinds[at] as number;
    if (kind === EMPTY) return null;
    if (kind === OTHER) return this.others.get(at) ?? null;
    return new NumberCell(
      this.numbers[at] as number,
      (kind & FORMULA) !== 0,
      (kind & SCALED) !== 0 || undefined,
    );
  }
}

/** A row's numbers by column key: the read-only part of a `Map`. */
export interface RowValues {
  /** The number in column `key`: `null` when empty or unreadable, `undefined` when no such column. */
  get(key: string): NumericCell | null | undefined;
  /**
   * The micros of column `key` without making its cell: `null` when the cell is empty (or there
   * is no such column), `undefined` when its number has no micros (see `NumericCell.micros`).
   */
  micros(key: string): number | null | undefined;
  /**
   * {@link micros} by the column's slot (`SheetModel.slots`; -1 for a column with none) rather
   * than its key: what the checks that add up a whole sheet use, column by column.
   */
  microsAt(slot: number): number | null | undefined;
  /** Whether column `key` holds a number (`get(key)` is a cell), without making it. */
  has(key: string): boolean;
  /** Every column's number, in the layout's column order. */
  all(): Array<NumericCell | null>;
}

/** Where a row's cells are: the store, and the place of the row's first cell in it. */
export interface StoredRow {
  readonly store: SheetNumbers;
  readonly base: number;
}

/**
 * The {@link RowValues} methods of a {@link StoredRow}: shared by every row of a model, whose rows
 * are plain objects that hold them (see buildModel) — V8 allocates a sheet's worth of plain
 * objects straight into its old generation, which it does not do for class instances.
 */
export const storedRowValues = {
  get(this: StoredRow, key: string): NumericCell | null | undefined {
    const slot = this.store.slots.get(key);
    return slot === undefined ? undefined : this.store.get(this.base + slot);
  },

  micros(this: StoredRow, key: string): number | null | undefined {
    const slot = this.store.slots.get(key);
    return slot === undefined ? null : this.store.micros(this.base + slot);
  },

  microsAt(this: StoredRow, slot: number): number | null | undefined {
    return slot < 0 ? null : this.store.micros(this.base + slot);
  },

  has(this: StoredRow, key: string): boolean {
    const slot = this.store.slots.get(key);
    return slot !== undefined && this.store.has(this.base + slot);
  },

  all(this: StoredRow): Array<NumericCell | null> {
    const out: Array<NumericCell | null> = [];
    for (let slot = 0; slot < this.store.width; slot++) out.push(this.store.get(this.base + slot));
    return out;
  },
};

/** The {@link RowValues} of the row whose cells start at `base` in `store`. */
export function storedValues(store: SheetNumbers, base: number): RowValues & StoredRow {
  const { get, micros, microsAt, has, all } = storedRowValues;
  return { store, base, get, micros, microsAt, has, all };
}
