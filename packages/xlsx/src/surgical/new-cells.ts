/**
 * What both ways of patching a sheet's rows make the same way: the XML of cells and rows that are
 * not there yet (with their row's or column's style), each column's letters, and a row's widened
 * `spans`.
 */
import { a1, colToLetters } from '../a1.js';
import { cellXml, type CellEdit } from './cell-xml.js';
import type { SheetEdits, SheetPatchContext } from './sheet-patch.js';

/** A column's style from `<cols>`: the columns `min`..`max` (1-based) have style `style`. */
export interface ColumnStyle {
  readonly min: number;
  readonly max: number;
  readonly style: string;
}

/** New cells and rows for one sheet's edits, and the cells inserted (for the dimension). */
export class NewCells {
  /** Cells inserted (not found), 1-based. */
  readonly inserted: { row: number; col: number }[] = [];
  /** Each column's letters (1-based index), made once. */
  private readonly letters: string[] = [];

  constructor(
    private readonly ctx: SheetPatchContext,
    private readonly colStyles: readonly ColumnStyle[],
  ) {}

  /** The A1 reference of the cell at 1-based `row`, `col`. */
  ref(row: number, col: number): string {
    return `${(this.letters[col] ??= colToLetters(col - 1))}${row}`;
  }

  /** The style of a cell new in column `col` of a row without its own: the column's, if any. */
  private colStyle(col: number): string | undefined {
    for (const c of this.colStyles) if (col >= c.min && col <= c.max) return c.style;
    return undefined;
  }

  /** The `<c>` of a cell that is not there ('' for a new cached result: nothing to refresh). */
  cell(row: number, col: number, edit: CellEdit, rowStyle: string | undefined): string {
    if (edit.kind === 'result') return '';
    this.inserted.push({ row, col });
    return cellXml(a1(row - 1, col - 1), rowStyle ?? this.colStyle(col), edit, {
      sharedIndex: this.ctx.sharedIndex,
      inlineStrings: this.ctx.inlineStrings,
    });
  }

  /** A new `<row>` with its cells (`targets`), '' when it would hold none. */
  row(row: number, targets: ReadonlyMap<number, CellEdit>): string {
    let cells = '';
    for (const col of sortedKeys(targets))
      cells += this.cell(row, col, targets.get(col)!, undefined);
    return cells === '' ? '' : `<row r="${row}">${cells}</row>`;
  }
}

/** The keys of a row's edits, in column order. */
export function sortedKeys(map: ReadonlyMap<number, unknown>): number[] {
  if (map.size === 1) return [map.keys().next().value as number];
  return [...map.keys()].sort((a, b) => a - b);
}

/**
 * A sheet's edits by row, in row order: each row's number and its cells' edits at the same index.
 * Read in order, one after the other, where a lookup by row number in the caller's map would
 * reach into memory all over the heap for each row.
 */
export interface EditRows {
  readonly rows: readonly number[];
  readonly targets: readonly ReadonlyMap<number, CellEdit>[];
}

/** {@link EditRows} of a sheet's edits (in the map's order when it is already row order). */
export function editRows(edits: SheetEdits): EditRows {
  const rows: number[] = [];
  const targets: ReadonlyMap<number, CellEdit>[] = [];
  let sorted = true;
  for (const [row, cells] of edits) {
    if (rows.length > 0 && row <= rows[rows.length - 1]!) sorted = false;
    rows.push(row);
    targets.push(cells);
  }
  if (sorted) return { rows, targets };
  const order = rows.map((_, i) => i).sort((a, b) => rows[a]! - rows[b]!);
  return { rows: order.map((i) => rows[i]!), targets: order.map((i) => targets[i]!) };
}

/**
 * The new value of a row's `spans="lo:hi"` (its text from `start` to `end` in `xml`) widened to
 * the cells `first`..`last`; undefined when it need not change or is not two numbers.
 */
export function widenedSpans(
  xml: string,
  start: number,
  end: number,
  first: number,
  last: number,
): string | undefined {
  let p = start;
  let lo = 0;
  while (p < end && isDigit(xml.charCodeAt(p))) lo = lo * 10 + xml.charCodeAt(p++) - 0x30;
  if (p === start || xml.charCodeAt(p) !== 0x3a /* : */) return undefined;
  const colon = ++p;
  let hi = 0;
  while (p < end && isDigit(xml.charCodeAt(p))) hi = hi * 10 + xml.charCodeAt(p++) - 0x30;
  if (p === colon || p !== end) return undefined;
  const newLo = Math.min(lo, first);
  const newHi = Math.max(hi, last);
  return newLo === lo && newHi === hi ? undefined : `${newLo}:${newHi}`;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * A row's `r`, read in place: its digits as a number (NaN for anything else, which the caller
 * refuses), as `parseInt` reads the usual form.
 */
export function rowNumberOf(xml: string, start: number, end: number): number {
  if (end === start) return Number.NaN;
  let n = 0;
  for (let p = start; p < end; p++) {
    const c = xml.charCodeAt(p);
    if (!isDigit(c)) return parseInt(xml.slice(start, end), 10);
    n = n * 10 + c - 0x30;
  }
  return n;
}
