/** The engine's side of the fill preview: a sheet's fill planned both ways and described. */
import {
  describeFill,
  fillSheet,
  validateSheet,
  warningsFeedingWrites,
  type FillOptions,
  type FillResult,
  type Grid,
  type ValidateSheetOptions,
} from '@phuluc/rules';
import type { DescribedWrites, FillPlan } from './fill-plan.js';

/**
 * Plan a sheet's fill both ways and describe it; `check` are the options the sheet is validated
 * with, for the open warnings.
 *
 * @example
 * const plan = planFill(grid, { mode: 'formula' }, {});
 * plannedWrites(plan, false, true); // the cells a fill without overwrite writes, as formulas
 */
export function planFill(grid: Grid, fill: FillOptions, check: ValidateSheetOptions): FillPlan {
  const plain = fillSheet(grid, fill);
  const overwrite = fillSheet(grid, { ...fill, overwrite: true });
  const issues = validateSheet(grid, check).issues;
  const describe = (r: FillResult): DescribedWrites => ({
    formula: describeFill(grid, r, 'formula'),
    value: describeFill(grid, r, 'value'),
  });
  return {
    plain,
    overwrite,
    described: { plain: describe(plain), overwrite: describe(overwrite) },
    fed: {
      plain: warningsFeedingWrites(grid, plain.writes, issues),
      overwrite: warningsFeedingWrites(grid, overwrite.writes, issues),
    },
  };
}
