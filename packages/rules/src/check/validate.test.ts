import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../grid/grid.js';
import type { Cell, CellValue } from '../grid/types.js';
import { muongLayGrid, muongLayRows } from '../__fixtures__/muong-lay.js';
import {
  baToGrid,
  caoNgocGrid,
  caoNgocRows,
  kimBangGrid,
  serviceRows,
} from '../__fixtures__/seeds.js';
import { validateSheet } from './validate.js';
import type { Report } from './types.js';

type Row = (CellValue | Cell | undefined)[];
const at = (r: Report) => r.issues.map((i) => `${i.cell} ${i.code}`);
const set = (rows: Row[], a1row: number, col: number, v: CellValue | Cell) => {
  (rows[a1row - 1] as Row)[col] = v;
  return rows;
};

describe('seed plans', () => {
  it('Mường Lay 2024 foots to 7.645 = 7.538 + 107 with no issue', () => {
    const r = validateSheet(muongLayGrid());
    expect(r.layout).toBe('budget-allocation');
    expect(r.issues).toEqual([]);
    expect(r.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it('Ba Tơ 2024 in đồng foots to 2.444.771.300', () => {
    const r = validateSheet(baToGrid());
    expect(r.layout).toBe('budget-allocation');
    expect(r.issues).toEqual([]);
    const wrong = baToGrid();
    (wrong.cells[3] as Cell[])[2] = { value: 2444771000 };
    const bad = validateSheet(wrong);
    expect(bad.issues[0]).toMatchObject({
      code: 'sum/foot',
      cell: 'C4',
      expected: '2444771300',
      actual: '2444771000',
    });
  });

  it('Cao Ngọc 2024: 64 → 40 households at 5,21% → 3,25% on 1.229 households, no issue', () => {
    const r = validateSheet(caoNgocGrid());
    expect(r.layout).toBe('poverty-targets');
    expect(r.issues).toEqual([]);
  });

  it('the programme totals of QĐ 90 foot and cross-foot (tỷ đồng)', () => {
    const g = gridFromRows('QD90', [
      ['Đơn vị tính: tỷ đồng'],
      ['TT', 'Nguồn vốn', 'Tổng số', 'Vốn đầu tư phát triển', 'Vốn sự nghiệp'],
      [null, 'Tổng cộng', 75000, null, null],
      ['1', 'Ngân sách trung ương', 48000, 20000, 28000],
      ['2', 'Ngân sách địa phương', 12690, 1700, 10990],
      ['3', 'Huy động hợp pháp khác', 14310, null, null],
    ]);
    const r = validateSheet(g, { layout: 'budget-allocation' });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    (g.cells[2] as Cell[])[2] = { value: 74000 };
    expect(at(validateSheet(g, { layout: 'budget-allocation' }))).toContain('C3 sum/foot');
  });

  it('rejects a "trên 100%" target', () => {
    const rows = serviceRows();
    rows.push(['7', 'Tỷ lệ hộ nghèo được tiếp cận nguồn nước hợp vệ sinh', '%', 95, 'trên 100%']);
    const r = validateSheet(gridFromRows('DV', rows));
    expect(r.layout).toBe('service-targets');
    expect(r.issues.filter((i) => i.code === 'rate/range').map((i) => i.cell)).toEqual(['E10']);
  });
});

describe('sums', () => {
  it('names the cell and the rows of a total that does not foot', () => {
    const r = validateSheet(muongLayGrid(set(muongLayRows(), 8, 2, 7185)));
    const foot = r.issues.find((i) => i.code === 'sum/foot');
    expect(foot).toMatchObject({ cell: 'C8', severity: 'error', expected: '7645', actual: '7185' });
    expect(foot?.message.vi).toContain('9, 10, 12, 15, 18');
    expect(foot?.message.vi).toContain('7.645');
    expect(foot?.message.en).toContain('7,645');
  });

  it('adds children, not grandchildren', () => {
    // Dự án 4 = TDA1 + TDA3 = 1.892; its grandchildren are not added again.
    const r = validateSheet(muongLayGrid());
    expect(at(r)).not.toContain('C12 sum/foot');
  });

  it('cross-foots each row: total = NSTW + NSĐP', () => {
    const r = validateSheet(muongLayGrid(set(muongLayRows(), 13, 2, 1700)));
    expect(at(r)).toContain('C13 sum/crossfoot');
    expect(r.issues.find((i) => i.code === 'sum/crossfoot')).toMatchObject({
      expected: '1695',
      actual: '1700',
    });
  });

  it('keeps "Trong đó" rows out of the parent sum', () => {
    const g = gridFromRows('S', [
      ['TT', 'Nội dung', 'Tổng số'],
      [null, 'Tổng cộng', 300],
      ['1', 'Dự án 2', 100],
      [null, 'Trong đó:', null],
      [null, '- Vốn NSTW', 90],
      ['2', 'Dự án 3', 200],
    ]);
    expect(validateSheet(g).issues).toEqual([]);
  });

  it('reads a total row placed last', () => {
    const g = gridFromRows('S', [
      ['TT', 'Nội dung', 'Tổng số'],
      ['1', 'Dự án 2', 100],
      ['2', 'Dự án 3', 200],
      [null, 'Cộng', 350],
    ]);
    expect(at(validateSheet(g))).toEqual(['C4 sum/foot']);
  });

  it('calls a difference hidden by the display a rounding (info)', () => {
    const g = gridFromRows('S', [
      ['TT', 'Nội dung', 'Tổng số'],
      [null, 'Tổng cộng', { value: 3, numFmt: '#,##0' }],
      ['1', 'Dự án 2', { value: 1.4, numFmt: '#,##0' }],
      ['2', 'Dự án 3', { value: 1.4, numFmt: '#,##0' }],
    ]);
    const r = validateSheet(g);
    expect(r.issues.map((i) => `${i.code} ${i.severity}`)).toEqual(['sum/rounding info']);
  });

  it('takes a user tolerance', () => {
    const g = gridFromRows('S', [
      ['TT', 'Nội dung', 'Tổng số'],
      [null, 'Tổng cộng', 301],
      ['1', 'Dự án 2', 100],
      ['2', 'Dự án 3', 200],
    ]);
    expect(at(validateSheet(g))).toEqual(['C2 sum/foot']);
    expect(at(validateSheet(g, { tolerance: 1 }))).toEqual(['C2 sum/rounding']);
  });
});

describe('cells', () => {
  it('reports error values, text, numbers as text, ambiguous numbers, negatives and decimals', () => {
    const rows = muongLayRows();
    set(rows, 9, 3, { error: '#REF!' });
    set(rows, 11, 3, 'chưa có');
    set(rows, 14, 2, '197');
    set(rows, 14, 3, '1.469');
    set(rows, 16, 3, -522);
    set(rows, 17, 3, 148.12345);
    const r = validateSheet(muongLayGrid(rows), { tolerance: 100000 });
    const codes = at(r);
    expect(codes).toContain('D9 cell/error-value');
    expect(codes).toContain('D11 cell/not-number');
    expect(codes).toContain('C14 cell/number-as-text');
    expect(codes).toContain('D14 cell/ambiguous-number');
    expect(codes).toContain('D16 cell/negative');
    expect(codes).toContain('D17 cell/precision');
  });

  it('reads "1.469" as the locale says, without an ambiguity warning', () => {
    const rows = set(muongLayRows(), 10, 2, '1.469');
    const r = validateSheet(muongLayGrid(rows), { locale: 'vi' });
    expect(at(r)).toEqual(['C10 cell/number-as-text']);
  });

  it('wants whole households', () => {
    const rows = caoNgocRows();
    set(rows, 6, 2, 312.5);
    expect(at(validateSheet(caoNgocGrid(rows)))).toContain('C6 cell/not-whole');
  });
});

describe('catalogue checks', () => {
  it('flags a sub-project whose name belongs to its sibling, and an unknown project', () => {
    const rows = muongLayRows();
    set(rows, 16, 1, 'Tiểu dự án 1: Truyền thông về giảm nghèo đa chiều');
    set(rows, 9, 1, 'Dự án 9: Đa dạng hóa sinh kế');
    const r = validateSheet(muongLayGrid(rows));
    expect(at(r)).toContain('B16 catalog/name-mismatch');
    expect(r.issues.find((i) => i.code === 'catalog/name-mismatch')?.message.vi).toContain(
      'DA6.TDA2',
    );
    expect(at(r)).toContain('B9 catalog/unknown-project');
  });

  it('reads a repeated label under each project it stands under', () => {
    // "Tiểu dự án 3" is DA4's (it has three) but not DA3's (two): the same text, two answers.
    const g = gridFromRows('S', [
      ['TT', 'Nội dung', 'Tổng số', 'Ngân sách trung ương', 'Ngân sách địa phương'],
      ['1', 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', 10, 10, 0],
      ['-', 'Tiểu dự án 3', 10, 10, 0],
      ['2', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', 10, 10, 0],
      ['-', 'Tiểu dự án 3', 10, 10, 0],
      ['3', 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', 10, 10, 0],
      ['-', 'Tiểu dự án 3', 10, 10, 0],
    ]);
    const unknown = validateSheet(g)
      .issues.filter((i) => i.code === 'catalog/unknown-project')
      .map((i) => i.cell);
    expect(unknown).toEqual(['B3', 'B7']);
  });

  it('warns of investment capital on a recurrent-only line, citing the belief', () => {
    const g = gridFromRows(
      'S',
      [
        ['TT', 'Nội dung', 'Tổng số', 'NSTW', null],
        [null, null, null, 'Đầu tư phát triển', 'Sự nghiệp'],
        ['1', 'Dự án 2', 100, 40, 60],
        ['2', 'Dự án 1', 500, 500, 0],
      ],
      [{ top: 0, left: 3, bottom: 0, right: 4 }],
    );
    const r = validateSheet(g);
    expect(at(r)).toEqual(['D3 catalog/capital-type']);
    expect(r.issues[0]?.severity).toBe('warning');
    expect(r.issues[0]?.message.en).toContain('unconfirmed');
    expect(r.issues[0]?.message.en).toContain('investment capital goes only to DA1');
    // The Vietnamese message is Vietnamese throughout, its source included.
    expect(r.issues[0]?.message.vi).toContain('vốn đầu tư phát triển chỉ dành cho DA1');
    expect(r.issues[0]?.message.vi).not.toMatch(/Believed|investment/);
  });
});

describe('results against the plan, indicator by indicator', () => {
  const rows = (f7: number): Array<Array<CellValue>> => [
    ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2024'],
    ['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ thực hiện so với kế hoạch (%)'],
    ['1', 'Số hộ thoát nghèo', 'hộ', 120, 132, 110],
    ['2', 'Số lao động được đào tạo nghề', 'người', 300, 276, f7],
    ['3', 'Tỷ lệ hộ có nhà tiêu hợp vệ sinh', '%', 80, 78.5, 98.13],
  ];

  it('reads "Thực hiện" after "Kế hoạch" as the result, never as last year', () => {
    const r = validateSheet(gridFromRows('S', rows(92)));
    // 120 planned, 132 done: not a target that "goes the wrong way against last year".
    expect(r.issues.filter((i) => i.code === 'target/direction')).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.coverage.checked.map((c) => c.column)).toContain('F');
  });

  it('checks the result against the target', () => {
    const r = validateSheet(gridFromRows('S', rows(108.7)));
    expect(
      r.issues.filter((i) => i.severity === 'error').map((i) => `${i.cell} ${i.code}`),
    ).toEqual(['F4 rate/mismatch']);
  });
});

describe('budget checks', () => {
  it('suspects an amount typed in đồng in a triệu-đồng sheet', () => {
    const rows = muongLayRows();
    set(rows, 19, 2, 288000000);
    set(rows, 19, 3, 288000000);
    const r = validateSheet(muongLayGrid(rows));
    const suspect = r.issues.filter((i) => i.code === 'budget/unit-suspect');
    expect(suspect.map((i) => i.cell)).toEqual(['C19', 'D19']);
    expect(suspect[0]?.expected).toBe('288');
  });

  it('checks the counterpart ratio only when set', () => {
    expect(at(validateSheet(muongLayGrid()))).toEqual([]);
    const r = validateSheet(muongLayGrid(), { counterpartRatio: 10 });
    expect(r.issues.map((i) => `${i.cell} ${i.code} ${i.actual}`)).toEqual([
      'E8 budget/counterpart-ratio 1.4',
    ]);
  });
});

describe('poverty targets', () => {
  it('catches a rate that does not match its counts', () => {
    const rows = set(caoNgocRows(), 6, 4, 5.5);
    const r = validateSheet(caoNgocGrid(rows));
    expect(r.issues.find((i) => i.code === 'rate/mismatch')).toMatchObject({
      cell: 'E6',
      expected: '5.77',
      actual: '5.5',
    });
  });

  it('catches a total rate averaged from the rows', () => {
    const rows = caoNgocRows();
    const rates = [6, 7, 8, 9].map((r) => (rows[r - 1] as Row)[4] as number);
    const mean = Math.round((rates.reduce((a, b) => a + b, 0) / rates.length) * 100) / 100;
    set(rows, 10, 4, mean);
    const codes = at(validateSheet(caoNgocGrid(rows)));
    expect(codes).toContain('E10 rate/averaged-total');
    expect(codes).not.toContain('E10 rate/mismatch');
  });

  it('catches a reduction that is not start − end, and a target that raises poverty', () => {
    const rows = caoNgocRows();
    set(rows, 7, 7, 4);
    set(rows, 8, 5, 19);
    const codes = at(validateSheet(caoNgocGrid(rows), { tolerance: 100 }));
    expect(codes).toContain('H7 target/reduction-mismatch');
    expect(codes).toContain('F8 target/raises-poverty');
  });

  it('accepts a reduction written as −24', () => {
    const rows = set(caoNgocRows(), 10, 7, -24);
    expect(at(validateSheet(caoNgocGrid(rows)))).toEqual([]);
  });

  it('checks summed reductions against the assigned target', () => {
    expect(at(validateSheet(caoNgocGrid(), { assignedReduction: 24 }))).toEqual([]);
    const r = validateSheet(caoNgocGrid(), { assignedReduction: 30 });
    expect(r.issues.map((i) => `${i.cell} ${i.code} ${i.expected} ${i.actual}`)).toEqual([
      'H10 target/below-assigned 30 24',
    ]);
  });

  it('reads Kim Bảng 2023: 2,5% → 1,95% is a drop of 0,55 points', () => {
    const g = kimBangGrid(0.55);
    const r = validateSheet(g);
    expect(r.layout).toBe('poverty-targets');
    expect(r.issues).toEqual([]);
    (g.cells[2] as Cell[])[8] = { value: 0.65 };
    expect(at(validateSheet(g))).toEqual(['I3 target/reduction-mismatch']);
  });

  it('wants poor + near-poor within households', () => {
    const g = gridFromRows('P', [
      ['TT', 'Thôn', 'Tổng số hộ', 'Hộ nghèo', 'Hộ cận nghèo'],
      ['1', 'Bản A', 100, 60, 50],
    ]);
    expect(at(validateSheet(g, { layout: 'poverty-targets' }))).toContain(
      'E2 target/exceeds-households',
    );
  });
});

describe('service targets', () => {
  it('accepts the Mường Lay targets', () => {
    const r = validateSheet(gridFromRows('DV', serviceRows()));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('flags a target that moves the wrong way and names unknown indicators', () => {
    const rows = serviceRows();
    set(rows, 4, 4, 9.0);
    rows.push(['7', 'Số km đường bê tông hóa', 'km', 10, 12]);
    const r = validateSheet(gridFromRows('DV', rows));
    expect(at(r)).toContain('E4 target/direction');
    expect(at(r)).toContain('B10 catalog/unknown-indicator');
  });
});

describe('reports', () => {
  it('reports a sheet that fits no layout as info, not as a failure', () => {
    const r = validateSheet(gridFromRows('Notes', [['Ghi chép'], ['không phải phụ lục']]));
    expect(r.layout).toBeNull();
    expect(r.issues.map((i) => `${i.code} ${i.severity}`)).toEqual(['header/unknown-layout info']);
  });

  it('names a missing required column', () => {
    const g = gridFromRows('S', [
      ['TT', 'Chỉ tiêu', 'Kế hoạch 2024'],
      ['1', 'Tỷ lệ hộ nghèo', 3],
    ]);
    const r = validateSheet(g, { layout: 'service-targets' });
    expect(at(r)).toContain('A1 header/missing-column');
  });

  it('gives every message in Vietnamese with diacritics and in English', () => {
    const r = validateSheet(muongLayGrid(set(muongLayRows(), 8, 2, 7185)));
    for (const i of r.issues) {
      expect(i.message.vi).toMatch(/[àáảãạăâđêôơư]/);
      expect(i.message.en).not.toBe(i.message.vi);
      expect(i.message.vi).not.toMatch(/\{\w+\}/);
      expect(i.message.en).not.toMatch(/\{\w+\}/);
    }
  });

  it('never throws on odd grids', () => {
    const odd = [
      gridFromRows('E', []),
      gridFromRows('T', [
        ['a', 'b'],
        [true, false],
      ]),
      gridFromRows('N', [[Number.NaN, Infinity, 1e308, -1e308]]),
      gridFromRows('X', [
        ['TT', 'Nội dung', 'Tổng số'],
        [null, 'Tổng cộng', { error: '#DIV/0!' }],
        ['1', 'Dự án 2', 1e308],
        ['2', 'Dự án 3', 1e308],
      ]),
      {
        name: 'holes',
        cells: [[undefined, null], [], [null]],
        merges: [{ top: 5, left: 5, bottom: 2, right: 2 }],
      } as never,
    ];
    for (const g of odd) expect(() => validateSheet(g)).not.toThrow();
  });
});
