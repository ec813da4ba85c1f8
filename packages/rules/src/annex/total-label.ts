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

/** Whether a normalised label is a total row's ("Tổng cộng", "Toàn huyện", "Cộng (I+II)"). */
export function isTotalLabel(labelNorm: string, totalLabels: readonly string[]): boolean {
  if (!labelNorm) return false;
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
