/** A grid held in the page as a {@link SheetView}: every row at once. */
import type { Grid } from '@phuluc/rules';
import { shapeOf } from '../engine/shape.js';
import type { SheetView } from '../workbook/types.js';

/** The view of a grid the page already holds. */
export function gridView(grid: Grid): SheetView {
  return { ...shapeOf(grid), row: (r) => grid.cells[r] ?? [] };
}
