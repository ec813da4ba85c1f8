/**
 * The fixed point both recalculations share (an ExcelJS sheet's, `recalculate`, and a grid's,
 * `recalculateGrid`): evaluate every formula, again and again, until no result moves.
 */
import { evaluateFormula, type Reader } from './formula-eval.js';

/** A formula's result, as the evaluator gives it and a cell caches it: a number or an error. */
export type CachedResult = number | { error: string };

/** Whether two cached results show the same: equal, or equal in Excel's 15 significant digits. */
export function sameResult(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Number(a.toPrecision(15)) === Number(b.toPrecision(15));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object')
    return (a as { error?: unknown }).error === (b as { error?: unknown }).error;
  return (a ?? null) === (b ?? null);
}

/**
 * Evaluate `formulas` into `results` (by `key`) until nothing changes, at most `maxPasses` times:
 * chains of totals settle, circular references stop there. `read` reads a cell, from `results`
 * first. Returns the keys of the formulas outside the evaluator's subset (left out of `results`).
 */
export function settle<K>(
  formulas: ReadonlyArray<{ readonly row: number; readonly col: number; readonly formula: string }>,
  key: (row: number, col: number) => K,
  results: Map<K, CachedResult>,
  read: Reader,
  maxPasses: number,
): Set<K> {
  const unsupported = new Set<K>();
  for (let pass = 0; pass < maxPasses; pass++) {
    let moved = false;
    for (const f of formulas) {
      const k = key(f.row, f.col);
      if (unsupported.has(k)) continue;
      const next = evaluateFormula(f.formula, read);
      if (next === undefined) {
        unsupported.add(k);
        continue;
      }
      if (!results.has(k) || !sameResult(results.get(k), next)) moved = true;
      results.set(k, next);
    }
    if (!moved) break;
  }
  return unsupported;
}
