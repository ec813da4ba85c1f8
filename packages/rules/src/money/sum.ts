import { Decimal, toDecimal, type DecimalInput } from './decimal.js';

/**
 * Exact sum of amounts; an empty list sums to 0.
 *
 * @example
 * sumDecimals([0.1, 0.2]).toString(); // '0.3'
 */
export function sumDecimals(values: Iterable<DecimalInput>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(toDecimal(v));
  return total;
}

/**
 * Whether two amounts differ by no more than `tolerance` (inclusive).
 *
 * @example
 * withinTolerance('7645', '7645.0004', '0.0005'); // true
 */
export function withinTolerance(
  a: DecimalInput,
  b: DecimalInput,
  tolerance: DecimalInput = 0,
): boolean {
  return toDecimal(a).minus(toDecimal(b)).abs().lte(toDecimal(tolerance));
}
