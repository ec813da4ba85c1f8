// The pane's clear states (issue 18): an empty sheet, an unrecognised one, settings that are not
// numbers, a fill that would roll open warnings into its totals, plan issues with their line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LAYOUT_IDS } from '@phuluc/rules';
import { App } from './App.js';
import { MemoryWorkbook, muongLayRows, type Row } from './test-workbook.js';

afterEach(cleanup);

async function renderOffice(workbook: MemoryWorkbook) {
  render(<App mode="office" workbook={workbook} />);
  await waitFor(() => expect(screen.getByTestId('detected-layout').textContent).not.toBe('\u00a0'));
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
/** The actions behind "Thêm" (the pane's overflow), shown. */
const openMore = () => {
  if (!screen.queryByRole('group', { name: /Thêm/ })) fireEvent.click(button('Thêm'));
};

describe('the sheet states', () => {
  it('an empty sheet says so and offers no check, fill or comparison', async () => {
    await renderOffice(new MemoryWorkbook({ Trống: [] }));
    expect(screen.getByTestId('sheet-empty').textContent).toMatch(/Trang tính này trống/);
    expect(button('Kiểm tra').disabled).toBe(true);
    expect(button('Điền số liệu').disabled).toBe(true);
    openMore();
    expect(button('Đối chiếu kế hoạch').disabled).toBe(true);
    expect(button('Tạo phụ lục mẫu').disabled).toBe(false);
  });

  it('an unrecognised sheet names the closest layouts by their titles, never by id, and says what to do', async () => {
    await renderOffice(
      new MemoryWorkbook({
        TS: [
          ['TT', 'Nội dung', 'Ghi chú', 'Số lượng'],
          ['1', 'Máy tính', 'mới', 3],
          ['2', 'Bàn ghế', 'cũ', 10],
        ],
      }),
    );
    const state = screen.getByTestId('sheet-unrecognised').textContent ?? '';
    expect(state).toMatch(/Gần giống nhất: "Phân bổ kinh phí theo dự án, tiểu dự án" \(\d+%\)/);
    expect(state).toMatch(/Dùng mẫu khác/);
    expect(state).toMatch(/nạp tệp mẫu riêng/);
    for (const id of LAYOUT_IDS) expect(state).not.toContain(id);
    fireEvent.click(button('Kiểm tra'));
    const panel = await screen.findByRole('region', { name: 'Kết quả kiểm tra' });
    for (const id of LAYOUT_IDS) expect(panel.textContent).not.toContain(id);
    fireEvent.click(screen.getByTestId('lang-toggle'));
    expect(screen.getByTestId('sheet-unrecognised').textContent).toMatch(
      /Closest: "Budget allocation by project and sub-project" \(\d+%\)/,
    );
  });

  it('a tolerance that is not a number blocks checking, with the reason, until it is corrected', async () => {
    await renderOffice(new MemoryWorkbook({ PL01: muongLayRows() }));
    fireEvent.click(button('Tùy chọn'));
    const tolerance = screen.getByRole('textbox', { name: /Sai số cho phép/ });
    fireEvent.change(tolerance, { target: { value: 'năm' } });
    expect(screen.getByTestId('settings-blocked').textContent).toMatch(
      /Chưa kiểm tra được: "Sai số cho phép"/,
    );
    expect(button('Kiểm tra').disabled).toBe(true);
    openMore();
    expect(button('Kiểm tra tất cả các trang').disabled).toBe(true);
    fireEvent.change(tolerance, { target: { value: '0,5' } });
    expect(screen.queryByTestId('settings-blocked')).toBeNull();
    expect(button('Kiểm tra').disabled).toBe(false);
  });

  it('the fill preview warns, before confirm, that an amount typed in đồng feeds the totals it writes', async () => {
    const rows = muongLayRows({ blankTotal: true });
    (rows[12] as Row)[2] = 172_000_000; // C13: DA7 TDA2 typed in đồng
    (rows[12] as Row)[3] = 172_000_000;
    (rows[4] as Row)[3] = null; // D5: the NSTW total, left to fill
    await renderOffice(new MemoryWorkbook({ PL01: rows }));
    fireEvent.click(button('Điền số liệu'));
    const panel = await screen.findByRole('region', { name: 'Điền số liệu: xem trước' });
    const fed = within(panel).getByTestId('fill-fed-warnings');
    expect(fed.textContent).toMatch(/cảnh báo chưa xử lý/);
    expect(fed.querySelector('[data-fed-cell="D13"]')?.textContent).toMatch(
      /D13: số có thể nhập theo đồng .* được cộng vào C5, D5$/,
    );
    // C13 is a row total no written cell adds (C5 is D5 + E5): not named.
    expect(fed.querySelector('[data-fed-cell="C13"]')).toBeNull();
    // Listed before the confirm button.
    const confirm = within(panel).getByRole('button', { name: 'Xác nhận điền' });
    expect(fed.compareDocumentPosition(confirm) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('a plan issue quotes the line of the text it points at', async () => {
    const seeds = join(__dirname, '..', '..', '..', 'rules', 'src', 'plan', '__fixtures__');
    const lines = readFileSync(join(seeds, '000-muong-lay-2024.txt'), 'utf8').split('\n');
    lines[184] = (lines[184] as string).replace('197', '297'); // line 185 no longer foots
    await renderOffice(new MemoryWorkbook({ PL01: muongLayRows() }));
    openMore();
    fireEvent.click(button('Đối chiếu kế hoạch'));
    const panel = await screen.findByRole('region', { name: 'Đối chiếu với văn bản kế hoạch' });
    fireEvent.change(within(panel).getByRole('textbox'), {
      target: { value: lines.join('\n') },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Đối chiếu' }));
    const result = await within(panel).findByTestId('plan-result');
    const quotes = [...result.querySelectorAll('[data-line="185"] [data-testid="plan-quote"]')];
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes[0]?.textContent).toBe(
      (lines[184] as string).replace(/\s+/g, ' ').trim().slice(0, 160),
    );
  });

  it('an unrecognised sheet offers to load a layout file right there, and then recognises the sheet', async () => {
    const json = readFileSync(
      join(process.cwd(), 'examples', 'layouts', 'dang-ky-thoat-ngheo.json'),
      'utf8',
    );
    await renderOffice(
      new MemoryWorkbook({
        DK: [
          ['STT', 'Tên thôn', 'Số hộ nghèo', 'Số hộ đăng ký thoát nghèo', 'Tỷ lệ (%)'],
          ['1', 'Thôn Nà Bó', 20, 8, 40],
          ['2', 'Thôn Khuổi Vài', 44, 16, 50],
          [null, 'Toàn xã', 64, 24, 37.5],
        ],
      }),
    );
    const state = screen.getByTestId('sheet-unrecognised');
    expect(within(state).getByRole('button', { name: 'Chọn tệp mẫu…' })).toBeTruthy();
    const input = screen.getByTestId('sheet-layout-file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['{ not json'], 'hong.json')] } });
    expect(await within(state).findByText(/Tệp mẫu chưa đúng/)).toBeTruthy();
    fireEvent.change(input, { target: { files: [new File([json], 'dang-ky-thoat-ngheo.json')] } });
    await waitFor(() =>
      expect(screen.getByTestId('detected-layout').dataset.layout).toBe('dang-ky-thoat-ngheo'),
    );
    expect(screen.queryByTestId('sheet-unrecognised')).toBeNull();
  });
});
