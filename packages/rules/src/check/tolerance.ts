import { Decimal, toDecimal } from '../money/decimal.js';
import { formatDecimals, type NumericCell } from './read-cell.js';
import type { SheetModel } from './model.js';

/**
 * A figure of a relation with the decimals the sheet shows it with: its own number format's, or
 * (a format that says nothing, such as General) its column's.
 */
export interface ShownFigure {
  readonly cell: NumericCell | null;
  readonly places: number;
}

/** Units coarser than the đồng: figures in them are often rounded from đồng (domain §5). */
const COARSE_UNITS: ReadonlySet<SheetModel['unit']> = new Set(['nghin', 'trieu', 'ty']);

/**
 * The decimals the cell at sheet row `row` of column `key` is shown with: its own number format's
 * (`#,##0.0` → 1), or the column's when its format does not say (General, none).
 */
export function shownPlacesAt(
  m: SheetModel,
  row: number,
  key: string,
  cols: ReadonlyMap<string, number> = m.columns,
): number {
  const col = cols.get(key);
  const own =
    col === undefined ? undefined : formatDecimals(m.grid.cells[row]?.[col]?.numFmt ?? undefined);
  return own ?? m.shown.get(key) ?? 0;
}

/**
 * A relation's figures on row `row` (one row: a sum across, a flow, a difference) with the
 * decimals each is shown with.
 */
export function figuresOnRow(
  m: SheetModel,
  row: number,
  keys: readonly string[],
  cells: ReadonlyArray<NumericCell | null>,
  cols: ReadonlyMap<string, number> = m.columns,
): ShownFigure[] {
  return cells.map((cell, k) => ({
    cell,
    places: cell ? shownPlacesAt(m, row, keys[k] as string, cols) : 0,
  }));
}

/**
 * Half the width of the interval a figure stands for, after Calculations 1.1's round-to-nearest
 * reading of reported decimals: a figure shown with `d` decimals stands for any value within
 * ½ × 10^-d of it, when
 * - its value carries more decimals than it shows (the reader sees a rounded figure), or
 * - the sheet's unit is coarser than the đồng and the figure shows decimals (an amount in triệu
 *   with 3 decimals was rounded from đồng: domain §5).
 * Otherwise the figure is exact (0): a whole-triệu allocation is what it says.
 */
function halfWidth(f: ShownFigure, coarse: boolean): Decimal | null {
  if (!f.cell) return null;
  const hidden = f.cell.value.decimalPlaces() > f.places;
  if (!hidden && !(coarse && f.places > 0)) return null;
  return new Decimal(10).pow(-f.places).times(0.5);
}

/**
 * How far a derived figure may stand from what its relation computes for rounding alone: with a
 * user tolerance, that; otherwise the sum of the half-widths of the figures' intervals (the
 * derived figure's included), each from the decimals that cell shows — so a relation whose
 * figures show every decimal they hold must hold exactly, and one whose cells are shown with
 * different formats gets each cell's own interval.
 *
 * @example
 * // 1,4 + 1,4 shown as 1 and 1, total 3 shown as 3: intervals ½ + ½ (the total hides nothing).
 * roundingInterval([{ cell: total, places: 0 }, { cell: a, places: 0 }, { cell: b, places: 0 }], m.unit);
 */
export function roundingInterval(
  figures: readonly ShownFigure[],
  unit: SheetModel['unit'],
  userTolerance: string | number | undefined,
): Decimal {
  if (userTolerance !== undefined) return toDecimal(userTolerance).abs();
  const coarse = COARSE_UNITS.has(unit);
  let width = new Decimal(0);
  for (const f of figures) {
    const h = halfWidth(f, coarse);
    if (h) width = width.plus(h);
  }
  return width;
}
