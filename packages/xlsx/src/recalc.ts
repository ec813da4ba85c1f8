import ExcelJS from 'exceljs';
import { FormulaError, type Reader, type Scalar } from './formula-eval.js';
import { sameResult, settle, type CachedResult } from './settle.js';

export { evaluateFormula } from './formula-eval.js';
/** What {@link recalculate} did. */
export interface RecalcResult {
  /** Formula cells whose cached result changed. */
  readonly updated: readonly string[];
  /** Formula cells left alone because they are outside the supported subset. */
  readonly unsupported: readonly string[];
}

function scalarOf(v: unknown): Scalar {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && v !== null && 'error' in v)
    throw new FormulaError(String((v as { error: string }).error));
  if (typeof v === 'object' && v !== null && 'richText' in v) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return null;
}

/**
 * Recompute the cached results of a sheet's formulas (the supported subset, see
 * {@link evaluateFormula}) so that the file shows correct numbers after cells were written —
 * ExcelJS itself never calculates. Formulas keep their text and their shared-formula structure;
 * only results change. Repeats until nothing changes (at most `maxPasses`), so chains of totals
 * settle; circular references stop there.
 *
 * @example
 * applyWrites(ws, fill.writes);
 * recalculate(ws);
 */
export function recalculate(ws: ExcelJS.Worksheet, maxPasses = 50): RecalcResult {
  const formulas: { cell: ExcelJS.Cell; row: number; col: number; formula: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const formula = cell.formula;
      if (formula)
        formulas.push({ cell, row: Number(cell.row) - 1, col: Number(cell.col) - 1, formula });
    });
  });
  const results = new Map<string, CachedResult>();
  const keyOf = (row: number, col: number) => `${row}:${col}`;
  const isFormula = new Set(formulas.map((f) => keyOf(f.row, f.col)));
  const read: Reader = (row, col) => {
    const k = keyOf(row, col);
    if (results.has(k)) {
      const r = results.get(k)!;
      if (r !== null && typeof r === 'object') throw new FormulaError(r.error);
      return r;
    }
    const cell = ws.findCell(row + 1, col + 1);
    if (!cell) return null;
    if (cell.type === ExcelJS.ValueType.Merge) return null;
    return scalarOf(isFormula.has(k) ? cell.result : cell.value);
  };

  const unsupported = settle(formulas, keyOf, results, read, maxPasses);

  const updated: string[] = [];
  for (const f of formulas) {
    const k = keyOf(f.row, f.col);
    if (!results.has(k)) continue;
    const next = results.get(k)!;
    const old = f.cell.result;
    if (sameResult(old, next)) continue;
    // An error where no value was cached (an empty template row) stays empty, as it was.
    if (next !== null && typeof next === 'object' && (old === undefined || old === null)) continue;
    const model = f.cell.value as unknown as Record<string, unknown>;
    f.cell.value = { ...model, result: next } as ExcelJS.CellValue;
    updated.push(f.cell.address);
  }
  return {
    updated,
    unsupported: formulas
      .filter((f) => unsupported.has(keyOf(f.row, f.col)))
      .map((f) => f.cell.address),
  };
}
