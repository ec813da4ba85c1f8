/**
 * How the evaluator reads the relations a layout declares, where a layout means more than the
 * bare arithmetic (relations/evaluate.ts reads a header's or the figures' guesses):
 * - a rate holds when it shows, at its column's decimals, the rate its counts give — and a total
 *   row's rate that is the mean of its rows' rates is named as such (`rate/averaged-total`);
 * - a reduction is start − end at its column's precision, written as 24 or as −24
 *   (`target/reduction-mismatch`);
 * - a percentage stays within 0–100 ("trên 100%" is over it) (`rate/range`).
 * Each reading has a fast path on the rows' micros that answers only when sure; the exact path
 * on decimals decides every other row and makes every issue.
 *
 * @module
 */
import { LAYOUT_IDS } from '../annex/types.js';
import { HUNDRED_MICROS, powerOfTen, roundedClearly } from '../check/approx.js';
import { makeIssue } from '../check/issue.js';
import type { ModelRow, SheetModel } from '../check/model.js';
import type { NumericCell } from '../check/read-cell.js';
import type { Issue } from '../check/types.js';
import { Decimal } from '../money/decimal.js';
import { MICROS_PER_UNIT } from '../money/micros.js';
import { roundHalfUp } from '../money/round.js';
import { sumDecimals } from '../money/sum.js';
import type { BoundRelation, DifferenceRelation, Provenance, RateRelation } from './types.js';

const HUNDRED = new Decimal(100);

/** The provenance of the relations a sheet's layout declares: built in, a user's file, or none. */
export function layoutProvenance(m: SheetModel): Provenance {
  if ((LAYOUT_IDS as readonly string[]).includes(m.layout.id)) return 'layout';
  return m.layout.id === 'inferred' ? 'inferred' : 'user-layout';
}

/** Whether a relation is one a layout declares, read as the layout means it (this module). */
export function isDeclared(r: { readonly provenance: Provenance }): boolean {
  return r.provenance === 'layout' || r.provenance === 'user-layout';
}

/** A row's verdict: skipped (null), holds (true), or its issue. */
export type DeclaredVerdict = null | true | Issue;

/** What a fast verdict says when only the exact path can. */
export const DECLARED_SLOW = 0;

/** A row's verdict from its micros alone (row `i` of the model), or {@link DECLARED_SLOW}. */
export type DeclaredFastVerdict = (i: number) => null | true | typeof DECLARED_SLOW;

/** The physical column of `key`. */
function colOf(m: SheetModel, cols: ReadonlyMap<string, number>, key: string): number {
  return cols.get(key) ?? m.columns.get(key) ?? 0;
}

/** `count ÷ base × 100`, or null when the base is missing or zero. */
export function rateOf(count: Decimal | null, base: Decimal | null): Decimal | null {
  if (count === null || base === null || base.isZero()) return null;
  return count.dividedBy(base).times(HUNDRED);
}

/** Whether a total row's rate is the mean of its rows' rates, at `places`. */
function isAverageOfRates(
  m: SheetModel,
  total: ModelRow,
  key: string,
  actual: Decimal,
  places: number,
): boolean {
  const rates: Decimal[] = [];
  for (const i of total.children) {
    const v = (m.rows[i] as ModelRow).values.get(key)?.value;
    if (v) rates.push(v);
  }
  if (rates.length < 2) return false;
  const mean = sumDecimals(rates).dividedBy(rates.length);
  return roundHalfUp(mean, places).eq(roundHalfUp(actual, places));
}

/** A declared rate on row `x`: the rate shows, at its column's decimals, count ÷ base × 100. */
export function declaredRateVerdict(
  r: RateRelation,
  x: ModelRow,
  m: SheetModel,
  cols: ReadonlyMap<string, number>,
): DeclaredVerdict {
  const actual = x.values.get(r.rate);
  const count = x.values.get(r.count);
  const base = x.values.get(r.base);
  if (!actual || !count || !base || base.value.isZero()) return null;
  const places = m.shown.get(r.rate) ?? 2;
  const expected = roundHalfUp(rateOf(count.value, base.value) as Decimal, places);
  if (roundHalfUp(actual.value, places).eq(expected)) return true;
  const at = { row: x.row, col: colOf(m, cols, r.rate) };
  if (x.isTotal && isAverageOfRates(m, x, r.rate, actual.value, places))
    return makeIssue({
      code: 'rate/averaged-total',
      severity: 'error',
      ...at,
      expected: expected.toString(),
      actual: actual.value.toString(),
    });
  return makeIssue({
    code: 'rate/mismatch',
    severity: 'error',
    ...at,
    numbers: { count: count.value.toString(), base: base.value.toString() },
    expected: expected.toString(),
    actual: actual.value.toString(),
  });
}

/**
 * The fast verdict of a declared rate: holds when the rate and count ÷ base × 100, as doubles
 * from the micros, both round clearly (away from a boundary) to the same figure at the shown
 * decimals (check/approx.ts says why that is safe).
 */
export function declaredRateFast(r: RateRelation, m: SheetModel): DeclaredFastVerdict | undefined {
  const [rs, cs, bs] = [r.rate, r.count, r.base].map((k) => m.slots.get(k) ?? -1) as [
    number,
    number,
    number,
  ];
  if (rs < 0 || cs < 0 || bs < 0) return undefined;
  const scale = powerOfTen(m.shown.get(r.rate) ?? 2);
  const numbers = m.numbers;
  return (i) => {
    const a = numbers.rowMicros(i, rs);
    const c = numbers.rowMicros(i, cs);
    const b = numbers.rowMicros(i, bs);
    if (a === null || c === null || b === null || b === 0) return null;
    if (a === undefined || c === undefined || b === undefined) return DECLARED_SLOW;
    const shown = (a / MICROS_PER_UNIT) * scale;
    const expected = (c / MICROS_PER_UNIT / (b / MICROS_PER_UNIT)) * 100 * scale;
    const clearly = roundedClearly(shown, Math.abs(shown));
    return clearly === roundedClearly(expected, Math.abs(expected)) ? true : DECLARED_SLOW;
  };
}

/** The decimals a declared reduction is compared at: its percentage's shown decimals, or whole. */
function reductionPlaces(m: SheetModel, key: string): number {
  return m.defs.get(key)?.kind === 'percent' ? (m.shown.get(key) ?? 2) : 0;
}

/** A declared reduction on row `x`: start − end at the column's precision, as 24 or as −24. */
export function declaredReductionVerdict(
  r: DifferenceRelation,
  x: ModelRow,
  m: SheetModel,
  cols: ReadonlyMap<string, number>,
): DeclaredVerdict {
  const actualCell = x.values.get(r.result);
  const fromCell = x.values.get(r.from);
  const toCell = x.values.get(r.to);
  if (!actualCell || !fromCell || !toCell) return null;
  const places = reductionPlaces(m, r.result);
  const actual = actualCell.value;
  const expected = fromCell.value.minus(toCell.value);
  const a = roundHalfUp(actual, places);
  const e = roundHalfUp(expected, places);
  // Plans write a reduction as 24 or as −24.
  if (a.eq(e) || a.eq(e.negated())) return true;
  return makeIssue({
    code: 'target/reduction-mismatch',
    severity: 'error',
    row: x.row,
    col: colOf(m, cols, r.result),
    expected: expected.toString(),
    actual: actual.toString(),
  });
}

/**
 * The fast verdict of a declared reduction: holds when it is exactly ±(start − end) in micros,
 * or when both round clearly to the same figure (or its negation) at the column's precision.
 */
export function declaredReductionFast(
  r: DifferenceRelation,
  m: SheetModel,
): DeclaredFastVerdict | undefined {
  const [rs, fs, ts] = [r.result, r.from, r.to].map((k) => m.slots.get(k) ?? -1) as [
    number,
    number,
    number,
  ];
  if (rs < 0 || fs < 0 || ts < 0) return undefined;
  const scale = powerOfTen(reductionPlaces(m, r.result));
  const numbers = m.numbers;
  return (i) => {
    const a = numbers.rowMicros(i, rs);
    const f = numbers.rowMicros(i, fs);
    const t = numbers.rowMicros(i, ts);
    if (a === null || f === null || t === null) return null;
    if (a === undefined || f === undefined || t === undefined) return DECLARED_SLOW;
    // Micros are below 10^15 in size: their difference is exact in doubles.
    if (a === f - t || a === t - f) return true;
    const shown = (a / MICROS_PER_UNIT) * scale;
    const fd = (f / MICROS_PER_UNIT) * scale;
    const td = (t / MICROS_PER_UNIT) * scale;
    const clearly = roundedClearly(shown, Math.abs(shown));
    const expected = roundedClearly(fd - td, Math.abs(fd) + Math.abs(td));
    return clearly === expected || clearly === -expected ? true : DECLARED_SLOW;
  };
}

/**
 * Whether a percentage is out of range: below 0, over 100, or "trên 100%" (over) at 100 or more.
 * Exact either way: from the cell's micros, or from its decimal.
 */
export function isOutOfPercentRange(v: NumericCell): boolean {
  const micros = v.micros;
  if (micros !== undefined)
    return (
      micros < 0 || micros > HUNDRED_MICROS || (v.qualifier === 'over' && micros >= HUNDRED_MICROS)
    );
  return v.value.lt(0) || v.value.gt(100) || (v.qualifier === 'over' && v.value.gte(100));
}

/** The `rate/range` issue of a percentage out of range. */
export function rangeIssue(row: number, col: number, v: NumericCell): Issue {
  return makeIssue({ code: 'rate/range', severity: 'error', row, col, actual: v.value.toString() });
}

/** A declared range on row `x`: the percentage is within 0–100. */
export function declaredRangeVerdict(
  r: BoundRelation,
  x: ModelRow,
  m: SheetModel,
  cols: ReadonlyMap<string, number>,
): DeclaredVerdict {
  const v = x.values.get(r.column);
  if (!v) return null;
  return isOutOfPercentRange(v) ? rangeIssue(x.row, colOf(m, cols, r.column), v) : true;
}
