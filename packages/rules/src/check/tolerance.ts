import { Decimal, toDecimal } from '../money/decimal.js';
import type { NumericCell } from './read-cell.js';

/**
 * How far a sum may drift for rounding alone. With a user tolerance, that. Otherwise:
 * none when every figure is shown with all its decimals (the sheet's own figures must add
 * up exactly); half a shown unit per figure when some figures hide decimals.
 */
export function roundingTolerance(
  cells: ReadonlyArray<NumericCell | null>,
  shownPlaces: number,
  userTolerance: string | number | undefined,
): Decimal {
  if (userTolerance !== undefined) return toDecimal(userTolerance).abs();
  const hidden = cells.some((c) => c !== null && c.value.decimalPlaces() > shownPlaces);
  if (!hidden) return new Decimal(0);
  return new Decimal(10).pow(-shownPlaces).times(0.5).times(cells.length);
}
