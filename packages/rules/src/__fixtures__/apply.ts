import type { CellWrite } from '../fill/types.js';
import type { Cell, Grid } from '../grid/types.js';

/** Apply fill writes to a grid the way an adapter would: the formula with its result as value. */
export function applyWrites(grid: Grid, writes: readonly CellWrite[]): Grid {
  const cells = grid.cells.map((row) => [...row]);
  for (const w of writes) {
    while (cells.length <= w.row) cells.push([]);
    const row = cells[w.row] as (Cell | null | undefined)[];
    const prev = row[w.col];
    row[w.col] = {
      ...(prev ?? {}),
      value: w.value,
      ...(w.formula ? { formula: w.formula } : {}),
    } as Cell;
  }
  return { ...grid, cells };
}
