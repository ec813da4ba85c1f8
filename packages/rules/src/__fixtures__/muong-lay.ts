import { gridFromRows } from '../grid/grid.js';
import type { Cell, CellValue, Grid } from '../grid/types.js';

type Row = (CellValue | Cell | undefined)[];

/**
 * The Mường Lay 2024 budget (seed 000, domain.md §7) as an office keeps it: title block,
 * unit line, a two-row header with "Nguồn vốn" over NSTW and NSĐP, an index row, a total row
 * first, projects with sub-projects as "-" rows. Amounts in triệu đồng.
 */
export function muongLayRows(): Row[] {
  return [
    ['PHỤ LỤC SỐ 01'],
    ['KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM 2024'],
    ['(Kèm theo Kế hoạch số 444/KH-UBND ngày 01/3/2024 của UBND thị xã Mường Lay)'],
    [null, null, null, null, 'Đơn vị tính: triệu đồng'],
    ['TT', 'Nội dung', 'Tổng số', 'Nguồn vốn', null],
    [null, null, null, 'NSTW', 'NSĐP'],
    ['A', 'B', '1=2+3', '2', '3'],
    [null, 'Tổng cộng', 7645, 7538, 107],
    ['1', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 3154, 3154, null],
    ['2', 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', 1469, 1469, null],
    ['-', 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp', 1469, 1469, null],
    ['3', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', 1892, 1785, 107],
    [
      '-',
      'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
      1695,
      1588,
      107,
    ],
    ['-', 'Tiểu dự án 3: Hỗ trợ việc làm bền vững', 197, 197, null],
    ['4', 'Dự án 6: Truyền thông và giảm nghèo về thông tin', 670, 670, null],
    ['-', 'Tiểu dự án 1: Giảm nghèo về thông tin', 522, 522, null],
    ['-', 'Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều', 148, 148, null],
    ['5', 'Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình', 460, 460, null],
    ['-', 'Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình', 288, 288, null],
    ['-', 'Tiểu dự án 2: Giám sát, đánh giá', 172, 172, null],
  ];
}

/** {@link muongLayRows} as a grid with its merges. */
export function muongLayGrid(rows: Row[] = muongLayRows()): Grid {
  return gridFromRows('PL01', rows, [
    { top: 0, left: 0, bottom: 0, right: 4 },
    { top: 1, left: 0, bottom: 1, right: 4 },
    { top: 2, left: 0, bottom: 2, right: 4 },
    { top: 4, left: 0, bottom: 5, right: 0 },
    { top: 4, left: 1, bottom: 5, right: 1 },
    { top: 4, left: 2, bottom: 5, right: 2 },
    { top: 4, left: 3, bottom: 4, right: 4 },
  ]);
}

/** Mường Lay with formulas where an office would put them: leaf totals, sub-totals, the total. */
export function muongLayRowsWithFormulas(): Row[] {
  const rows = muongLayRows();
  const f = (r: number, c: number, formula: string) => {
    const row = rows[r - 1] as Row;
    row[c] = { value: row[c] as CellValue, formula };
  };
  for (const r of [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]) f(r, 2, `D${r}+E${r}`);
  f(12, 4, 'SUM(E13:E14)');
  f(10, 3, 'SUM(D11)');
  f(12, 3, 'SUM(D13:D14)');
  f(15, 3, 'SUM(D16:D17)');
  f(18, 3, 'SUM(D19:D20)');
  for (const [c, l] of [
    [2, 'C'],
    [3, 'D'],
    [4, 'E'],
  ] as const)
    f(8, c, `${l}9+${l}10+${l}12+${l}15+${l}18`);
  return rows;
}
