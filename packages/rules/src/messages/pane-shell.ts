import type { MessageTemplate } from './types.js';

/**
 * Messages of the task pane's shell (issue 18): the command bar and its overflow menu, the
 * settings gear, the first-run card, progress and cancel, what screen readers hear, the brand
 * bar. Kept apart from `pane.ts` so the pane's panels and its shell can change independently;
 * the catalogue merges both.
 */
export const paneShellMessages = {
  'pane.commands.label': { vi: 'Lệnh', en: 'Commands' },
  'pane.commands.more': { vi: 'Thêm', en: 'More' },
  'pane.commands.moreLabel': { vi: 'Thêm lệnh', en: 'More commands' },
  'pane.settings.open': { vi: 'Tùy chọn', en: 'Settings' },

  'pane.firstRun.title': { vi: 'Bắt đầu trong ba bước', en: 'Start in three steps' },
  'pane.firstRun.step1': {
    vi: 'Mở trang phụ lục (kinh phí theo dự án, chỉ tiêu giảm nghèo…).',
    en: 'Open the annex sheet (budget by project, poverty targets…).',
  },
  'pane.firstRun.step1Preview': {
    vi: 'Mở tệp .xlsx của phụ lục, hoặc thử tệp mẫu có sẵn lỗi.',
    en: 'Open the annex .xlsx file, or try the sample with planted mistakes.',
  },
  'pane.firstRun.step2': {
    vi: 'Bấm “Kiểm tra”: các ô sai được tô màu và liệt kê kèm cách sửa.',
    en: 'Press “Check”: wrong cells are coloured and listed with how to fix them.',
  },
  'pane.firstRun.step3': {
    vi: 'Bấm “Điền số liệu” để điền các ô tổng, tỷ lệ, mức giảm; xem trước rồi mới ghi.',
    en: 'Press “Fill figures” to fill totals, rates and reductions; you see them before they are written.',
  },
  'pane.firstRun.sample': { vi: 'Thử với tệp mẫu', en: 'Try the sample file' },
  'pane.firstRun.sampleName': {
    vi: 'muong-lay-2024-loi.xlsx',
    en: 'muong-lay-2024-loi.xlsx',
  },

  'pane.progress.read': { vi: 'Đang đọc trang tính…', en: 'Reading the sheet…' },
  'pane.progress.readRows': {
    vi: 'Đang đọc trang tính: {done}/{total} dòng…',
    en: 'Reading the sheet: {done} of {total} rows…',
  },
  'pane.progress.open': { vi: 'Đang mở tệp…', en: 'Opening the file…' },
  'pane.progress.check': { vi: 'Đang kiểm tra…', en: 'Checking…' },
  'pane.progress.mark': { vi: 'Đang tô màu các ô…', en: 'Marking the cells…' },
  'pane.progress.fill': { vi: 'Đang tính số liệu cần điền…', en: 'Working out the figures…' },
  'pane.progress.write': { vi: 'Đang ghi vào bảng tính…', en: 'Writing to the workbook…' },
  'pane.progress.cancel': { vi: 'Dừng', en: 'Stop' },
  'pane.progress.cancelled': {
    vi: 'Đã dừng. Bảng tính không thay đổi.',
    en: 'Stopped. The workbook was not changed.',
  },

  'pane.announce.opened': {
    vi: 'Đã mở tệp {name}, trang {sheet}.',
    en: 'Opened {name}, sheet {sheet}.',
  },
  'pane.announce.validated': {
    vi: 'Kiểm tra xong trang {sheet}: {summary}.',
    en: 'Check of sheet {sheet} done: {summary}.',
  },

  'pane.issues.showGroup': { vi: 'Hiện {label} ({count})', en: 'Show {label} ({count})' },
  'pane.issues.listLabel': { vi: '{label}: danh sách ô', en: '{label}: list of cells' },
  'pane.issues.position': {
    vi: '{label} {index}/{count}',
    en: '{label} {index} of {count}',
  },

  'pane.preview.gridHelp': {
    vi: 'Dùng phím mũi tên để đi giữa các ô; Page Up, Page Down, Home, End để đi nhanh.',
    en: 'Use the arrow keys to move between cells; Page Up, Page Down, Home and End to move fast.',
  },
  'pane.preview.corner': { vi: 'Dòng / cột', en: 'Row / column' },
  'pane.preview.rows': { vi: '{rows} dòng', en: '{rows} rows' },

  'pane.brand.name': { vi: 'phuluc', en: 'phuluc' },
  'pane.brand.offline': {
    vi: 'Chạy trên máy này, không gửi dữ liệu đi đâu.',
    en: 'Runs on this computer; sends no data anywhere.',
  },
} satisfies Record<`pane.${string}`, MessageTemplate>;
