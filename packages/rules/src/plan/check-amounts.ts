import { Decimal, toDecimal } from '../money/decimal.js';
import { roundHalfUp } from '../money/round.js';
import { convertUnit } from '../money/units.js';
import type { FoundAmount } from './amounts.js';
import { makePlanIssue } from './issue.js';
import type { PlanIssue } from './types.js';
import { unitParams, whatParams } from './unit-names.js';

/** Whether `sum` agrees with the `stated` figure: at the stated figure's precision, or within a tolerance. */
export function agrees(
  sum: Decimal,
  stated: Decimal,
  tolerance: string | number | undefined,
): boolean {
  if (tolerance !== undefined && tolerance !== '')
    return sum.minus(stated).abs().lte(toDecimal(tolerance).abs());
  return roundHalfUp(sum, Math.max(stated.decimalPlaces(), 0)).eq(stated);
}

const code = (a: FoundAmount): string => a.subproject ?? a.project ?? '';

/** The amounts that add up to the total: sub-projects, projects without sub-project lines, and amounts that name no project; each code once. */
export function leaves(amounts: readonly FoundAmount[]): FoundAmount[] {
  const seen = new Set<string>();
  const lines = amounts
    .filter((a) => a.kind === 'line')
    .filter((a) => {
      const c = code(a);
      if (seen.has(c)) return false;
      seen.add(c);
      return true;
    });
  const withSubs = new Set(lines.filter((a) => a.subproject).map((a) => a.project));
  return [
    ...lines.filter((a) => a.subproject || !withSubs.has(a.project)),
    ...amounts.filter((a) => a.kind === 'unattributed'),
  ];
}

function sumIn(
  items: readonly FoundAmount[],
  pick: (a: FoundAmount) => Decimal | undefined,
  unit: FoundAmount['unit'],
): Decimal {
  let s = new Decimal(0);
  for (const a of items) s = s.plus(convertUnit(pick(a) ?? 0, a.unit, unit));
  return s;
}

/**
 * The text's amounts against its totals: the projects' amounts must add up to "Tổng kinh phí"
 * (and their central and local parts to the total's), and a project's own amount to its
 * sub-projects'. Each issue sits at the line of the figure that should equal the sum.
 */
export function checkTotals(
  amounts: readonly FoundAmount[],
  tolerance: string | number | undefined,
  issues: PlanIssue[],
): void {
  const lines = amounts.filter((a) => a.kind === 'line');
  // A project's amount against its sub-projects'.
  for (const p of lines.filter((a) => !a.subproject)) {
    const subs = leaves(lines).filter((a) => a.subproject && a.project === p.project);
    if (!subs.length) continue;
    const sum = sumIn(subs, (a) => a.amount, p.unit);
    if (!agrees(sum, p.amount, tolerance)) {
      issues.push(
        makePlanIssue({
          code: 'plan/total-mismatch',
          severity: 'error',
          line: p.line,
          messageKey: 'issue.plan/total-mismatch.project',
          text: {
            project: p.project ?? '',
            lines: subs.map((a) => a.line).join(', '),
            ...unitParams(p.unit),
          },
          numbers: { diff: p.amount.minus(sum).toString() },
          expected: sum.toString(),
          actual: p.amount.toString(),
        }),
      );
    }
  }
  const total = amounts.find((a) => a.kind === 'total');
  const parts = leaves(amounts);
  if (!total || parts.length === 0) return;
  const sum = sumIn(parts, (a) => a.amount, total.unit);
  if (!agrees(sum, total.amount, tolerance)) {
    issues.push(
      makePlanIssue({
        code: 'plan/total-mismatch',
        severity: 'error',
        line: total.line,
        text: { lines: parts.map((a) => a.line).join(', '), ...unitParams(total.unit) },
        numbers: { diff: total.amount.minus(sum).toString() },
        expected: sum.toString(),
        actual: total.amount.toString(),
      }),
    );
    return;
  }
  for (const part of ['central', 'local'] as const) {
    const stated = total[part];
    if (stated === undefined) continue;
    const other = part === 'central' ? 'local' : 'central';
    // A line that gives only one part implies the other (when no other source is named).
    const value = (a: FoundAmount): Decimal | undefined =>
      a[part] ??
      (a[other] !== undefined && a.other === undefined
        ? a.amount.minus(a[other] as Decimal)
        : undefined);
    if (!parts.every((a) => value(a) !== undefined)) continue;
    const s = sumIn(parts, value, total.unit);
    if (!agrees(s, stated, tolerance)) {
      issues.push(
        makePlanIssue({
          code: 'plan/total-mismatch',
          severity: 'error',
          line: total.line,
          messageKey:
            part === 'central'
              ? 'issue.plan/total-mismatch.central'
              : 'issue.plan/total-mismatch.local',
          text: { lines: parts.map((a) => a.line).join(', '), ...unitParams(total.unit) },
          numbers: { diff: stated.minus(s).toString() },
          expected: s.toString(),
          actual: stated.toString(),
        }),
      );
    }
  }
}

/**
 * Each amount against its split: central + local (+ other sources) must equal the amount;
 * a single part may not exceed it. The issue sits at the amount's line.
 */
export function checkSplits(
  amounts: readonly FoundAmount[],
  tolerance: string | number | undefined,
  issues: PlanIssue[],
): void {
  for (const a of amounts) {
    const parts = [a.central, a.local, a.other].filter((x): x is Decimal => x !== undefined);
    if (parts.length === 0) continue;
    const sum = parts.reduce((s, x) => s.plus(x), new Decimal(0));
    const bad =
      parts.length >= 2
        ? !agrees(sum, a.amount, tolerance)
        : sum.gt(a.amount) && !agrees(sum, a.amount, tolerance);
    if (!bad) continue;
    issues.push(
      makePlanIssue({
        code: 'plan/split-mismatch',
        severity: 'error',
        line: a.line,
        text: { ...whatParams(a.kind === 'total' ? '' : code(a)), ...unitParams(a.unit) },
        numbers: {
          central: (a.central ?? new Decimal(0)).toString(),
          local: (a.local ?? new Decimal(0)).toString(),
          other: (a.other ?? new Decimal(0)).toString(),
          diff: a.amount.minus(sum).toString(),
        },
        expected: sum.toString(),
        actual: a.amount.toString(),
      }),
    );
  }
}
