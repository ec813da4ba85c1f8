/**
 * Total rows told by their label ("Tổng cộng", "Toàn huyện", "Cộng (I+II)"): what layout
 * detection (a sparse total row is data, not a header) and the row model both read.
 *
 * @module
 */

const INDEX = '(?:[ivx]+|[a-z]|\\d+)';
const TOTAL_WORDS =
  '(?:toan|huyen|xa|tinh|thi|tran|thanh|pho|phuong|chung|so|cong|kinh|phi|von|nguon|ca|nam|cac|bo|dia|ban|\\d{4})';
const TOTAL_REST = new RegExp(
  `^(?:${INDEX}(?:\\s*\\+\\s*${INDEX})*|${TOTAL_WORDS}(?: ${TOTAL_WORDS}){0,3})$`,
);

/**
 * A group's sub-total named by its unit: "Cộng xã Ba Thành", "Cộng thôn Gò Da", "Tổng cộng huyện
 * Mường Chà", "Cộng dự án 1" ("Cộng đồng dân cư" is an item: "đồng" names no unit).
 */
const SUBTOTAL_OF_UNIT =
  /^(?:tong cong|cong|tong) (?:xa|phuong|thi tran|huyen|thi xa|thanh pho|tinh|thon|ban|bon|to dan pho|to|khoi|ap|lang|don vi|nhom|du an|tieu du an|chuong trinh|noi dung|phan|muc|linh vuc|nguon von) \S/;

/** Whether a normalised label is a total row's ("Tổng cộng", "Toàn huyện", "Cộng (I+II)"). */
export function isTotalLabel(labelNorm: string, totalLabels: readonly string[]): boolean {
  if (!labelNorm) return false;
  if (labelNorm.charCodeAt(0) === 0x63 || labelNorm.charCodeAt(0) === 0x74) {
    // "c…" or "t…": perhaps a sub-total named by its unit.
    if (SUBTOTAL_OF_UNIT.test(labelNorm)) return true;
  }
  for (const t of totalLabels) {
    if (labelNorm === t) return true;
    if (labelNorm.charCodeAt(t.length) === 32 && labelNorm.startsWith(t)) {
      // Only a total-like remainder: "Tổng cộng (I+II)", "Tổng số toàn huyện", "Cộng 1+2".
      // "Tổng kết, đánh giá" or "Cộng đồng dân cư" are items, not totals.
      const rest = labelNorm.slice(t.length + 1);
      if (TOTAL_REST.test(rest)) return true;
    }
  }
  return false;
}
