import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as rules from '@phuluc/rules';
import type { Lang, Report } from '@phuluc/rules';
import { disbursementReport } from '../../../rules/src/relations/__fixtures__/annexes.js';
import { App } from './App.js';
import { I18nContext, makeI18n } from './i18n.js';
import { IssueList } from './IssueList.js';
import { MemoryWorkbook, type Row } from './test-workbook.js';
import { moreAction } from './test-actions.js';

/** When set, the pane's validateSheet returns this report instead of the rules' own. */
let forcedReport: Report | null = null;
vi.mock('@phuluc/rules', async (importOriginal) => {
  const actual = await importOriginal<typeof rules>();
  return {
    ...actual,
    validateSheet: (...args: Parameters<typeof actual.validateSheet>) =>
      forcedReport ?? actual.validateSheet(...args),
  };
});

afterEach(() => {
  cleanup();
  forcedReport = null;
});

const CLEAN_VI = /Không phát hiện lỗi nào/;
const CLEAN_EN = /No issues found on sheet/;

/** A report with no issue whose columns J and K nothing checked. */
function partlyChecked(): Report {
  return {
    sheet: 'PL01',
    layout: 'budget-allocation',
    score: 0.9,
    candidates: [{ layout: 'budget-allocation', score: 0.9 }],
    issues: [],
    summary: { errors: 0, warnings: 0, infos: 0 },
    coverage: {
      read: true,
      checked: [
        {
          column: 'C',
          header: 'Tổng số',
          relations: [
            { kind: 'sum', provenance: 'layout' },
            { kind: 'foot', provenance: 'layout' },
            { kind: 'foot', provenance: 'inferred' },
          ],
        },
        { column: 'I', header: 'Tỷ lệ (%)', relations: [{ kind: 'rate', provenance: 'header' }] },
      ],
      unchecked: [
        { column: 'J', header: 'Ghi chú số', reason: 'no-relation' },
        { column: 'K', header: 'Kinh phí khác', reason: 'no-evidence' },
        { column: 'AB', header: '', reason: 'not-read' },
      ],
      unconfirmed: [],
    },
  };
}

function renderList(report: Report, lang: Lang = 'vi') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n(lang)}>
        <IssueList report={report} selected={null} onSelect={() => {}} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
}

describe('the issue list tells what was checked', () => {
  it('never says "no issues" while columns went unchecked, and names each with why', () => {
    renderList(partlyChecked());
    expect(screen.queryByText(CLEAN_VI)).toBeNull();
    expect(screen.getByTestId('issues-verdict').textContent).toBe(
      'Không thấy lỗi ở các cột đã kiểm tra trên trang PL01.',
    );
    const bar = screen.getByTestId('coverage-unchecked');
    expect(bar.textContent).toContain('Không kiểm tra được 3 cột');
    const items = [...bar.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'cột J "Ghi chú số": không có quan hệ nào nói cột này phải bằng gì',
      'cột K "Kinh phí khác": số liệu không khớp các quan hệ mà tiêu đề cột gợi ý',
      'cột AB: nằm ngoài vùng phuluc đọc',
    ]);
  });

  it('says the same in English', () => {
    renderList(partlyChecked(), 'en');
    expect(screen.queryByText(CLEAN_EN)).toBeNull();
    expect(screen.getByTestId('issues-verdict').textContent).toBe(
      'No issues found in the columns checked on sheet PL01.',
    );
    const bar = screen.getByTestId('coverage-unchecked');
    expect(bar.textContent).toContain('3 columns not checked');
    expect([...bar.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'column J "Ghi chú số": no relation says what it must equal',
      'column K "Kinh phí khác": its figures do not bear out the relations its header suggests',
      'column AB: beyond what phuluc reads',
    ]);
  });

  it('never says "no issues" while a relation its header states went unchecked', () => {
    const base = partlyChecked();
    renderList({
      ...base,
      coverage: {
        ...base.coverage,
        unchecked: [],
        unconfirmed: [
          { kind: 'sum', provenance: 'header', formula: 'C = D + E + F', evaluated: 6, holds: 1 },
        ],
      },
    });
    expect(screen.queryByText(CLEAN_VI)).toBeNull();
    expect(screen.getByTestId('issues-verdict').textContent).not.toMatch(CLEAN_VI);
    const bar = screen.getByTestId('coverage-unconfirmed');
    expect(bar.textContent).toContain('Quan hệ theo tiêu đề chưa kiểm tra được');
    expect([...bar.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Tiêu đề cho thấy C = D + E + F nhưng số liệu chỉ khớp 1/6 dòng: hoặc tiêu đề không đúng ý, hoặc nhiều dòng sai. Xem lại các dòng này.',
    ]);
  });

  it('lists the checked columns, folded, each with the kinds of check in words', () => {
    renderList(partlyChecked());
    const header = screen.getByRole('button', { name: 'Đã kiểm tra 2 cột' });
    expect(screen.queryByText(/tổng cột/)).toBeNull();
    fireEvent.click(header);
    const list = screen.getByTestId('coverage-checked');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'cột C "Tổng số": tổng cột, cộng ngang',
      'cột I "Tỷ lệ (%)": tỷ lệ',
    ]);
  });

  it('keeps the unchecked columns in view beside the issues when there are some', () => {
    const base = partlyChecked();
    const issue = rules.validateSheet(
      rules.gridFromRows('PL01', [
        ['STT', 'Tên thôn', 'Số hộ'],
        ['1', 'Thôn Nà Bó', 20],
        ['2', 'Thôn Khuổi Vài', 44],
      ]),
    ).issues[0]!;
    renderList({
      ...base,
      issues: [issue],
      summary: rules.summarize([issue]),
    });
    expect(screen.getByTestId('issues-verdict').textContent).toMatch(
      /^0 lỗi, 0 cảnh báo, 1 ghi chú$/,
    );
    expect(screen.getByTestId('coverage-unchecked').textContent).toContain(
      'Không kiểm tra được 3 cột',
    );
  });

  it('says a sheet whose figures were not read was not checked, unless an error says why', () => {
    const notRead: Report = {
      ...partlyChecked(),
      sheet: 'Ghi chú',
      layout: null,
      coverage: { read: false, checked: [], unchecked: [], unconfirmed: [] },
    };
    renderList(notRead);
    expect(screen.queryByText(CLEAN_VI)).toBeNull();
    expect(screen.queryByText(/Không thấy lỗi/)).toBeNull();
    expect(screen.getByTestId('coverage-sheet').textContent).toContain(
      'Chưa kiểm tra được trang Ghi chú',
    );
    cleanup();
    renderList(notRead, 'en');
    expect(screen.getByTestId('coverage-sheet').textContent).toContain(
      'Sheet Ghi chú was not checked',
    );
    cleanup();
    // Too large: its error already says the sheet was not read.
    renderList(
      rules.tooLargeReport('PL09', { rows: 2_000_000, cols: 20, maxRows: 200_000, maxCols: 1000 }),
    );
    expect(screen.queryByTestId('coverage-sheet')).toBeNull();
    expect(screen.getByTestId('issues-verdict').textContent).toMatch(/^1 lỗi/);
  });

  it('still says "no issues" of a sheet every numeric column of which was checked', () => {
    const report = rules.validateSheet(disbursementReport().grid);
    expect(report.coverage.unchecked).toEqual([]);
    expect(report.issues).toEqual([]);
    renderList(report);
    expect(screen.getByTestId('issues-verdict').textContent).toBe(
      'Không phát hiện lỗi nào trên trang PL01.',
    );
    expect(screen.queryByTestId('coverage-unchecked')).toBeNull();
    expect(screen.queryByTestId('coverage-sheet')).toBeNull();
  });
});

/** A list of villages no annex layout knows: three numeric columns, no total to check them by. */
const villages: Row[] = [
  ['DANH SÁCH THÔN'],
  ['STT', 'Tên thôn', 'Số hộ', 'Diện tích đất (ha)', 'Ghi chú số'],
  ['1', 'Thôn Nà Bó', 20, 12.5, 7],
  ['2', 'Thôn Khuổi Vài', 44, 3.25, 19],
  ['3', 'Thôn Pá Khoang', 31, 8, 2],
];

async function renderPane(workbook: MemoryWorkbook) {
  render(<App mode="office" workbook={workbook} />);
  await waitFor(() => expect(screen.getByTestId('detected-layout').textContent).not.toBe('\u00a0'));
}

async function validate() {
  fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
  return screen.findByRole('region', { name: 'Kết quả kiểm tra' });
}

describe('the pane is honest about coverage', () => {
  it('shows a report with unchecked columns as such, and not as clean', async () => {
    forcedReport = partlyChecked();
    await renderPane(new MemoryWorkbook({ PL01: villages }));
    const panel = await validate();
    expect(within(panel).queryByText(CLEAN_VI)).toBeNull();
    expect(
      within(panel).getByText('Không thấy lỗi ở các cột đã kiểm tra trên trang PL01.'),
    ).toBeTruthy();
    expect(within(panel).getByTestId('coverage-unchecked').textContent).toContain(
      'cột J "Ghi chú số": không có quan hệ nào nói cột này phải bằng gì',
    );
    // The language toggle carries the new lines too.
    fireEvent.click(screen.getByTestId('lang-toggle'));
    const en = screen.getByRole('region', { name: 'Check results' });
    expect(within(en).queryByText(CLEAN_EN)).toBeNull();
    expect(
      within(en).getByText('No issues found in the columns checked on sheet PL01.'),
    ).toBeTruthy();
    expect(within(en).getByTestId('coverage-unchecked').textContent).toContain(
      '3 columns not checked',
    );
    expect(within(en).getByRole('button', { name: 'Checked 2 columns' })).toBeTruthy();
  });

  it('names the columns validateSheet could not check on a sheet no layout knows', async () => {
    const wb = new MemoryWorkbook({ 'Danh sách': villages });
    await renderPane(wb);
    const panel = await validate();
    const report = rules.validateSheet(wb.grids.get('Danh sách')!);
    expect(report.coverage.unchecked.map((c) => c.column)).toEqual(['C', 'D', 'E']);
    const bar = within(panel).getByTestId('coverage-unchecked');
    expect(bar.textContent).toContain('Không kiểm tra được 3 cột');
    expect(bar.textContent).toContain('cột E "Ghi chú số"');
    expect(within(panel).queryByText(CLEAN_VI)).toBeNull();
  });

  it('still shows the clean message of a fully checked sheet, with what was checked', async () => {
    const wb = new MemoryWorkbook({ PL01: disbursementReport().grid });
    const { checked } = rules.validateSheet(wb.grids.get('PL01')!).coverage;
    expect(checked.length).toBeGreaterThan(1);
    await renderPane(wb);
    const panel = await validate();
    expect(within(panel).getByText('Không phát hiện lỗi nào trên trang PL01.')).toBeTruthy();
    expect(within(panel).queryByTestId('coverage-unchecked')).toBeNull();
    expect(within(panel).queryByTestId('coverage-sheet')).toBeNull();
    fireEvent.click(
      within(panel).getByRole('button', { name: `Đã kiểm tra ${checked.length} cột` }),
    );
    const lines = [...panel.querySelectorAll('[data-checked-column]')];
    expect(lines.map((li) => li.getAttribute('data-checked-column'))).toEqual(
      checked.map((c) => c.column),
    );
    // The disbursement rate is checked as a rate, the plan's total at least down its column.
    expect(within(panel).getByText('cột I "Tỷ lệ giải ngân (%)": tỷ lệ')).toBeTruthy();
    expect(
      within(panel).getByText(/^cột C "Kế hoạch vốn năm 2024 › Tổng số": tổng cột/),
    ).toBeTruthy();
  });

  it('marks, in the all-sheets summary, the sheets and columns not checked', async () => {
    await renderPane(
      new MemoryWorkbook({
        PL01: disbursementReport().grid,
        'Danh sách': villages,
        'Ghi chú': [['Ghi chú của phòng Tài chính']],
      }),
    );
    fireEvent.click(moreAction('Kiểm tra tất cả các trang'));
    const table = await screen.findByRole('table', { name: 'Tất cả các trang' });
    const marks = [...table.querySelectorAll('[data-not-checked]')].map((el) => [
      el.getAttribute('data-not-checked'),
      el.textContent,
    ]);
    expect(marks).toEqual([
      ['Danh sách', 'Không kiểm tra được 3 cột'],
      ['Ghi chú', 'Chưa kiểm tra được'],
    ]);
  });
});
