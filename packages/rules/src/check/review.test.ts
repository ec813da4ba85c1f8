import { describe, expect, it } from 'vitest';
import { detectLayout } from '../annex/detect.js';
import { parseUnitLine } from '../annex/header.js';
import { gridFromRows } from '../grid/grid.js';
import type { Cell, CellValue, MergeRange } from '../grid/types.js';
import { validateSheet } from './validate.js';
import type { ValidateOptions } from './types.js';

/** Regression cases from a review of the rules against sheets officials keep. */
type Row = (CellValue | Cell | undefined)[];
const codes = (rows: Row[], merges: MergeRange[] = [], options: ValidateOptions = {}) =>
  validateSheet(gridFromRows('S', rows, merges), options).issues.map((i) => `${i.cell} ${i.code}`);
const cols = (rows: Row[], merges: MergeRange[] = []) =>
  Object.fromEntries(detectLayout(gridFromRows('S', rows, merges)).fit?.columns ?? []);

describe('review: column reading', () => {
  it('reads sub-projects merged under their project in a unit × project matrix', () => {
    const rows: Row[] = [
      ['TT', 'Đơn vị', 'Tổng số', 'Dự án 2', 'Dự án 3', null, 'Dự án 6'],
      [null, null, null, null, 'TDA1', 'TDA2', null],
      ['1', 'Xã A', 300, 100, 50, 30, 120],
      ['2', 'Xã B', 250, 80, 40, 10, 120],
      [null, 'Tổng cộng', 550, 180, 90, 40, 240],
    ];
    const merges = [
      { top: 0, left: 4, bottom: 0, right: 5 },
      ...[0, 1, 2, 3, 6].map((c) => ({ top: 0, left: c, bottom: 1, right: c })),
    ];
    expect(cols(rows, merges)).toMatchObject({ da2: 3, da3_tda1: 4, da3_tda2: 5, da6: 6 });
    expect(codes(rows, merges)).toEqual([]);
  });

  it("lets the sheet's own index row decide what a total adds (a memo column stays out)", () => {
    const rows: Row[] = [
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP', 'Vốn lồng ghép (không tính vào tổng)'],
      ['A', 'B', '1=2+3', '2', '3', '4'],
      ['1', 'Dự án 2', 100, 80, 20, 50],
      ['2', 'Dự án 3', 200, 150, 50, 0],
    ];
    expect(codes(rows)).toEqual([]);
  });

  it('prefers an exact NSTW over "Ngân sách xã" read fuzzily, and adds NSĐP by level', () => {
    const rows: Row[] = [
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'Ngân sách tỉnh', 'Ngân sách huyện', 'Ngân sách xã'],
      ['1', 'Dự án 2', 1000, 880, 60, 40, 20],
      ['2', 'Dự án 3', 500, 450, 30, 10, 10],
    ];
    expect(cols(rows)).toMatchObject({ nstw: 3, nsdp_tinh: 4, nsdp_huyen: 5, nsdp_xa: 6 });
    expect(codes(rows)).toEqual([]);
    const grouped: Row[] = [
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'Ngân sách địa phương', null, null],
      [null, null, null, null, 'Tỉnh', 'Huyện', 'Xã'],
      ['1', 'Dự án 2', 1000, 880, 60, 40, 20],
    ];
    expect(codes(grouped, [{ top: 0, left: 4, bottom: 0, right: 6 }])).toEqual([]);
  });

  it('reads "Tr.đồng" and "1.000 đồng" unit lines', () => {
    expect(parseUnitLine('Đơn vị tính: Tr.đồng')?.unit).toBe('trieu');
    expect(parseUnitLine('ĐVT: tr.đ')?.unit).toBe('trieu');
    expect(parseUnitLine('Đơn vị tính: 1.000 đồng')?.unit).toBe('nghin');
    expect(parseUnitLine('Đơn vị tính: đồng')?.unit).toBe('dong');
  });
});

describe('review: percentages stored the Excel way (0.0521 shown as 5,21%)', () => {
  const P = (value: number | null, numFmt = '0.00%'): Cell => ({ value, numFmt });
  const poverty = (): Row[] => [
    ['TT', 'Thôn', 'Tổng số hộ', 'Hộ nghèo đầu năm', null, 'Chỉ tiêu cuối năm', null, 'Giảm'],
    [null, null, null, 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ'],
    ['1', 'Thôn A', 600, 30, P(0.05), 20, P(0.0333), 10],
    ['2', 'Thôn B', 629, 34, P(0.0541), 20, P(0.0318), 14],
    [null, 'Toàn xã', 1229, 64, P(0.0521), 40, P(0.0325), 24],
  ];

  it('reads them as percentages: a correct sheet is clean, a wrong rate is caught in percent', () => {
    expect(codes(poverty())).toEqual([]);
    const rows = poverty();
    (rows[2] as Row)[4] = P(0.055);
    const issue = validateSheet(gridFromRows('S', rows)).issues.find(
      (i) => i.code === 'rate/mismatch',
    );
    expect(issue).toMatchObject({ cell: 'E3', expected: '5', actual: '5.5' });
  });

  it('fills them as ratios with a ratio formula', async () => {
    const { fillSheet } = await import('../fill/fill.js');
    const { applyWrites } = await import('../__fixtures__/apply.js');
    const rows = poverty().map((r, i) =>
      i >= 2 ? r.map((c, j) => (j === 4 || j === 6 ? P(null) : c)) : r,
    );
    const g = gridFromRows('S', rows);
    const { writes, conflicts } = fillSheet(g);
    expect(conflicts).toEqual([]);
    expect(writes.find((w) => w.cell === 'E5')).toMatchObject({
      formula: 'ROUND(D5/C5,4)',
      text: '0.0521',
    });
    const after = validateSheet(applyWrites(g, writes)).issues.filter(
      (i) => i.severity === 'error',
    );
    expect(after).toEqual([]);
  });

  it('range-checks and direction-checks service targets in % format', () => {
    const rows: Row[] = [
      ['TT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện 2023', 'Kế hoạch 2024'],
      ['1', 'Tỷ lệ hộ sử dụng nước sạch', '%', '90%', P(0.95, '0.0%')],
      ['2', 'Tỷ lệ hộ có nhà tiêu hợp vệ sinh', '%', P(0.86, '0%'), P(1.05, '0.0%')],
      ['3', 'Tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân', '%', P(0.082, '0.0%'), P(0.077, '0.0%')],
    ];
    const found = codes(rows).filter((c) => !c.includes('number-as-text'));
    expect(found).toEqual(['E3 rate/range']);
  });
});

describe('review: where the table ends, sub-totals, of-which bullets', () => {
  const muongLay = (): Row[] => [
    ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
    [null, 'Tổng cộng', 150, 140, 10],
    ['1', 'Dự án 2', 100, 100, null],
    ['2', 'Dự án 4', 50, 40, 10],
  ];

  it('stops before a signature block, a date line or a second table', () => {
    expect(
      codes([
        ...muongLay(),
        [],
        [null, null, null, 'Người lập biểu', 'Chủ tịch'],
        [null, null, null, 'Nguyễn Văn A', 'Trần Văn B'],
      ]),
    ).toEqual([]);
    expect(
      codes([
        ...muongLay(),
        [],
        [null, null, 'Ngày 15 tháng 3 năm 2024'],
        [null, null, 'TM. ỦY BAN NHÂN DÂN'],
        [null, null, 'CHỦ TỊCH'],
      ]),
    ).toEqual([]);
    expect(
      codes([
        ...muongLay(),
        [],
        ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
        [null, 'Tổng cộng', 60, 60, null],
        ['1', 'Dự án 2', 60, 60, null],
      ]),
      // The second table is not read: the report says so (never a clean bill for it).
    ).toEqual(['A7 table/rows-not-read']);
    // A date written across cells as numbers, under a table whose total comes last.
    const totalLast: Row[] = [
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
      ['1', 'Dự án 2', 3154, 3154, null],
      ['2', 'Dự án 5', 968, 880, 88],
      [null, 'Tổng cộng', 4122, 4034, 88],
    ];
    expect(codes([...totalLast, [], [null, 'Mường Chà, ngày', 15, 3, 2024]])).toEqual([]);
    expect(codes([...totalLast, [null, 'Ngày 20 tháng 12 năm 2024', null, 2024, null]])).toEqual(
      [],
    );
    expect(codes([...totalLast, [null, 'NGƯỜI LẬP BIỂU', 15, 3, 'KT. CHỦ TỊCH']])).toEqual([]);
    // Past a grand total and a blank row, figures are not the table's: named, not added in.
    expect(codes([...totalLast, [], ['1', 'Dự án 6', 522, 522, null]])).toEqual([
      'A6 table/rows-not-read',
    ]);
    // Text inside the table is still reported.
    const rows = muongLay();
    (rows[2] as Row)[3] = 'chưa có';
    expect(codes(rows)).toContain('D3 cell/not-number');
  });

  it('reads a first data row whose figures are typed as text as data, not as a header', () => {
    const rows: Row[] = [
      ['PHỤ LỤC SỐ 01'],
      [null, null, null, 'Đơn vị tính: triệu đồng'],
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
      ['1', 'Dự án 2', '3.154', '3.154', null],
      ['2', 'Dự án 3', 1469, 1469, null],
      ['3', 'Dự án 4', 1695, 1588, 107],
      [null, 'Tổng cộng', 6318, 6211, 107],
    ];
    const report = validateSheet(gridFromRows('S', rows));
    expect(report.layout).toBe('budget-allocation');
    expect(report.issues.map((i) => `${i.cell} ${i.code}`)).toEqual([
      'C4 cell/ambiguous-number',
      'D4 cell/ambiguous-number',
    ]);
    // The header is the header row alone: the figures are not part of a column's name.
    expect(report.coverage.checked.map((c) => c.header)).toEqual(['Tổng số', 'NSTW', 'NSĐP']);
  });

  it('reads sub-totals named by their unit ("Cộng xã Ba Thành") under heading-only groups', async () => {
    const rows = (subtotal = 40, grand = 98): Row[] => [
      ['TT', 'Xã, thôn', 'Tổng số hộ', 'Số hộ nghèo'],
      ['I', 'Xã Ba Thành', null, null],
      ['1', 'Thôn Gò Da', 212, 18],
      ['2', 'Thôn Nước Lăng', 175, 22],
      [null, 'Cộng xã Ba Thành', 387, subtotal],
      ['II', 'Xã Ba Điền', null, null],
      ['1', 'Thôn Nước Y', 144, 31],
      ['2', 'Thôn Mang Lùng', 198, 27],
      [null, 'Cộng xã Ba Điền', 342, 58],
      [null, 'Tổng cộng', 729, grand],
    ];
    const sums = (r: Row[]) => codes(r).filter((c) => c.includes(' sum/'));
    expect(sums(rows())).toEqual([]);
    // A sub-total off: caught at it, and the grand total over the sub-totals still adds up.
    expect(sums(rows(48, 106))).toEqual(['D5 sum/foot']);
    // The grand total off.
    expect(sums(rows(40, 108))).toEqual(['D10 sum/foot']);
    // Fill of the same annex with every derived cell empty writes the sub-totals and the grand
    // total over them, and nothing into the heading rows.
    const { fillSheet } = await import('../fill/fill.js');
    const { applyWrites } = await import('../__fixtures__/apply.js');
    const empty = rows().map((r, i) =>
      i === 4 || i === 8 || i === 9 ? [r[0], r[1], null, null] : r,
    );
    const g = gridFromRows('S', empty);
    const { writes } = fillSheet(g);
    expect(
      writes.map((w) => `${String.fromCharCode(65 + w.col)}${w.row + 1} ${w.formula}`),
    ).toEqual(
      expect.arrayContaining([
        'C5 SUM(C3:C4)',
        'C9 SUM(C7:C8)',
        'C10 SUM(C5,C9)',
        'D10 SUM(D5,D9)',
      ]),
    );
    expect(writes.filter((w) => w.row === 1 || w.row === 5)).toEqual([]);
    expect(
      validateSheet(applyWrites(g, writes)).issues.filter((i) => i.severity !== 'info'),
    ).toEqual([]);
  });

  it('holds a "Trong đó" row to the row it is part of, never adding it in', () => {
    const rows = (dtts: number): Row[] => [
      ['TT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo'],
      ['1', 'Xã Ba Thành', 688, 49],
      [null, 'Trong đó: hộ DTTS', 210, 30],
      ['2', 'Xã Ba Vinh', 512, 40],
      [null, 'Trong đó: hộ DTTS', 120, dtts],
      [null, 'Toàn huyện', 1200, 89],
    ];
    const sums = (r: Row[]) => codes(r).filter((c) => c.includes(' sum/'));
    expect(sums(rows(35))).toEqual([]);
    expect(sums(rows(45))).toEqual(['D5 sum/foot']);
    const issue = validateSheet(gridFromRows('S', rows(45))).issues.find((i) => i.cell === 'D5');
    expect(issue?.message.vi).toContain('lớn hơn dòng "Xã Ba Vinh"');
  });

  it('checks group sub-totals ("Cộng" after the items) and the grand total over them', () => {
    const rows: Row[] = [
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
      ['I', 'Huyện A', null, null, null],
      ['1', 'Dự án 2', 100, 100, null],
      ['2', 'Dự án 3', 50, 40, 10],
      [null, 'Cộng', 150, 140, 10],
      ['II', 'Huyện B', null, null, null],
      ['1', 'Dự án 2', 30, 30, null],
      [null, 'Cộng', 30, 30, null],
      [null, 'Tổng cộng (I+II)', 180, 170, 10],
    ];
    expect(codes(rows)).toEqual([]);
    (rows[7] as Row)[2] = 40;
    (rows[7] as Row)[3] = 40;
    (rows[8] as Row)[2] = 999;
    expect(codes(rows)).toEqual(expect.arrayContaining(['C8 sum/foot', 'C9 sum/foot']));
  });

  it('keeps bulleted "Trong đó" rows out of the parent', () => {
    const rows: Row[] = [
      ['TT', 'Nội dung', 'Tổng số'],
      [null, 'Tổng cộng', 150],
      ['1', 'Dự án 3', 150],
      [null, 'Trong đó:', null],
      ['-', 'Hộ nghèo dân tộc thiểu số', 100],
      ['2', 'Dự án 4', 0],
    ];
    expect(codes(rows)).toEqual([]);
  });
});

describe('review: totals and levels', () => {
  it('reads a total typed in the TT column', () => {
    const rows: Row[] = [
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
      ['1', 'Dự án 2', 100, 100, null],
      ['2', 'Dự án 4', 50, 40, 10],
      ['-', 'Tiểu dự án 1', 50, 40, 10],
      ['Tổng cộng', null, 150, 140, 10],
    ];
    expect(codes(rows, [{ top: 4, left: 0, bottom: 4, right: 1 }])).toEqual([]);
    (rows[4] as Row)[2] = 999;
    expect(codes(rows, [{ top: 4, left: 0, bottom: 4, right: 1 }])).toContain('C5 sum/foot');
  });

  it('does not take "Tổng kết, đánh giá" or a bulleted row for a total', () => {
    const rows: Row[] = [
      ['TT', 'Nội dung', 'Tổng số'],
      ['1', 'Dự án 7', 180],
      ['-', 'Kiểm tra, giám sát', 100],
      ['-', 'Tổng kết, đánh giá', 80],
    ];
    expect(codes(rows)).toEqual([]);
  });

  it('puts A, B parts above I and 1', () => {
    const rows: Row[] = [
      ['TT', 'Nội dung', 'Tổng số'],
      [null, 'Tổng cộng', 180],
      ['A', 'Vốn đầu tư', 100],
      ['1', 'Dự án 1', 100],
      ['B', 'Vốn sự nghiệp', 80],
      ['1', 'Dự án 2', 50],
      ['2', 'Dự án 3', 30],
    ];
    expect(codes(rows)).toEqual([]);
  });

  it('checks the counterpart ratio on NSĐP given as ĐTPT + sự nghiệp', () => {
    const rows: Row[] = [
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP', null],
      [null, null, null, null, 'Đầu tư', 'Sự nghiệp'],
      [null, 'Tổng cộng', 1000, 990, 5, 5],
      ['1', 'Dự án 4', 1000, 990, 5, 5],
    ];
    const merges = [{ top: 0, left: 4, bottom: 0, right: 5 }];
    expect(codes(rows, merges, { counterpartRatio: 10 })).toContain('E3 budget/counterpart-ratio');
  });
});
