import type { Cell, CellValue, Grid, MergeRange } from './types.js';
import { isCellError } from './types.js';

/** Whether something is a {@link Cell} object rather than a bare value. */
function isCell(x: unknown): x is Cell {
  return typeof x === 'object' && x !== null && 'value' in x && !('error' in x);
}

/**
 * Build a grid from rows of values or cells: handy in tests and adapters.
 *
 * @example
 * const g = gridFromRows('PL01', [['TT', 'Nội dung', 'Tổng số'], ['1', 'Dự án 2', 3154]]);
 * g.cells[1][2]; // { value: 3154 }
 */
export function gridFromRows(
  name: string,
  rows: ReadonlyArray<ReadonlyArray<CellValue | Cell | undefined>>,
  merges: readonly MergeRange[] = [],
): Grid {
  return {
    name,
    merges,
    cells: rows.map((row) =>
      row.map((x) =>
        x === undefined ? null : isCell(x) ? x : ({ value: x as CellValue } as Cell),
      ),
    ),
  };
}

/** The cell at a 0-based row and column, or undefined. */
export function getCell(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.cells[row]?.[col] ?? undefined;
}

/** Each grid's size, read once: detection asks for it once per header window and layout. */
const sizes = new WeakMap<Grid['cells'], { readonly rows: number; readonly cols: number }>();

/**
 * The number of rows and the widest row of a grid. Grids are read-only once built (their types
 * say so); the size is remembered per grid, and read again if its row count changes.
 */
export function gridSize(grid: Grid): { rows: number; cols: number } {
  const known = sizes.get(grid.cells);
  if (known && known.rows === grid.cells.length) return { ...known };
  let cols = 0;
  for (const row of grid.cells) if (row && row.length > cols) cols = row.length;
  const size = { rows: grid.cells.length, cols };
  sizes.set(grid.cells, size);
  return { ...size };
}

/** A cell's value as display text ('' for empty cells; error values as their code). */
export function cellText(cell: Cell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** Whether a cell is empty: no value (or blank text) and no formula. */
export function isEmptyCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula) return false;
  const v = cell.value;
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * The merged area a cell belongs to, or undefined.
 * The value of a merged area lives in its top-left cell.
 */
export function mergeAt(grid: Grid, row: number, col: number): MergeRange | undefined {
  return grid.merges.find(
    (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right,
  );
}

/**
 * Whether a cell is covered by a merged area without being its top-left cell: it shows nothing
 * of its own, and a write there would be hidden.
 *
 * @example
 * isCoveredByMerge(grid, 4, 3); // true for D5 in a merged C5:E5
 */
export function isCoveredByMerge(grid: Grid, row: number, col: number): boolean {
  const m = mergeAt(grid, row, col);
  return m !== undefined && (row !== m.top || col !== m.left);
}
