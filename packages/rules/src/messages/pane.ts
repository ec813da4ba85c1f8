import type { MessageTemplate } from './types.js';

/** Messages of the Excel task pane and its browser preview. Keys start with `pane.`. */
export const paneMessages = {
  'pane.title': { vi: 'Phụ lục giảm nghèo', en: 'Poverty-reduction annexes' },
  'pane.subtitle': {
    vi: 'Kiểm tra và điền số liệu phụ lục kế hoạch giảm nghèo bền vững',
    en: 'Check and fill the annexes of sustainable poverty-reduction plans',
  },
  'pane.loading': { vi: 'Đang khởi động…', en: 'Starting…' },
  'pane.busy': { vi: 'Đang xử lý…', en: 'Working…' },
  'pane.lang.label': { vi: 'Ngôn ngữ', en: 'Language' },
  'pane.lang.toggle': { vi: 'English', en: 'Tiếng Việt' },
  'pane.lang.toggleHint': { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },

  'pane.preview.badge': { vi: 'Xem trước trên trình duyệt', en: 'Browser preview' },
  'pane.preview.intro': {
    vi: 'Không chạy trong Excel. Chọn một tệp .xlsx để kiểm tra ngay trên máy này; tệp không được gửi đi đâu.',
    en: 'Not running inside Excel. Choose an .xlsx file to check it on this computer; the file is not sent anywhere.',
  },
  'pane.preview.open': { vi: 'Mở tệp .xlsx', en: 'Open .xlsx file' },
  'pane.preview.fileLabel': { vi: 'Tệp phụ lục (.xlsx)', en: 'Annex file (.xlsx)' },
  'pane.preview.opened': { vi: 'Đang mở: {name}', en: 'Open: {name}' },
  'pane.preview.sheets': { vi: 'Các trang tính', en: 'Sheets' },
  'pane.preview.download': { vi: 'Tải xuống', en: 'Download' },
  'pane.preview.downloadHint': {
    vi: 'Tải về bảng tính đã điền số liệu',
    en: 'Download the filled workbook',
  },
  'pane.preview.empty': { vi: 'Trang tính trống.', en: 'The sheet is empty.' },
  'pane.preview.truncated': {
    vi: 'Chỉ hiển thị {rows} dòng đầu tiên.',
    en: 'Only the first {rows} rows are shown.',
  },
  'pane.preview.gridLabel': { vi: 'Lưới ô của trang {sheet}', en: 'Cells of sheet {sheet}' },

  'pane.sheet.active': { vi: 'Trang tính: {sheet}', en: 'Sheet: {sheet}' },
  'pane.layout.label': { vi: 'Mẫu phụ lục', en: 'Annex layout' },
  'pane.layout.detected': {
    vi: 'Nhận dạng: {layout} (độ khớp {score})',
    en: 'Detected: {layout} (fit {score})',
  },
  'pane.layout.none': {
    vi: 'Chưa nhận dạng được mẫu phụ lục của trang này.',
    en: 'No annex layout recognised on this sheet.',
  },
  'pane.layout.guesses': {
    vi: 'Gần giống nhất: {guesses}.',
    en: 'Closest: {guesses}.',
  },
  'pane.layout.noGuess': {
    vi: 'Không mẫu nào gần giống.',
    en: 'No layout comes close.',
  },
  'pane.layout.noneAction': {
    vi: 'Nếu đây là phụ lục: chọn mẫu ở mục "Dùng mẫu khác", hoặc nạp tệp mẫu riêng của đơn vị (.json).',
    en: 'If this is an annex: choose its layout under "Use another layout", or load your office\'s own layout file (.json).',
  },
  'pane.sheet.empty': {
    vi: 'Trang tính này trống: chưa có gì để kiểm tra, điền hay đối chiếu. Hãy chọn trang khác hoặc tạo phụ lục mẫu.',
    en: 'This sheet is empty: nothing to check, fill or compare. Choose another sheet or create an annex from a template.',
  },
  'pane.settings.blocked': {
    vi: 'Chưa kiểm tra được: {fields} trong "Tùy chọn kiểm tra" phải là một số (ví dụ 0,5 hoặc 10). Sửa hoặc để trống.',
    en: 'Cannot check yet: {fields} in "Check settings" must be a number (e.g. 0.5 or 10). Correct it or leave it empty.',
  },
  'pane.layout.auto': { vi: 'Tự nhận dạng', en: 'Detect automatically' },
  'pane.layout.force': { vi: 'Dùng mẫu khác', en: 'Use another layout' },

  'pane.action.validate': { vi: 'Kiểm tra', en: 'Check' },
  'pane.action.clearMarks': { vi: 'Xóa đánh dấu', en: 'Clear marks' },
  'pane.action.fill': { vi: 'Điền số liệu', en: 'Fill figures' },
  'pane.action.template': { vi: 'Tạo phụ lục mẫu', en: 'New annex from template' },
  'pane.action.validateAll': { vi: 'Kiểm tra tất cả các trang', en: 'Check all sheets' },
  'pane.action.cancel': { vi: 'Hủy', en: 'Cancel' },
  'pane.action.close': { vi: 'Đóng', en: 'Close' },

  'pane.issues.title': { vi: 'Kết quả kiểm tra', en: 'Check results' },
  'pane.issues.none': {
    vi: 'Không phát hiện lỗi nào trên trang {sheet}.',
    en: 'No issues found on sheet {sheet}.',
  },
  'pane.issues.summary': {
    vi: '{errors} lỗi, {warnings} cảnh báo, {infos} ghi chú',
    en: '{errors} errors, {warnings} warnings, {infos} notes',
  },
  'pane.issues.marked': {
    vi: 'Đã tô màu {count} ô trên bảng tính.',
    en: '{count} cells marked in the workbook.',
  },
  'pane.issues.select': { vi: 'Chọn ô {cell}', en: 'Select cell {cell}' },
  'pane.issues.expected': {
    vi: 'Đúng ra: {expected}; hiện có: {actual}',
    en: 'Expected {expected}; found {actual}',
  },
  'pane.issues.noneInChecked': {
    vi: 'Không thấy lỗi ở các cột đã kiểm tra trên trang {sheet}.',
    en: 'No issues found in the columns checked on sheet {sheet}.',
  },
  'pane.coverage.sheetNotChecked': {
    vi: 'Chưa kiểm tra được trang {sheet}',
    en: 'Sheet {sheet} was not checked',
  },
  'pane.coverage.noTable': {
    vi: 'phuluc không tìm thấy bảng số liệu nào để kiểm tra trên trang này.',
    en: 'phuluc found no table of figures to check on this sheet.',
  },
  'pane.coverage.unchecked': {
    vi: 'Không kiểm tra được {count} cột',
    en: '{count} columns not checked',
  },
  'pane.coverage.uncheckedOne': { vi: 'Không kiểm tra được 1 cột', en: '1 column not checked' },
  'pane.coverage.uncheckedLine': { vi: '{column}: {reason}', en: '{column}: {reason}' },
  'pane.coverage.unconfirmed': {
    vi: 'Quan hệ theo tiêu đề chưa kiểm tra được',
    en: 'Relations stated by the header not checked',
  },
  'pane.coverage.unconfirmedLine': {
    vi: 'Tiêu đề cho thấy {formula} nhưng số liệu chỉ khớp {holds}/{evaluated} dòng: hoặc tiêu đề không đúng ý, hoặc nhiều dòng sai. Xem lại các dòng này.',
    en: 'The header says {formula} but the figures hold on only {holds} of {evaluated} rows: either the header means something else or many rows are wrong. Check these rows.',
  },
  'pane.coverage.reason.no-relation': {
    vi: 'không có quan hệ nào nói cột này phải bằng gì',
    en: 'no relation says what it must equal',
  },
  'pane.coverage.reason.no-evidence': {
    vi: 'số liệu không khớp các quan hệ mà tiêu đề cột gợi ý',
    en: 'its figures do not bear out the relations its header suggests',
  },
  'pane.coverage.reason.not-read': {
    vi: 'nằm ngoài vùng phuluc đọc',
    en: 'beyond what phuluc reads',
  },
  'pane.coverage.column': { vi: 'cột {column} "{header}"', en: 'column {column} "{header}"' },
  'pane.coverage.columnBare': { vi: 'cột {column}', en: 'column {column}' },
  'pane.coverage.checked': { vi: 'Đã kiểm tra {count} cột', en: 'Checked {count} columns' },
  'pane.coverage.checkedOne': { vi: 'Đã kiểm tra 1 cột', en: 'Checked 1 column' },
  'pane.coverage.checkedLine': { vi: '{column}: {kinds}', en: '{column}: {kinds}' },
  'pane.coverage.sheetShort': { vi: 'Chưa kiểm tra được', en: 'Not checked' },
  'pane.relation.foot': { vi: 'tổng cột', en: 'column totals' },
  'pane.relation.sum': { vi: 'cộng ngang', en: 'row sums' },
  'pane.relation.of-which': { vi: 'trong đó', en: 'of-which parts' },
  'pane.relation.difference': { vi: 'hiệu', en: 'differences' },
  'pane.relation.rate': { vi: 'tỷ lệ', en: 'rates' },
  'pane.relation.flow': { vi: 'biến động', en: 'flows' },
  'pane.relation.range': { vi: 'giới hạn', en: 'bounds' },
  'pane.relation.direction': { vi: 'chiều tăng giảm', en: 'direction of change' },
  'pane.severity.error': { vi: 'Lỗi', en: 'Errors' },
  'pane.severity.warning': { vi: 'Cảnh báo', en: 'Warnings' },
  'pane.severity.info': { vi: 'Ghi chú', en: 'Notes' },
  'pane.severity.group': { vi: '{label} ({count})', en: '{label} ({count})' },
  'pane.marks.cleared': {
    vi: 'Đã xóa đánh dấu, định dạng cũ được khôi phục.',
    en: 'Marks cleared; previous formats restored.',
  },
  'pane.marks.none': { vi: 'Không có ô nào đang được đánh dấu.', en: 'No cells are marked.' },
  'pane.marks.note': { vi: 'phuluc: {message}', en: 'phuluc: {message}' },

  'pane.fill.title': { vi: 'Điền số liệu: xem trước', en: 'Fill figures: preview' },
  'pane.fill.summary': {
    vi: 'Sẽ ghi {writes} ô; {conflicts} ô đang có số khác.',
    en: '{writes} cells to write; {conflicts} cells hold a different figure.',
  },
  'pane.fill.nothing': {
    vi: 'Không có ô tổng, tỷ lệ hay mức giảm nào cần điền.',
    en: 'No total, rate or reduction cell needs filling.',
  },
  'pane.fill.conflicts': {
    vi: 'Ô đang có số khác (không ghi nếu không chọn ghi đè)',
    en: 'Cells holding a different figure (not written unless you overwrite)',
  },
  'pane.fill.now': { vi: 'đang có: {content}', en: 'now: {content}' },
  'pane.fill.next': { vi: 'sẽ ghi: {content}', en: 'writes: {content}' },
  'pane.fill.wouldWrite': { vi: 'nếu ghi đè: {content}', en: 'if overwritten: {content}' },
  'pane.fill.formulaResult': { vi: '{formula} (= {value})', en: '{formula} (= {value})' },
  'pane.fill.conflictMark': { vi: 'ghi đè', en: 'overwrite' },
  'pane.fill.text': { vi: 'văn bản "{text}"', en: 'text "{text}"' },
  'pane.fill.group.total': { vi: 'Dòng tổng cộng', en: 'Grand totals' },
  'pane.fill.group.subtotal': { vi: 'Cộng nhóm (dòng cha)', en: 'Subtotals (parent rows)' },
  'pane.fill.group.crossfoot': {
    vi: 'Tổng của dòng (cộng các nguồn)',
    en: 'Row totals (sum of the sources)',
  },
  'pane.fill.group.rate': { vi: 'Tỷ lệ', en: 'Rates' },
  'pane.fill.group.reduction': { vi: 'Mức giảm', en: 'Reductions' },
  'pane.fill.group.difference': { vi: 'Hiệu', en: 'Differences' },
  'pane.fill.group.flow': { vi: 'Cuối kỳ (biến động)', en: 'End of period (flows)' },
  'pane.fill.fedTitle': {
    vi: 'Còn {count} cảnh báo chưa xử lý nằm trong các số tổng sẽ ghi',
    en: '{count} open warnings feed the totals this fill writes',
  },
  'pane.fill.fedIntro': {
    vi: 'Nếu điền ngay, các số tổng sẽ mang theo những sai sót này. Nên sửa các ô dưới đây trước rồi mới điền:',
    en: 'Filling now carries these mistakes into the totals. Fix these cells first, then fill:',
  },
  'pane.fill.fedLine': {
    vi: '{cell}: {problem} — được cộng vào {writes}',
    en: '{cell}: {problem} — added into {writes}',
  },
  'pane.fill.fed.budget/unit-suspect': {
    vi: 'số có thể nhập theo đồng trong trang tính theo triệu đồng',
    en: 'a figure probably typed in đồng in a sheet in million đồng',
  },
  'pane.fill.fed.cell/number-as-text': {
    vi: 'số lưu dạng văn bản, công thức SUM của Excel sẽ bỏ qua',
    en: "a number stored as text, which Excel's SUM leaves out",
  },
  'pane.fill.overwrite': {
    vi: 'Ghi đè {count} ô xung đột',
    en: 'Overwrite the {count} conflicting cells',
  },
  'pane.fill.formulas': {
    vi: 'Ghi công thức (không chỉ giá trị)',
    en: 'Write formulas (not just values)',
  },
  'pane.fill.confirm': { vi: 'Xác nhận điền', en: 'Confirm fill' },
  'pane.fill.done': { vi: 'Đã điền {count} ô.', en: '{count} cells filled.' },
  'pane.action.undoFill': { vi: 'Hoàn tác điền số', en: 'Undo fill' },
  'pane.fill.undone': {
    vi: 'Đã hoàn tác lần điền gần nhất: {count} ô trở lại như trước khi điền.',
    en: 'Last fill undone: {count} cells are as they were before it.',
  },
  'pane.fill.undoneChanged': {
    vi: 'Giữ nguyên {count} ô bạn đã sửa sau khi điền: {cells}.',
    en: 'Left alone {count} cells you changed after the fill: {cells}.',
  },
  'pane.fill.undoNotKept': {
    vi: 'Lần điền này quá lớn để lưu cách hoàn tác trong sổ làm việc; nên lưu một bản sao trước khi điền vùng rất lớn.',
    en: 'This fill is too large to keep its undo in the workbook; save a copy before filling very large areas.',
  },
  'pane.fill.undoScope': {
    vi: 'Chỉ hoàn tác các ô phuluc đã ghi và chưa bị sửa; vẫn dùng được sau khi mở lại tệp.',
    en: 'Undoes only cells phuluc wrote and nobody changed since; works after reopening the file.',
  },
  'pane.fill.excelUndoLost': {
    vi: 'Excel bản này xóa lịch sử Ctrl+Z khi phần bổ trợ ghi; hãy dùng “Hoàn tác điền số”.',
    en: 'This Excel clears its Ctrl+Z history when an add-in writes; use “Undo fill”.',
  },
  'pane.fill.excelUndoKept': {
    vi: 'Ctrl+Z của Excel cũng hoàn tác được, nhưng chỉ “Hoàn tác điền số” giữ các ô bạn đã sửa.',
    en: 'Excel’s Ctrl+Z may undo it too, but only “Undo fill” keeps the cells you changed since.',
  },
  'pane.read.mergesSkipped': {
    vi: 'Một dòng có hơn 512 vùng ô gộp nên trang được đọc không kèm ô gộp; tiêu đề nhiều dòng có thể bị nhận sai.',
    en: 'A row has over 512 merged areas, so the sheet was read without merged cells; multi-row headers may be misread.',
  },
  'pane.all.hidden': {
    vi: 'Không kiểm tra {count} trang ẩn: {sheets}.',
    en: '{count} hidden sheets were not checked: {sheets}.',
  },
  'pane.fill.more': { vi: '… và {count} ô khác', en: '… and {count} more' },
  'pane.value.empty': { vi: '(trống)', en: '(empty)' },

  'pane.template.title': { vi: 'Tạo phụ lục mẫu', en: 'New annex from template' },
  'pane.template.layout': { vi: 'Loại phụ lục', en: 'Annex type' },
  'pane.template.unit': { vi: 'Đơn vị tính', en: 'Unit' },
  'pane.template.unitTrieu': { vi: 'Triệu đồng', en: 'Million đồng' },
  'pane.template.unitDong': { vi: 'Đồng', en: 'Đồng' },
  'pane.template.rows': { vi: 'Số dòng số liệu', en: 'Data rows' },
  'pane.template.defaultName': { vi: 'Phụ lục mới', en: 'New annex' },
  'pane.template.rowsRange': { vi: 'Từ 1 đến 500 dòng.', en: 'From 1 to 500 rows.' },
  'pane.template.sheetName': { vi: 'Tên trang mới', en: 'New sheet name' },
  'pane.template.create': { vi: 'Tạo trang', en: 'Create sheet' },
  'pane.template.done': { vi: 'Đã tạo trang {sheet}.', en: 'Sheet {sheet} created.' },

  'pane.all.title': { vi: 'Tất cả các trang', en: 'All sheets' },
  'pane.all.sheet': { vi: 'Trang', en: 'Sheet' },
  'pane.all.layout': { vi: 'Mẫu', en: 'Layout' },
  'pane.all.errors': { vi: 'Lỗi', en: 'Errors' },
  'pane.all.warnings': { vi: 'Cảnh báo', en: 'Warnings' },
  'pane.all.infos': { vi: 'Ghi chú', en: 'Notes' },
  'pane.all.noLayout': { vi: '(không nhận dạng)', en: '(not recognised)' },
  'pane.all.open': { vi: 'Xem trang {sheet}', en: 'Open sheet {sheet}' },

  'pane.settings.title': { vi: 'Tùy chọn kiểm tra', en: 'Check settings' },
  'pane.settings.tolerance': { vi: 'Sai số cho phép', en: 'Tolerance' },
  'pane.settings.toleranceHint': {
    vi: 'Chênh lệch tối đa (theo đơn vị của trang) được coi là làm tròn. Để trống: tự tính.',
    en: "Largest difference (in the sheet's unit) treated as rounding. Empty: automatic.",
  },
  'pane.settings.counterpart': {
    vi: 'Tỷ lệ vốn đối ứng NSĐP tối thiểu (%)',
    en: 'Minimum local counterpart (%)',
  },
  'pane.settings.counterpartHint': {
    vi: 'Theo QĐ 02/2022/QĐ-TTg; mức của từng tỉnh do người dùng nhập. Để trống: không kiểm tra.',
    en: 'Per Decision 02/2022/QĐ-TTg; enter your province’s tier. Empty: not checked.',
  },
  'pane.settings.assigned': {
    vi: 'Số hộ giảm nghèo được giao',
    en: 'Assigned reduction (households)',
  },
  'pane.settings.assignedHint': {
    vi: 'Tổng mức giảm phải đạt chỉ tiêu cấp trên giao. Để trống: không kiểm tra.',
    en: 'Summed reductions must reach the target assigned from above. Empty: not checked.',
  },
  'pane.settings.layoutFile': {
    vi: 'Mẫu tự định nghĩa (.json)',
    en: 'User-defined layout (.json)',
  },
  'pane.settings.layoutFileHint': {
    vi: 'Thêm một mẫu phụ lục riêng của đơn vị (xem examples/layouts). Tệp chỉ được đọc trên máy này.',
    en: "Add your office's own annex layout (see examples/layouts). The file is read on this computer only.",
  },
  'pane.settings.layoutFileLoaded': {
    vi: 'Đang dùng thêm mẫu "{title}" ({file}).',
    en: 'Also using the layout "{title}" ({file}).',
  },
  'pane.settings.layoutFileInvalid': {
    vi: 'Tệp mẫu chưa đúng: {errors}',
    en: 'The layout file is not valid: {errors}',
  },
  'pane.settings.layoutFileChoose': { vi: 'Chọn tệp mẫu…', en: 'Choose a layout file…' },
  'pane.settings.layoutFileRemove': { vi: 'Bỏ mẫu này', en: 'Remove this layout' },
  'pane.settings.invalid': {
    vi: 'Phải là một số, ví dụ 0,5 hoặc 10.',
    en: 'Must be a number, e.g. 0.5 or 10.',
  },

  'pane.error.title': { vi: 'Không thực hiện được', en: 'Could not complete' },
  'pane.error.cellEdit': {
    vi: 'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để thoát rồi thử lại.',
    en: 'Excel is editing a cell. Press Enter or Esc, then try again.',
  },
  'pane.error.payload': {
    vi: 'Vùng dữ liệu quá lớn để gửi một lần (giới hạn 5 MB của Excel trên web). Hãy thu nhỏ vùng đã dùng của trang.',
    en: 'The data is too large for one request (Excel on the web’s 5 MB limit). Reduce the sheet’s used range.',
  },
  'pane.error.apiNotFound': {
    vi: 'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng (ExcelApi {set}). Hãy cập nhật Office.',
    en: 'This version of Excel lacks a needed feature (ExcelApi {set}). Please update Office.',
  },
  'pane.error.notFound': {
    vi: 'Không tìm thấy trang hoặc ô cần dùng; có thể nó vừa bị xóa hoặc đổi tên.',
    en: 'The sheet or cell was not found; it may have been deleted or renamed.',
  },
  'pane.error.protected': {
    vi: 'Trang tính đang được bảo vệ. Hãy bỏ bảo vệ rồi thử lại.',
    en: 'The sheet is protected. Unprotect it and try again.',
  },
  'pane.error.sheetExists': {
    vi: 'Đã có trang tên “{sheet}”. Hãy chọn tên khác.',
    en: 'A sheet named “{sheet}” already exists. Choose another name.',
  },
  'pane.error.badFile': {
    vi: 'Không đọc được tệp “{name}”. Hãy chọn một tệp Excel .xlsx.',
    en: 'Could not read “{name}”. Choose an Excel .xlsx file.',
  },
  'pane.error.unknown': { vi: 'Đã xảy ra lỗi: {detail}', en: 'Something went wrong: {detail}' },
  'pane.manifest.usage': {
    vi: 'Cách dùng: build:manifest --origin https://máy-chủ-của-đơn-vị/đường-dẫn/ [--out tệp.xml]',
    en: 'Usage: build:manifest --origin https://your-office-server/path/ [--out file.xml]',
  },
  'pane.manifest.badOrigin': {
    vi: '“{origin}” không phải một địa chỉ web đầy đủ (ví dụ https://phuluc.example.vn/). Không được có ?, # hay tên đăng nhập.',
    en: '“{origin}” is not a full web address (e.g. https://phuluc.example.vn/). No ?, # or user name.',
  },
  'pane.manifest.notHttps': {
    vi: '“{origin}” phải dùng https://: Office chỉ nạp phần bổ trợ qua HTTPS.',
    en: '“{origin}” must use https://: Office loads add-ins over HTTPS only.',
  },
  'pane.manifest.written': {
    vi: 'Đã ghi manifest cho {origin} vào {file}.',
    en: 'Manifest for {origin} written to {file}.',
  },
  'pane.action.plan': { vi: 'Đối chiếu kế hoạch', en: 'Compare with the plan' },
  'pane.plan.title': { vi: 'Đối chiếu với văn bản kế hoạch', en: 'Compare with the plan text' },
  'pane.plan.intro': {
    vi: 'Dán văn bản Kế hoạch vào ô dưới đây. phuluc đọc kinh phí từng dự án, tiểu dự án, nguồn vốn và tổng kinh phí rồi đối chiếu với trang {sheet}.',
    en: 'Paste the plan (Kế hoạch) below. phuluc reads the amount of each project and sub-project, its sources and the total, and compares them with sheet {sheet}.',
  },
  'pane.plan.textLabel': { vi: 'Văn bản kế hoạch', en: 'Plan text' },
  'pane.plan.placeholder': {
    vi: 'Ví dụ: 1. Dự án 2: … Kinh phí thực hiện: 3.154 triệu đồng …',
    en: 'E.g. 1. Dự án 2: … Kinh phí thực hiện: 3.154 triệu đồng …',
  },
  'pane.plan.openFile': { vi: 'Mở tệp kế hoạch (.docx, .txt)', en: 'Open plan file (.docx, .txt)' },
  'pane.plan.fileLabel': { vi: 'Tệp kế hoạch (.docx, .txt)', en: 'Plan file (.docx, .txt)' },
  'pane.plan.fileOpened': { vi: 'Đã đọc: {name}', en: 'Read: {name}' },
  'pane.plan.check': { vi: 'Đối chiếu', en: 'Compare' },
  'pane.plan.line': { vi: 'dòng {line}', en: 'line {line}' },
  'pane.plan.total': { vi: 'Tổng', en: 'Total' },
  'pane.plan.amounts': {
    vi: 'Kinh phí trong kế hoạch ({count} khoản)',
    en: 'Amounts in the plan ({count})',
  },
  'pane.plan.noAmounts': {
    vi: 'Không tìm thấy khoản kinh phí nào trong văn bản (cần các câu như "Kinh phí thực hiện: … triệu đồng").',
    en: 'No amount found in the text (it needs sentences like "Kinh phí thực hiện: … triệu đồng").',
  },
  'pane.plan.issues': { vi: 'Kết quả đối chiếu', en: 'Comparison' },
  'pane.plan.agree': {
    vi: 'Kế hoạch và trang {sheet} khớp nhau.',
    en: 'The plan and sheet {sheet} agree.',
  },
  'pane.plan.error.docx': {
    vi: 'Không đọc được tệp Word “{name}”. Hãy lưu lại dưới dạng .docx, hoặc chép văn bản rồi dán vào ô.',
    en: 'Could not read the Word file “{name}”. Save it again as .docx, or copy the text and paste it in.',
  },
  'pane.plan.error.format': {
    vi: 'Tệp “{name}” không phải .docx hay văn bản .txt. Hãy chép văn bản kế hoạch rồi dán vào ô.',
    en: 'File “{name}” is neither a .docx nor a .txt. Copy the plan text and paste it in.',
  },
} satisfies Record<`pane.${string}`, MessageTemplate>;
