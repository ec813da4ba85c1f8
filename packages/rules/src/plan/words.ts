import type { MoneyUnit } from '../money/units.js';

/*
 * Regular-expression pieces for folded plan text (see fold.ts): lower case, no diacritics,
 * but OCR damage left in. Each word allows the damage the seed plans show: "tri¢u", "trigu",
 * "ddng", "déng", "d6éng", "Ngén sach trung wong", "Ngan sach dja phuong", "thuc hi¢n".
 */

/** One letter slot of an OCR'd word: anything but space and punctuation. */
const L = '[^\\s:;,.()\\[\\]]';

/** A number as plans write it: "7.645", "2.444.771.300", "5,21", "0". */
export const NUMBER = '(?<![\\d.,])\\d(?:[\\d.,]*\\d)?';
/** A small number: a rate or a count ("5,21", "1.012"). */
export const SMALL_NUMBER = '(?<![\\d.,])\\d{1,3}(?:\\.\\d{3})*(?:,\\d+)?(?![\\d])';

const TRIEU = `tri${L}{0,2}u`;
const DONG = `d${L}{0,3}ng(?!\\s+(?:thoi|bo|gop|y|chi|vien|nghiep)\\b)`;
/** A money unit after a number: "triệu đồng", "triệu", "tỷ đồng", "nghìn đồng", "đồng", "VNĐ". */
export const UNIT = `(?:${TRIEU}(?:\\s+${DONG})?|t${L}?y\\s+${DONG}|t${L}?y(?=[\\s.,;)]|$)|(?:nghin|ngan)\\s+${DONG}|vnd|${DONG}|trd)(?![a-z0-9])`;

/** "kinh phí thực hiện", "Kinh phi thuc hién", "kinh phi" (thực hiện optional). */
export const KINH_PHI = `kinh\\s+ph[i1l!]${L}?(?:\\s+th${L}{1,3}c\\s+hi${L}{1,2}n)?`;
/** "tổng", "Téng". */
export const TONG = 't[oe6][n]g';
/** "nguồn" before "kinh phí": a source paragraph, not an amount. */
export const NGUON = `ngu${L}{0,3}n`;

const NGAN_SACH = `ng${L}{1,2}n\\s+s${L}{1,2}ch`;
/** "Ngân sách trung ương", "Ngén sach trung wong", "NSTW", "ngân sách TW". */
export const CENTRAL = `(?:${NGAN_SACH}\\s+(?:tr${L}{1,2}ng\\s+${L}{1,3}ong|tw)|nstw|ns\\s+tw)`;
/** "Ngân sách địa phương", "Ngan sach dja phuong", "NSĐP". */
export const LOCAL = `(?:${NGAN_SACH}\\s+d${L}{0,2}a\\s+ph${L}{1,3}ng|nsdp|ns\\s+dp)`;
/** Other sources: vốn lồng ghép, huy động (hợp pháp) khác, vốn tín dụng (chính sách), xã hội hóa. */
export const OTHER =
  '(?:v[o0]n\\s+l[o0]ng\\s+ghep|(?:nguon\\s+)?huy\\s+dong(?:\\s+hop\\s+phap)?(?:\\s+khac)?|v[o0]n\\s+tin\\s+dung(?:\\s+chinh\\s+sach)?|(?:nguon\\s+)?xa\\s+hoi\\s+hoa)';

/** "từ" ("tir", "tw" after OCR). */
export const TU = '(?<![a-z])(?:tu|tir|tw|tiu)';
/** "xuống" ("xudng"), with an optional "còn". */
export const XUONG = `x${L}{1,3}ng(?:\\s+c${L}{1,2}n)?`;
/** "hộ" ("hg", "hd" after OCR). */
export const HO = '(?<![a-z])h[a-z0-9]?(?![a-z0-9])';
/** "giảm" ("g iam", "gidm", "giam" after OCR). */
export const GIAM = `g\\s?${L}{1,2}m`;

/** The money unit a matched unit text names. */
export function unitOf(text: string): MoneyUnit {
  const t = text.trim();
  if (t.startsWith('tri') || t === 'trd') return 'trieu';
  if (/^t\S?y/.test(t)) return 'ty';
  if (/^(nghin|ngan)/.test(t)) return 'nghin';
  return 'dong';
}
