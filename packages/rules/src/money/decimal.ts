import DecimalJs from 'decimal.js';

/**
 * The private decimal.js clone used for every amount in phuluc.
 * Its configuration never touches decimal.js's global `Decimal`, so a host
 * application that configures decimal.js differently is not affected.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});

/** An exact decimal number from the private clone. */
export type Decimal = InstanceType<typeof Decimal>;

/** Anything that can become a {@link Decimal} exactly. */
export type DecimalInput = Decimal | string | number;

/**
 * An exact decimal from a decimal string, a Decimal, or a JavaScript number
 * (numbers go through their 15-significant-digit form, see {@link fromExcelNumber}).
 *
 * @example
 * toDecimal('7645').plus(toDecimal(0.1)).toString(); // '7645.1'
 */
export function toDecimal(x: DecimalInput): Decimal {
  if (typeof x === 'number') return fromExcelNumber(x);
  return new Decimal(x);
}

/**
 * Turn an Excel double into the decimal Excel shows, through its
 * 15-significant-digit form: `0.1 + 0.2` (0.30000000000000004) becomes 0.3.
 * Throws a RangeError for NaN and infinities: callers check `Number.isFinite` first.
 *
 * @example
 * fromExcelNumber(0.1 + 0.2).toString(); // '0.3'
 */
export function fromExcelNumber(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite number: ${n}`);
  if (n === 0) return new Decimal(0);
  return new Decimal(n.toPrecision(15));
}
