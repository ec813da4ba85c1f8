import { gridFromRows } from '../grid/grid.js';
import type { Cell, CellValue, Grid } from '../grid/types.js';

type Row = (CellValue | Cell | undefined)[];

/** Ba Tơ 2024 (seed 004), in đồng: 378.000.000 + 1.470.000.000 + 596.771.300 = 2.444.771.300. */
export function baToGrid(): Grid {
  return gridFromRows('PL', [
    ['PHỤ LỤC', null, null],
    [null, null, 'Đơn vị tính: đồng'],
    ['STT', 'Nội dung', 'Kinh phí thực hiện'],
    [null, 'Tổng kinh phí', 2444771300],
    ['1', 'Tiểu Dự án 2 – Dự án 6: Truyền thông về giảm nghèo đa chiều', 378000000],
    ['2', 'Tiểu Dự án 1 – Dự án 7: Nâng cao năng lực thực hiện Chương trình', 1470000000],
    ['3', 'Tiểu Dự án 2 – Dự án 7: Giám sát, đánh giá', 596771300],
  ]);
}

/** Village rows of Cao Ngọc 2024 (seed 001): 1.229 households, poor 64 → 40. */
export const CAO_NGOC_VILLAGES: ReadonlyArray<readonly [string, number, number, number, number]> = [
  // name, households, poor at start, near-poor at start, poor at year end
  ['Bản Chiềng', 312, 18, 20, 11],
  ['Bản Ngọc', 298, 15, 16, 10],
  ['Bản Cao', 335, 17, 18, 10],
  ['Bản Mới', 284, 14, 15, 9],
];

const pct = (n: number, d: number) => Math.round((n / d) * 10000) / 100;

/** The two header rows of a poverty-target annex by village (groups merged over "Số hộ", "Tỷ lệ"). */
export function povertyHeader(): Row[] {
  return [
    [
      'TT',
      'Thôn, bản',
      'Tổng số hộ',
      'Hộ nghèo đầu năm 2024',
      null,
      'Chỉ tiêu hộ nghèo cuối năm 2024',
      null,
      'Giảm',
      null,
    ],
    [null, null, null, 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
  ];
}

/** Cao Ngọc's poverty targets by village, total row last, rates typed to 2 decimals. */
export function caoNgocRows(): Row[] {
  const rows: Row[] = [
    ['PHỤ LỤC SỐ 02'],
    ['CHỈ TIÊU GIẢM NGHÈO NĂM 2024'],
    [null, null, null, null, null, null, null, null, 'Đơn vị tính: hộ, %'],
    ...povertyHeader(),
  ];
  let hh = 0;
  let start = 0;
  let end = 0;
  CAO_NGOC_VILLAGES.forEach(([name, h, s, , e], i) => {
    hh += h;
    start += s;
    end += e;
    rows.push([
      String(i + 1),
      name,
      h,
      s,
      pct(s, h),
      e,
      pct(e, h),
      s - e,
      Math.round((pct(s, h) - pct(e, h)) * 100) / 100,
    ]);
  });
  rows.push([
    null,
    'Toàn xã',
    hh,
    start,
    pct(start, hh),
    end,
    pct(end, hh),
    start - end,
    Math.round((pct(start, hh) - pct(end, hh)) * 100) / 100,
  ]);
  return rows;
}

/** {@link caoNgocRows} as a grid. */
export function caoNgocGrid(rows: Row[] = caoNgocRows()): Grid {
  return gridFromRows('PL02', rows, [
    { top: 3, left: 3, bottom: 3, right: 4 },
    { top: 3, left: 5, bottom: 3, right: 6 },
    { top: 3, left: 7, bottom: 3, right: 8 },
  ]);
}

/** Service targets of Mường Lay 2024 (seed 000) and Cao Ngọc (seed 001). */
export function serviceRows(): Row[] {
  return [
    ['PHỤ LỤC SỐ 03'],
    ['CHỈ TIÊU TIẾP CẬN DỊCH VỤ XÃ HỘI CƠ BẢN NĂM 2024'],
    ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Thực hiện năm 2023', 'Kế hoạch năm 2024'],
    ['1', 'Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân', '%', 8.1, 7.7],
    ['2', 'Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi', '%', 11.2, 10.5],
    ['3', 'Tỷ lệ huy động trẻ 5 tuổi ra lớp', '%', 99.2, 99.5],
    ['4', 'Tỷ lệ học sinh 6-10 tuổi học tiểu học', '%', 99.6, 99.8],
    ['5', 'Tỷ lệ hộ gia đình sử dụng nhà tiêu hợp vệ sinh', '%', 86.5, 88.9],
    ['6', 'Tỷ lệ người thuộc hộ nghèo, hộ cận nghèo tham gia bảo hiểm y tế', '%', 100, 100],
  ];
}

/**
 * Kim Bảng's 2023 district line (seed 002): 2,5 % of 40 480 households poor at the end of 2022,
 * 1,95 % planned for the end of 2023, a drop typed as `reductionRate` points.
 */
export function kimBangGrid(reductionRate: number): Grid {
  return gridFromRows('KB', [
    [
      'TT',
      'Đơn vị',
      'Tổng số hộ',
      'Hộ nghèo cuối năm 2022',
      null,
      'Chỉ tiêu cuối năm 2023',
      null,
      'Giảm',
      null,
    ],
    [null, null, null, 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
    [null, 'Toàn huyện', 40480, 1012, 2.5, 789, 1.95, 223, reductionRate],
  ]);
}
