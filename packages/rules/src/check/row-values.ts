import type { NumericCell } from './read-cell.js';

/**
 * A row's numbers by column key: the read-only part of a `Map`, over one small array per row and
 * one key → slot table per sheet (a `Map` per row of a 100k-row sheet costs memory and time).
 */
export class RowValues {
  constructor(
    private readonly slots: ReadonlyMap<string, number>,
    private readonly cells: ReadonlyArray<NumericCell | null>,
  ) {}

  /** The number in column `key`: `null` when empty or unreadable, `undefined` when no such column. */
  get(key: string): NumericCell | null | undefined {
    const slot = this.slots.get(key);
    return slot === undefined ? undefined : (this.cells[slot] ?? null);
  }

  /** Every column's number, in the sheet's column order. */
  values(): IterableIterator<NumericCell | null> {
    return this.cells.values();
  }
}
