import { cellText, getCell } from '../grid/grid.js';
import { normalizeText } from '../grid/normalize.js';
import { matchIndicator } from '../catalog/match.js';
import { makeIssue } from './issue.js';
import { shortLabel, valueOf, type ModelRow, type SheetModel } from './model.js';
import type { Issue } from './types.js';

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
export function checkServiceTargets(m: SheetModel, issues: Issue[]): void {
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
