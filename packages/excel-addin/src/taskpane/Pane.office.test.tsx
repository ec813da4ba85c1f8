// The pane on the Office adapter over the fake Excel: what a reopened pane offers, and what it
// says about undo, Excel's own Ctrl+Z and hidden sheets.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fillSheet, type Cell, type CellValue } from '@phuluc/rules';
import { FakeExcel } from '../office/fake-excel.js';
import { OfficeWorkbook } from '../workbook/office-workbook.js';
import { App } from './App.js';
import { muongLayRows } from './test-workbook.js';
import { moreAction, findMoreAction } from './test-actions.js';

afterEach(cleanup);

/** The Mường Lay annex as a fake Excel sheet (the total in C5 left blank, to be filled). */
function excelWithAnnex(api: string): FakeExcel {
  const excel = new FakeExcel({ excelApi: api });
  const s = excel.addSheet('PL01');
  muongLayRows({ blankTotal: true }).forEach((row, r) =>
    row.forEach((x, c) => {
      const cell: Cell | null =
        x !== null && typeof x === 'object' && 'value' in x ? x : { value: x as CellValue };
      if (cell.value === null && !cell.formula) return;
      const addr = `${String.fromCharCode(65 + c)}${r + 1}`;
      s.cells.set(addr, {
        value: cell.value as string | number,
        ...(cell.formula ? { formula: cell.formula } : {}),
      });
    }),
  );
  return excel;
}

async function renderPane(excel: FakeExcel) {
  const wb = new OfficeWorkbook(excel, { supports: excel.supports });
  render(<App mode="office" workbook={wb} />);
  await waitFor(() => expect(screen.getByTestId('detected-layout').textContent).not.toBe('\u00a0'));
  return wb;
}

describe('the pane over Excel (fake)', () => {
  it('after a reload it still offers to clear the marks and undo the fill, and names the cells it left alone', async () => {
    const excel = excelWithAnnex('1.18');
    const first = new OfficeWorkbook(excel, { supports: excel.supports });
    const grid = await first.readSheet('PL01');
    const writes = fillSheet(grid).writes;
    expect(writes.length).toBeGreaterThan(0);
    await first.applyWrites('PL01', writes, 'formula');
    await first.markCells('PL01', [{ cell: 'C6', severity: 'error', note: 'phuluc: x' }]);
    // The user changes one filled cell, then closes and reopens the pane.
    const changed = writes[0]!.cell;
    excel.sheet('PL01').cells.set(changed, { value: 1 });

    await renderPane(excel);
    const undo = await findMoreAction('Hoàn tác điền số');
    expect(undo.getAttribute('title')).toMatch(/chưa bị sửa/);
    expect(moreAction('Xóa đánh dấu').hasAttribute('disabled')).toBe(false);
    fireEvent.click(undo);
    const status = await screen.findByTestId('status');
    expect(status.textContent).toMatch(/Đã hoàn tác lần điền gần nhất/);
    expect(status.textContent).toContain(`Giữ nguyên 1 ô bạn đã sửa sau khi điền: ${changed}`);
    expect(excel.sheet('PL01').cells.get(changed)?.value).toBe(1);

    fireEvent.click(moreAction('Xóa đánh dấu'));
    await waitFor(() => expect(excel.sheet('PL01').cells.get('C6')?.fill).toBeUndefined());
    expect(excel.sheet('PL01').notes.size).toBe(0);
  });

  it('after a fill, says that Excel below ExcelApi 1.20 lost its own Ctrl+Z history', async () => {
    const excel = excelWithAnnex('1.18');
    await renderPane(excel);
    fireEvent.click(screen.getByRole('button', { name: 'Điền số liệu' }));
    const panel = await screen.findByRole('region', { name: 'Điền số liệu: xem trước' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Xác nhận điền' }));
    const status = await screen.findByTestId('status');
    await waitFor(() => expect(status.textContent).toMatch(/Đã điền \d+ ô/));
    expect(status.textContent).toMatch(/xóa lịch sử Ctrl\+Z/);
  });

  it('"check all sheets" skips hidden sheets and names them', async () => {
    const excel = excelWithAnnex('1.18');
    excel.addSheet('Tính toán', [[1, 2, 3]]).visibility = 'Hidden';
    await renderPane(excel);
    fireEvent.click(moreAction('Kiểm tra tất cả các trang'));
    const status = await screen.findByTestId('status');
    expect(status.textContent).toBe('Không kiểm tra 1 trang ẩn: Tính toán.');
  });
});
