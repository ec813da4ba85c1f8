import { Decimal, toDecimal, type DecimalInput } from './decimal.js';

/**
 * Round half away from zero (the rounding Excel's ROUND and Vietnamese plans use)
 * to `places` decimal places.
 *
 * @example
 * roundHalfUp('2.345', 2).toString(); // '2.35'
 * roundHalfUp('-2.345', 2).toString(); // '-2.35'
 */
export function roundHalfUp(x: DecimalInput, places: number): Decimal {
  return toDecimal(x).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** The number of decimal places a decimal carries (`'16697.647'` → 3). */
export function decimalPlaces(x: DecimalInput): number {
  return toDecimal(x).decimalPlaces();
}
