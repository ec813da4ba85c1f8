/**
 * One description of each cell a fill will write — what it holds now, what it will hold — that
 * the preview lists and the adapters write, so the two cannot differ.
 */
import { getCell, isCoveredByMerge } from '../grid/grid.js';
import type { CellValue, Grid } from '../grid/types.js';
import { DERIVED_ROLES, type CellWrite, type DerivedRole, type FillResult } from './types.js';

/** What a cell holds before the fill: its formula (with `=`) when it has one, and its value. */
export interface CellContent {
  readonly formula?: string;
  readonly value: CellValue;
}

/** What a cell will hold after the fill: the exact formula text (with `=`), or the value alone. */
export interface PlannedContent {
  /** Set when the fill writes a formula; the cell then shows `value` once calculated. */
  readonly formula?: string;
  /** The number written (or the formula's result). */
  readonly value: number;
  /** `value` as an exact decimal string. */
  readonly text: string;
}

/** One cell a fill will write. */
export interface PlannedWrite {
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly role: DerivedRole;
  /** The cell holds a different figure now (written only because overwrite was asked). */
  readonly conflict: boolean;
  readonly now: CellContent;
  readonly next: PlannedContent;
}

/** The planned writes of one role, in sheet order. */
export interface PlannedGroup {
  readonly role: DerivedRole;
  readonly writes: readonly PlannedWrite[];
}

/** The order the groups are listed in: totals first, then what rows derive. */
export const ROLE_ORDER: readonly DerivedRole[] = DERIVED_ROLES;

function withEquals(formula: string): string {
  return formula.startsWith('=') ? formula : `=${formula}`;
}

/**
 * Describe the writes of a fill: for every cell, what it holds now and exactly what it will hold.
 * A cell covered by a merged area (not its top-left cell) is left out: it is not written.
 * `mode: 'value'` writes numbers, so no formula is planned; in `formula` mode a write with a
 * formula is planned as that formula. Feed the result to {@link cellWritesOf} to write it.
 *
 * @example
 * const planned = describeFill(grid, fillSheet(grid), 'formula');
 * planned[0]; // { cell: 'C8', now: { value: null }, next: { formula: '=D8+E8', value: 7645, text: '7645' }, ... }
 */
export function describeFill(
  grid: Grid,
  result: FillResult,
  mode: 'formula' | 'value' = 'formula',
): PlannedWrite[] {
  const conflicts = new Set(result.conflicts.map((c) => c.cell));
  // The last write of a cell wins in every adapter: keep only that one.
  const out = new Map<string, PlannedWrite>();
  for (const w of result.writes) {
    // A cell hidden under a merged area shows nothing of its own: no adapter writes it.
    if (isCoveredByMerge(grid, w.row, w.col)) continue;
    const cell = getCell(grid, w.row, w.col);
    const value = cell?.value;
    out.set(w.cell, {
      cell: w.cell,
      row: w.row,
      col: w.col,
      role: w.role,
      conflict: conflicts.has(w.cell),
      now: {
        ...(cell?.formula ? { formula: withEquals(cell.formula) } : {}),
        value: value === undefined ? null : value,
      },
      next: {
        ...(mode === 'formula' && w.formula ? { formula: withEquals(w.formula) } : {}),
        value: w.value,
        text: w.text,
      },
    });
  }
  return [...out.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * The writes that put {@link describeFill}'s plan into a workbook: a formula exactly where one is
 * planned, the value elsewhere. Write them in `formula` mode (a write without a formula is a value).
 *
 * @example
 * cellWritesOf(planned)[0]; // { cell: 'C8', formula: 'D8+E8', value: 7645, text: '7645', ... }
 */
export function cellWritesOf(planned: readonly PlannedWrite[]): CellWrite[] {
  return planned.map((p) => ({
    row: p.row,
    col: p.col,
    cell: p.cell,
    role: p.role,
    ...(p.next.formula ? { formula: p.next.formula.slice(1) } : {}),
    value: p.next.value,
    text: p.next.text,
  }));
}

/**
 * The planned writes by role, in {@link ROLE_ORDER}, empty roles left out.
 *
 * @example
 * groupPlannedWrites(planned).map((g) => g.role); // ['total', 'subtotal', 'crossfoot']
 */
export function groupPlannedWrites(planned: readonly PlannedWrite[]): PlannedGroup[] {
  return ROLE_ORDER.map((role) => ({
    role,
    writes: planned.filter((p) => p.role === role),
  })).filter((g) => g.writes.length > 0);
}
