import type { MessageTemplate } from './types.js';

/**
 * Messages of the plan-text cross-check (`readPlan`, `crossCheckPlan`). Keys start with `plan.`
 * (words used inside other messages) or `issue.plan/` (the issues, rendered by `makeIssue` from
 * `issue.<code>` and its variants). `{line}` is the line of the plan's text; numbers arrive
 * formatted for the language; `{unit}`/`{unitEn}` name the money unit.
 */
export const planMessages = {
  // --- words ---
  'plan.unit.dong': { vi: 'đồng', en: 'đồng' },
  'plan.unit.nghin': { vi: 'nghìn đồng', en: 'thousand đồng' },
  'plan.unit.trieu': { vi: 'triệu đồng', en: 'million đồng' },
  'plan.unit.ty': { vi: 'tỷ đồng', en: 'billion đồng' },
  'plan.total': { vi: 'tổng kinh phí', en: 'the total' },
  'plan.what': { vi: 'kinh phí {code}', en: 'the amount of {code}' },
  'plan.converted': { vi: ' (= {value} {unit})', en: ' (= {value} {unitEn})' },

  // --- the text against itself ---
  'issue.plan/total-mismatch': {
    vi: 'Dòng {line}: tổng kinh phí ghi {actual} {unit} nhưng các khoản kinh phí của dự án, tiểu dự án (dòng {lines}) cộng lại được {expected} {unit}, lệch {diff}. Sửa số tổng hoặc số của khoản bị sai cho khớp.',
    en: 'Line {line}: the total reads {actual} {unitEn} but the project and sub-project amounts (lines {lines}) add up to {expected} {unitEn}, a difference of {diff}. Correct the total or the wrong amount.',
  },
  'issue.plan/total-mismatch.project': {
    vi: 'Dòng {line}: kinh phí {project} ghi {actual} {unit} nhưng các tiểu dự án của nó (dòng {lines}) cộng lại được {expected} {unit}, lệch {diff}. Sửa số của dự án hoặc của tiểu dự án cho khớp.',
    en: 'Line {line}: {project} reads {actual} {unitEn} but its sub-projects (lines {lines}) add up to {expected} {unitEn}, a difference of {diff}. Correct the project amount or a sub-project amount.',
  },
  'issue.plan/total-mismatch.central': {
    vi: 'Dòng {line}: tổng ngân sách trung ương ghi {actual} {unit} nhưng phần ngân sách trung ương của các khoản (dòng {lines}) cộng lại được {expected} {unit}, lệch {diff}. Sửa số tổng hoặc phần ngân sách trung ương của khoản bị sai.',
    en: 'Line {line}: the total central budget reads {actual} {unitEn} but the central shares of the amounts (lines {lines}) add up to {expected} {unitEn}, a difference of {diff}. Correct the total or the wrong central share.',
  },
  'issue.plan/total-mismatch.local': {
    vi: 'Dòng {line}: tổng ngân sách địa phương ghi {actual} {unit} nhưng phần ngân sách địa phương của các khoản (dòng {lines}) cộng lại được {expected} {unit}, lệch {diff}. Sửa số tổng hoặc phần ngân sách địa phương của khoản bị sai.',
    en: 'Line {line}: the total local budget reads {actual} {unitEn} but the local shares of the amounts (lines {lines}) add up to {expected} {unitEn}, a difference of {diff}. Correct the total or the wrong local share.',
  },
  'issue.plan/split-mismatch': {
    vi: 'Dòng {line}: {what} ghi {actual} {unit} nhưng ngân sách trung ương ({central}) + ngân sách địa phương ({local}) + nguồn khác ({other}) = {expected} {unit}, lệch {diff}. Sửa số kinh phí hoặc số của từng nguồn cho khớp.',
    en: 'Line {line}: {whatEn} reads {actual} {unitEn} but central ({central}) + local ({local}) + other sources ({other}) = {expected} {unitEn}, a difference of {diff}. Correct the amount or one of its sources.',
  },
  'issue.plan/target-mismatch': {
    vi: 'Dòng {line}: {startCount} hộ nghèo = {startRate}% nghĩa là khoảng {households} hộ; khi đó {endCount} hộ là {expected}%, không phải {actual}%. Sửa tỷ lệ hoặc số hộ cuối kỳ cho khớp (hoặc ghi rõ tổng số hộ nếu nó thay đổi).',
    en: 'Line {line}: {startCount} poor households = {startRate}% means about {households} households; then {endCount} households are {expected}%, not {actual}%. Correct the end rate or the end count (or state the number of households if it changes).',
  },
  'issue.plan/target-mismatch.reduction': {
    vi: 'Dòng {line}: tỷ lệ hộ nghèo giảm từ {start}% xuống {end}% là giảm {expected} điểm %, nhưng văn bản ghi giảm {actual}%. Sửa mức giảm hoặc tỷ lệ đầu kỳ, cuối kỳ.',
    en: 'Line {line}: a poverty rate going from {start}% to {end}% is a drop of {expected} points, but the text says {actual}%. Correct the drop or the start or end rate.',
  },
  'issue.plan/target-mismatch.count': {
    vi: 'Dòng {line}: số hộ nghèo giảm từ {start} xuống {end} hộ là giảm {expected} hộ, nhưng văn bản ghi giảm {actual} hộ. Sửa số hộ giảm hoặc số hộ đầu kỳ, cuối kỳ.',
    en: 'Line {line}: poor households going from {start} to {end} is a drop of {expected}, but the text says {actual}. Correct the drop or the start or end count.',
  },

  // --- the text against its annex ---
  'issue.plan/annex-mismatch': {
    vi: 'Ô {cell} ghi {what} là {actual} {unit}, nhưng kế hoạch (dòng {line}) ghi {plan} {planUnit}{conv}, lệch {diff}. Sửa phụ lục hoặc kế hoạch để hai bên khớp nhau.',
    en: 'Cell {cell} gives {whatEn} as {actual} {unitEn}, but the plan (line {line}) says {plan} {planUnitEn}{convEn}, a difference of {diff}. Correct the annex or the plan so that they agree.',
  },
  'issue.plan/annex-mismatch.central': {
    vi: 'Ô {cell} ghi ngân sách trung ương của {subject} là {actual} {unit}, nhưng kế hoạch (dòng {line}) ghi {plan} {planUnit}{conv}, lệch {diff}. Sửa phụ lục hoặc kế hoạch để hai bên khớp nhau.',
    en: 'Cell {cell} gives the central budget of {subjectEn} as {actual} {unitEn}, but the plan (line {line}) says {plan} {planUnitEn}{convEn}, a difference of {diff}. Correct the annex or the plan so that they agree.',
  },
  'issue.plan/annex-mismatch.local': {
    vi: 'Ô {cell} ghi ngân sách địa phương của {subject} là {actual} {unit}, nhưng kế hoạch (dòng {line}) ghi {plan} {planUnit}{conv}, lệch {diff}. Sửa phụ lục hoặc kế hoạch để hai bên khớp nhau.',
    en: 'Cell {cell} gives the local budget of {subjectEn} as {actual} {unitEn}, but the plan (line {line}) says {plan} {planUnitEn}{convEn}, a difference of {diff}. Correct the annex or the plan so that they agree.',
  },
  'issue.plan/missing-in-annex': {
    vi: 'Kế hoạch (dòng {line}) ghi {what} là {amount} {unit}, nhưng phụ lục không có dòng nào cho {subject}. Thêm dòng này vào phụ lục hoặc kiểm tra lại tên dự án, tiểu dự án.',
    en: 'The plan (line {line}) gives {whatEn} as {amount} {unitEn}, but the annex has no row for {subjectEn}. Add the row to the annex or check the project and sub-project names.',
  },
  'issue.plan/missing-in-annex.no-rows': {
    vi: 'Trang "{sheet}" không có dòng nào ghi tên dự án, tiểu dự án (có thể là bảng theo đơn vị × dự án), nên chỉ đối chiếu được tổng kinh phí. Để đối chiếu từng khoản, dùng phụ lục có mỗi dự án, tiểu dự án trên một dòng.',
    en: 'Sheet "{sheet}" has no row that names a project or sub-project (perhaps a unit × project table), so only the total can be compared. To compare each amount, use an annex with one row per project and sub-project.',
  },
  'issue.plan/missing-in-plan': {
    vi: 'Ô {cell}: phụ lục ghi {what} là {amount} {unit}, nhưng kế hoạch không nhắc đến {subject}. Thêm khoản này vào kế hoạch hoặc bỏ dòng thừa khỏi phụ lục.',
    en: 'Cell {cell}: the annex gives {whatEn} as {amount} {unitEn}, but the plan does not mention {subjectEn}. Add it to the plan or remove the extra row from the annex.',
  },
  'issue.plan/missing-in-plan.no-amounts': {
    vi: 'Không tìm thấy khoản kinh phí nào trong văn bản kế hoạch nên chưa đối chiếu được với trang "{sheet}". Kiểm tra văn bản có các câu "Kinh phí thực hiện: … triệu đồng" hoặc "Tổng kinh phí thực hiện: …".',
    en: 'No amount was found in the plan text, so it could not be compared with sheet "{sheet}". Check that the text has sentences like "Kinh phí thực hiện: … triệu đồng" or "Tổng kinh phí thực hiện: …".',
  },
  'issue.plan/annex-not-budget': {
    vi: 'Trang "{sheet}" không phải phụ lục phân bổ kinh phí theo dự án (mẫu nhận ra: {layout}), nên không đối chiếu được với kế hoạch. Chọn trang có bảng kinh phí theo dự án, tiểu dự án.',
    en: 'Sheet "{sheet}" is not a budget-allocation annex (layout found: {layout}), so the plan cannot be compared with it. Choose the sheet with the budget by project and sub-project.',
  },
} satisfies Record<`plan.${string}` | `issue.plan/${string}`, MessageTemplate>;
