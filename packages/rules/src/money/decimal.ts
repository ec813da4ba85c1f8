import DecimalJs from 'decimal.js';

/**
 * How a {@link Decimal} rounds, numbered as decimal.js numbers them: 0 up, 1 down, 2 ceil,
 * 3 floor, 4 half up, 5 half down, 6 half even, 7 half ceil, 8 half floor.
 */
export type RoundingMode = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/**
 * An exact decimal number (phuluc's private decimal.js clone: 40 significant digits, rounding
 * half up). Immutable: every operation returns a new Decimal.
 *
 * This interface is phuluc's own, so the published types need no third-party typing: a
 * consumer type-checks with `moduleResolution` node16, nodenext or bundler, ESM or CommonJS,
 * `skipLibCheck` off, without decimal.js's CommonJS declaration quirks. At run time each value is
 * a decimal.js instance.
 *
 * @example
 * new Decimal('0.1').plus('0.2').eq('0.3'); // true
 */
export interface Decimal {
  /** The digits, in base-1e7 words (decimal.js's documented representation). */
  readonly d: readonly number[];
  /** The exponent of the leading digit. */
  readonly e: number;
  /** The sign: 1, -1, or NaN. */
  readonly s: number;
  abs(): Decimal;
  absoluteValue(): Decimal;
  ceil(): Decimal;
  floor(): Decimal;
  round(): Decimal;
  trunc(): Decimal;
  truncated(): Decimal;
  neg(): Decimal;
  negated(): Decimal;
  plus(n: DecimalInput): Decimal;
  add(n: DecimalInput): Decimal;
  minus(n: DecimalInput): Decimal;
  sub(n: DecimalInput): Decimal;
  times(n: DecimalInput): Decimal;
  mul(n: DecimalInput): Decimal;
  div(n: DecimalInput): Decimal;
  dividedBy(n: DecimalInput): Decimal;
  divToInt(n: DecimalInput): Decimal;
  dividedToIntegerBy(n: DecimalInput): Decimal;
  mod(n: DecimalInput): Decimal;
  modulo(n: DecimalInput): Decimal;
  pow(n: DecimalInput): Decimal;
  toPower(n: DecimalInput): Decimal;
  sqrt(): Decimal;
  squareRoot(): Decimal;
  cmp(n: DecimalInput): number;
  comparedTo(n: DecimalInput): number;
  eq(n: DecimalInput): boolean;
  equals(n: DecimalInput): boolean;
  gt(n: DecimalInput): boolean;
  greaterThan(n: DecimalInput): boolean;
  gte(n: DecimalInput): boolean;
  greaterThanOrEqualTo(n: DecimalInput): boolean;
  lt(n: DecimalInput): boolean;
  lessThan(n: DecimalInput): boolean;
  lte(n: DecimalInput): boolean;
  lessThanOrEqualTo(n: DecimalInput): boolean;
  isFinite(): boolean;
  isInt(): boolean;
  isInteger(): boolean;
  isNaN(): boolean;
  isNeg(): boolean;
  isNegative(): boolean;
  isPos(): boolean;
  isPositive(): boolean;
  isZero(): boolean;
  /** The number of decimal places. */
  dp(): number;
  decimalPlaces(): number;
  toDP(places: number, rounding?: RoundingMode): Decimal;
  toDecimalPlaces(places: number, rounding?: RoundingMode): Decimal;
  /** The number of significant digits. */
  sd(includeZeros?: boolean): number;
  precision(includeZeros?: boolean): number;
  toSD(digits: number, rounding?: RoundingMode): Decimal;
  toSignificantDigits(digits: number, rounding?: RoundingMode): Decimal;
  toNearest(n: DecimalInput, rounding?: RoundingMode): Decimal;
  toFixed(places?: number, rounding?: RoundingMode): string;
  toPrecision(digits?: number, rounding?: RoundingMode): string;
  toExponential(places?: number, rounding?: RoundingMode): string;
  toNumber(): number;
  toString(): string;
  toJSON(): string;
  valueOf(): string;
}

/** Anything that can become a {@link Decimal} exactly. */
export type DecimalInput = Decimal | string | number;

/** The {@link Decimal} constructor and its static helpers. */
export interface DecimalConstructor {
  new (value: DecimalInput): Decimal;
  /** The largest of the arguments. */
  max(...n: DecimalInput[]): Decimal;
  /** The smallest of the arguments. */
  min(...n: DecimalInput[]): Decimal;
  /** The exact sum of the arguments. */
  sum(...n: DecimalInput[]): Decimal;
  /** Whether `x` is a Decimal of any decimal.js clone. */
  isDecimal(x: unknown): x is Decimal;
  readonly ROUND_UP: 0;
  readonly ROUND_DOWN: 1;
  readonly ROUND_CEIL: 2;
  readonly ROUND_FLOOR: 3;
  readonly ROUND_HALF_UP: 4;
  readonly ROUND_HALF_DOWN: 5;
  readonly ROUND_HALF_EVEN: 6;
  readonly ROUND_HALF_CEIL: 7;
  readonly ROUND_HALF_FLOOR: 8;
}

/**
 * The private decimal.js clone used for every amount in phuluc.
 * Its configuration never touches decimal.js's global `Decimal`, so a host
 * application that configures decimal.js differently is not affected.
 */
export const Decimal: DecimalConstructor = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
}) as unknown as DecimalConstructor;

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
