import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as rules from '@phuluc/rules';
import { App } from './App.js';
import { MemoryWorkbook, muongLayRows } from './test-workbook.js';
import { PreviewWorkbook } from '../preview/preview-workbook.js';
import { ExcelJS } from '@phuluc/xlsx';
import { moreAction, findMoreAction, openSettings } from './test-actions.js';

const validateSpy = vi.fn();
vi.mock('@phuluc/rules', async (importOriginal) => {
  const actual = await importOriginal<typeof rules>();
  return {
    ...actual,
    validateSheet: (...args: Parameters<typeof actual.validateSheet>) => {
      validateSpy(args[1]);
      return actual.validateSheet(...args);
    },
  };
});

afterEach(() => {
  cleanup();
  validateSpy.mockClear();
});

async function renderOffice(workbook: MemoryWorkbook) {
  render(<App mode="office" workbook={workbook} />);
  await waitFor(() => expect(screen.getByTestId('detected-layout').textContent).not.toBe('\u00a0'));
}

function button(name: string | RegExp) {
  return screen.getByRole('button', { name });
}

describe('the pane on a workbook', () => {
  it('speaks Vietnamese by default, shows the detected layout, and switches to English', async () => {
    const wb = new MemoryWorkbook({ PL01: muongLayRows() });
    await renderOffice(wb);
    expect(button('Kiểm tra')).toBeTruthy();
    expect(screen.getByTestId('detected-layout').dataset.layout).toBe('budget-allocation');
    expect(screen.getByTestId('detected-layout').textContent).toMatch(
      /Nhận dạng: Phân bổ kinh phí.*độ khớp \d+%/,
    );
    fireEvent.click(screen.getByTestId('lang-toggle'));
    expect(button('Check')).toBeTruthy();
    expect(button('Fill figures')).toBeTruthy();
    expect(screen.getByTestId('detected-layout').textContent).toMatch(
      /Detected: Budget allocation/,
    );
  });

  it('validates on demand, groups issues by severity with counts, marks cells and selects one on click', async () => {
    const wb = new MemoryWorkbook({ PL01: muongLayRows({ typo: true }) });
    await renderOffice(wb);
    expect(wb.callsOf('markCells')).toHaveLength(0);
    fireEvent.click(button('Kiểm tra'));
    const panel = await screen.findByRole('region', { name: 'Kết quả kiểm tra' });
    const report = rules.validateSheet(wb.grids.get('PL01')!);
    expect(report.summary.errors).toBeGreaterThan(0);
    const errors = await within(panel).findByText(
      new RegExp(`^Lỗi \\(${report.summary.errors}\\)$`),
    );
    expect(errors).toBeTruthy();
    // every issue's cell was marked with its severity
    const marks = wb.callsOf('markCells')[0]![1] as { cell: string; severity: string }[];
    expect(marks.map((m) => m.cell).sort()).toEqual(report.issues.map((i) => i.cell).sort());
    const first = report.issues.find((i) => i.severity === 'error')!;
    const item = panel.querySelector<HTMLButtonElement>(
      `[data-issue-cell="${first.cell}"][data-severity="error"]`,
    )!;
    expect(item).toBeTruthy();
    fireEvent.click(item);
    await waitFor(() => expect(wb.callsOf('selectCell')).toEqual([['PL01', first.cell]]));
    // clear marks
    fireEvent.click(moreAction('Xóa đánh dấu'));
    await waitFor(() => expect(wb.callsOf('clearMarks')).toEqual([['PL01']]));
    expect(await screen.findByText('Đã xóa đánh dấu, định dạng cũ được khôi phục.')).toBeTruthy();
  });

  it('passes the settings to validateSheet', async () => {
    const wb = new MemoryWorkbook({ PL01: muongLayRows() });
    await renderOffice(wb);
    openSettings();
    fireEvent.change(screen.getByRole('textbox', { name: /Sai số cho phép/ }), {
      target: { value: '0,5' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /vốn đối ứng/ }), {
      target: { value: '10' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /hộ giảm nghèo/ }), {
      target: { value: '24' },
    });
    fireEvent.click(button('Kiểm tra'));
    await waitFor(() => expect(validateSpy).toHaveBeenCalled());
    expect(validateSpy).toHaveBeenLastCalledWith({
      tolerance: '0.5',
      counterpartRatio: '10',
      assignedReduction: '24',
    });
  });

  it('loads a user-defined layout file and validates a sheet with it', async () => {
    const { readFileSync } = await import('node:fs');
    // Tests run from the repository root (jsdom's import.meta.url is not a file URL).
    const json = readFileSync(`${process.cwd()}/examples/layouts/dang-ky-thoat-ngheo.json`, 'utf8');
    const wb = new MemoryWorkbook({
      DK: [
        ['STT', 'Tên thôn', 'Số hộ nghèo', 'Số hộ đăng ký thoát nghèo', 'Tỷ lệ (%)'],
        ['1', 'Thôn Nà Bó', 20, 8, 40],
        ['2', 'Thôn Khuổi Vài', 44, 16, 50],
        [null, 'Toàn xã', 64, 24, 37.5],
      ],
    });
    await renderOffice(wb);
    openSettings();
    const input = screen.getByTestId('layout-file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['{ not json'], 'hong.json')] } });
    expect(await screen.findByText(/Tệp mẫu chưa đúng/)).toBeTruthy();
    fireEvent.change(input, { target: { files: [new File([json], 'dang-ky-thoat-ngheo.json')] } });
    expect(
      await screen.findByText(/Đang dùng thêm mẫu "Hộ nghèo đăng ký thoát nghèo theo thôn"/),
    ).toBeTruthy();
    // The sheet is detected again with the layout file (busy until then).
    await waitFor(() =>
      expect(screen.getByTestId('detected-layout').dataset.layout).toBe('dang-ky-thoat-ngheo'),
    );
    await waitFor(() => expect((button('Kiểm tra') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button('Kiểm tra'));
    await waitFor(() => expect(validateSpy).toHaveBeenCalled());
    const panel = await screen.findByRole('region', { name: 'Kết quả kiểm tra' });
    expect(await within(panel).findByText('E3')).toBeTruthy();
    expect(screen.getByTestId('detected-layout').dataset.layout).toBe('dang-ky-thoat-ngheo');
  });

  it('shows planned writes and conflicts first; overwrites conflicts only when ticked', async () => {
    const rows = muongLayRows({ blankTotal: true });
    rows[5]![2] = 1; // C6 holds a wrong total: a conflict
    const wb = new MemoryWorkbook({ PL01: rows });
    await renderOffice(wb);
    fireEvent.click(button('Điền số liệu'));
    const panel = await screen.findByRole('region', { name: 'Điền số liệu: xem trước' });
    const plan = rules.fillSheet(wb.grids.get('PL01')!, { overwrite: true });
    expect(plan.conflicts.length).toBeGreaterThan(0);
    expect(wb.callsOf('applyWrites')).toHaveLength(0);
    for (const c of plan.conflicts)
      expect(panel.querySelector(`[data-held-cell="${c.cell}"]`)).toBeTruthy();
    const conflictCells = new Set(plan.conflicts.map((c) => c.cell));
    const listed = [...panel.querySelectorAll<HTMLElement>('[data-write-cell]')].map(
      (e) => `${e.dataset.writeCell} ${e.dataset.nextFormula} ${e.dataset.nextValue}`,
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Xác nhận điền' }));
    await waitFor(() => expect(wb.callsOf('applyWrites')).toHaveLength(1));
    const [, written, mode] = wb.callsOf('applyWrites')[0]! as [string, rules.CellWrite[], string];
    expect(mode).toBe('formula');
    expect(written.some((w) => conflictCells.has(w.cell))).toBe(false);
    expect(written.length).toBe(plan.writes.filter((w) => !conflictCells.has(w.cell)).length);
    // What was listed is what was written, cell by cell.
    expect(written.map((w) => `${w.cell} ${w.formula ? `=${w.formula}` : ''} ${w.text}`)).toEqual(
      listed,
    );

    // The first fill has finished (its preview closed) before the second one starts: clicking
    // while it is still busy would act on the old preview.
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Điền số liệu: xem trước' })).toBeNull(),
    );

    // again, now ticking "ghi đè"
    fireEvent.click(button('Điền số liệu'));
    const panel2 = await screen.findByRole('region', { name: 'Điền số liệu: xem trước' });
    const again = rules.fillSheet(wb.grids.get('PL01')!, { overwrite: true });
    if (again.conflicts.length > 0) {
      fireEvent.click(within(panel2).getByRole('checkbox', { name: /Ghi đè/ }));
      fireEvent.click(within(panel2).getByRole('button', { name: 'Xác nhận điền' }));
      await waitFor(() => expect(wb.callsOf('applyWrites')).toHaveLength(2));
      const [, written2] = wb.callsOf('applyWrites')[1]! as [string, rules.CellWrite[]];
      expect(written2.some((w) => conflictCells.has(w.cell))).toBe(true);
    }
  });

  it('undoes a fill (Hoàn tác điền số): the sheet is back exactly as before', async () => {
    const wb = new MemoryWorkbook({ PL01: muongLayRows({ blankTotal: true }) });
    const before = wb.grids.get('PL01')!;
    await renderOffice(wb);
    expect(screen.queryByRole('button', { name: 'Hoàn tác điền số' })).toBeNull();
    fireEvent.click(button('Điền số liệu'));
    const panel = await screen.findByRole('region', { name: 'Điền số liệu: xem trước' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Xác nhận điền' }));
    await waitFor(() => expect(wb.callsOf('applyWrites')).toHaveLength(1));
    expect(wb.grids.get('PL01')).not.toBe(before);
    fireEvent.click(await findMoreAction('Hoàn tác điền số'));
    await waitFor(() => expect(wb.callsOf('undoFill')).toHaveLength(1));
    expect(wb.grids.get('PL01')).toBe(before);
    expect(await screen.findByText(/Đã hoàn tác lần điền gần nhất/)).toBeTruthy();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Hoàn tác điền số' })).toBeNull(),
    );
  });

  it('creates a template sheet from the chosen layout', async () => {
    const wb = new MemoryWorkbook({ PL01: muongLayRows() });
    await renderOffice(wb);
    fireEvent.click(moreAction('Tạo phụ lục mẫu'));
    const panel = await screen.findByRole('region', { name: 'Tạo phụ lục mẫu' });
    fireEvent.click(within(panel).getByRole('radio', { name: 'Đồng' }));
    fireEvent.change(within(panel).getByRole('spinbutton'), { target: { value: '5' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Tạo trang' }));
    await waitFor(() => expect(wb.callsOf('addTemplateSheet')).toHaveLength(1));
    const [template, name] = wb.callsOf('addTemplateSheet')[0]! as [rules.TemplateSheet, string];
    expect(name).toBe('Phụ lục mới');
    expect(template.grid.cells.length).toBeGreaterThan(5);
    expect(await screen.findByText('Đã tạo trang Phụ lục mới.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('sheet-name').textContent).toBe('Trang tính: Phụ lục mới'),
    );
  });

  it('validates every sheet and shows a per-sheet summary', async () => {
    const wb = new MemoryWorkbook({
      PL01: muongLayRows({ typo: true }),
      'Ghi chú': [['Ghi chú của phòng Tài chính']],
    });
    await renderOffice(wb);
    fireEvent.click(moreAction('Kiểm tra tất cả các trang'));
    const table = await screen.findByRole('table', { name: 'Tất cả các trang' });
    const rowsEls = table.querySelectorAll('[data-sheet-row]');
    expect([...rowsEls].map((r) => r.getAttribute('data-sheet-row'))).toEqual(['PL01', 'Ghi chú']);
    expect(
      within(rowsEls[0] as HTMLElement).getByText('Phân bổ kinh phí theo dự án, tiểu dự án'),
    ).toBeTruthy();
    expect(within(rowsEls[1] as HTMLElement).getByText('(không nhận dạng)')).toBeTruthy();
  });

  it('turns Office errors into clear messages', async () => {
    const wb = new MemoryWorkbook({ PL01: muongLayRows() });
    await renderOffice(wb);
    wb.failNext = Object.assign(new Error('RichApi'), { code: 'InvalidOperationInCellEditMode' });
    fireEvent.click(button('Kiểm tra'));
    const bar = await screen.findByTestId('error');
    expect(bar.textContent).toContain('Excel đang ở chế độ sửa ô');
  });
});

describe('the browser preview', () => {
  async function workbookFile(): Promise<PreviewWorkbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PL01');
    muongLayRows({ typo: true }).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'object' && v !== null && 'value' in v) {
          cell.value = v.formula
            ? { formula: v.formula, result: v.value as number }
            : (v.value as number);
        } else {
          cell.value = v as string | number;
        }
      }),
    );
    wb.addWorksheet('Trống');
    return new PreviewWorkbook(wb, 'muong-lay.xlsx');
  }

  it('asks for a file, renders the sheet, highlights issue cells and selects one', async () => {
    const source = await workbookFile();
    const openFile = vi.fn(async () => source);
    render(<App mode="preview" openFile={openFile} />);
    expect(screen.getByText(/Không chạy trong Excel/)).toBeTruthy();
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(['x'], 'muong-lay.xlsx')] } });
    });
    expect(openFile).toHaveBeenCalled();
    await waitFor(() =>
      expect(document.querySelector('[data-cell="B6"]')?.textContent).toMatch(/Dự án 2/),
    );
    expect(document.querySelector('[data-cell="C8"]')?.textContent).toBe('1.659');
    await waitFor(() => expect(button('Kiểm tra')).not.toHaveProperty('disabled', true));
    fireEvent.click(button('Kiểm tra'));
    await screen.findByRole('region', { name: 'Kết quả kiểm tra' });
    await waitFor(() =>
      expect(document.querySelector('[data-issue-cell][data-severity="error"]')).not.toBeNull(),
    );
    const marked = document.querySelectorAll('td[data-severity]');
    expect(marked.length).toBeGreaterThan(0);
    const issue = document.querySelector<HTMLButtonElement>(
      '[data-issue-cell][data-severity="error"]',
    )!;
    const cell = issue.dataset.issueCell!;
    expect(document.querySelector(`td[data-cell="${cell}"]`)?.getAttribute('data-severity')).toBe(
      'error',
    );
    fireEvent.click(issue);
    await waitFor(() =>
      expect(document.querySelector(`td[data-cell="${cell}"]`)?.getAttribute('data-selected')).toBe(
        'true',
      ),
    );
    fireEvent.click(moreAction('Xóa đánh dấu'));
    await waitFor(() => expect(document.querySelectorAll('td[data-severity]')).toHaveLength(0));
    expect(button('Tải xuống')).toBeTruthy();
  });
});
