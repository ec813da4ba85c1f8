import { makeIssue } from './issue.js';
import type { SheetModel } from './model.js';
import type { Issue } from './types.js';

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
export function checkCells(m: SheetModel, issues: Issue[]): void {
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
