import { Decimal } from '../money/decimal.js';
import { sumDecimals } from '../money/sum.js';
import { toDecimal } from '../money/decimal.js';
import { MAX_EXACT } from '../money/micros.js';
import type { LayoutDefinition } from '../annex/schema.js';
import { layoutProvenance } from '../relations/declared.js';
import { evaluateRelation, type RelationContext } from '../relations/evaluate.js';
import type { Relation } from '../relations/types.js';
import { makeIssue } from './issue.js';
import { valueOf, type ModelRow, type SheetModel } from './model.js';
import type { NumericCell } from './read-cell.js';
import type { Issue } from './types.js';
import { RowReader, runRowChecks, type RowCheck } from './row-checks.js';
import { approxValue, signClearly } from './approx.js';

type RateRule = LayoutDefinition['rates'][number];

/** How the evaluator reads the layout's relations on this sheet (the model's own columns). */
function contextOf(m: SheetModel): RelationContext {
  return { model: m, cols: m.columns, names: m.names ?? new Map<string, string>() };
}

/** Evaluate a layout's relations in order, each over every row, and keep their issues. */
function evaluateDeclared(m: SheetModel, relations: readonly Relation[], issues: Issue[]): void {
  const ctx = contextOf(m);
  for (const r of relations)
    for (const issue of evaluateRelation(r, ctx, false).issues) issues.push(issue);
}

/** The layout's rates whose columns the sheet has, as relations. */
function rateRelations(m: SheetModel): Relation[] {
  const provenance = layoutProvenance(m);
  const has = (rule: RateRule) =>
    m.columns.has(rule.rate) && m.columns.has(rule.count) && m.columns.has(rule.base);
  return m.layout.rates.filter(has).map((rule) => ({ kind: 'rate', ...rule, provenance }));
}

/**
 * Rates: each equals count ÷ base × 100 at the sheet's precision; the total row's from summed
 * counts (relations/declared.ts reads them; the relation evaluator runs them).
 */
export function checkRates(m: SheetModel, issues: Issue[]): void {
  evaluateDeclared(m, rateRelations(m), issues);
}

/** Percentages stay within 0–100 ("trên 100%" is over 100). Reductions may be negative. */
export function checkRange(m: SheetModel, issues: Issue[]): void {
  if (m.layout.kind === 'service') return; // service rows decide per row (unit column)
  const provenance = layoutProvenance(m);
  const ranges: Relation[] = [];
  for (const [key] of m.columns)
    if (m.defs.get(key)?.kind === 'percent' && !key.startsWith('reduction'))
      ranges.push({ kind: 'range', column: key, provenance });
  evaluateDeclared(m, ranges, issues);
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
  // Reductions first, each over every row: the order of one pass per check.
  const provenance = layoutProvenance(m);
  evaluateDeclared(
    m,
    m.layout.differences
      .filter((d) => m.columns.has(d.result) && m.columns.has(d.from) && m.columns.has(d.to))
      .map((d): Relation => ({ kind: 'difference', ...d, provenance })),
    issues,
  );
  const reader = new RowReader();
  const checks: Array<RowCheck | undefined> = [];
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
