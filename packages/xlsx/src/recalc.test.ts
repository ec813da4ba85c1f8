import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, recalculate } from './recalc.js';
import { readWorkbook, writeWorkbook } from './workbook.js';
import { worksheetToGrid } from './read.js';

const cells: Record<string, number | string | null> = {
  A1: 3154,
  A2: 1469,
  A3: '522',
  A4: null,
  B1: 64,
  B2: 1229,
};
const read = (row: number, col: number) =>
  cells[`${String.fromCharCode(65 + col)}${row + 1}`] ?? null;

describe('evaluateFormula', () => {
  it('evaluates the formulas annexes use', () => {
    expect(evaluateFormula('SUM(A1:A2)', read)).toBe(4623);
    expect(evaluateFormula('SUM(A1:A4)', read)).toBe(4623); // SUM skips text
    expect(evaluateFormula('A1+A3', read)).toBe(3676); // + reads a number typed as text
    expect(evaluateFormula('ROUND(B1/B2*100,2)', read)).toBe(5.21);
    expect(evaluateFormula('$A$1-A2', read)).toBe(1685);
    expect(evaluateFormula('-(A1+A2)*2', read)).toBe(-9246);
    expect(evaluateFormula('SUM(A1,A2,10)', read)).toBe(4633);
    expect(evaluateFormula('B1/A4', read)).toEqual({ error: '#DIV/0!' });
  });

  it('declines what it does not know', () => {
    expect(evaluateFormula('VLOOKUP(A1,B1:B2,1,FALSE)', read)).toBeUndefined();
    expect(evaluateFormula("'PL01'!A1+1", read)).toBeUndefined();
    expect(evaluateFormula('PL01!A1+1', read)).toBeUndefined();
    expect(evaluateFormula('A1&"x"', read)).toBeUndefined();
  });
});

describe('recalculate', () => {
  it('settles chains of totals and keeps shared formulas shared', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 10;
    ws.getCell('A2').value = 20;
    ws.getCell('A3').value = { formula: 'SUM(A1:A2)', result: 5 }; // stale
    ws.getCell('A4').value = { formula: 'A3*2', result: 0 }; // stale, depends on a stale cell
    ws.getCell('B1').value = {
      formula: 'A1+1',
      result: 11,
      shareType: 'shared',
      ref: 'B1:B2',
    } as never;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 99 }; // stale clone
    ws.getCell('C1').value = { formula: 'VLOOKUP(A1,A1:A2,1,FALSE)', result: 10 };
    const res = recalculate(ws);
    expect([...res.updated].sort()).toEqual(['A3', 'A4', 'B2']);
    expect(res.unsupported).toEqual(['C1']);
    const back = (await readWorkbook(await writeWorkbook(wb))).getWorksheet('S')!;
    const g = worksheetToGrid(back);
    expect(g.cells[2]![0]).toEqual({ value: 30, formula: 'SUM(A1:A2)' });
    expect(g.cells[3]![0]).toEqual({ value: 60, formula: 'A3*2' });
    expect(g.cells[1]![1]).toEqual({ value: 21, formula: 'A2+1' });
    expect((back.getCell('B2').value as { sharedFormula?: string }).sharedFormula).toBe('B1');
  });

  it('leaves an empty row’s formula empty rather than caching #DIV/0!', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('C1').value = { formula: 'ROUND(A1/B1*100,2)' } as ExcelJS.CellFormulaValue;
    expect(recalculate(ws).updated).toEqual([]);
    expect(ws.getCell('C1').result).toBeUndefined();
  });
});
