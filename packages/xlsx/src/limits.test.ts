import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LIMITS, sheetExtent, sheetTooLarge, zipEntries } from './limits.js';
import { writeWorkbook } from './workbook.js';

describe('limits', () => {
  it('lists a zip’s parts with their declared sizes', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('PL01').getCell('A1').value = 'PHỤ LỤC SỐ 01';
    const entries = zipEntries(await writeWorkbook(wb));
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    for (const e of entries) expect(e.uncompressedSize).toBeGreaterThanOrEqual(0);
  });

  it('measures a sheet by its cells with values, not by formatting', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('B3').value = 1;
    ws.getCell(LIMITS.maxRows + 50, 2).numFmt = '#,##0'; // formatted, empty
    ws.getCell(2, LIMITS.maxCols + 50).border = { top: { style: 'thin' } };
    expect(sheetExtent(ws)).toEqual({ rows: 3, cols: 2 });
    expect(sheetTooLarge(ws)).toBeNull();
    ws.getCell(LIMITS.maxRows + 1, 1).value = 'x';
    expect(sheetTooLarge(ws)).toMatchObject({ rows: LIMITS.maxRows + 1, maxRows: LIMITS.maxRows });
  });
});
