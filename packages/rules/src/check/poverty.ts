import { Decimal } from '../money/decimal.js';
import { roundHalfUp } from '../money/round.js';
import { sumDecimals } from '../money/sum.js';
import { toDecimal } from '../money/decimal.js';
import { MAX_EXACT } from '../money/micros.js';
import type { LayoutDefinition } from '../annex/schema.js';
import { makeIssue } from './issue.js';
import { valueOf, type ModelRow, type SheetModel } from './model.js';
import type { NumericCell } from './read-cell.js';
import type { Issue } from './types.js';
import { RowReader, runRowChecks, type RowCheck } from './row-checks.js';
import {
  approxValue,
  HUNDRED_MICROS,
  isZeroCell,
  powerOfTen,
  roundedClearly,
  signClearly,
} from './approx.js';

const HUNDRED = new Decimal(100);

type RateRule = LayoutDefinition['rates'][number];
type DifferenceRule = LayoutDefinition['differences'][number];

/** `count ÷ base × 100`, or null when the base is missing or zero. */
export function rateOf(count: Decimal | null, base: Decimal | null): Decimal | null {
  if (count === null || base === null || base.isZero()) return null;
  return count.dividedBy(base).times(HUNDRED);
}

/**
 * Whether a rate surely shows the same figure, at 10^-places, as count ÷ base × 100 (a nonzero
 * base): both rounded clearly away from a boundary, to the same whole number of 10^-places.
 */
function rateClearlyMatches(
  actual: NumericCell,
  count: NumericCell,
  base: NumericCell,
  scale: number,
): boolean {
  const a = approxValue(actual) * scale;
  const expected = (approxValue(count) / approxValue(base)) * 100 * scale;
  const shownActual = roundedClearly(a, Math.abs(a));
  return shownActual === roundedClearly(expected, Math.abs(expected));
}

/** Rates: each equals count ÷ base × 100 at the sheet's precision; the total row's from summed counts. */
export function checkRates(m: SheetModel, issues: Issue[]): void {
  const reader = new RowReader();
  const checks: RowCheck[] = [];
  for (const rule of m.layout.rates) {
    const check = rateCheck(m, rule, reader);
    if (check) checks.push(check);
  }
  runRowChecks(m.rows, checks, issues, reader);
}

/** The check of one rate rule on a row, or undefined when the sheet lacks one of its columns. */
function rateCheck(m: SheetModel, rule: RateRule, reader: RowReader): RowCheck | undefined {
  const rateCol = m.columns.get(rule.rate);
  if (rateCol === undefined || !m.columns.has(rule.count) || !m.columns.has(rule.base)) return;
  const places = m.shown.get(rule.rate) ?? 2;
  const scale = powerOfTen(places);
  const [rateSlot, countSlot, baseSlot] = [rule.rate, rule.count, rule.base].map((k) =>
    reader.slot(k),
  ) as [number, number, number];
  return (x, found) => {
    const actual = reader.cell(rateSlot);
    const count = reader.cell(countSlot);
    const base = reader.cell(baseSlot);
    if (!actual || !count || !base || isZeroCell(base)) return;
    if (rateClearlyMatches(actual, count, base, scale)) return;
    checkRateExactly(m, x, rule, rateCol, places, found);
  };
}

/** The exact rate check of one row (count, base and rate present, base nonzero). */
function checkRateExactly(
  m: SheetModel,
  x: ModelRow,
  rule: RateRule,
  rateCol: number,
  places: number,
  issues: Issue[],
): void {
  const actual = valueOf(x, rule.rate) as Decimal;
  const expected = roundHalfUp(
    rateOf(valueOf(x, rule.count), valueOf(x, rule.base)) as Decimal,
    places,
  );
  if (roundHalfUp(actual, places).eq(expected)) return;
  if (x.isTotal && isAverageOfRates(m, x, rule.rate, actual, places)) {
    issues.push(
      makeIssue({
        code: 'rate/averaged-total',
        severity: 'error',
        row: x.row,
        col: rateCol,
        expected: expected.toString(),
        actual: actual.toString(),
      }),
    );
    return;
  }
  issues.push(
    makeIssue({
      code: 'rate/mismatch',
      severity: 'error',
      row: x.row,
      col: rateCol,
      numbers: {
        count: (valueOf(x, rule.count) as Decimal).toString(),
        base: (valueOf(x, rule.base) as Decimal).toString(),
      },
      expected: expected.toString(),
      actual: actual.toString(),
    }),
  );
}

function isAverageOfRates(
  m: SheetModel,
  total: ModelRow,
  key: string,
  actual: Decimal,
  places: number,
): boolean {
  const rates = total.children
    .map((i) => valueOf(m.rows[i], key))
    .filter((v): v is Decimal => v !== null);
  if (rates.length < 2) return false;
  const mean = sumDecimals(rates).dividedBy(rates.length);
  return roundHalfUp(mean, places).eq(roundHalfUp(actual, places));
}

/** The `rate/range` issue of a percentage out of range. */
export function rangeIssue(row: number, col: number, v: NumericCell): Issue {
  return makeIssue({ code: 'rate/range', severity: 'error', row, col, actual: v.value.toString() });
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

/** Percentages stay within 0–100 ("trên 100%" is over 100). Reductions may be negative. */
export function checkRange(m: SheetModel, issues: Issue[]): void {
  if (m.layout.kind === 'service') return; // service rows decide per row (unit column)
  const checks: RowCheck[] = [];
  for (const [key, col] of m.columns) {
    if (m.defs.get(key)?.kind !== 'percent' || key.startsWith('reduction')) continue;
    checks.push((x, found) => {
      const v = x.values.get(key);
      if (v && isOutOfPercentRange(v)) found.push(rangeIssue(x.row, col, v));
    });
  }
  runRowChecks(m.rows, checks, issues);
}

/**
 * Whether a written reduction surely equals from − to (or its negation) at 10^-places: both
 * rounded clearly away from a boundary. The difference of doubles errs relative to its
 * operands, so its margin is taken from their size.
 */
function differenceClearlyMatches(
  actual: NumericCell,
  from: NumericCell,
  to: NumericCell,
  scale: number,
): boolean {
  const a = approxValue(actual) * scale;
  const f = approxValue(from) * scale;
  const t = approxValue(to) * scale;
  const shownActual = roundedClearly(a, Math.abs(a));
  const shownExpected = roundedClearly(f - t, Math.abs(f) + Math.abs(t));
  return shownActual === shownExpected || shownActual === -shownExpected;
}

/**
 * The sign of a − b: exact from micros (a subtraction of doubles is zero only for equal
 * operands and keeps the sign of the exact difference), else from doubles when clearly apart; NaN when unsure. */
function signOfDifference(a: NumericCell, b: NumericCell): number {
  if (a.micros !== undefined && b.micros !== undefined) return Math.sign(a.micros - b.micros);
  const fa = approxValue(a);
  const fb = approxValue(b);
  return signClearly(fa, fb, Math.abs(fa) + Math.abs(fb));
}

/** The sign of a − b (−1, 0 or 1, as `Decimal#comparedTo`): from the fast path when sure, else from the decimals. */
export function compareValues(a: NumericCell, b: NumericCell): number {
  const sign = signOfDifference(a, b);
  return Number.isNaN(sign) ? a.value.comparedTo(b.value) : sign;
}

/**
 * The sign of (poor + near) − households: exact from micros (while the sum of their magnitudes
 * stays below 2^53), else from doubles when clearly apart; NaN when unsure.
 */
function signOverHouseholds(
  poor: NumericCell | null,
  near: NumericCell | null,
  households: NumericCell,
): number {
  const pm = poor ? poor.micros : 0;
  const nm = near ? near.micros : 0;
  const hm = households.micros;
  if (
    pm !== undefined &&
    nm !== undefined &&
    hm !== undefined &&
    Math.abs(pm) + Math.abs(nm) + Math.abs(hm) < MAX_EXACT
  )
    return Math.sign(pm + nm - hm);
  const fp = poor ? approxValue(poor) : 0;
  const fn = near ? approxValue(near) : 0;
  const fb = approxValue(households);
  return signClearly(fp + fn, fb, Math.abs(fp) + Math.abs(fn) + Math.abs(fb));
}

/** Reductions equal start − end; targets never raise poverty; poor + near-poor ≤ households; reductions meet the assigned target. */
export function checkTargets(m: SheetModel, issues: Issue[]): void {
  const reader = new RowReader();
  const checks: Array<RowCheck | undefined> = [];
  for (const rule of m.layout.differences) checks.push(differenceCheck(m, rule, reader));
  checks.push(noRiseCheck(m, 'poor_start', 'poor_end', reader));
  checks.push(noRiseCheck(m, 'poor_start_rate', 'poor_end_rate', reader));
  if (m.columns.has('households')) {
    checks.push(householdsCheck(m, 'poor_start', 'near_start', reader));
    checks.push(householdsCheck(m, 'poor_end', 'near_end', reader));
  }
  runRowChecks(
    m.rows,
    checks.filter((c) => c !== undefined),
    issues,
    reader,
  );
  checkAssigned(m, issues);
}

/** Reductions equal start − end (written as 24 or as −24). */
function differenceCheck(
  m: SheetModel,
  rule: DifferenceRule,
  reader: RowReader,
): RowCheck | undefined {
  const col = m.columns.get(rule.result);
  if (col === undefined || !m.columns.has(rule.from) || !m.columns.has(rule.to)) return;
  const isRate = m.defs.get(rule.result)?.kind === 'percent';
  const places = isRate ? (m.shown.get(rule.result) ?? 2) : 0;
  const scale = powerOfTen(places);
  const [resultSlot, fromSlot, toSlot] = [rule.result, rule.from, rule.to].map((k) =>
    reader.slot(k),
  ) as [number, number, number];
  return (x, found) => {
    const actualCell = reader.cell(resultSlot);
    const fromCell = reader.cell(fromSlot);
    const toCell = reader.cell(toSlot);
    if (!actualCell || !fromCell || !toCell) return;
    if (differenceClearlyMatches(actualCell, fromCell, toCell, scale)) return;
    const actual = actualCell.value;
    const expected = fromCell.value.minus(toCell.value);
    const a = roundHalfUp(actual, places);
    const e = roundHalfUp(expected, places);
    // Plans write a reduction as 24 or as −24.
    if (a.eq(e) || a.eq(e.negated())) return;
    found.push(
      makeIssue({
        code: 'target/reduction-mismatch',
        severity: 'error',
        row: x.row,
        col,
        expected: expected.toString(),
        actual: actual.toString(),
      }),
    );
  };
}

/** Targets never raise poverty: the end figure is not above the start. */
function noRiseCheck(
  m: SheetModel,
  start: string,
  end: string,
  reader: RowReader,
): RowCheck | undefined {
  const col = m.columns.get(end);
  if (col === undefined || !m.columns.has(start)) return;
  const startSlot = reader.slot(start);
  const endSlot = reader.slot(end);
  return (x, found) => {
    const startCell = reader.cell(startSlot);
    const endCell = reader.cell(endSlot);
    if (!startCell || !endCell) return;
    // Not above: surely (the sign is -1 or 0), or exactly.
    if (signOfDifference(endCell, startCell) <= 0) return;
    const s = startCell.value;
    const e = endCell.value;
    if (!e.gt(s)) return;
    found.push(
      makeIssue({
        code: 'target/raises-poverty',
        severity: 'error',
        row: x.row,
        col,
        expected: s.toString(),
        actual: e.toString(),
      }),
    );
  };
}

/** Poor + near-poor households are not more than the households. */
function householdsCheck(
  m: SheetModel,
  poor: string,
  near: string,
  reader: RowReader,
): RowCheck | undefined {
  const at = m.columns.get(near) ?? m.columns.get(poor);
  if (at === undefined) return;
  const [householdsSlot, poorSlot, nearSlot] = ['households', poor, near].map((k) =>
    reader.slot(k),
  ) as [number, number, number];
  return (x, found) => {
    const households = reader.cell(householdsSlot);
    const poorCell = reader.cell(poorSlot) ?? null;
    const nearCell = reader.cell(nearSlot) ?? null;
    if (!households || (poorCell === null && nearCell === null)) return;
    // Not above the households: surely (the sign is -1 or 0), or exactly.
    if (signOverHouseholds(poorCell, nearCell, households) <= 0) return;
    const base = households.value;
    const p = poorCell?.value ?? null;
    const n = nearCell?.value ?? null;
    const sum = (p ?? new Decimal(0)).plus(n ?? 0);
    if (!sum.gt(base)) return;
    found.push(
      makeIssue({
        code: 'target/exceeds-households',
        severity: 'error',
        row: x.row,
        col: at,
        expected: base.toString(),
        actual: sum.toString(),
      }),
    );
  };
}

function checkAssigned(m: SheetModel, issues: Issue[]): void {
  if (m.options.assignedReduction === undefined || m.options.assignedReduction === '') return;
  const assigned = toDecimal(m.options.assignedReduction);
  const col = m.columns.get('reduction') ?? m.columns.get('poor_end');
  if (col === undefined) return;
  const total = m.total !== null ? m.rows[m.total] : undefined;
  const reductionOf = (x: ModelRow | undefined): Decimal | null => {
    const r = valueOf(x, 'reduction');
    if (r !== null) return r.abs();
    const s = valueOf(x, 'poor_start');
    const e = valueOf(x, 'poor_end');
    return s !== null && e !== null ? s.minus(e) : null;
  };
  let achieved = reductionOf(total);
  if (achieved === null) achieved = sumDecimals(m.roots.map((i) => reductionOf(m.rows[i]) ?? 0));
  if (achieved.gte(assigned)) return;
  const row = total?.row ?? m.rows[m.rows.length - 1]?.row ?? m.detection.firstDataRow;
  issues.push(
    makeIssue({
      code: 'target/below-assigned',
      severity: 'error',
      row,
      col,
      numbers: { diff: assigned.minus(achieved).toString() },
      expected: assigned.toString(),
      actual: achieved.toString(),
    }),
  );
}
