// Through the whole pane over the Office adapter (fake Excel): the cells the fill preview lists,
// with their formulas and values, are exactly what Excel holds after confirming — with and
// without overwrite, with formulas and with values only.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeExcel } from '../office/fake-excel.js';
import { OfficeWorkbook } from '../workbook/office-workbook.js';
import { App } from './App.js';
import { muongLayRows } from './test-workbook.js';

afterEach(cleanup);

/** Mường Lay in a fake Excel: the total row blank (to fill), a typo in C8 (a conflict). */
function excelWithAnnex(): FakeExcel {
  const excel = new FakeExcel({ excelApi: '1.18' });
  const s = excel.addSheet('PL01');
  muongLayRows({ blankTotal: true, typo: true }).forEach((row, r) =>
    row.forEach((x, c) => {
      const cell = x !== null && typeof x === 'object' && 'value' in x ? x : { value: x };
      if (cell.value === null) return;
      s.cells.set(`${String.fromCharCode(65 + c)}${r + 1}`, {
        value: cell.value as string | number,
      });
    }),
  );
  return excel;
}

describe('the fill preview over Excel', () => {
  for (const [overwrite, formulas] of [
    [false, true],
    [true, true],
    [true, false],
  ] as const)
    it(`writes exactly the listed cells (overwrite ${overwrite}, formulas ${formulas})`, async () => {
      const excel = excelWithAnnex();
      render(
        <App mode="office" workbook={new OfficeWorkbook(excel, { supports: excel.supports })} />,
      );
      await waitFor(() =>
        expect(screen.getByTestId('detected-layout').textContent).not.toBe('\u00a0'),
      );
      fireEvent.click(screen.getByRole('button', { name: 'Điền số liệu' }));
      const panel = await screen.findByRole('region', { name: 'Điền số liệu: xem trước' });
      if (overwrite) fireEvent.click(within(panel).getByRole('checkbox', { name: /Ghi đè/ }));
      if (!formulas)
        fireEvent.click(within(panel).getByRole('checkbox', { name: /Ghi công thức/ }));
      const listed = [...panel.querySelectorAll<HTMLElement>('[data-write-cell]')].map((e) => ({
        cell: e.dataset.writeCell!,
        formula: e.dataset.nextFormula!,
        value: e.dataset.nextValue!,
        text: e.textContent ?? '',
      }));
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.some((w) => w.cell === 'C8')).toBe(overwrite);
      const before = new Map([...excel.sheet('PL01').cells].map(([a, c]) => [a, { ...c }]));
      fireEvent.click(within(panel).getByRole('button', { name: 'Xác nhận điền' }));
      await screen.findByText(new RegExp(`Đã điền ${listed.length} ô`));
      const cells = excel.sheet('PL01').cells;
      for (const w of listed) {
        const got = cells.get(w.cell);
        expect(`${w.cell} ${got?.formula ? `=${got.formula}` : ''}`).toBe(`${w.cell} ${w.formula}`);
        if (w.formula) expect(w.text).toContain(`sẽ ghi: ${w.formula}`);
        else expect(`${w.cell} ${String(got?.value)}`).toBe(`${w.cell} ${w.value}`);
      }
      // Nothing else changed.
      const written = new Set(listed.map((w) => w.cell));
      for (const [a, c] of cells)
        if (!written.has(a))
          expect({ a, ...c, fill: undefined }).toEqual({ a, ...before.get(a), fill: undefined });
    });
});
