import { describe, expect, it } from 'vitest';
import { applyWrites } from '../__fixtures__/apply.js';
import { muongLayGrid, muongLayRows } from '../__fixtures__/muong-lay.js';
import { caoNgocGrid, caoNgocRows } from '../__fixtures__/seeds.js';
import { validateSheet } from '../check/validate.js';
import type { Cell, CellValue } from '../grid/types.js';
import { fillSheet } from './fill.js';
import { sumFormula } from './formula.js';

type Row = (CellValue | Cell | undefined)[];
const blank = (rows: Row[], cells: Array<[number, number]>) => {
  for (const [r, c] of cells) (rows[r - 1] as Row)[c] = null;
  return rows;
};
const SUMS_AND_RATES = /^(sum|rate)\//;

describe('fillSheet', () => {
  it('writes SUM formulas for empty totals and sub-totals, cross-foot totals for empty row totals', () => {
    const rows = blank(muongLayRows(), [
      [8, 2],
      [8, 3],
      [8, 4],
      [12, 2],
      [12, 3],
      [12, 4],
      [9, 2],
    ]);
    const { writes, conflicts } = fillSheet(muongLayGrid(rows));
    expect(conflicts).toEqual([]);
    const byCell = Object.fromEntries(writes.map((w) => [w.cell, `${w.formula} = ${w.text}`]));
    expect(byCell).toEqual({
      C8: 'D8+E8 = 7645',
      D8: 'SUM(D9:D10,D12,D15,D18) = 7538',
      E8: 'SUM(E9:E10,E12,E15,E18) = 107',
      C9: 'D9+E9 = 3154',
      C12: 'D12+E12 = 1892',
      D12: 'SUM(D13:D14) = 1785',
      E12: 'SUM(E13:E14) = 107',
    });
  });

  it('writes values on request', () => {
    const rows = blank(muongLayRows(), [[8, 2]]);
    const { writes } = fillSheet(muongLayGrid(rows), { mode: 'value' });
    expect(writes).toEqual([
      { row: 7, col: 2, cell: 'C8', role: 'crossfoot', value: 7645, text: '7645' },
    ]);
  });

  it('never overwrites a user value: a disagreeing cell is a conflict unless asked', () => {
    const rows = muongLayRows();
    (rows[7] as Row)[3] = 7000;
    const plain = fillSheet(muongLayGrid(rows));
    expect(plain.writes).toEqual([]);
    // D8 no longer foots, and C8 no longer cross-foots with it.
    expect(plain.conflicts.map((c) => `${c.cell} ${c.existing} → ${c.write.text}`)).toEqual([
      'C8 7645 → 7107',
      'D8 7000 → 7538',
    ]);
    // With overwrite, D8 is corrected, and C8 then agrees with D8 + E8: only D8 is written.
    const forced = fillSheet(muongLayGrid(rows), { overwrite: true });
    expect(forced.writes.map((w) => w.cell)).toEqual(['D8']);
  });

  it('fill then validate gives no sum error (Mường Lay with every derived cell empty)', () => {
    const parents = [8, 10, 12, 15, 18].flatMap(
      (r) =>
        [
          [r, 2],
          [r, 3],
          [r, 4],
        ] as Array<[number, number]>,
    );
    const leafTotals = [9, 11, 13, 14, 16, 17, 19, 20].map((r) => [r, 2] as [number, number]);
    const rows = blank(muongLayRows(), [...parents, ...leafTotals]);
    const grid = muongLayGrid(rows);
    const filled = applyWrites(grid, fillSheet(grid).writes);
    const report = validateSheet(filled);
    expect(report.issues.filter((i) => SUMS_AND_RATES.test(i.code))).toEqual([]);
    expect(filled.cells[7]?.[2]?.value).toBe(7645);
  });

  it('fills rates, reductions and the total row of poverty targets', () => {
    const rows = caoNgocRows();
    for (const r of [6, 7, 8, 9])
      blank(rows, [
        [r, 4],
        [r, 6],
        [r, 7],
        [r, 8],
      ]);
    blank(rows, [
      [10, 2],
      [10, 3],
      [10, 4],
      [10, 5],
      [10, 6],
      [10, 7],
      [10, 8],
    ]);
    const grid = caoNgocGrid(rows);
    const { writes, conflicts } = fillSheet(grid);
    expect(conflicts).toEqual([]);
    const byCell = Object.fromEntries(writes.map((w) => [w.cell, `${w.formula} = ${w.text}`]));
    expect(byCell.E10).toBe('ROUND(D10/C10*100,2) = 5.21');
    expect(byCell.G10).toBe('ROUND(F10/C10*100,2) = 3.25');
    expect(byCell.H10).toBe('SUM(H6:H9) = 24');
    expect(byCell.C10).toBe('SUM(C6:C9) = 1229');
    expect(byCell.I6).toBe('E6-G6 = 2.24');
    const report = validateSheet(applyWrites(grid, writes));
    expect(
      report.issues.filter((i) => SUMS_AND_RATES.test(i.code) || i.code.startsWith('target/')),
    ).toEqual([]);
  });

  it('gives an uncalculated formula its result and keeps the formula', () => {
    const rows = muongLayRows();
    (rows[7] as Row)[2] = { value: null, formula: 'D8+E8' };
    const { writes } = fillSheet(muongLayGrid(rows), { mode: 'value' });
    expect(writes).toEqual([
      expect.objectContaining({ cell: 'C8', formula: 'D8+E8', value: 7645 }),
    ]);
  });

  it('does nothing on a sheet that fits no layout', () => {
    expect(
      fillSheet({
        name: 'x',
        cells: [['hello']].map((r) => r.map((v) => ({ value: v }))),
        merges: [],
      }),
    ).toEqual({ sheet: 'x', layout: null, writes: [], conflicts: [] });
  });
});

describe('formulas', () => {
  it('compresses consecutive rows into ranges', () => {
    expect(sumFormula(2, [8, 9, 10, 14, 20, 21])).toBe('SUM(C9:C11,C15,C21:C22)');
  });
});

describe('fillSheet with overwrite', () => {
  it('feeds rewritten cells to the cells computed from them', () => {
    // A group row typed 3.154 over children that add up to 4.623: both its NSTW and its total are rewritten.
    const rows = muongLayRows();
    rows.splice(11, 0, [
      'II',
      'Kinh phí giao các cơ quan, đơn vị cấp thị xã thực hiện',
      3022,
      2915,
      107,
    ]);
    rows.splice(8, 0, ['I', 'Kinh phí giao UBND các xã, phường thực hiện', 3154, 3154, null]);
    const grid = muongLayGrid(rows);
    const { writes } = fillSheet(grid, { overwrite: true, mode: 'value' });
    expect(writes.map((w) => `${w.cell}=${w.text}`)).toEqual(
      expect.arrayContaining(['C9=4623', 'D9=4623']),
    );
  });
});
