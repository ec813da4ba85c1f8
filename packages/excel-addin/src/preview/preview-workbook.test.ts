import { describe, expect, it } from 'vitest';
import { fillSheet } from '@phuluc/rules';
import { ExcelJS, readWorkbook, worksheetToGrid, writeWorkbook } from '@phuluc/xlsx';
import { PreviewWorkbook } from './preview-workbook.js';

async function workbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PL01');
  const rows = [
    ['TT', 'Nội dung', 'Tổng số', 'Ngân sách trung ương', 'Ngân sách địa phương'],
    [null, 'Tổng cộng', 999, 4516, 107],
    ['1', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', null, 3154, 0],
    ['2', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', null, 1362, 107],
  ];
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      if (v !== null) ws.getCell(i + 1, c + 1).value = v;
    }),
  );
  // A shared formula whose master fill will write over: its clone must come back too.
  ws.getCell('D2').value = {
    formula: 'D3+D4+0',
    result: 1,
    shareType: 'shared',
    ref: 'D2:E2',
  } as ExcelJS.CellFormulaValue;
  ws.getCell('E2').value = { sharedFormula: 'D2', result: 107 };
  ws.getCell('C3').numFmt = '#,##0';
  return readWorkbook(await writeWorkbook(wb));
}

describe('PreviewWorkbook undo fill', () => {
  it('puts every cell back exactly (values, formulas, shared formulas, formats)', async () => {
    const preview = new PreviewWorkbook(await workbook(), 'a.xlsx');
    const before = JSON.stringify(
      worksheetToGrid((preview as unknown as { wb: ExcelJS.Workbook }).wb.getWorksheet('PL01')!),
    );
    expect(preview.canUndoFill('PL01')).toBe(false);
    const plan = fillSheet(preview.gridOf('PL01'), { overwrite: true });
    expect(plan.writes.map((w) => w.cell)).toContain('D2');
    expect(await preview.applyWrites('PL01', plan.writes, 'formula')).toBe(plan.writes.length);
    expect(JSON.stringify(preview.gridOf('PL01'))).not.toBe(before);
    expect(preview.canUndoFill('PL01')).toBe(true);
    expect(await preview.undoFill('PL01')).toBeGreaterThanOrEqual(plan.writes.length);
    expect(JSON.stringify(preview.gridOf('PL01'))).toBe(before);
    expect(preview.canUndoFill('PL01')).toBe(false);
    // …and the downloaded file reads back the same.
    const again = await readWorkbook(await preview.toBytes());
    expect(JSON.stringify(worksheetToGrid(again.getWorksheet('PL01')!))).toBe(before);
  });
});
