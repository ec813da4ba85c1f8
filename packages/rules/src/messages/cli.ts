import type { MessageTemplate } from './types.js';

/**
 * Messages of the command line (`@phuluc/cli`). Keys start with `cli.`.
 * `cli.input.*` name why a workbook cannot be read (also used by `@phuluc/xlsx`' error keys);
 * `cli.error.*` are the one-line failures (exit status 2): each says what to do.
 */
export const cliMessages = {
  // --- unreadable workbooks (codes of @phuluc/xlsx) ---
  'cli.input.empty': {
    vi: 'Tệp "{file}" rỗng (0 byte). Hãy chọn tệp .xlsx có dữ liệu.',
    en: 'File "{file}" is empty (0 bytes). Choose an .xlsx file with data.',
  },
  'cli.input.not-xlsx': {
    vi: 'Tệp "{file}" không phải là sổ tính Excel .xlsx. Mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)".',
    en: 'File "{file}" is not an Excel .xlsx workbook. Open it in Excel and save it as "Excel Workbook (*.xlsx)".',
  },
  'cli.input.old-xls': {
    vi: 'Tệp "{file}" là định dạng Excel cũ (.xls, Excel 97–2003). Mở bằng Excel và lưu lại dưới dạng .xlsx.',
    en: 'File "{file}" is an old Excel format (.xls, Excel 97–2003). Open it in Excel and save it as .xlsx.',
  },
  'cli.input.encrypted': {
    vi: 'Tệp "{file}" được đặt mật khẩu (mã hóa). Mở bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại.',
    en: 'File "{file}" is password-protected (encrypted). Open it in Excel, remove the password (File > Info > Protect Workbook) and save it.',
  },
  'cli.input.ole2': {
    vi: 'Tệp "{file}" là tệp .xls cũ hoặc sổ tính được đặt mật khẩu. Mở bằng Excel, gỡ mật khẩu nếu có và lưu lại dưới dạng .xlsx.',
    en: 'File "{file}" is an old .xls or a password-protected workbook. Open it in Excel, remove any password and save it as .xlsx.',
  },
  'cli.input.corrupt-zip': {
    vi: 'Tệp "{file}" bị hỏng hoặc chưa tải về hết, không mở được. Hãy lấy lại bản gốc hoặc mở bằng Excel để sửa.',
    en: 'File "{file}" is damaged or incomplete and cannot be opened. Get the original again or let Excel repair it.',
  },
  'cli.input.too-large': {
    vi: 'Tệp "{file}" quá lớn để kiểm tra: giải nén ra {size}, vượt giới hạn {limit} của phuluc. Tách sổ tính thành các tệp nhỏ hơn hoặc xóa các trang không cần kiểm tra.',
    en: 'File "{file}" is too large to check: it inflates to {size}, above phuluc\'s limit of {limit}. Split the workbook into smaller files or delete the sheets you do not need checked.',
  },
  'cli.input.zip-bomb': {
    vi: 'Tệp "{file}" bị nén bất thường (tỷ lệ {ratio}, giới hạn {limit}), dấu hiệu của tệp độc hại ("bom zip"); phuluc không mở tệp này. Nếu tệp do đơn vị bạn lập, hãy mở bằng Excel và lưu lại.',
    en: 'File "{file}" is compressed abnormally (ratio {ratio}, limit {limit}), the mark of a malicious file (a "zip bomb"); phuluc will not open it. If your office made the file, open it in Excel and save it again.',
  },

  // --- writes refused rather than damage the workbook (codes of @phuluc/xlsx; nothing written) ---
  'cli.write.strict-ooxml': {
    vi: 'Tệp "{file}" được lưu theo chuẩn "Strict Open XML"; phuluc không ghi vào loại tệp này để khỏi làm hỏng nó, chưa ghi gì. Mở bằng Excel, lưu lại dưới dạng "Excel Workbook (*.xlsx)" rồi chạy lại.',
    en: 'File "{file}" is saved as "Strict Open XML"; phuluc does not write into such files so as not to damage them, nothing was written. Open it in Excel, save it as "Excel Workbook (*.xlsx)" and run again.',
  },
  'cli.write.duplicate-part': {
    vi: 'Tệp "{file}" chứa hai phần cùng tên "{part}" (tệp bị hỏng hoặc bị sửa bằng công cụ khác); phuluc không ghi, chưa ghi gì. Mở bằng Excel và lưu lại rồi chạy lại.',
    en: 'File "{file}" holds two parts named "{part}" (damaged, or edited by another tool); phuluc writes nothing. Open it in Excel, save it again and run again.',
  },
  'cli.write.content-types': {
    vi: 'Tệp "{file}" khai báo sai loại nội dung của phần "{part}" trong [Content_Types].xml; phuluc không ghi, chưa ghi gì. Mở bằng Excel và lưu lại rồi chạy lại.',
    en: 'File "{file}" declares the wrong content type for part "{part}" in [Content_Types].xml; phuluc writes nothing. Open it in Excel, save it again and run again.',
  },
  'cli.write.unexpected-xml': {
    vi: 'Phần "{part}" của tệp "{file}" có cấu trúc XML mà phuluc không sửa an toàn được ({detail}); chưa ghi gì. Mở bằng Excel và lưu lại rồi chạy lại.',
    en: 'Part "{part}" of "{file}" holds XML phuluc cannot change safely ({detail}); nothing was written. Open the file in Excel, save it again and run again.',
  },
  'cli.write.array-formula': {
    vi: 'Ô {cell} của trang "{sheet}" nằm trong công thức mảng {range}; ghi vào sẽ làm hỏng công thức nên phuluc không ghi gì. Bỏ công thức mảng đó trong Excel (hoặc tự điền ô {cell}) rồi chạy lại.',
    en: 'Cell {cell} of sheet "{sheet}" lies in the array formula {range}; writing it would break the formula, so phuluc writes nothing. Remove that array formula in Excel (or fill {cell} yourself) and run again.',
  },
  'cli.write.table-header': {
    vi: 'Ô {cell} của trang "{sheet}" là ô tiêu đề hoặc dòng tổng của bảng Excel "{table}"; phuluc không ghi vào đó, chưa ghi gì. Chuyển bảng về vùng thường (Table Design > Convert to Range) hoặc tự điền ô này rồi chạy lại.',
    en: 'Cell {cell} of sheet "{sheet}" is a header or totals cell of the Excel table "{table}"; phuluc writes nothing there. Convert the table to a range (Table Design > Convert to Range) or fill this cell yourself, and run again.',
  },
  'cli.write.pivot-table': {
    vi: 'Ô {cell} của trang "{sheet}" nằm trong bảng tổng hợp (PivotTable) "{table}"; ghi vào sẽ làm hỏng bảng nên phuluc không ghi gì. Dời bảng tổng hợp ra xa phụ lục (hoặc tự điền ô này) rồi chạy lại.',
    en: 'Cell {cell} of sheet "{sheet}" lies in the pivot table "{table}"; writing it would break the pivot table, so phuluc writes nothing. Move the pivot table away from the annex (or fill this cell yourself) and run again.',
  },
  'cli.write.shared-formula': {
    vi: 'Ô {cell} của trang "{sheet}" là ô gốc của công thức dùng chung cho {range}; ghi đè sẽ làm đổi công thức của các ô kia nên phuluc không ghi gì. Trong Excel, gõ lại công thức ô {cell} (hoặc xóa nó) rồi lưu và chạy lại.',
    en: 'Cell {cell} of sheet "{sheet}" is the master of a formula shared with {range}; writing it would change the other cells\' formulas, so phuluc writes nothing. Retype (or clear) the formula of {cell} in Excel, save, and run again.',
  },

  // --- one-line failures (exit 2) ---
  'cli.error.file-not-found': {
    vi: 'Không tìm thấy tệp "{file}". Kiểm tra đường dẫn.',
    en: 'File not found: "{file}". Check the path.',
  },
  'cli.error.is-directory': {
    vi: '"{file}" là một thư mục, không phải tệp. Hãy chỉ ra một tệp .xlsx.',
    en: '"{file}" is a folder, not a file. Give the path of an .xlsx file.',
  },
  'cli.error.no-permission': {
    vi: 'Không có quyền đọc tệp "{file}". Kiểm tra quyền truy cập hoặc đóng chương trình đang khóa tệp.',
    en: 'No permission to read "{file}". Check its permissions or close the program that locks it.',
  },
  'cli.error.cannot-read': {
    vi: 'Không đọc được tệp "{file}" ({reason}). Kiểm tra tệp rồi thử lại.',
    en: 'Cannot read "{file}" ({reason}). Check the file and try again.',
  },
  'cli.error.unknown-sheet': {
    vi: 'Không có trang tính "{sheet}" trong sổ tính. Các trang tính hiện có: {sheets}.',
    en: 'No sheet named "{sheet}" in the workbook. Its sheets are: {sheets}.',
  },
  'cli.error.unknown-template': {
    vi: 'Không có mẫu "{id}". Chọn một trong: {ids} (xem "phuluc templates").',
    en: 'Unknown template "{id}". Choose one of: {ids} (see "phuluc templates").',
  },
  'cli.error.bad-layout-file': {
    vi: 'Tệp mẫu "{file}" chưa đúng: {errors}. Sửa tệp theo examples/layouts/README.md.',
    en: 'The layout file "{file}" is not valid: {errors}. Fix it as examples/layouts/README.md describes.',
  },
  'cli.error.unknown-command': {
    vi: 'Không có lệnh "{command}". Các lệnh: {commands}. Xem "phuluc --help".',
    en: 'Unknown command "{command}". Commands: {commands}. See "phuluc --help".',
  },
  'cli.error.unknown-option': {
    vi: 'Không có tùy chọn "{option}". Xem "phuluc {command} --help".',
    en: 'Unknown option "{option}". See "phuluc {command} --help".',
  },
  'cli.error.missing-value': {
    vi: 'Tùy chọn "{option}" cần một giá trị. Xem "phuluc {command} --help".',
    en: 'Option "{option}" needs a value. See "phuluc {command} --help".',
  },
  'cli.error.no-value-expected': {
    vi: 'Tùy chọn "{option}" không nhận giá trị. Xem "phuluc {command} --help".',
    en: 'Option "{option}" takes no value. See "phuluc {command} --help".',
  },
  'cli.error.extra-argument': {
    vi: 'Thừa tham số "{arg}". Mỗi lần chỉ xử lý một tệp; xem "phuluc {command} --help".',
    en: 'Unexpected argument "{arg}". One file at a time; see "phuluc {command} --help".',
  },
  'cli.error.bad-option': {
    vi: 'Tùy chọn không hợp lệ: {detail}. Xem "phuluc --help".',
    en: 'Invalid option: {detail}. See "phuluc --help".',
  },
  'cli.error.bad-value': {
    vi: 'Giá trị "{value}" không hợp lệ cho {option}. Chọn một trong: {allowed}.',
    en: 'Invalid value "{value}" for {option}. Choose one of: {allowed}.',
  },
  'cli.error.bad-number': {
    vi: 'Giá trị "{value}" của {option} không phải là số không âm (ví dụ 0,5 hoặc 10).',
    en: 'Value "{value}" of {option} is not a non-negative number (e.g. 0.5 or 10).',
  },
  'cli.error.bad-integer': {
    vi: 'Giá trị "{value}" của {option} phải là số nguyên từ {min} đến {max}.',
    en: 'Value "{value}" of {option} must be a whole number from {min} to {max}.',
  },
  'cli.error.missing-file': {
    vi: 'Thiếu tệp cần xử lý. Ví dụ: phuluc {command} PL02.xlsx',
    en: 'No file given. Example: phuluc {command} PL02.xlsx',
  },
  'cli.error.missing-template-id': {
    vi: 'Thiếu mã mẫu. Ví dụ: phuluc template budget-allocation -o PL01.xlsx (xem "phuluc templates").',
    en: 'No template id given. Example: phuluc template budget-allocation -o PL01.xlsx (see "phuluc templates").',
  },
  'cli.error.missing-output': {
    vi: 'Thiếu tệp kết quả. Thêm -o TEN_TEP.xlsx (lệnh {command} không bao giờ ghi đè tệp gốc).',
    en: 'No output file given. Add -o NAME.xlsx ({command} never writes the input file).',
  },
  'cli.error.output-exists': {
    vi: 'Tệp kết quả "{file}" đã có. Chọn tên khác hoặc thêm --overwrite để ghi đè.',
    en: 'Output file "{file}" already exists. Choose another name or add --overwrite to replace it.',
  },
  'cli.error.output-is-input': {
    vi: 'Tệp kết quả "{file}" trùng với tệp gốc. Chọn tên khác: phuluc không bao giờ ghi vào tệp gốc.',
    en: 'Output file "{file}" is the input file. Choose another name: phuluc never writes the input.',
  },
  'cli.error.output-dir-missing': {
    vi: 'Thư mục "{dir}" của tệp kết quả "{file}" không tồn tại. Tạo thư mục trước hoặc chọn đường dẫn khác.',
    en: 'Folder "{dir}" of output file "{file}" does not exist. Create it first or choose another path.',
  },
  'cli.error.cannot-write': {
    vi: 'Không ghi được tệp "{file}" ({reason}). Kiểm tra quyền ghi và dung lượng đĩa, hoặc đóng tệp nếu đang mở trong Excel.',
    en: 'Cannot write "{file}" ({reason}). Check write permission and disk space, or close the file if Excel has it open.',
  },
  'cli.error.unexpected': {
    vi: 'Lỗi không mong đợi: {reason}. Hãy báo lỗi kèm tệp mẫu (đặt PHULUC_DEBUG=1 để xem chi tiết).',
    en: 'Unexpected error: {reason}. Please report it with a sample file (set PHULUC_DEBUG=1 for details).',
  },

  // --- validate ---
  'cli.severity.error': { vi: 'lỗi', en: 'error' },
  'cli.severity.warning': { vi: 'cảnh báo', en: 'warning' },
  'cli.severity.info': { vi: 'thông tin', en: 'info' },
  'cli.validate.sheet': {
    vi: 'Trang tính "{sheet}" — mẫu: {layout} ({title})',
    en: 'Sheet "{sheet}" — layout: {layout} ({title})',
  },
  'cli.validate.sheet-no-layout': {
    vi: 'Trang tính "{sheet}" — không khớp mẫu phụ lục nào',
    en: 'Sheet "{sheet}" — fits no annex layout',
  },
  'cli.validate.sheet-not-checked': {
    vi: 'Trang tính "{sheet}" — không kiểm tra được',
    en: 'Sheet "{sheet}" — could not be checked',
  },
  'cli.validate.no-issues': { vi: 'Không có vấn đề.', en: 'No issues.' },
  'cli.validate.no-issues-in-checked': {
    vi: 'Không thấy lỗi ở những gì đã kiểm tra (xem các dòng "Không kiểm tra" / "Chưa kiểm tra được" bên dưới).',
    en: 'No issues in what was checked (see the "Not checked" lines below).',
  },
  'cli.validate.checked': {
    vi: 'Đã kiểm tra {count} cột số: {columns}.',
    en: 'Checked {count} numeric columns: {columns}.',
  },
  'cli.validate.unchecked': { vi: 'Không kiểm tra: {columns}.', en: 'Not checked: {columns}.' },
  'cli.validate.unchecked-column': {
    vi: 'cột {column} "{header}"',
    en: 'column {column} "{header}"',
  },
  'cli.validate.unchecked.no-relation': {
    vi: 'không quan hệ nào nói cột này phải bằng gì',
    en: 'no relation says what it must equal',
  },
  'cli.validate.unchecked.no-evidence': {
    vi: 'số liệu không khớp quan hệ mà tiêu đề gợi ý',
    en: 'its figures do not bear out the relations its header suggests',
  },
  'cli.validate.unchecked.not-read': {
    vi: 'nằm ngoài vùng phuluc đọc',
    en: 'beyond what phuluc reads',
  },
  'cli.summary.unchecked': {
    vi: '{count} cột số không kiểm tra được.',
    en: '{count} numeric columns could not be checked.',
  },
  'cli.validate.unconfirmed': {
    vi: 'Chưa kiểm tra được: tiêu đề cho thấy {formula} nhưng số liệu chỉ khớp {holds}/{evaluated} dòng — hoặc tiêu đề không đúng ý, hoặc nhiều dòng sai. Xem lại các dòng này.',
    en: 'Not checked: the header says {formula} but the figures hold on only {holds} of {evaluated} rows — either the header means something else or many rows are wrong. Check these rows.',
  },
  'cli.summary.unconfirmed': {
    vi: '{count} quan hệ theo tiêu đề chưa kiểm tra được.',
    en: '{count} relations stated by headers could not be checked.',
  },
  'cli.validate.expected': { vi: 'cần {value}', en: 'expected {value}' },
  'cli.validate.actual': { vi: 'thực tế {value}', en: 'actual {value}' },
  'cli.summary': {
    vi: 'Tổng kết: {errors} lỗi, {warnings} cảnh báo, {infos} thông tin.',
    en: 'Summary: {errors} errors, {warnings} warnings, {infos} infos.',
  },
  'cli.progress': {
    vi: 'Đang xử lý trang tính {index}/{count}: "{sheet}"…',
    en: 'Working on sheet {index}/{count}: "{sheet}"…',
  },

  // --- fill ---
  'cli.fill.header': { vi: '{file} → {output}', en: '{file} → {output}' },
  'cli.fill.sheet-skipped': {
    vi: 'Trang tính "{sheet}" — không khớp mẫu phụ lục nào: bỏ qua',
    en: 'Sheet "{sheet}" — fits no annex layout: skipped',
  },
  'cli.fill.sheet-not-filled': {
    vi: 'Trang tính "{sheet}" — không điền được, giữ nguyên: {reason}',
    en: 'Sheet "{sheet}" — could not be filled, left as it was: {reason}',
  },
  'cli.fill.nothing': { vi: 'Không có ô nào cần điền.', en: 'Nothing to fill.' },
  'cli.fill.write': { vi: 'ghi {what} ({role})', en: 'wrote {what} ({role})' },
  'cli.fill.role.total': { vi: 'dòng tổng', en: 'total' },
  'cli.fill.role.subtotal': { vi: 'tổng nhóm', en: 'subtotal' },
  'cli.fill.role.crossfoot': { vi: 'tổng các nguồn', en: 'sum of sources' },
  'cli.fill.role.rate': { vi: 'tỷ lệ', en: 'rate' },
  'cli.fill.role.reduction': { vi: 'mức giảm', en: 'reduction' },
  'cli.fill.role.difference': { vi: 'hiệu', en: 'difference' },
  'cli.fill.role.flow': { vi: 'cuối kỳ (biến động)', en: 'end of period (flow)' },
  'cli.fill.more-writes': { vi: '… và {count} ô khác', en: '… and {count} more cells' },
  'cli.fill.conflict-kept': {
    vi: 'giữ nguyên {existing}; giá trị tính được là {computed}',
    en: 'kept {existing}; the computed value is {computed}',
  },
  'cli.fill.conflict-overwritten': {
    vi: 'đã ghi đè {existing} bằng {computed}',
    en: 'replaced {existing} with {computed}',
  },
  'cli.fill.summary': {
    vi: 'Đã ghi {writes} ô vào "{output}"; {conflicts} ô khác giá trị tính được được giữ nguyên.',
    en: 'Wrote {writes} cells to "{output}"; {conflicts} cells that differ from the computed value were kept.',
  },
  'cli.fill.hint-overwrite-cells': {
    vi: 'Kiểm tra các ô được giữ nguyên; thêm --overwrite-cells để ghi đè chúng bằng giá trị tính được.',
    en: 'Check the kept cells; add --overwrite-cells to replace them with the computed values.',
  },

  // --- template / templates ---
  'cli.template.written': {
    vi: 'Đã tạo "{output}": trang tính "{sheet}", mẫu {layout} ({title}).',
    en: 'Created "{output}": sheet "{sheet}", layout {layout} ({title}).',
  },
  'cli.templates.required': { vi: 'bắt buộc', en: 'required' },
  'cli.templates.optional': { vi: 'không bắt buộc', en: 'optional' },
  'cli.templates.kind.text': { vi: 'chữ', en: 'text' },
  'cli.templates.kind.count': { vi: 'số đếm', en: 'count' },
  'cli.templates.kind.money': { vi: 'số tiền', en: 'money' },
  'cli.templates.kind.percent': { vi: 'tỷ lệ %', en: 'percent' },
  'cli.templates.kind.code': { vi: 'mã', en: 'code' },
  'cli.templates.hint': {
    vi: 'Tạo tệp mẫu: phuluc template <mã> -o PL01.xlsx',
    en: 'Create a template: phuluc template <id> -o PL01.xlsx',
  },

  // --- phuluc serve (the local HTTP service): one line each, as in a JSON error ---
  'cli.serve.listening': {
    vi: 'phuluc serve đang chạy tại {url} (tối đa {concurrency} yêu cầu cùng lúc, hàng đợi {queue}, mỗi yêu cầu {timeout} giây). Nhấn Ctrl+C để dừng.',
    en: 'phuluc serve is listening on {url} (at most {concurrency} requests at once, queue {queue}, {timeout} s per request). Press Ctrl+C to stop.',
  },
  'cli.serve.not-found': {
    vi: 'Không có địa chỉ {method} {path}. Các địa chỉ: {routes} (xem /openapi.json).',
    en: 'There is no {method} {path}. Routes: {routes} (see /openapi.json).',
  },
  'cli.serve.method': {
    vi: '{path} không nhận phương thức {method}; dùng {allowed}.',
    en: '{path} does not take {method}; use {allowed}.',
  },
  'cli.serve.content-type': {
    vi: 'Kiểu nội dung "{type}" không được nhận ở {path}; gửi {expected}.',
    en: 'Content type "{type}" is not accepted at {path}; send {expected}.',
  },
  'cli.serve.too-large': {
    vi: 'Nội dung gửi lên quá lớn (trên {limit}). Tách sổ tính thành các tệp nhỏ hơn.',
    en: 'The upload is too large (over {limit}). Split the workbook into smaller files.',
  },
  'cli.serve.incomplete': {
    vi: 'Nội dung gửi lên không đủ: nhận {received} trên {expected} byte đã khai báo. Gửi lại toàn bộ tệp.',
    en: 'The upload is incomplete: {received} of the {expected} bytes it declared arrived. Send the whole file again.',
  },
  'cli.serve.busy': {
    vi: 'Dịch vụ đang bận ({active} yêu cầu đang chạy, {queued} đang chờ). Thử lại sau ít giây.',
    en: 'The service is busy ({active} requests running, {queued} waiting). Try again in a few seconds.',
  },
  'cli.serve.timeout': {
    vi: 'Yêu cầu chạy quá {seconds} giây và đã bị dừng. Kiểm tra từng trang tính (tham số sheet) hoặc tách sổ tính.',
    en: 'The request ran for more than {seconds} seconds and was stopped. Check one sheet at a time (the sheet parameter) or split the workbook.',
  },
  'cli.serve.option-not-allowed': {
    vi: 'Tham số {option} không dùng được qua dịch vụ (dịch vụ không đọc hay ghi tệp trên máy). Bỏ tham số này.',
    en: 'Parameter {option} cannot be used through the service (it reads and writes no files on this computer). Leave it out.',
  },
  'cli.serve.multipart': {
    vi: 'Nội dung multipart/form-data không đọc được ({reason}). Gửi phần "plan" (và "annex" nếu cần) đúng chuẩn.',
    en: 'The multipart/form-data body cannot be read ({reason}). Send a well-formed "plan" part (and "annex" if needed).',
  },
  'cli.serve.cannot-listen': {
    vi: 'Không mở được cổng {host}:{port} ({reason}). Chọn cổng khác với --port.',
    en: 'Cannot listen on {host}:{port} ({reason}). Choose another port with --port.',
  },

  // --- help ---
  'cli.help': {
    vi: `phuluc {version} — kiểm tra và điền các phụ lục kế hoạch giảm nghèo (Excel .xlsx)

Cách dùng:
  phuluc validate TỆP.xlsx [--sheet TÊN] [--template MÃ] [--layout-file L.json] [--format text|json]
                  [--tolerance N] [--counterpart-ratio P%] [--assigned-reduction N]
  phuluc fill TỆP.xlsx -o KẾT_QUẢ.xlsx [--sheet TÊN] [--template MÃ] [--layout-file L.json]
                  [--format text|json] [--values] [--overwrite] [--overwrite-cells]
  phuluc template MÃ -o TỆP.xlsx [--year NĂM] [--unit trieu|dong] [--rows SỐ] [--overwrite]
  phuluc templates [--format text|json]
  phuluc plan KẾ_HOẠCH.txt|.docx [--annex TỆP.xlsx] [--sheet TÊN] [--tolerance N] [--format text|json]
  phuluc serve [--host ĐỊA_CHỈ] [--port SỐ] [--concurrency SỐ] [--queue SỐ] [--timeout GIÂY]

Tùy chọn chung:
  --lang vi|en     ngôn ngữ thông báo (mặc định: vi)
  -h, --help       trợ giúp (phuluc LỆNH --help cho từng lệnh)
  -V, --version    phiên bản

Mã thoát: 0 không có lỗi, 1 có lỗi trong phụ lục, 2 không dùng được tệp hoặc tùy chọn.`,
    en: `phuluc {version} — check and fill the annexes of poverty-reduction plans (Excel .xlsx)

Usage:
  phuluc validate FILE.xlsx [--sheet NAME] [--template ID] [--layout-file L.json] [--format text|json]
                  [--tolerance N] [--counterpart-ratio P%] [--assigned-reduction N]
  phuluc fill FILE.xlsx -o OUT.xlsx [--sheet NAME] [--template ID] [--layout-file L.json]
                  [--format text|json] [--values] [--overwrite] [--overwrite-cells]
  phuluc template ID -o OUT.xlsx [--year N] [--unit trieu|dong] [--rows N] [--overwrite]
  phuluc templates [--format text|json]
  phuluc plan PLAN.txt|.docx [--annex FILE.xlsx] [--sheet NAME] [--tolerance N] [--format text|json]
  phuluc serve [--host ADDRESS] [--port N] [--concurrency N] [--queue N] [--timeout SECONDS]

Common options:
  --lang vi|en     language of messages (default: vi)
  -h, --help       help (phuluc COMMAND --help for one command)
  -V, --version    version

Exit status: 0 no error, 1 the annex has errors, 2 unusable file or options.`,
  },
  'cli.help.validate': {
    vi: `phuluc validate TỆP.xlsx — kiểm tra từng trang tính (hoặc một trang tính) của sổ tính

  --sheet TÊN                chỉ kiểm tra trang tính này
  --template MÃ              dùng mẫu này thay vì tự nhận dạng (xem phuluc templates)
  --layout-file TỆP.json     thêm một mẫu tự định nghĩa (xem examples/layouts/README.md)
  --format text|json         kiểu kết quả (mặc định: text)
  --lang vi|en               ngôn ngữ thông báo
  --tolerance N              chênh lệch tối đa coi là làm tròn (theo đơn vị của bảng)
  --counterpart-ratio P      tỷ lệ vốn đối ứng NSĐP tối thiểu, % (30 hoặc 30%; tắt nếu không đặt)
  --assigned-reduction N     số hộ nghèo giảm được giao từ cấp trên (tắt nếu không đặt)

Trang tính không khớp mẫu nào được báo với mẫu null; đó không phải là lỗi.
Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không dùng được tệp hoặc tùy chọn.`,
    en: `phuluc validate FILE.xlsx — check every sheet (or one) of a workbook

  --sheet NAME               check this sheet only
  --template ID              use this layout instead of detecting one (see phuluc templates)
  --layout-file FILE.json    add a user-defined layout (see examples/layouts/README.md)
  --format text|json         output format (default: text)
  --lang vi|en               language of messages
  --tolerance N              largest difference still treated as rounding (in the sheet's unit)
  --counterpart-ratio P      minimum NSĐP counterpart share, % (30 or 30%; off unless set)
  --assigned-reduction N     poor households the reductions must reach (off unless set)

A sheet that fits no layout is reported with template null; that is not a failure.
Exit status: 0 no error, 1 errors found, 2 unusable file or options.`,
  },
  'cli.help.fill': {
    vi: `phuluc fill TỆP.xlsx -o KẾT_QUẢ.xlsx — điền các ô tổng, tổng nguồn, tỷ lệ, mức giảm vào một bản sao

  -o, --output TỆP           tệp kết quả (bắt buộc; không bao giờ ghi vào tệp gốc)
  --values                   ghi số thay vì công thức
  --overwrite                thay thế tệp kết quả nếu đã có
  --overwrite-cells          ghi đè cả các ô đang có giá trị khác giá trị tính được
  --sheet TÊN                chỉ điền trang tính này
  --template MÃ              dùng mẫu này thay vì tự nhận dạng
  --layout-file TỆP.json     thêm một mẫu tự định nghĩa (xem examples/layouts/README.md)
  --format text|json         kiểu báo cáo (mặc định: text)
  --lang vi|en               ngôn ngữ thông báo`,
    en: `phuluc fill FILE.xlsx -o OUT.xlsx — fill totals, source sums, rates and reductions into a copy

  -o, --output FILE          output file (required; the input is never written)
  --values                   write numbers instead of formulas
  --overwrite                replace the output file if it exists
  --overwrite-cells          also replace cells that hold a value other than the computed one
  --sheet NAME               fill this sheet only
  --template ID              use this layout instead of detecting one
  --layout-file FILE.json    add a user-defined layout (see examples/layouts/README.md)
  --format text|json         report format (default: text)
  --lang vi|en               language of messages`,
  },
  'cli.help.template': {
    vi: `phuluc template MÃ -o TỆP.xlsx — tạo một phụ lục trống theo mẫu

  -o, --output TỆP           tệp cần tạo (bắt buộc)
  --year NĂM                 năm kế hoạch
  --unit trieu|dong          đơn vị tiền (mặc định: trieu)
  --rows SỐ                  số dòng trống
  --overwrite                thay thế tệp nếu đã có
  --lang vi|en               ngôn ngữ thông báo`,
    en: `phuluc template ID -o OUT.xlsx — create an empty annex from a layout

  -o, --output FILE          file to create (required)
  --year N                   plan year
  --unit trieu|dong          money unit (default: trieu)
  --rows N                   number of empty rows
  --overwrite                replace the file if it exists
  --lang vi|en               language of messages`,
  },
  'cli.help.templates': {
    vi: `phuluc templates — liệt kê các mẫu phụ lục và các cột của chúng

  --format text|json         kiểu kết quả (mặc định: text)
  --lang vi|en               ngôn ngữ`,
    en: `phuluc templates — list the annex layouts and their columns

  --format text|json         output format (default: text)
  --lang vi|en               language`,
  },
  'cli.help.serve': {
    vi: `phuluc serve — dịch vụ HTTP trên máy này cho các hệ thống khác (.NET, Java …): gửi sổ tính, nhận báo cáo JSON

  --host ĐỊA_CHỈ             địa chỉ lắng nghe (mặc định: 127.0.0.1, chỉ máy này)
  --port SỐ                  cổng (mặc định: 8787; 0 = cổng trống bất kỳ)
  --concurrency SỐ           số yêu cầu chạy cùng lúc (mặc định: 2)
  --queue SỐ                 số yêu cầu được chờ; quá số này trả 503 (mặc định: 8)
  --timeout GIÂY             thời gian tối đa của một yêu cầu (mặc định: 60)
  --lang vi|en               ngôn ngữ của dòng thông báo khi khởi động

Địa chỉ: POST /v1/validate, POST /v1/fill, POST /v1/plan, GET /healthz, GET /openapi.json.
Dịch vụ không ghi nội dung tệp vào nhật ký và không đọc hay ghi tệp trên máy.`,
    en: `phuluc serve — an HTTP service on this computer for other systems (.NET, Java …): post a workbook, get the JSON report

  --host ADDRESS             address to listen on (default: 127.0.0.1, this computer only)
  --port N                   port (default: 8787; 0 = any free port)
  --concurrency N            requests run at once (default: 2)
  --queue N                  requests allowed to wait; beyond that 503 (default: 8)
  --timeout SECONDS          longest a request may run (default: 60)
  --lang vi|en               language of the start-up line

Routes: POST /v1/validate, POST /v1/fill, POST /v1/plan, GET /healthz, GET /openapi.json.
Nothing of the files is logged; no file on this computer is read or written.`,
  },
  // --- plan ---
  'cli.plan.amounts': { vi: 'Kinh phí ghi trong kế hoạch:', en: 'Amounts in the plan:' },
  'cli.plan.line': { vi: 'dòng {line}', en: 'line {line}' },
  'cli.plan.total': { vi: 'Tổng kinh phí', en: 'Total' },
  'cli.plan.central': { vi: 'NSTW {value}', en: 'central {value}' },
  'cli.plan.local': { vi: 'NSĐP {value}', en: 'local {value}' },
  'cli.plan.other': { vi: 'nguồn khác {value}', en: 'other sources {value}' },
  'cli.plan.targets': { vi: 'Chỉ tiêu giảm nghèo:', en: 'Poverty targets:' },
  'cli.plan.target.rate': {
    vi: 'tỷ lệ hộ nghèo {start}% → {end}%',
    en: 'poverty rate {start}% → {end}%',
  },
  'cli.plan.target.reduction': { vi: 'giảm {value} điểm %', en: 'down {value} points' },
  'cli.plan.target.count': {
    vi: 'hộ nghèo {start} → {end}',
    en: 'poor households {start} → {end}',
  },
  'cli.plan.target.count-reduction': { vi: 'giảm {value} hộ', en: 'down {value} households' },
  'cli.plan.target.households': {
    vi: 'khoảng {value} hộ trên địa bàn',
    en: 'about {value} households in all',
  },
  'cli.plan.nothing': {
    vi: 'Không tìm thấy khoản kinh phí hay chỉ tiêu giảm nghèo nào trong văn bản.',
    en: 'No amount and no poverty target was found in the text.',
  },
  'cli.plan.annex': {
    vi: 'Đối chiếu với phụ lục "{file}", trang tính "{sheet}"',
    en: 'Compared with annex "{file}", sheet "{sheet}"',
  },
  'cli.plan.issues': { vi: 'Kết quả kiểm tra:', en: 'Checks:' },
  'cli.plan.no-issues': {
    vi: 'Không có vấn đề: các con số khớp nhau.',
    en: 'No issues: the figures agree.',
  },
  'cli.plan.error.empty': {
    vi: 'Tệp kế hoạch "{file}" không có chữ nào. Hãy chọn tệp .txt hoặc .docx có nội dung kế hoạch.',
    en: 'Plan file "{file}" holds no text. Choose a .txt or .docx file with the plan in it.',
  },
  'cli.plan.error.docx': {
    vi: 'Không đọc được tệp Word "{file}" (không phải .docx hoặc bị hỏng). Mở bằng Word và lưu lại dưới dạng .docx, hoặc lưu thành văn bản .txt.',
    en: 'Cannot read Word file "{file}" (not a .docx, or damaged). Open it in Word and save it as .docx, or save it as plain text (.txt).',
  },
  'cli.plan.error.doc': {
    vi: 'Tệp "{file}" là định dạng Word cũ (.doc) hoặc được đặt mật khẩu. Mở bằng Word, gỡ mật khẩu nếu có và lưu lại dưới dạng .docx.',
    en: 'File "{file}" is an old Word format (.doc) or password-protected. Open it in Word, remove any password and save it as .docx.',
  },
  'cli.plan.error.pdf': {
    vi: 'Tệp "{file}" là PDF; phuluc chỉ đọc .txt và .docx. Chép văn bản kế hoạch ra tệp .txt (hoặc nhận dạng chữ OCR) rồi thử lại.',
    en: 'File "{file}" is a PDF; phuluc reads only .txt and .docx. Copy the plan text into a .txt file (or OCR it) and try again.',
  },
  'cli.plan.error.not-text': {
    vi: 'Tệp "{file}" không phải văn bản (UTF-8) hay tệp Word .docx. Lưu kế hoạch dưới dạng .txt (UTF-8) hoặc .docx rồi thử lại.',
    en: 'File "{file}" is neither text (UTF-8) nor a Word .docx. Save the plan as .txt (UTF-8) or .docx and try again.',
  },
  'cli.help.plan': {
    vi: `phuluc plan KẾ_HOẠCH.txt|.docx — đọc kinh phí, nguồn vốn và chỉ tiêu giảm nghèo trong văn bản kế hoạch, kiểm tra chúng khớp nhau và khớp với phụ lục

  --annex TỆP.xlsx           đối chiếu với phụ lục phân bổ kinh phí trong sổ tính này
  --sheet TÊN                trang tính của phụ lục (mặc định: trang phân bổ kinh phí đầu tiên)
  --tolerance N              chênh lệch tối đa chấp nhận được (mặc định: theo độ chính xác của số)
  --format text|json         kiểu kết quả (mặc định: text)
  --lang vi|en               ngôn ngữ thông báo

Mã thoát: 0 không có lỗi, 1 có số liệu không khớp, 2 không dùng được tệp hoặc tùy chọn.`,
    en: `phuluc plan PLAN.txt|.docx — read the amounts, funding split and poverty targets of a plan's text, check that they agree with each other and with the annex

  --annex FILE.xlsx          compare with the budget-allocation annex in this workbook
  --sheet NAME               the annex sheet (default: the first budget-allocation sheet)
  --tolerance N              largest difference accepted (default: the figures' own precision)
  --format text|json         output format (default: text)
  --lang vi|en               language of messages

Exit status: 0 no error, 1 figures disagree, 2 unusable file or options.`,
  },
} satisfies Record<`cli.${string}`, MessageTemplate>;
