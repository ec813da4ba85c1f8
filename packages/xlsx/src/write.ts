import ExcelJS from 'exceljs';
import type { CellValue, CellWrite } from '@phuluc/rules';
import { a1 } from './a1.js';

/** Options for {@link applyWrites}. */
export interface ApplyWritesOptions {
  /** `formula` (default): write each write's formula with its value as the cached result; `value`: the number only. */
  readonly mode?: 'formula' | 'value';
}

/** What {@link applyWrites} did. */
export interface ApplyWritesResult {
  /** Cells written. */
  readonly written: number;
  /** A1 addresses skipped because they are covered by a merged area (not its top-left cell). */
  readonly skipped: readonly string[];
  /** Cells whose shared formula was turned into its own formula because its master was written over. */
  readonly unshared: readonly string[];
}

/**
 * The ExcelJS value for a grid value or a formula. Text is always written as text, even when it
 * starts with `=`, `+`, `-` or `@`: it never becomes a formula (ExcelJS stores strings as strings;
 * only an object with `formula` makes a formula).
 */
export function toExcelValue(value: CellValue, formula?: string): ExcelJS.CellValue {
  if (formula !== undefined && formula !== '') {
    const f = formula.replace(/^=/, '');
    const result = value === null ? undefined : value;
    return { formula: f, result } as ExcelJS.CellFormulaValue;
  }
  if (value === null) return null;
  if (typeof value === 'object') return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

type FormulaModel = { formula?: string; sharedFormula?: string; shareType?: string; ref?: string };

function isSharedMaster(cell: ExcelJS.Cell): boolean {
  if (cell.type !== ExcelJS.ValueType.Formula) return false;
  const v = cell.value as FormulaModel;
  return v.shareType === 'shared' || (v.ref !== undefined && v.formula !== undefined);
}

/**
 * Turn every clone of the given shared-formula masters into a formula of its own (translated from
 * its master, cached result kept), so the masters can be written over without breaking or
 * silently changing their clones.
 */
function unshareClones(ws: ExcelJS.Worksheet, masters: ReadonlySet<string>): string[] {
  const changed: { cell: ExcelJS.Cell; formula: string | undefined; result: unknown }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const v = cell.value as FormulaModel;
      if (v.sharedFormula && masters.has(v.sharedFormula)) {
        changed.push({ cell, formula: cell.formula, result: cell.result });
      }
    });
  });
  for (const { cell, formula, result } of changed) {
    cell.value = formula
      ? ({ formula, result } as ExcelJS.CellFormulaValue)
      : ((result ?? null) as ExcelJS.CellValue);
  }
  return changed.map((c) => c.cell.address);
}

/**
 * Write the rules' fill writes into a worksheet, keeping each cell's style (font, borders,
 * number format). In `formula` mode a write with a formula becomes that formula with its computed
 * value as cached result (so the file shows the right number before Excel recalculates);
 * otherwise the number is written.
 *
 * @example
 * const fill = fillSheet(worksheetToGrid(ws));
 * applyWrites(ws, fill.writes, { mode: 'formula' });
 */
export function applyWrites(
  ws: ExcelJS.Worksheet,
  writes: readonly CellWrite[],
  options: ApplyWritesOptions = {},
): ApplyWritesResult {
  const mode = options.mode ?? 'formula';
  const skipped: string[] = [];
  const targets: { cell: ExcelJS.Cell; write: CellWrite }[] = [];
  const masters = new Set<string>();
  for (const write of writes) {
    const cell = ws.getCell(write.row + 1, write.col + 1);
    if (cell.type === ExcelJS.ValueType.Merge && cell.master.address !== cell.address) {
      skipped.push(a1(write.row, write.col));
      continue;
    }
    if (isSharedMaster(cell)) masters.add(cell.address);
    targets.push({ cell, write });
  }
  const unshared = masters.size > 0 ? unshareClones(ws, masters) : [];
  for (const { cell, write } of targets) {
    const formula = mode === 'formula' ? write.formula : undefined;
    cell.value = toExcelValue(write.value, formula);
  }
  return { written: targets.length, skipped, unshared };
}
