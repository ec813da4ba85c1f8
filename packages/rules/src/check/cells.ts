import type { ColumnDefinition } from '../annex/schema.js';
import { MICROS_PER_UNIT, MICROS_PLACES } from '../money/micros.js';
import { makeIssue } from './issue.js';
import { runRowChecks, type RowCheck } from './row-checks.js';
import type { SheetModel } from './model.js';
import type { NumericCell } from './read-cell.js';
import type { SheetNumbers } from './row-values.js';
import { isInferredKey } from '../relations/structure.js';
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

/** 10^(6 − places): the micros of one unit at `places` decimals. */
const MICROS_STEP = [1e6, 1e5, 1e4, 1e3, 100, 10, 1];

/*
 * Every cell of a numeric column is looked at, and almost none has an issue: the tests below
 * read the cell's micros (its value × 10^6 as a safe integer, exact) when it has them, and its
 * decimal otherwise. Both answer exactly the same; an issue's numbers come from the decimal.
 */

/** Whether a cell holds a number below zero (−0 is not). */
function isBelowZero(v: NumericCell): boolean {
  if (v.micros !== undefined) return v.micros < 0;
  return v.value.isNegative() && !v.value.isZero();
}

/** Whether a cell holds a whole number. */
function isWhole(v: NumericCell): boolean {
  if (v.micros !== undefined) return v.micros % MICROS_PER_UNIT === 0;
  return v.value.isInteger();
}

/** Whether a cell's number carries more than `max` decimals. */
function hasMorePlacesThan(v: NumericCell, max: number): boolean {
  if (v.micros !== undefined)
    return max < MICROS_PLACES && v.micros % (MICROS_STEP[max] as number) !== 0;
  return v.value.decimalPlaces() > max;
}

/** What the cell checks need to know of a column, worked out once per column. */
interface ColumnRules {
  readonly key: string;
  readonly col: number;
  readonly def: ColumnDefinition;
  /** Percentages and reductions may be negative. */
  readonly mayBeNegative: boolean;
  /** Households come whole. */
  readonly wholeOnly: boolean;
  /** Decimal places a typed figure may carry. */
  readonly maxPlaces: number;
}

function columnRules(
  key: string,
  col: number,
  def: ColumnDefinition,
  moneyUnit: string,
): ColumnRules {
  return {
    key,
    col,
    def,
    mayBeNegative: def.kind === 'percent' || key.startsWith('reduction'),
    wholeOnly: def.kind === 'count',
    maxPlaces:
      def.kind === 'percent'
        ? PERCENT_PLACES
        : def.kind === 'money'
          ? (MONEY_PLACES[moneyUnit] ?? 4)
          : 0,
  };
}

/** Cell checks that need the column's kind: negatives, fractions of households, too many decimals. */
export function checkCells(m: SheetModel, issues: Issue[]): void {
  const moneyUnit = m.unit in MONEY_PLACES ? m.unit : 'trieu';
  const checks: RowCheck[] = [];
  for (const [key, col] of m.columns) {
    const def = m.defs.get(key);
    if (!def || (def.kind !== 'money' && def.kind !== 'count' && def.kind !== 'percent')) continue;
    // A column no layout names has a guessed kind: its cells are read (errors, text), not judged by it.
    if (isInferredKey(key)) continue;
    checks.push(
      cellCheck(
        columnRules(key, col, def, moneyUnit),
        m.numbers,
        m.slots.get(key) ?? -1,
        moneyUnit,
      ),
    );
  }
  runRowChecks(m.rows, checks, issues);
}

/** The checks of one column's cell on a row. */
function cellCheck(
  rules: ColumnRules,
  numbers: SheetNumbers,
  slot: number,
  moneyUnit: string,
): RowCheck {
  const { key, col, def } = rules;
  const column = { column: def.header, columnEn: def.headerEn };
  return (x, found, i) => {
    // Most cells pass every rule, which their micros tell without making the cell (or fetching
    // the row: the micros are read from the sheet's numbers by the row's index).
    const micros = numbers.rowMicros(i, slot);
    if (micros === null) return;
    if (
      micros !== undefined &&
      (rules.mayBeNegative || micros >= 0) &&
      (!rules.wholeOnly || micros % MICROS_PER_UNIT === 0) &&
      !(rules.maxPlaces < MICROS_PLACES && micros % (MICROS_STEP[rules.maxPlaces] as number) !== 0)
    )
      return;
    const v = x.values.get(key);
    if (!v) return;
    const wrong =
      !rules.mayBeNegative && isBelowZero(v)
        ? 'cell/negative'
        : rules.wholeOnly && !isWhole(v)
          ? 'cell/not-whole'
          : undefined;
    if (wrong) {
      found.push(
        makeIssue({
          code: wrong,
          severity: 'error',
          row: x.row,
          col,
          text: column,
          actual: v.value.toString(),
        }),
      );
      return;
    }
    if (v.formula || !hasMorePlacesThan(v, rules.maxPlaces)) return;
    const places = v.value.decimalPlaces();
    const unit =
      def.kind === 'percent' ? UNIT_NAMES.percent : (UNIT_NAMES[moneyUnit] ?? UNIT_NAMES.trieu);
    found.push(
      makeIssue({
        code: 'cell/precision',
        severity: 'warning',
        row: x.row,
        col,
        text: {
          ...column,
          places,
          max: rules.maxPlaces,
          unit: unit?.vi ?? '',
          unitEn: unit?.en ?? '',
        },
        actual: v.value.toString(),
      }),
    );
  };
}
