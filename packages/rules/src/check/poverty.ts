import { Decimal } from '../money/decimal.js';
import { roundHalfUp } from '../money/round.js';
import { sumDecimals } from '../money/sum.js';
import { toDecimal } from '../money/decimal.js';
import { makeIssue } from './issue.js';
import { valueOf, type ModelRow, type SheetModel } from './model.js';
import type { Issue } from './types.js';

const HUNDRED = new Decimal(100);

/** `count ÷ base × 100`, or null when the base is missing or zero. */
export function rateOf(count: Decimal | null, base: Decimal | null): Decimal | null {
  if (count === null || base === null || base.isZero()) return null;
  return count.dividedBy(base).times(HUNDRED);
}

/** Rates: each equals count ÷ base × 100 at the sheet's precision; the total row's from summed counts. */
export function checkRates(m: SheetModel, issues: Issue[]): void {
  for (const rule of m.layout.rates) {
    const rateCol = m.columns.get(rule.rate);
    if (rateCol === undefined || !m.columns.has(rule.count) || !m.columns.has(rule.base)) continue;
    const places = m.shown.get(rule.rate) ?? 2;
    for (const x of m.rows) {
      const actual = valueOf(x, rule.rate);
      const expectedRaw = rateOf(valueOf(x, rule.count), valueOf(x, rule.base));
      if (actual === null || expectedRaw === null) continue;
      const expected = roundHalfUp(expectedRaw, places);
      if (roundHalfUp(actual, places).eq(expected)) continue;
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
        continue;
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
  }
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

/** Percentages stay within 0–100 ("trên 100%" is over 100). Reductions may be negative. */
export function checkRange(m: SheetModel, issues: Issue[]): void {
  for (const [key, col] of m.columns) {
    if (m.defs.get(key)?.kind !== 'percent' || key.startsWith('reduction')) continue;
    if (m.layout.kind === 'service') continue; // service rows decide per row (unit column)
    for (const x of m.rows) {
      const v = x.values.get(key);
      if (!v) continue;
      if (v.value.lt(0) || v.value.gt(100) || (v.qualifier === 'over' && v.value.gte(100))) {
        issues.push(
          makeIssue({
            code: 'rate/range',
            severity: 'error',
            row: x.row,
            col,
            actual: v.value.toString(),
          }),
        );
      }
    }
  }
}

/** Reductions equal start − end; targets never raise poverty; poor + near-poor ≤ households; reductions meet the assigned target. */
export function checkTargets(m: SheetModel, issues: Issue[]): void {
  for (const rule of m.layout.differences) {
    const col = m.columns.get(rule.result);
    if (col === undefined || !m.columns.has(rule.from) || !m.columns.has(rule.to)) continue;
    const isRate = m.defs.get(rule.result)?.kind === 'percent';
    const places = isRate ? (m.shown.get(rule.result) ?? 2) : 0;
    for (const x of m.rows) {
      const actual = valueOf(x, rule.result);
      const from = valueOf(x, rule.from);
      const to = valueOf(x, rule.to);
      if (actual === null || from === null || to === null) continue;
      const expected = from.minus(to);
      const a = roundHalfUp(actual, places);
      const e = roundHalfUp(expected, places);
      // Plans write a reduction as 24 or as −24.
      if (a.eq(e) || a.eq(e.negated())) continue;
      issues.push(
        makeIssue({
          code: 'target/reduction-mismatch',
          severity: 'error',
          row: x.row,
          col,
          expected: expected.toString(),
          actual: actual.toString(),
        }),
      );
    }
  }
  for (const [start, end] of [
    ['poor_start', 'poor_end'],
    ['poor_start_rate', 'poor_end_rate'],
  ] as const) {
    const col = m.columns.get(end);
    if (col === undefined || !m.columns.has(start)) continue;
    for (const x of m.rows) {
      const s = valueOf(x, start);
      const e = valueOf(x, end);
      if (s !== null && e !== null && e.gt(s)) {
        issues.push(
          makeIssue({
            code: 'target/raises-poverty',
            severity: 'error',
            row: x.row,
            col,
            expected: s.toString(),
            actual: e.toString(),
          }),
        );
      }
    }
  }
  const hh = m.columns.get('households');
  if (hh !== undefined) {
    for (const [poor, near] of [
      ['poor_start', 'near_start'],
      ['poor_end', 'near_end'],
    ] as const) {
      const at = m.columns.get(near) ?? m.columns.get(poor);
      if (at === undefined) continue;
      for (const x of m.rows) {
        const base = valueOf(x, 'households');
        const p = valueOf(x, poor);
        const n = valueOf(x, near);
        if (base === null || (p === null && n === null)) continue;
        const sum = (p ?? new Decimal(0)).plus(n ?? 0);
        if (sum.gt(base)) {
          issues.push(
            makeIssue({
              code: 'target/exceeds-households',
              severity: 'error',
              row: x.row,
              col: at,
              expected: base.toString(),
              actual: sum.toString(),
            }),
          );
        }
      }
    }
  }
  checkAssigned(m, issues);
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
