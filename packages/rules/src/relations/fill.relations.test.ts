import { describe, expect, it } from 'vitest';
import { parseA1 } from '../grid/a1.js';
import type { Cell, Grid } from '../grid/types.js';
import { fillSheet } from '../fill/fill.js';
import { validateSheet } from '../check/validate.js';
import {
  disbursementReport,
  incomeResultsVsPlan,
  phasePlan,
  povertyFlow,
  provinceCapitalMatrix,
  type AnnexFixture,
} from './__fixtures__/annexes.js';

/** A copy of a grid with some cells emptied. */
function without(grid: Grid, cells: readonly string[]): Grid {
  const rows = grid.cells.map((r) => [...r]);
  for (const a1 of cells) {
    const { row, col } = parseA1(a1) as { row: number; col: number };
    (rows[row] as Array<Cell | null | undefined>)[col] = null;
  }
  return { ...grid, cells: rows };
}

const valueAt = (grid: Grid, a1: string) => {
  const { row, col } = parseA1(a1) as { row: number; col: number };
  return grid.cells[row]?.[col]?.value;
};

/** Derived cells no built-in layout knows of, each emptied then filled from the relations. */
const CASES: ReadonlyArray<[string, () => AnnexFixture, readonly string[], string]> = [
  [
    'a disbursed total and a disbursement rate',
    disbursementReport,
    ['F20', 'I21'],
    'crossfoot,rate',
  ],
  ['a phase total over its years', phasePlan, ['C21'], 'crossfoot'],
  ['a capital group’s total over its projects', provinceCapitalMatrix, ['G16'], 'crossfoot'],
  ['the households poor at the year’s end', povertyFlow, ['G16'], 'flow'],
  ['a rate of results against plan', incomeResultsVsPlan, ['E21'], 'rate'],
];

describe('fill writes what the relations derive, on annexes no layout names', () => {
  it.each(CASES)('%s', (_, build, cells, roles) => {
    const clean = build().grid;
    const grid = without(clean, cells);
    const result = fillSheet(grid, { mode: 'value' });
    const written = new Map(result.writes.map((w) => [w.cell, w]));
    for (const a1 of cells) {
      expect(written.get(a1)?.value, a1).toBe(valueAt(clean, a1));
    }
    expect(cells.map((c) => written.get(c)?.role).join(',')).toBe(roles);
    expect(result.conflicts).toEqual([]);
    // Filled, the sheet validates as its clean self.
    const filled = without(grid, []);
    for (const w of result.writes)
      (filled.cells[w.row] as Array<Cell | null | undefined>)[w.col] = { value: w.value };
    expect(validateSheet(filled).issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('writes formulas that name the cells of the relation', () => {
    const grid = without(disbursementReport().grid, ['F20', 'I21']);
    const writes = fillSheet(grid).writes;
    expect(writes.find((w) => w.cell === 'F20')?.formula).toBe('G20+H20');
    expect(writes.find((w) => w.cell === 'I21')?.formula).toBe('ROUND(F21/C21*100,2)');
    const flow = fillSheet(without(povertyFlow().grid, ['G16'])).writes;
    expect(flow.find((w) => w.cell === 'G16')?.formula).toBe('C16-D16+E16+F16');
  });
});
