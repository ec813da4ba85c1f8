import { Decimal } from '../money/decimal.js';
import { roundHalfUp } from '../money/round.js';
import { makePlanIssue } from './issue.js';
import type { FoundTarget } from './targets.js';
import type { PlanIssue } from './types.js';

/** Whole household numbers H for which `count` ÷ H × 100, rounded at the rate's precision, is `rate`. */
export function impliedHouseholds(
  count: Decimal,
  rate: Decimal,
  places: number = rate.decimalPlaces(),
): { min: Decimal; max: Decimal } | undefined {
  if (count.lte(0) || rate.lte(0)) return undefined;
  const half = new Decimal(10).pow(-places).times(0.5);
  const hundred = count.times(100);
  // round(100c/H) = r  ⇔  r − h ≤ 100c/H < r + h  ⇔  100c/(r+h) < H ≤ 100c/(r−h)
  const min = hundred.dividedBy(rate.plus(half)).floor().plus(1);
  const low = rate.minus(half);
  const max = low.lte(0) ? new Decimal(Number.MAX_SAFE_INTEGER) : hundred.dividedBy(low).floor();
  return min.lte(max) ? { min, max } : undefined;
}

/** The households both ends of a target agree on, or undefined (with `known` false when nothing can be said). */
export function targetHouseholds(t: FoundTarget): {
  known: boolean;
  range?: { min: Decimal; max: Decimal };
} {
  if (!t.startCount || !t.startRate || !t.endCount || !t.endRate) return { known: false };
  const a = impliedHouseholds(t.startCount, t.startRate, t.places.startRate);
  const b = impliedHouseholds(t.endCount, t.endRate, t.places.endRate);
  if (!a || !b) return { known: false };
  const min = Decimal.max(a.min, b.min);
  const max = Decimal.min(a.max, b.max);
  return { known: true, ...(min.lte(max) ? { range: { min, max } } : {}) };
}

/**
 * A target's figures against each other: the stated reduction in points must be start − end
 * (at the reduction's precision), the stated household reduction start − end, and the rates
 * at both ends must fit the household counts for one number of households at the text's precision.
 */
export function checkTargets(targets: readonly FoundTarget[], issues: PlanIssue[]): void {
  for (const t of targets) {
    if (t.reduction && t.startRate && t.endRate) {
      const diff = t.startRate.minus(t.endRate);
      if (!roundHalfUp(diff, t.places.reduction ?? t.reduction.decimalPlaces()).eq(t.reduction)) {
        issues.push(
          makePlanIssue({
            code: 'plan/target-mismatch',
            severity: 'error',
            line: t.line,
            messageKey: 'issue.plan/target-mismatch.reduction',
            numbers: { start: t.startRate.toString(), end: t.endRate.toString() },
            expected: diff.toString(),
            actual: t.reduction.toString(),
          }),
        );
      }
    }
    if (t.countReduction && t.startCount && t.endCount) {
      const diff = t.startCount.minus(t.endCount);
      if (!diff.eq(t.countReduction)) {
        issues.push(
          makePlanIssue({
            code: 'plan/target-mismatch',
            severity: 'error',
            line: t.line,
            messageKey: 'issue.plan/target-mismatch.count',
            numbers: { start: t.startCount.toString(), end: t.endCount.toString() },
            expected: diff.toString(),
            actual: t.countReduction.toString(),
          }),
        );
      }
    }
    const h = targetHouseholds(t);
    if (h.known && !h.range && t.startCount && t.startRate && t.endCount && t.endRate) {
      const households = roundHalfUp(t.startCount.times(100).dividedBy(t.startRate), 0);
      const expected = roundHalfUp(
        t.endCount.times(100).dividedBy(households),
        t.places.endRate ?? t.endRate.decimalPlaces(),
      );
      issues.push(
        makePlanIssue({
          code: 'plan/target-mismatch',
          severity: 'error',
          line: t.line,
          numbers: {
            startCount: t.startCount.toString(),
            startRate: t.startRate.toString(),
            endCount: t.endCount.toString(),
            households: households.toString(),
          },
          expected: expected.toString(),
          actual: t.endRate.toString(),
        }),
      );
    }
  }
}
