// The pane's shell (issue 18): the first-run card and the sample, focus on each action's result,
// the live regions, progress with a stop button, settings behind the gear.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Grid } from '@phuluc/rules';
import type { PreviewSource, Work } from '../workbook/types.js';
import { App } from './App.js';
import { MemoryWorkbook, muongLayRows } from './test-workbook.js';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

/** A workbook whose reads wait until released (or stopped), as a large sheet in Excel would. */
class SlowWorkbook extends MemoryWorkbook {
  release: (() => void) | null = null;
  slow = false;
  override async readSheet(sheet: string, work?: Work): Promise<Grid> {
    if (this.slow) {
      await new Promise<void>((ok, fail) => {
        this.release = ok;
        work?.signal?.addEventListener('abort', () =>
          fail(Object.assign(new Error('cancelled'), { name: 'AbortError' })),
        );
      });
    }
    return super.readSheet(sheet);
  }
}

async function renderOffice(wb: MemoryWorkbook) {
  render(<App mode="office" workbook={wb} />);
  await waitFor(() => expect(screen.getByTestId('detected-layout').textContent).not.toBe('\u00a0'));
}

describe('the pane shell', () => {
  it('shows the three steps inside Excel until closed, and not again', async () => {
    await renderOffice(new MemoryWorkbook({ PL01: muongLayRows() }));
    const card = document.querySelector('[data-panel="first-run"]')!;
    expect(card.querySelectorAll('li')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Đóng' }));
    expect(document.querySelector('[data-panel="first-run"]')).toBeNull();
    cleanup();
    await renderOffice(new MemoryWorkbook({ PL01: muongLayRows() }));
    expect(document.querySelector('[data-panel="first-run"]')).toBeNull();
  });

  it('moves focus to the results after Kiểm tra and says the summary in the live region', async () => {
    await renderOffice(new MemoryWorkbook({ PL01: muongLayRows({ typo: true }) }));
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await screen.findByRole('region', { name: 'Kết quả kiểm tra' });
    await waitFor(() => expect(document.activeElement?.id).toBe('phuluc-results-h'));
    await waitFor(() =>
      expect(screen.getByTestId('live-status').textContent).toMatch(
        /^Kiểm tra xong trang PL01: \d+ lỗi, \d+ cảnh báo, \d+ ghi chú\./,
      ),
    );
  });

  it('shows progress while a check runs, and the stop button stops it without marking', async () => {
    const wb = new SlowWorkbook({ PL01: muongLayRows({ typo: true }) });
    await renderOffice(wb);
    wb.slow = true;
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const progress = await screen.findByTestId('progress');
    expect(progress.textContent).toMatch(/Đang đọc trang tính/);
    expect(progress.querySelector('[role="progressbar"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dừng' }));
    const status = await screen.findByTestId('status');
    expect(status.textContent).toBe('Đã dừng. Bảng tính không thay đổi.');
    expect(wb.callsOf('markCells')).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(screen.queryByTestId('progress')).toBeNull();
  });

  it('keeps the settings behind the gear and moves focus into them', async () => {
    await renderOffice(new MemoryWorkbook({ PL01: muongLayRows() }));
    expect(screen.queryByRole('textbox', { name: /Sai số cho phép/ })).toBeNull();
    const gear = screen.getByRole('button', { name: 'Tùy chọn' });
    fireEvent.click(gear);
    expect(gear.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('textbox', { name: /Sai số cho phép/ })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe('phuluc-settings-h'));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: /Sai số cho phép/ })).toBeNull();
    expect(document.activeElement).toBe(gear);
  });

  it('closes "Thêm" with Escape and gives focus back to its button', async () => {
    await renderOffice(new MemoryWorkbook({ PL01: muongLayRows() }));
    const more = screen.getByRole('button', { name: 'Thêm' });
    fireEvent.click(more);
    const group = screen.getByRole('group', { name: 'Thêm lệnh' });
    const first = group.querySelector('button')!;
    first.focus();
    fireEvent.keyDown(first, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Thêm lệnh' })).toBeNull();
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(more);
  });

  it('opens the bundled sample from the first-run card, then focuses the opened file', async () => {
    const sample = new File([new Uint8Array([1])], 'muong-lay-2024-loi.xlsx');
    const loadSample = vi.fn(async () => sample);
    const source = new MemoryWorkbook({ PL01: muongLayRows() }) as unknown as PreviewSource;
    const preview = Object.assign(Object.create(source) as PreviewSource, {
      kind: 'preview' as const,
      fileName: sample.name,
      subscribe: () => () => {},
      version: () => 0,
      currentSheet: () => 'PL01',
      listSheetNames: () => ['PL01'],
      viewOf: () => ({ rows: 0, cols: 0, merges: [], row: () => [] }),
      marksOf: () => new Map(),
      selection: () => null,
      toBytes: async () => new Uint8Array(),
      downloadName: () => 'x-phuluc.xlsx',
    });
    const openFile = vi.fn(async () => preview);
    render(<App mode="preview" openFile={openFile} loadSample={loadSample} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Thử với tệp mẫu' }));
    });
    await waitFor(() => expect(openFile).toHaveBeenCalledWith(sample));
    const name = await screen.findByTestId('file-name');
    expect(name.textContent).toBe('Đang mở: muong-lay-2024-loi.xlsx');
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(screen.getByTestId('live-status').textContent).toBe(
      'Đã mở tệp muong-lay-2024-loi.xlsx, trang PL01.',
    );
  });
});
