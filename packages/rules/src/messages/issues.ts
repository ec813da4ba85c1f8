import type { MessageTemplate } from './types.js';

/**
 * Messages of the issues, keyed `issue.<code>` (plus variants). Each says what is wrong
 * and what to change. Numbers arrive already formatted for the language.
 */
export const issueMessages = {
  'issue.header/unknown-layout': {
    vi: 'Trang này không khớp mẫu phụ lục nào (gần nhất: {closest}). Nếu đây là phụ lục, hãy kiểm tra dòng tiêu đề cột hoặc chọn mẫu bằng tay.',
    en: 'This sheet fits no annex layout (closest: {closestEn}). If it is an annex, check its column headers or choose the layout yourself.',
  },
  'issue.header/unknown-layout.no-guess': {
    vi: 'không mẫu nào gần',
    en: 'none is close',
  },
  'issue.header/unknown-layout.structure': {
    vi: 'Trang này không khớp mẫu phụ lục nào (gần nhất: {closest}), nên phuluc kiểm tra theo cấu trúc của chính bảng: tiêu đề cột, các dòng tổng và số liệu. Nếu đây là một mẫu có sẵn, hãy chọn mẫu bằng tay để kiểm tra đủ.',
    en: 'This sheet fits no annex layout (closest: {closestEn}), so phuluc checks it by its own structure: column headers, total rows and figures. If it is one of the layouts, choose it yourself for the full checks.',
  },
  'issue.header/missing-column': {
    vi: 'Thiếu cột bắt buộc "{column}" của mẫu {layout}. Thêm cột này hoặc sửa tiêu đề cột cho đúng.',
    en: 'The required column "{columnEn}" of layout {layout} is missing. Add it or correct its header.',
  },
  'issue.cell/error-value': {
    vi: 'Ô chứa lỗi {error}. Sửa công thức hoặc số liệu của ô này.',
    en: 'The cell holds the error {error}. Fix its formula or value.',
  },
  'issue.cell/not-number': {
    vi: 'Cột "{column}" cần số, nhưng ô chứa "{text}". Nhập số hoặc để trống.',
    en: 'Column "{columnEn}" needs a number, but the cell holds "{text}". Type a number or leave it empty.',
  },
  'issue.cell/number-as-text': {
    vi: 'Số "{text}" đang được lưu dạng văn bản nên Excel không cộng được. Chuyển ô sang dạng số ({value}).',
    en: 'The number "{text}" is stored as text, so Excel will not add it. Convert the cell to a number ({value}).',
  },
  'issue.cell/ambiguous-number': {
    vi: '"{text}" có thể là {vi} (cách viết Việt Nam) hoặc {en} (cách viết tiếng Anh). Đang hiểu là {chosen}; hãy nhập lại dạng số để khỏi nhầm.',
    en: '"{text}" may mean {vi} (Vietnamese style) or {en} (English style). Read as {chosen}; retype it as a number to remove the doubt.',
  },
  'issue.cell/negative': {
    vi: 'Số âm ({actual}) trong cột "{column}". Số tiền và số hộ không được âm: kiểm tra lại dấu.',
    en: 'A negative value ({actual}) in column "{columnEn}". Amounts and counts cannot be negative: check the sign.',
  },
  'issue.cell/not-whole': {
    vi: 'Số hộ phải là số nguyên, ô ghi {actual}. Làm tròn hoặc sửa lại.',
    en: 'A household count must be whole; the cell holds {actual}. Round or correct it.',
  },
  'issue.cell/precision': {
    vi: 'Ô ghi {actual} có {places} chữ số thập phân, nhiều hơn mức {max} của đơn vị {unit}. Làm tròn cho đúng đơn vị.',
    en: 'The cell holds {actual} with {places} decimal places, more than the {max} that {unitEn} carries. Round it to the unit.',
  },
  'issue.sum/foot': {
    vi: 'Dòng "{label}" ghi {actual} nhưng tổng các dòng con ({rows}) là {expected}, lệch {diff}. Sửa số tổng hoặc số của dòng con.',
    en: 'Row "{label}" shows {actual} but its child rows ({rows}) add up to {expected}, a difference of {diff}. Correct the total or a child row.',
  },
  'issue.sum/foot.of-which': {
    vi: 'Dòng "{label}" ở cột "{column}" ghi {actual}, lớn hơn dòng "{parent}" mà nó thuộc về ({expected}), lệch {diff}. Phần "trong đó" không thể lớn hơn tổng: sửa một trong hai số.',
    en: 'Row "{label}" shows {actual} in column "{column}", more than the row "{parent}" it is part of ({expected}), by {diff}. An "of which" part cannot exceed its total: correct one of the two.',
  },
  'issue.sum/crossfoot': {
    vi: 'Cột "{column}" ghi {actual} nhưng cộng các cột thành phần ({parts}) được {expected}, lệch {diff}. Sửa số tổng hoặc số từng nguồn.',
    en: 'Column "{columnEn}" shows {actual} but its parts ({partsEn}) add up to {expected}, a difference of {diff}. Correct the total or a part.',
  },
  'issue.sum/crossfoot.of-which': {
    vi: 'Dòng "{label}": cột "{column}" (trong đó) ghi {actual}, lớn hơn cột tổng "{total}" ({expected}), vượt {diff}. Phần "trong đó" không thể lớn hơn số tổng: sửa một trong hai số.',
    en: 'Row "{label}": column "{column}" (of which) shows {actual}, more than its total "{total}" ({expected}) by {diff}. An of-which part cannot exceed its total: correct one of them.',
  },
  'issue.sum/crossfoot.difference': {
    vi: 'Dòng "{label}": cột "{column}" ghi {actual} nhưng "{from}" trừ "{to}" được {expected}, lệch {diff}. Sửa một trong ba số.',
    en: 'Row "{label}": column "{column}" shows {actual} but "{from}" minus "{to}" is {expected}, a difference of {diff}. Correct one of the three.',
  },
  'issue.sum/rounding': {
    vi: 'Chênh lệch {diff} giữa {actual} và {expected} nằm trong sai số làm tròn ({tolerance}).',
    en: 'The difference of {diff} between {actual} and {expected} is within the rounding tolerance ({tolerance}).',
  },
  'issue.rate/mismatch': {
    vi: 'Tỷ lệ ghi {actual}% nhưng {count} ÷ {base} × 100 = {expected}%. Sửa tỷ lệ hoặc số hộ.',
    en: 'The rate shows {actual}% but {count} ÷ {base} × 100 = {expected}%. Correct the rate or the counts.',
  },
  'issue.rate/mismatch.columns': {
    vi: 'Dòng "{label}": tỷ lệ ở cột "{column}" ghi {actual}% nhưng "{countColumn}" ÷ "{baseColumn}" × 100 = {count} ÷ {base} × 100 = {expected}%. Sửa tỷ lệ hoặc số liệu.',
    en: 'Row "{label}": the rate in column "{column}" shows {actual}% but "{countColumn}" ÷ "{baseColumn}" × 100 = {count} ÷ {base} × 100 = {expected}%. Correct the rate or the figures.',
  },
  'issue.rate/range': {
    vi: 'Tỷ lệ {actual}% nằm ngoài khoảng 0–100%. Không thể vượt quá 100%: sửa lại chỉ tiêu.',
    en: 'The rate {actual}% is outside 0–100%. It cannot exceed 100%: correct the target.',
  },
  'issue.rate/averaged-total': {
    vi: 'Tỷ lệ dòng tổng ({actual}%) là trung bình cộng tỷ lệ các dòng, không phải tính từ tổng số hộ ({expected}%). Tính lại: tổng số hộ nghèo ÷ tổng số hộ × 100.',
    en: "The total row's rate ({actual}%) averages the rows' rates instead of coming from summed counts ({expected}%). Recompute it: total poor households ÷ total households × 100.",
  },
  'issue.target/raises-poverty': {
    vi: 'Chỉ tiêu cuối năm ({actual}) cao hơn đầu năm ({expected}): kế hoạch làm tăng nghèo. Kiểm tra lại chỉ tiêu.',
    en: 'The year-end target ({actual}) is above the start ({expected}): the plan raises poverty. Check the target.',
  },
  'issue.target/reduction-mismatch': {
    vi: 'Mức giảm ghi {actual} nhưng đầu năm trừ cuối năm = {expected}. Sửa mức giảm hoặc chỉ tiêu.',
    en: 'The reduction shows {actual} but start minus end = {expected}. Correct the reduction or the targets.',
  },
  'issue.target/flow-mismatch': {
    vi: 'Dòng "{label}": cột "{column}" ghi {actual} nhưng {formula} = {expected}, lệch {diff}. Sửa số cuối kỳ hoặc số thoát ra, phát sinh.',
    en: 'Row "{label}": column "{column}" shows {actual} but {formula} = {expected}, a difference of {diff}. Correct the end figure or the exits and new entries.',
  },
  'issue.target/below-assigned': {
    vi: 'Tổng mức giảm ({actual} hộ) thấp hơn chỉ tiêu cấp trên giao ({expected} hộ). Cần giao thêm {diff} hộ.',
    en: 'The summed reduction ({actual} households) falls short of the assigned target ({expected}). Assign {diff} more.',
  },
  'issue.target/direction': {
    vi: 'Chỉ tiêu "{label}" cần {directionVi}, nhưng kế hoạch ({actual}) đi ngược so với năm trước ({expected}). Kiểm tra lại.',
    en: 'Indicator "{label}" should go {directionEn}, but the target ({actual}) moves the other way from the baseline ({expected}). Check it.',
  },
  'issue.target/exceeds-households': {
    vi: 'Số hộ nghèo và cận nghèo ({actual}) vượt tổng số hộ ({expected}). Kiểm tra lại số hộ.',
    en: 'Poor plus near-poor households ({actual}) exceed all households ({expected}). Check the counts.',
  },
  'issue.catalog/unknown-project': {
    vi: '"{label}" ghi {claimed}, nhưng Chương trình ({period}) không có dự án/tiểu dự án này. Sửa lại mã dự án.',
    en: '"{label}" names {claimed}, which the programme ({period}) does not have. Correct the project code.',
  },
  'issue.catalog/name-mismatch': {
    vi: 'Mã {code} có tên chính thức "{official}", nhưng dòng ghi "{label}"{suggest}. Sửa tên hoặc mã cho khớp.',
    en: 'Code {code} is officially "{official}", but the row says "{label}"{suggestEn}. Make the name and code agree.',
  },
  'issue.catalog/name-mismatch.suggest': {
    vi: ' (tên này là của {code})',
    en: ' (that name belongs to {code})',
  },
  'issue.catalog/capital-type': {
    vi: '{code} được cho là chỉ nhận vốn sự nghiệp (chưa xác nhận: {source}), nhưng có {actual} vốn đầu tư phát triển. Kiểm tra lại loại vốn.',
    en: '{code} is believed to take recurrent capital only (unconfirmed: {sourceEn}), yet holds {actual} of investment capital. Check the capital type.',
  },
  'issue.catalog/unknown-indicator': {
    vi: 'Không nhận ra chỉ tiêu "{label}" trong danh mục, nên không kiểm tra được chiều tăng/giảm.',
    en: 'Indicator "{label}" is not in the catalogue, so its direction cannot be checked.',
  },
  'issue.budget/unit-suspect': {
    vi: 'Số {actual} lớn gấp khoảng {ratio} lần các số cùng cột: có thể đã nhập theo {typedUnit} trong trang tính theo {sheetUnit}. Đổi về {sheetUnit} ({expected}).',
    en: '{actual} is about {ratio} times the other figures of its column: it may have been typed in {typedUnitEn} in a sheet in {sheetUnitEn}. Convert it ({expected}).',
  },
  'issue.budget/counterpart-ratio': {
    vi: 'Vốn đối ứng NSĐP chiếm {actual}% tổng số, thấp hơn mức {expected}% đã đặt. Bổ sung vốn đối ứng.',
    en: 'Local counterpart funds are {actual}% of the total, below the {expected}% you set. Add counterpart funds.',
  },
  'issue.formula/omits-row': {
    vi: 'Công thức tổng của dòng "{label}" ({formula}) {detail}. Các dòng con là {rows}: sửa công thức cho đúng các dòng con.',
    en: 'The total formula of row "{label}" ({formula}) {detailEn}. Its child rows are {rows}: correct the formula to add exactly them.',
  },
  'issue.formula/hardcoded-total': {
    vi: 'Ô tổng/tỷ lệ này được gõ tay ({actual}) trong khi các ô cùng loại dùng công thức: số sẽ không tự cập nhật. Thay bằng công thức.',
    en: 'This total or rate is typed ({actual}) while its siblings use formulas: it will not update. Replace it with a formula.',
  },
  'issue.formula/hardcoded-total.expected': {
    vi: 'Ô tổng/tỷ lệ này được gõ tay ({actual}); nên dùng công thức để số tự cập nhật (phuluc điền được: "Điền số liệu", chọn ghi đè).',
    en: 'This total or rate is typed ({actual}); a formula would keep it up to date (phuluc can write one: fill, with overwrite).',
  },
  'issue.formula/hardcoded-total.by-hand': {
    vi: 'Ô tổng/tỷ lệ này được gõ tay ({actual}); nên thay bằng công thức để số tự cập nhật.',
    en: 'This total or rate is typed ({actual}); replace it with a formula to keep it up to date.',
  },
  'issue.formula/inconsistent': {
    vi: 'Công thức {formula} khác mẫu của cột ({count}/{total} ô dùng mẫu như {exampleCell}: {example}). Kiểm tra lại công thức.',
    en: "The formula {formula} breaks its column's pattern ({count} of {total} cells follow {exampleCell}: {example}). Check it.",
  },
  'issue.formula/inconsistent.row': {
    vi: 'Công thức {formula} khác mẫu của dòng ({count}/{total} ô dùng mẫu như {exampleCell}: {example}). Kiểm tra lại công thức.',
    en: "The formula {formula} breaks its row's pattern ({count} of {total} cells follow {exampleCell}: {example}). Check it.",
  },
  'issue.formula/external-ref': {
    vi: 'Công thức {formula} lấy số từ tệp khác ({books}): số sẽ sai khi tệp đó thay đổi hoặc bị chuyển đi. Thay bằng số hoặc công thức trong tệp này.',
    en: 'The formula {formula} reads another workbook ({books}): it breaks when that file changes or moves. Use a value or a formula within this workbook.',
  },
  'issue.check/failed': {
    vi: 'Không kiểm tra hết được trang này do lỗi của phuluc ({error}). Hãy gửi tệp cho nhóm phát triển; các trang khác vẫn được kiểm tra.',
    en: 'phuluc could not finish checking this sheet ({error}). Please send the file to the developers; other sheets are still checked.',
  },
  'issue.sheet/too-large': {
    vi: 'Trang tính quá lớn để kiểm tra: dùng đến dòng {rows} và cột {cols}, vượt giới hạn {maxRows} dòng × {maxCols} cột của phuluc; trang này không được kiểm tra, các trang khác vẫn được kiểm tra. Nếu bảng thật nhỏ hơn, hãy xóa các ô thừa ở cuối trang (Ctrl+End chỉ ra ô cuối cùng) rồi lưu lại.',
    en: "The sheet is too large to check: it is used down to row {rows} and across to column {cols}, beyond phuluc's limit of {maxRows} rows × {maxCols} columns; this sheet is not checked, the other sheets are. If the table is really smaller, delete the stray cells at the end of the sheet (Ctrl+End shows the last one) and save.",
  },
  'issue.table/rows-not-read': {
    vi: 'Các dòng {rows} bên dưới bảng có số liệu nhưng không được kiểm tra: bảng kết thúc ở dòng {end} (có thể đây là một bảng khác). Để kiểm tra, đặt mỗi bảng ở một trang tính riêng.',
    en: 'Rows {rows} below the table hold figures but were not checked: the table ends at row {end} (they may be another table). To check them, put each table on a sheet of its own.',
  },
} satisfies Record<`issue.${string}`, MessageTemplate>;
