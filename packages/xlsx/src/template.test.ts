import ExcelJS from 'exceljs';
import type { TemplateSheet } from '@phuluc/rules';
import { describe, expect, it } from 'vitest';
import { LISTS_SHEET } from './sheet-names.js';
import { writeTemplate } from './template.js';
import { readWorkbook, writeWorkbook } from './workbook.js';
import { worksheetToGrid } from './read.js';

const longName =
  'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn';

const template: TemplateSheet = {
  grid: {
    name: 'PL01',
    cells: [
      [{ value: 'PHỤ LỤC SỐ 01', style: { bold: true, align: 'center', fontSize: 13 } }],
      [
        { value: 'TT', style: { bold: true, border: true } },
        { value: 'Tổng', style: { bold: true, border: true, wrap: true } },
        { value: '=text, not a formula' },
      ],
      [{ value: 'Tổng cộng' }, { value: 0, formula: 'SUM(B4:B5)', numFmt: '#,##0' }],
      [{ value: 'DA2' }, { value: null, numFmt: '#,##0' }],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  },
  columnWidths: [6, 14, 30],
  validations: [
    { range: 'A4:A10', list: ['DA2', 'DA3', 'DA4'] },
    { range: 'C4:C10', list: [longName, 'Dự án 2'] },
  ],
  freezeRows: 3,
};

describe('writeTemplate', () => {
  it('writes values, formulas, formats, merges, widths, validations and frozen rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = writeTemplate(wb, template, 'PL01');
    expect(ws.name).toBe('PL01');
    expect(writeTemplate(wb, template, 'PL01').name).toBe('PL01 (2)');

    const back = await readWorkbook(await writeWorkbook(wb));
    const sheet = back.getWorksheet('PL01')!;
    const grid = worksheetToGrid(sheet);
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(grid.cells[0]![0]).toMatchObject({
      value: 'PHỤ LỤC SỐ 01',
      style: { bold: true, align: 'center' },
    });
    expect(sheet.getCell('A1').font.size).toBe(13);
    expect(grid.cells[1]![1]).toMatchObject({ style: { bold: true, border: true, wrap: true } });
    expect(grid.cells[1]![2]).toEqual({ value: '=text, not a formula' });
    expect(grid.cells[2]![1]).toEqual({ value: 0, formula: 'SUM(B4:B5)', numFmt: '#,##0' });
    expect(sheet.getColumn(3).width).toBe(30);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const dv = (
      sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    // ExcelJS reads a range validation back cell by cell.
    expect(dv['A10']).toMatchObject({ type: 'list', formulae: ['"DA2,DA3,DA4"'] });
    expect(dv['C4']).toMatchObject({ type: 'list', formulae: [`'${LISTS_SHEET}'!$A$1:$A$2`] });
    const lists = back.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe('hidden');
    expect(lists.getCell('A1').value).toBe(longName);
  });
});
