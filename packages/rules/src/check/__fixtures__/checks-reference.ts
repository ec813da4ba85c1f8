// PRE-OPTIMISATION REFERENCE — not used by the rules themselves.
// The poverty-target checks (poverty.ts), the cell checks (cells.ts) and the service-target
// checks (service.ts) exactly as they were before their fast paths (floating-point filters in
// front of the exact decimal arithmetic). The equivalence test (check/fast-paths.test.ts)
// runs these and the current checks on many sheets and wants identical issue lists.
// Copied verbatim; only imports are adjusted and the exported names get a `reference` prefix.
import { cellText, getCell } from '../../grid/grid.js';
import { normalizeText } from '../../grid/normalize.js';
import { matchIndicator } from '../../catalog/match.js';
import { Decimal } from '../../money/decimal.js';
import { roundHalfUp } from '../../money/round.js';
import { sumDecimals } from '../../money/sum.js';
import { toDecimal } from '../../money/decimal.js';
import { makeIssue } from '../issue.js';
import { shortLabel, valueOf, type ModelRow, type SheetModel } from '../model.js';
import type { Issue } from '../types.js';

// ---- poverty.ts ----

const HUNDRED = new Decimal(100);

/** `count ÷ base × 100`, or null when the base is missing or zero. */
function rateOf(count: Decimal | null, base: Decimal | null): Decimal | null {
  if (count === null || base === null || base.isZero()) return null;
  return count.dividedBy(base).times(HUNDRED);
}

/** Rates: each equals count ÷ base × 100 at the sheet's precision; the total row's from summed counts. */
export function referenceCheckRates(m: SheetModel, issues: Issue[]): void {
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
export function referenceCheckRange(m: SheetModel, issues: Issue[]): void {
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
export function referenceCheckTargets(m: SheetModel, issues: Issue[]): void {
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

// ---- cells.ts ----

/** Decimal places a typed amount may carry, by the sheet's money unit. */
const MONEY_PLACES: Record<string, number> = { dong: 0, nghin: 3, trieu: 4, ty: 7 };
const PERCENT_PLACES = 2;

const UNIT_NAMES: Record<string, { vi: string; en: string }> = {
  dong: { vi: 'đồng', en: 'đồng' },
  nghin: { vi: 'nghìn đồng', en: 'thousand đồng' },
  trieu: { vi: 'triệu đồng', en: 'million đồng' },
  ty: { vi: 'tỷ đồng', en: 'billion đồng' },
  percent: { vi: '%', en: '%' },
};

/** Cell checks that need the column's kind: negatives, fractions of households, too many decimals. */
export function referenceCheckCells(m: SheetModel, issues: Issue[]): void {
  const moneyUnit = m.unit in MONEY_PLACES ? m.unit : 'trieu';
  for (const [key, col] of m.columns) {
    const def = m.defs.get(key);
    if (!def || (def.kind !== 'money' && def.kind !== 'count' && def.kind !== 'percent')) continue;
    const column = { column: def.header, columnEn: def.headerEn };
    for (const x of m.rows) {
      const v = x.values.get(key);
      if (!v) continue;
      if (
        v.value.isNegative() &&
        !v.value.isZero() &&
        def.kind !== 'percent' &&
        !key.startsWith('reduction')
      ) {
        issues.push(
          makeIssue({
            code: 'cell/negative',
            severity: 'error',
            row: x.row,
            col,
            text: column,
            actual: v.value.toString(),
          }),
        );
        continue;
      }
      if (def.kind === 'count' && !v.value.isInteger()) {
        issues.push(
          makeIssue({
            code: 'cell/not-whole',
            severity: 'error',
            row: x.row,
            col,
            text: column,
            actual: v.value.toString(),
          }),
        );
        continue;
      }
      if (v.formula) continue;
      const max =
        def.kind === 'percent'
          ? PERCENT_PLACES
          : def.kind === 'money'
            ? (MONEY_PLACES[moneyUnit] ?? 4)
            : 0;
      const places = v.value.decimalPlaces();
      if (places > max) {
        const unit =
          def.kind === 'percent' ? UNIT_NAMES.percent : (UNIT_NAMES[moneyUnit] ?? UNIT_NAMES.trieu);
        issues.push(
          makeIssue({
            code: 'cell/precision',
            severity: 'warning',
            row: x.row,
            col,
            text: { ...column, places, max, unit: unit?.vi ?? '', unitEn: unit?.en ?? '' },
            actual: v.value.toString(),
          }),
        );
      }
    }
  }
}

// ---- service.ts ----

const VALUE_KEYS = ['baseline', 'target', 'result'] as const;

/** Whether a service row is measured in percent: its unit says "%", or its label says "tỷ lệ". */
function isPercentRow(m: SheetModel, x: ModelRow): boolean {
  const unitCol = m.columns.get('unit');
  const unit =
    unitCol !== undefined ? normalizeText(cellText(getCell(m.grid, x.row, unitCol))) : '';
  if (unit) return unit.includes('%') || /\bty le\b|\bphan tram\b/.test(unit);
  if (/\bty le\b|\bti le\b/.test(normalizeText(x.label))) return true;
  return VALUE_KEYS.some(
    (k) =>
      x.values.get(k)?.fromText &&
      /%/.test(cellText(getCell(m.grid, x.row, m.columns.get(k) ?? -1))),
  );
}

/** Service targets: percentages within 0–100; targets move the way their indicator should; unknown indicators named. */
export function referenceCheckServiceTargets(m: SheetModel, issues: Issue[]): void {
  const labelCol = m.columns.get('label');
  let indicatorLabel = '';
  for (const x of m.rows) {
    // "Trong đó: trẻ em người dân tộc thiểu số" breaks down the indicator above it.
    const ofWhich = /^trong do\b/.test(normalizeText(x.label));
    if (!ofWhich) indicatorLabel = x.label;
    if (x.isTotal || x.isOfWhichHeading) continue;
    const hasValues = VALUE_KEYS.some((k) => x.values.get(k));
    if (!hasValues) continue;
    if (isPercentRow(m, x)) {
      for (const k of VALUE_KEYS) {
        const v = x.values.get(k);
        const col = m.columns.get(k);
        if (!v || col === undefined) continue;
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
    const baseline = valueOf(x, 'baseline');
    const target = valueOf(x, 'target');
    const match = matchIndicator(ofWhich ? indicatorLabel : x.label, m.options.period);
    if (!match) {
      if (labelCol !== undefined && x.label) {
        issues.push(
          makeIssue({
            code: 'catalog/unknown-indicator',
            severity: 'info',
            row: x.row,
            col: labelCol,
            text: { label: shortLabel(x) },
          }),
        );
      }
      continue;
    }
    const targetCol = m.columns.get('target');
    if (baseline === null || target === null || targetCol === undefined) continue;
    const wrong = match.direction === 'up' ? target.lt(baseline) : target.gt(baseline);
    if (wrong) {
      issues.push(
        makeIssue({
          code: 'target/direction',
          severity: 'warning',
          row: x.row,
          col: targetCol,
          text: {
            label: shortLabel(x),
            directionVi: match.direction === 'up' ? 'tăng' : 'giảm',
            directionEn: match.direction === 'up' ? 'up' : 'down',
          },
          expected: baseline.toString(),
          actual: target.toString(),
        }),
      );
    }
  }
}
