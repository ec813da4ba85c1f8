import { describe, expect, it } from 'vitest';
import { applyWrites } from '../__fixtures__/apply.js';
import { detectLayout } from '../annex/detect.js';
import { fillSheet } from '../fill/fill.js';
import { gridFromRows } from '../grid/grid.js';
import type { Cell, CellValue, MergeRange } from '../grid/types.js';
import { validateSheet } from './validate.js';

type Row = (CellValue | Cell | undefined)[];
const at = (rows: Row[], merges: MergeRange[] = []) =>
  validateSheet(gridFromRows('M', rows, merges)).issues.map((i) => `${i.cell} ${i.code}`);

/** Budget by commune (rows) and project (columns), total row last, Mường Lay's figures spread over two wards. */
function matrix(): Row[] {
  return [
    ['PHỤ LỤC SỐ 01'],
    [null, null, null, null, null, 'Đơn vị tính: triệu đồng'],
    ['TT', 'Đơn vị', 'Tổng số', 'Dự án 2', 'Dự án 3 - TDA1', 'Du an 7 - TDA2'],
    ['1', 'Phường Na Lay', 2500, 1800, 600, 100],
    ['2', 'Xã Lay Nưa', 2295, 1354, 869, 72],
    [null, 'Tổng cộng', 4795, 3154, 1469, 172],
  ];
}

describe('unit × project matrix', () => {
  it('adds a project under both capital types once for each, whichever level is on top', () => {
    const m = (top: Row, bottom: Row, merges: MergeRange[], c9 = 2860): [Row[], MergeRange[]] => [
      [
        ['PHỤ LỤC SỐ 03'],
        [null, null, null, null, null, null, null, null, 'Đơn vị tính: triệu đồng'],
        top,
        bottom,
        [null, 'Toàn huyện', 5920, 3300, 220, 1200, 900, 300],
        ['1', 'Xã Mường Tùng', 3060, 1800, 120, 650, 400, 90],
        ['2', 'Xã Huổi Lèng', c9, 1500, 100, 550, 500, 210],
      ],
      merges,
    ];
    const R = (r: number, c: number, r2: number, c2: number): MergeRange => ({
      top: r,
      left: c,
      bottom: r2,
      right: c2,
    });
    const projectOverType = m(
      ['TT', 'Đơn vị', 'Tổng cộng', 'Dự án 1', null, 'Dự án 2', 'Dự án 3', 'Dự án 4'],
      [null, null, null, 'Đầu tư', 'Sự nghiệp', 'Sự nghiệp', 'Sự nghiệp', 'Sự nghiệp'],
      [R(2, 0, 3, 0), R(2, 1, 3, 1), R(2, 2, 3, 2), R(2, 3, 2, 4)],
    );
    const typeOverProject = m(
      ['TT', 'Đơn vị', 'Tổng cộng', 'Vốn đầu tư', 'Vốn sự nghiệp', null, null, null],
      [null, null, null, 'Dự án 1', 'Dự án 1', 'Dự án 2', 'Dự án 3', 'Dự án 4'],
      [R(2, 0, 3, 0), R(2, 1, 3, 1), R(2, 2, 3, 2), R(2, 4, 2, 7)],
    );
    for (const [rows, merges] of [projectOverType, typeOverProject]) {
      expect(at(rows, merges)).toEqual([]);
      // A unit's total off by 100: caught at it, with the right expected sum.
      rows[6]![2] = 2960;
      const issues = validateSheet(gridFromRows('M', rows, merges)).issues;
      expect(issues.map((i) => `${i.cell} ${i.code}`)).toContain('C7 sum/crossfoot');
      expect(issues.find((i) => i.cell === 'C7' && i.code === 'sum/crossfoot')?.expected).toBe(
        '2860',
      );
    }
  });

  it('is detected with one column per project header', () => {
    const d = detectLayout(gridFromRows('M', matrix()));
    expect(d.fit?.layout.id).toBe('budget-matrix');
    expect(Object.fromEntries(d.fit?.columns ?? [])).toMatchObject({
      tt: 0,
      label: 1,
      total: 2,
      da2: 3,
      da3_tda1: 4,
      da7_tda2: 5,
    });
  });

  it('validates a clean matrix without issues, and fills it', () => {
    expect(at(matrix())).toEqual([]);
    const rows = matrix();
    for (const r of [3, 4, 5]) (rows[r] as Row)[2] = null;
    const g = gridFromRows('M', rows);
    const filled = applyWrites(g, fillSheet(g).writes);
    expect(filled.cells[5]?.[2]?.value).toBe(4795);
    expect(validateSheet(filled).issues.filter((i) => i.code.startsWith('sum/'))).toEqual([]);
  });

  it('catches a matrix whose row and column totals disagree', () => {
    const rows = matrix();
    (rows[4] as Row)[2] = 2300; // row total ≠ its projects
    (rows[5] as Row)[4] = 1470; // column total ≠ its units
    const codes = at(rows);
    expect(codes).toContain('C5 sum/crossfoot');
    expect(codes).toContain('E6 sum/foot');
  });

  it('checks project headers against the catalogue, at the header cell', () => {
    const rows = matrix();
    (rows[2] as Row)[5] = 'Dự án 9';
    (rows[2] as Row)[4] = 'Tiểu dự án 1 - Dự án 6: Truyền thông về giảm nghèo đa chiều';
    const codes = at(rows);
    expect(codes).toContain('F3 catalog/unknown-project');
    expect(codes).toContain('E3 catalog/name-mismatch');
  });

  it('reads two header levels: project over funding source', () => {
    const rows: Row[] = [
      ['TT', 'Đơn vị', 'Tổng số', 'Dự án 2', null, 'Dự án 4', null],
      [null, null, null, 'NSTW', 'NSĐP', 'NSTW', 'NSĐP'],
      ['1', 'Xã A', 300, 100, 50, 120, 30],
      ['2', 'Xã B', 200, 80, 20, 90, 10],
      [null, 'Tổng cộng', 500, 180, 70, 210, 40],
    ];
    const merges = [
      { top: 0, left: 3, bottom: 0, right: 4 },
      { top: 0, left: 5, bottom: 0, right: 6 },
    ];
    const d = detectLayout(gridFromRows('M', rows, merges));
    expect(Object.fromEntries(d.fit?.columns ?? [])).toMatchObject({
      da2_nstw: 3,
      da2_nsdp: 4,
      da4_nstw: 5,
      da4_nsdp: 6,
    });
    expect(at(rows, merges)).toEqual([]);
    (rows[3] as Row)[2] = 210;
    expect(at(rows, merges)).toEqual(['C4 sum/crossfoot', 'C5 sum/foot']);
  });
});
