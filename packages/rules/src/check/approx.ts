/**
 * Deciding a check in plain doubles, and knowing when not to. Used by the poverty, service and
 * cell checks: each row is decided from doubles (or exact micros) when the result is clearly on
 * one side of its boundary, and by the exact Decimal code otherwise.
 */
import type { Decimal } from '../money/decimal.js';
import { MICROS_PER_UNIT } from '../money/micros.js';
import type { NumericCell } from './read-cell.js';

/*
 * Fast paths. Every check below decides each row with exact decimal arithmetic, but decimal.js
 * is slow (an allocation per operation), and almost every row of a real sheet passes. So each
 * row is first decided with plain numbers, and the exact decimal check runs only when those
 * cannot be trusted (the value is within a safety margin of the decision's boundary) or when the
 * row has an issue: every number that goes into an issue comes from the exact path.
 *
 * Comparisons of cells that carry micros (value × 10^6 as a safe integer, money/micros.ts) are
 * exact integer comparisons. Everything else is decided with doubles and a margin:
 *
 * {@link approxValue} gives a cell's value as a double with a relative error below 2e-15: from
 * its micros, one rounding (≤ 2⁻⁵³ ≈ 1.1e-16); from its decimal ({@link approxNumber}), at most
 * 8 base-1e7 words summed by Horner's rule, all terms non-negative (≤ 2 roundings per word), then
 * one rounding for the power of ten and one for the scaling. The few operations done on those
 * doubles (a division, a sum or difference, scaling by 100 and 10^places) add one rounding each,
 * relative to the magnitude of their operands. The exact path rounds to 40 significant digits
 * (the clone's precision), an error of 1e-39 relative. So a computed double is within 1e-13 ×
 * (the magnitude of its operands) of the exact path's decimal. A decision is taken from the
 * doubles only when they are farther than MARGIN × max(1, magnitude) from its boundary, with
 * MARGIN = 1e-9: four orders of magnitude more than the error, so the exact value lies on the
 * same side. NaN (a decimal the doubles cannot hold: too many digits, a huge exponent, NaN) or
 * an infinity fails every "clearly on one side" test below and takes the exact path.
 */
const MARGIN = 1e-9;

/** Powers of ten as the nearest doubles (`Number('1e-28')` is correctly rounded, `10 ** -28` may not be). */
const POWERS_OF_TEN = new Map<number, number>();
export function powerOfTen(k: number): number {
  let p = POWERS_OF_TEN.get(k);
  if (p === undefined) {
    p = Number(`1e${k}`);
    POWERS_OF_TEN.set(k, p);
  }
  return p;
}
const WORD_DIGITS = 7; // decimal.js keeps digits in base-1e7 words
const MAX_WORDS = 8;
const MAX_EXPONENT = 200;
export const HUNDRED_MICROS = 100 * MICROS_PER_UNIT;

/**
 * A decimal as a double, within a relative error of 2e-15; NaN when it cannot be (more than 56
 * significant digits, an exponent beyond ±200, NaN or infinite). Reads the digits decimal.js
 * documents on each instance: `d` (base-1e7 words, the first one holding the units of
 * 10^(7·floor(e/7))), `e` (the exponent of the leading digit) and `s` (the sign).
 */
export function approxNumber(x: Decimal): number {
  const words = x.d;
  if (!words || words.length > MAX_WORDS || !(Math.abs(x.e) <= MAX_EXPONENT)) return NaN;
  let units = 0;
  for (let i = 0; i < words.length; i++) units = units * 1e7 + (words[i] as number);
  const exponent = WORD_DIGITS * (Math.floor(x.e / WORD_DIGITS) - words.length + 1);
  const scaled = exponent >= 0 ? units * powerOfTen(exponent) : units / powerOfTen(-exponent);
  return x.s < 0 ? -scaled : scaled;
}

/** A cell's value as a double, within a relative error of 2e-15 (NaN when it cannot be). */
export function approxValue(v: NumericCell): number {
  return v.micros !== undefined ? v.micros / MICROS_PER_UNIT : approxNumber(v.value);
}

/** Whether a cell holds zero (exact). */
export function isZeroCell(v: NumericCell): boolean {
  return v.micros !== undefined ? v.micros === 0 : v.value.isZero();
}

/**
 * `u` rounded half away from zero to a whole number, when the double `u` is clearly not at a
 * rounding boundary (… .5): farther from it than the margin for `magnitude`. NaN when unsure.
 */
export function roundedClearly(u: number, magnitude: number): number {
  const size = Math.abs(u);
  const fraction = size - Math.floor(size); // exact, and faster than `% 1`
  if (!(Math.abs(fraction - 0.5) > MARGIN * Math.max(1, magnitude))) return NaN;
  // Away from .5, the nearest whole number is what any half-rounding gives.
  return Math.round(u);
}

/** The sign of a − b as doubles when they are clearly apart for their magnitude; NaN when unsure. */
export function signClearly(a: number, b: number, magnitude: number): number {
  const diff = a - b;
  const margin = MARGIN * Math.max(1, magnitude);
  if (diff > margin) return 1;
  if (diff < -margin) return -1;
  return NaN;
}
