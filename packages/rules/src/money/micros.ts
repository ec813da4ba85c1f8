/**
 * Exact amounts as scaled integers: the fast path of the sums.
 *
 * An amount with at most six decimals (every amount an annex holds in practice) is an integer
 * number of millionths. Below 2^53 such integers add exactly in plain doubles, so a sum that
 * matches its total can be confirmed without building a single `Decimal`. Anything else (more
 * decimals, huge figures) has no micros and takes the exact `Decimal` path, which stays the
 * authority for every figure an issue reports.
 */

/** Largest magnitude up to which integers add exactly in doubles. */
export const MAX_EXACT = 2 ** 53;

/** Micros in one unit of an amount (10^6): the scale of {@link microsOf}. */
export const MICROS_PER_UNIT = 1e6;
/** Decimal places micros hold. */
export const MICROS_PLACES = 6;
/** |micros| below this has at most 15 digits, so its decimal fits Excel's 15 significant digits. */
const MAX_MICROS = 1e15;
/** 2^-52: see {@link microsOf} for why this margin is enough. */
const EPSILON = 2 ** -52;

/**
 * The exact value × 10^6 of an Excel double's 15-significant-digit form (what
 * `fromExcelNumber(n)` gives), as a safe integer; `undefined` when that form has more than six
 * decimals or the value is 10^9 or more.
 *
 * Why it is exact: let D = m / 10^6 with m = round(n · 10^6) and |m| < 10^15. D has at most 15
 * significant digits and lies on the grid of 15-digit decimals around n, whose spacing u is at
 * least |n| · 10^-15. D is the 15-digit rounding of n when |n − D| < u / 2, which holds when
 * |n − D| < 5 · 10^-16 · |n|. The double q nearest to D is within 2^-53 · |D| of it, and n − q is
 * computed exactly (the two are within a factor of two), so |n − q| ≤ 2^-52 · |n| gives
 * |n − D| ≤ 3.4 · 10^-16 · |n|. A property test checks the claim against `toPrecision(15)`.
 *
 * @example
 * microsOf(0.1 + 0.2); // 300000
 * microsOf(1234.5678); // 1234567800
 * microsOf(1e-7);      // undefined
 */
export function microsOf(n: number): number | undefined {
  const m = Math.round(n * MICROS_PER_UNIT);
  if (!(m < MAX_MICROS && m > -MAX_MICROS)) return undefined;
  if (m === 0) return n === 0 ? 0 : undefined;
  const d = n - m / MICROS_PER_UNIT;
  return (d < 0 ? -d : d) <= (n < 0 ? -n : n) * EPSILON ? m : undefined;
}

/** Decimal places of an amount given in micros (0 to 6): `1234567800` → 4. */
export function microsPlaces(micros: number): number {
  if (micros === 0) return 0;
  let places = MICROS_PLACES;
  let m = micros;
  while (places > 0 && m % 10 === 0) {
    m /= 10;
    places--;
  }
  return places;
}
