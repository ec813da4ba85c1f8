import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook, writeWorkbook } from './workbook.js';
import { worksheetToGrid } from './read.js';

async function roundTrip(build: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('PL01'));
  const back = await readWorkbook(await writeWorkbook(wb));
  return back.getWorksheet('PL01')!;
}

describe('worksheetToGrid', () => {
  it('keeps formulas without "=" and their cached results, including a cached 0', async () => {
    const ws = await roundTrip((s) => {
      s.getCell('A1').value = 1469;
      s.getCell('B1').value = 0;
      s.getCell('C1').value = { formula: 'A1+B1', result: 1469 };
      s.getCell('D1').value = { formula: 'B1*2', result: 0 };
      s.getCell('E1').value = { formula: 'A1*3' } as ExcelJS.CellFormulaValue;
    });
    const grid = worksheetToGrid(ws);
    expect(grid.name).toBe('PL01');
    const row = grid.cells[0]!;
    expect(row[0]).toMatchObject({ value: 1469 });
    expect(row[1]).toMatchObject({ value: 0 });
    expect(row[2]).toEqual({ value: 1469, formula: 'A1+B1' });
    expect(row[3]).toEqual({ value: 0, formula: 'B1*2' });
    expect(row[4]).toEqual({ value: null, formula: 'A1*3' });
  });

  it('translates shared formulas from their master and keeps the clones’ cached values', async () => {
    const ws = await roundTrip((s) => {
      for (let r = 2; r <= 4; r++) {
        s.getCell(`A${r}`).value = r;
        s.getCell(`B${r}`).value = 10 * r;
      }
      s.getCell('C2').value = {
        formula: 'A2+B2',
        result: 22,
        shareType: 'shared',
        ref: 'C2:C4',
      } as ExcelJS.CellSharedFormulaValue & { formula: string; shareType: string; ref: string };
      s.getCell('C3').value = { sharedFormula: 'C2', result: 33 };
      s.getCell('C4').value = { sharedFormula: 'C2', result: 0 };
    });
    const grid = worksheetToGrid(ws);
    expect(grid.cells[1]![2]).toEqual({ value: 22, formula: 'A2+B2' });
    expect(grid.cells[2]![2]).toEqual({ value: 33, formula: 'A3+B3' });
    expect(grid.cells[3]![2]).toEqual({ value: 0, formula: 'A4+B4' });
  });

  it('keeps text as text and numbers as numbers', async () => {
    const ws = await roundTrip((s) => {
      s.getCell('A1').value = '1.469';
      s.getCell('B1').value = 1.469;
      s.getCell('C1').value = '=SUM(A1)';
      s.getCell('D1').value = true;
      s.getCell('E1').value = '';
    });
    const row = worksheetToGrid(ws).cells[0]!;
    expect(row[0]).toEqual({ value: '1.469' });
    expect(row[1]).toEqual({ value: 1.469 });
    expect(row[2]).toEqual({ value: '=SUM(A1)' });
    expect(row[3]).toEqual({ value: true });
  });

  it('reads error values, as values and as formula results', async () => {
    const ws = await roundTrip((s) => {
      s.getCell('A1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      s.getCell('B1').value = {
        formula: '1/0',
        result: { error: '#DIV/0!' },
      } as ExcelJS.CellFormulaValue;
    });
    const row = worksheetToGrid(ws).cells[0]!;
    expect(row[0]).toEqual({ value: { error: '#REF!' } });
    expect(row[1]).toEqual({ value: { error: '#DIV/0!' }, formula: '1/0' });
  });

  it('reads number formats, rich text, hyperlinks and dates', async () => {
    const ws = await roundTrip((s) => {
      s.getCell('A1').value = 7645;
      s.getCell('A1').numFmt = '#,##0';
      s.getCell('B1').value = 16697.647;
      s.getCell('B1').numFmt = '#,##0.000';
      s.getCell('C1').value = {
        richText: [{ text: 'Tổng ' }, { text: 'cộng', font: { bold: true } }],
      };
      s.getCell('D1').value = { text: 'Kế hoạch 444', hyperlink: 'https://example.org/444' };
      s.getCell('E1').value = new Date(Date.UTC(2024, 2, 1));
    });
    const row = worksheetToGrid(ws).cells[0]!;
    expect(row[0]).toEqual({ value: 7645, numFmt: '#,##0' });
    expect(row[1]).toEqual({ value: 16697.647, numFmt: '#,##0.000' });
    expect(row[2]).toMatchObject({ value: 'Tổng cộng' });
    expect(row[3]).toMatchObject({ value: 'Kế hoạch 444' });
    expect(row[4]).toMatchObject({ value: '2024-03-01' });
  });

  it('reads merges 0-based, leaves covered cells empty, and lists hidden rows and columns', async () => {
    const ws = await roundTrip((s) => {
      s.getCell('A1').value = 'PHỤ LỤC SỐ 01';
      s.mergeCells('A1:C1');
      s.getCell('C2').value = 'Nguồn vốn';
      s.mergeCells('C2:D2');
      s.getCell('A3').value = 'TT';
      s.mergeCells('A3:A4');
      s.getRow(5).getCell(1).value = 'ẩn';
      s.getRow(5).hidden = true;
      s.getColumn(5).hidden = true;
    });
    const grid = worksheetToGrid(ws);
    expect(grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 2, left: 0, bottom: 3, right: 0 },
    ]);
    expect(grid.cells[0]![0]).toMatchObject({ value: 'PHỤ LỤC SỐ 01' });
    expect(grid.cells[0]![1] ?? null).toBeNull();
    expect(grid.cells[0]![2] ?? null).toBeNull();
    expect(grid.hiddenRows).toEqual([4]);
    expect(grid.hiddenCols).toEqual([4]);
  });

  it('reads simple styles', async () => {
    const ws = await roundTrip((s) => {
      const c = s.getCell('A1');
      c.value = 'Tổng cộng';
      c.font = { bold: true, italic: true };
      c.alignment = { horizontal: 'center', wrapText: true };
      c.border = { top: { style: 'thin' } };
    });
    expect(worksheetToGrid(ws).cells[0]![0]).toEqual({
      value: 'Tổng cộng',
      style: { bold: true, italic: true, align: 'center', wrap: true, border: true },
    });
  });
});
