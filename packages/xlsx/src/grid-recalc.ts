/**
 * Recompute the cached results of a grid's formulas (the evaluator's subset, see
 * `evaluateFormula`), as `recalculate` does on an ExcelJS sheet: what fill uses between its passes
 * and to refresh the cached results of the formulas that depend on the cells it wrote.
 */
import type { Cell, CellValue } from '@phuluc/rules';
import { FormulaError, type Reader, type Scalar } from './formula-eval.js';
import { sameResult, settle, type CachedResult } from './settle.js';

/** A grid's rows being changed in place. */
export type MutableCells = (Cell | null | undefined)[][];

function scalarOf(v: CellValue | undefined): Scalar {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') throw new FormulaError(v.error);
  return v;
}

/**
 * Recompute every formula cell of `cells` (0-based rows of cells, changed in place: a formula
 * cell whose result changed gets a new cell with the new `value`), repeating until nothing
 * changes (at most `maxPasses`). Formulas outside the supported subset keep their cached value;
 * an error where no value was cached stays empty, as `recalculate` leaves it.
 *
 * @returns the 0-based `[row, col]` of each cell whose cached result changed
 * @example
 * const cells = grid.cells.map((r) => [...r]);
 * cells[9]![2] = { value: 5 };
 * recalculateGrid(cells); // [[8, 2]] when C9 is =SUM(C10:C11)
 */
export function recalculateGrid(cells: MutableCells, maxPasses = 50): [number, number][] {
  const formulas: { row: number; col: number; formula: string }[] = [];
  cells.forEach((r, row) =>
    r?.forEach((cell, col) => {
      if (cell?.formula) formulas.push({ row, col, formula: cell.formula });
    }),
  );
  if (formulas.length === 0) return [];
  const key = (row: number, col: number): number => row * 16384 + col;
  const results = new Map<number, CachedResult>();
  const read: Reader = (row, col) => {
    const r = results.get(key(row, col));
    if (r !== undefined) {
      if (typeof r === 'object') throw new FormulaError(r.error);
      return r;
    }
    return scalarOf(cells[row]?.[col]?.value);
  };
  settle(formulas, key, results, read, maxPasses);
  const updated: [number, number][] = [];
  for (const f of formulas) {
    const next = results.get(key(f.row, f.col));
    if (next === undefined) continue;
    const cell = cells[f.row]![f.col]!;
    const old = cell.value;
    if (sameResult(old, next)) continue;
    if (typeof next === 'object' && (old === undefined || old === null)) continue;
    cells[f.row]![f.col] = { ...cell, value: next };
    updated.push([f.row, f.col]);
  }
  return updated;
}
