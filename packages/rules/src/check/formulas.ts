import type { SheetModel } from './model.js';
import type { Issue } from './types.js';
import type { Relation } from '../relations/types.js';
import { checkExternalRefs } from './formulas/external-refs.js';
import { checkHardcodedTotals } from './formulas/hardcoded-totals.js';
import { checkInconsistentFormulas } from './formulas/inconsistent.js';
import { checkOmittedRows } from './formulas/omitted-rows.js';
import { SheetFormulas } from './formulas/sheet-formulas.js';

export { checkExternalRefs, checkHardcodedTotals, checkInconsistentFormulas, checkOmittedRows };
export { SheetFormulas };

/** Every formula check, sharing one reading of the sheet's formulas. */
export function checkFormulas(
  m: SheetModel,
  issues: Issue[],
  relations: readonly Relation[] = [],
): void {
  const formulas = new SheetFormulas(m);
  checkExternalRefs(m, issues, formulas);
  checkOmittedRows(m, issues, formulas);
  checkHardcodedTotals(m, issues, formulas);
  checkInconsistentFormulas(m, issues, formulas, sumTargets(relations));
}

/** The columns the sheet's relations make sums across a row (a group's "Tổng số" of its parts). */
function sumTargets(relations: readonly Relation[]): string[] {
  const out: string[] = [];
  for (const r of relations) if (r.kind === 'sum') out.push(r.target);
  return out;
}
