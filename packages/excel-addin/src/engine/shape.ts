/** A grid's size and merged areas. */
import type { Grid } from '@phuluc/rules';
import type { SheetShape } from './protocol.js';

/** The size of a grid (rows, widest row or merge) and its merged areas. */
export function shapeOf(grid: Grid): SheetShape {
  let cols = 0;
  for (const row of grid.cells) if (row.length > cols) cols = row.length;
  for (const m of grid.merges) if (m.right + 1 > cols) cols = m.right + 1;
  return { rows: grid.cells.length, cols, merges: grid.merges };
}
