import ExcelJS from 'exceljs';
import type { CellWrite } from '@phuluc/rules';
import { describe, expect, it } from 'vitest';
import { applyWrites, toExcelValue } from './write.js';
import { readWorkbook, writeWorkbook } from './workbook.js';
import { worksheetToGrid } from './read.js';

function write(cell: string, row: number, col: number, value: number, formula?: string): CellWrite {
  return {
    cell,
    row,
    col,
    role: 'total',
    value,
    text: String(value),
    ...(formula ? { formula } : {}),
  };
}

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return readWorkbook(await writeWorkbook(wb));
}

describe('applyWrites', () => {
  it('writes formulas with cached results (0 included) and keeps the cell style', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PL02');
    ws.getCell('A1').value = 3154;
    ws.getCell('A2').value = 1469;
    ws.getCell('A3').numFmt = '#,##0';
    ws.getCell('A3').font = { bold: true };
    ws.getCell('B3').numFmt = '#,##0';
    const res = applyWrites(ws, [
      write('A3', 2, 0, 4623, 'SUM(A1:A2)'),
      write('B3', 2, 1, 0, '=SUM(B1:B2)'),
    ]);
    expect(res).toEqual({ written: 2, skipped: [], unshared: [] });
    const back = (await reload(wb)).getWorksheet('PL02')!;
    const grid = worksheetToGrid(back);
    expect(grid.cells[2]![0]).toEqual({
      value: 4623,
      formula: 'SUM(A1:A2)',
      numFmt: '#,##0',
      style: { bold: true },
    });
    expect(grid.cells[2]![1]).toEqual({ value: 0, formula: 'SUM(B1:B2)', numFmt: '#,##0' });
  });

  it('writes numbers only in value mode', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    applyWrites(ws, [write('C8', 7, 2, 7645, 'SUM(C9:C16)')], { mode: 'value' });
    const grid = worksheetToGrid((await reload(wb)).getWorksheet('S')!);
    expect(grid.cells[7]![2]).toEqual({ value: 7645 });
  });

  it('skips the covered cells of a merged area', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.mergeCells('A1:B1');
    const res = applyWrites(ws, [write('B1', 0, 1, 5)]);
    expect(res.skipped).toEqual(['B1']);
    expect(res.written).toBe(0);
  });

  it('un-shares the clones of a shared formula whose master is written over', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 3; r++) {
      ws.getCell(`A${r}`).value = r;
      ws.getCell(`B${r}`).value = r * 10;
    }
    ws.getCell('C1').value = {
      formula: 'A1+B1',
      result: 11,
      shareType: 'shared',
      ref: 'C1:C3',
    } as never;
    ws.getCell('C2').value = { sharedFormula: 'C1', result: 22 };
    ws.getCell('C3').value = { sharedFormula: 'C1', result: 33 };
    const loaded = (await reload(wb)).getWorksheet('S')!;
    const res = applyWrites(loaded, [write('C1', 0, 2, 10, 'B1')]);
    expect(res.unshared).toEqual(['C2', 'C3']);
    const grid = worksheetToGrid((await reload(loaded.workbook)).getWorksheet('S')!);
    expect(grid.cells[0]![2]).toEqual({ value: 10, formula: 'B1' });
    expect(grid.cells[1]![2]).toEqual({ value: 22, formula: 'A2+B2' });
    expect(grid.cells[2]![2]).toEqual({ value: 33, formula: 'A3+B3' });
  });
});

describe('toExcelValue: text is never a formula', () => {
  it('writes text starting with = + - @ as text, and it reads back as text', async () => {
    const texts = ['=1+1', '+84 912 345 678', '-5', '@SUM(A1)', '=HYPERLINK("http://x","y")'];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('T');
    texts.forEach((text, c) => (ws.getCell(1, c + 1).value = toExcelValue(text)));
    const back = (await reload(wb)).getWorksheet('T')!;
    texts.forEach((text, c) => {
      const cell = back.getCell(1, c + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeFalsy();
    });
  });
});
