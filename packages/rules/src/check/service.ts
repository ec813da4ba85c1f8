import { cellText, getCell } from '../grid/grid.js';
import { normalizeText } from '../grid/normalize.js';
import { matchIndicator } from '../catalog/match.js';
import { makeIssue } from './issue.js';
import { normalizedLabel, shortLabel, type ModelRow, type SheetModel } from './model.js';
import { isOutOfPercentRange, rangeIssue } from '../relations/declared.js';
import { compareValues } from './poverty.js';
import type { Issue } from './types.js';

const VALUE_KEYS = ['baseline', 'target', 'result'] as const;

/** "Trong đó: trẻ em người dân tộc thiểu số" breaks down the indicator above it. */
const OF_WHICH = /^trong do\b/;
const PERCENT_UNIT = /\bty le\b|\bphan tram\b/;
const RATE_LABEL = /\bty le\b|\bti le\b/;

type IndicatorMatch = ReturnType<typeof matchIndicator>;

/**
 * What a sheet's unit cells say, read once per distinct text (a large sheet repeats a handful
 * of units): true for a percentage, false for another unit, undefined when blank.
 */
class UnitReader {
  private readonly byText = new Map<string, boolean | undefined>();

  isPercent(text: string): boolean | undefined {
    if (this.byText.has(text)) return this.byText.get(text);
    const unit = normalizeText(text);
    const percent = unit ? unit.includes('%') || PERCENT_UNIT.test(unit) : undefined;
    this.byText.set(text, percent);
    return percent;
  }
}

/** Whether a service row is measured in percent: its unit says "%", or its label says "tỷ lệ". */
function isPercentRow(m: SheetModel, x: ModelRow, units: UnitReader): boolean {
  const unitCol = m.columns.get('unit');
  const byUnit =
    unitCol !== undefined ? units.isPercent(cellText(getCell(m.grid, x.row, unitCol))) : undefined;
  if (byUnit !== undefined) return byUnit;
  if (RATE_LABEL.test(normalizedLabel(x))) return true;
  return VALUE_KEYS.some(
    (k) =>
      x.values.get(k)?.fromText &&
      /%/.test(cellText(getCell(m.grid, x.row, m.columns.get(k) ?? -1))),
  );
}

/** The catalogue's indicator for each label, matched once per distinct label. */
function indicatorMatcher(period: string | undefined): (label: string) => IndicatorMatch {
  const byLabel = new Map<string, IndicatorMatch>();
  return (label) => {
    if (byLabel.has(label)) return byLabel.get(label);
    const match = matchIndicator(label, period);
    byLabel.set(label, match);
    return match;
  };
}

/** Percentages within 0–100: one `rate/range` issue per value out of range. */
function checkPercentRange(m: SheetModel, x: ModelRow, issues: Issue[]): void {
  for (const k of VALUE_KEYS) {
    const v = x.values.get(k);
    const col = m.columns.get(k);
    if (v && col !== undefined && isOutOfPercentRange(v)) issues.push(rangeIssue(x.row, col, v));
  }
}

/** Service targets: percentages within 0–100; targets move the way their indicator should; unknown indicators named. */
export function checkServiceTargets(m: SheetModel, issues: Issue[]): void {
  const labelCol = m.columns.get('label');
  const targetCol = m.columns.get('target');
  const indicatorOf = indicatorMatcher(m.options.period);
  const units = new UnitReader();
  let indicatorLabel = '';
  for (const x of m.rows) {
    const ofWhich = OF_WHICH.test(normalizedLabel(x));
    if (!ofWhich) indicatorLabel = x.label;
    if (x.isTotal || x.isOfWhichHeading) continue;
    const hasValues = VALUE_KEYS.some((k) => x.values.has(k));
    if (!hasValues) continue;
    if (isPercentRow(m, x, units)) checkPercentRange(m, x, issues);
    const baseline = x.values.get('baseline');
    const target = x.values.get('target');
    const match = indicatorOf(ofWhich ? indicatorLabel : x.label);
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
    if (!baseline || !target || targetCol === undefined) continue;
    const order = compareValues(target, baseline);
    const wrong = match.direction === 'up' ? order < 0 : order > 0;
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
          expected: baseline.value.toString(),
          actual: target.value.toString(),
        }),
      );
    }
  }
}
