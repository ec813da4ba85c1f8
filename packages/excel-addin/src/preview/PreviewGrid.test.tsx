// The windowed grid: only rows in view are in the page, merged areas cut at the window, a
// selected cell far down is drawn and marked, keyboard moves one focused cell.
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PreviewWorkbook } from './preview-workbook.js';
import { decodeCell, PreviewGrid, windowMerges } from './PreviewGrid.js';
import { ExcelJS } from '@phuluc/xlsx';

afterEach(cleanup);

describe('windowMerges', () => {
  it('draws an area met by the window from its first row in the window', () => {
    const merges = [{ top: 2, left: 0, bottom: 6, right: 1 }];
    const inside = windowMerges(merges, 0, 10);
    expect(inside.spans.get('A3')).toEqual({ rowSpan: 5, colSpan: 2 });
    const cut = windowMerges(merges, 4, 10);
    expect(cut.spans.get('A5')).toEqual({ rowSpan: 3, colSpan: 2 });
    expect(cut.covered.has('B5')).toBe(true);
    expect(windowMerges(merges, 7, 10).spans.size).toBe(0);
  });

  it('decodes A1 addresses', () => {
    expect(decodeCell('E19006')).toEqual({ row: 19005, col: 4 });
    expect(decodeCell('AA1')).toEqual({ row: 0, col: 26 });
    expect(decodeCell('x')).toBeNull();
  });
});

function bigPreview(rows: number): PreviewWorkbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PL02');
  for (let r = 1; r <= rows; r++) {
    ws.getCell(r, 1).value = r;
    ws.getCell(r, 2).value = `Thôn ${r}`;
  }
  return new PreviewWorkbook(wb, 'big.xlsx');
}

describe('PreviewGrid', () => {
  it('renders a window of a 20 000-row sheet, and draws a selected cell far down with its mark', async () => {
    const preview = bigPreview(20_000);
    const { container, findByText } = render(<PreviewGrid source={preview} />);
    await findByText('Thôn 1');
    expect(container.querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).toBe('20001');
    expect(container.querySelectorAll('tbody tr[aria-rowindex]').length).toBeLessThan(100);
    await preview.markCells('PL02', [{ cell: 'B19000', severity: 'error' }]);
    await preview.selectCell('PL02', 'B19000');
    const td = await findByText('Thôn 19000');
    expect(td.getAttribute('data-selected')).toBe('true');
    expect(td.getAttribute('aria-selected')).toBe('true');
    expect(td.textContent).toBe('Lỗi: Thôn 19000');
    expect(td.querySelector('[data-severity-icon="error"]')).not.toBeNull();
    // One tab stop: the active cell.
    expect(container.querySelectorAll('td[tabindex="0"]')).toHaveLength(1);
    expect(td.getAttribute('tabindex')).toBe('0');
  });

  it('moves the focused cell with the arrow keys and Ctrl+End', async () => {
    const preview = bigPreview(300);
    const { container, findByText } = render(<PreviewGrid source={preview} />);
    await findByText('Thôn 1');
    const a1 = container.querySelector<HTMLElement>('td[data-cell="A1"]')!;
    a1.focus();
    fireEvent.keyDown(a1, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-cell')).toBe('B1');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-cell')).toBe('B2');
    fireEvent.keyDown(document.activeElement!, { key: 'End', ctrlKey: true });
    await findByText('Thôn 300');
    expect(document.activeElement?.getAttribute('data-cell')).toBe('B300');
    expect(container.querySelectorAll('td[tabindex="0"]')).toHaveLength(1);
  });
});
