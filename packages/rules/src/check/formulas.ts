import type { SheetModel } from './model.js';
import type { Issue } from './types.js';
import { checkExternalRefs } from './formulas/external-refs.js';
import { checkHardcodedTotals } from './formulas/hardcoded-totals.js';
import { checkInconsistentFormulas } from './formulas/inconsistent.js';
import { checkOmittedRows } from './formulas/omitted-rows.js';
import { SheetFormulas } from './formulas/sheet-formulas.js';

export { checkExternalRefs, checkHardcodedTotals, checkInconsistentFormulas, checkOmittedRows };
export { SheetFormulas };

/** Every formula check, sharing one reading of the sheet's formulas. */
export function checkFormulas(m: SheetModel, issues: Issue[]): void {
  const formulas = new SheetFormulas(m);
  checkExternalRefs(m, issues, formulas);
  checkOmittedRows(m, issues, formulas);
  checkHardcodedTotals(m, issues, formulas);
  checkInconsistentFormulas(m, issues, formulas);
}
