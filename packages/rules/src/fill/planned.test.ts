import { describe, expect, it } from 'vitest';
import { muongLayGrid, muongLayRows, muongLayRowsWithFormulas } from '../__fixtures__/muong-lay.js';
import type { Cell, CellValue } from '../grid/types.js';
import { fillSheet } from './fill.js';
import { cellWritesOf, describeFill, groupPlannedWrites, ROLE_ORDER } from './planned.js';

type Row = (CellValue | Cell | undefined)[];

describe('describeFill', () => {
  it('states what each cell holds now and the exact formula it gets, conflicts marked', () => {
    const rows = muongLayRowsWithFormulas();
    (rows[7] as Row)[3] = null; // D8 empty: a plain write
    (rows[11] as Row)[2] = { value: 1, formula: 'D12' }; // C12 holds a wrong formula: a conflict
    const grid = muongLayGrid(rows);
    const planned = describeFill(grid, fillSheet(grid, { overwrite: true }));
    const byCell = new Map(planned.map((p) => [p.cell, p]));
    expect(byCell.get('D8')).toMatchObject({
      role: 'total',
      conflict: false,
      now: { value: null },
      next: { formula: '=SUM(D9:D10,D12,D15,D18)', value: 7538, text: '7538' },
    });
    expect(byCell.get('C12')).toMatchObject({
      role: 'crossfoot',
      conflict: true,
      now: { formula: '=D12', value: 1 },
      next: { formula: '=D12+E12', value: 1892 },
    });
    expect(planned.map((p) => p.cell)).toEqual(
      [...planned].sort((a, b) => a.row - b.row || a.col - b.col).map((p) => p.cell),
    );
  });

  it('plans values, not formulas, in value mode; cellWritesOf writes exactly the plan', () => {
    const rows = muongLayRows();
    (rows[7] as Row)[2] = null;
    const grid = muongLayGrid(rows);
    const result = fillSheet(grid);
    const values = describeFill(grid, result, 'value');
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((p) => p.next.formula === undefined)).toBe(true);
    expect(cellWritesOf(values).every((w) => w.formula === undefined)).toBe(true);
    const formulas = describeFill(grid, result, 'formula');
    expect(cellWritesOf(formulas)).toEqual(
      formulas.map((p) => ({
        row: p.row,
        col: p.col,
        cell: p.cell,
        role: p.role,
        formula: p.next.formula!.slice(1),
        value: p.next.value,
        text: p.next.text,
      })),
    );
  });

  it('groups by role in ROLE_ORDER, every write in exactly one group', () => {
    const rows = muongLayRows();
    for (const r of [7, 11]) for (const c of [2, 3, 4]) (rows[r] as Row)[c] = null;
    const grid = muongLayGrid(rows);
    const planned = describeFill(grid, fillSheet(grid));
    const groups = groupPlannedWrites(planned);
    expect(groups.flatMap((g) => g.writes)).toHaveLength(planned.length);
    expect(groups.map((g) => ROLE_ORDER.indexOf(g.role))).toEqual(
      groups.map((g) => ROLE_ORDER.indexOf(g.role)).sort((a, b) => a - b),
    );
    expect(groups.map((g) => g.role)).toEqual(['total', 'subtotal', 'crossfoot']);
  });

  it('leaves out a cell covered by a merged area: no adapter writes it', () => {
    const rows = muongLayRows();
    (rows[7] as Row)[3] = null;
    (rows[7] as Row)[4] = null;
    const open = muongLayGrid(rows);
    expect(describeFill(open, fillSheet(open)).map((p) => p.cell)).toContain('E8');
    const merged = { ...open, merges: [...open.merges, { top: 7, left: 3, bottom: 7, right: 4 }] };
    const cells = describeFill(merged, fillSheet(merged)).map((p) => p.cell);
    expect(cells).toContain('D8');
    expect(cells).not.toContain('E8');
  });
});
