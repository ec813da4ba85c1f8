import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyGrid } from '../__fixtures__/arbitraries.js';
import { muongLayGrid, muongLayRows } from '../__fixtures__/muong-lay.js';
import {
  baToGrid,
  caoNgocGrid,
  caoNgocRows,
  kimBangGrid,
  serviceRows,
} from '../__fixtures__/seeds.js';
import { detectLayout } from '../annex/detect.js';
import { gridFromRows } from '../grid/grid.js';
import type { Cell, CellValue, Grid } from '../grid/types.js';
import { Decimal } from '../money/decimal.js';
import { checkCells } from './cells.js';
import { buildModel, type SheetModel } from './model.js';
import { approxNumber } from './approx.js';
import { checkRange, checkRates, checkTargets } from './poverty.js';
import { isOutOfPercentRange } from '../relations/declared.js';
import { checkServiceTargets } from './service.js';
import type { NumericCell } from './read-cell.js';
import type { Issue, ValidateOptions } from './types.js';
import {
  referenceCheckCells,
  referenceCheckRange,
  referenceCheckRates,
  referenceCheckServiceTargets,
  referenceCheckTargets,
} from './__fixtures__/checks-reference.js';
import { povertySheet, serviceSheet } from './__fixtures__/sheets.js';

type Row = (CellValue | Cell | undefined)[];
type Check = (m: SheetModel, issues: Issue[]) => void;

/** Each check with its pre-optimisation reference. */
const CHECKS: ReadonlyArray<readonly [string, Check, Check]> = [
  ['cells', checkCells, referenceCheckCells],
  ['range', checkRange, referenceCheckRange],
  ['rates', checkRates, referenceCheckRates],
  ['targets', checkTargets, referenceCheckTargets],
  ['service', checkServiceTargets, referenceCheckServiceTargets],
];

/**
 * Every check gives the very issues its reference gives (codes, cells, messages, numbers,
 * order). Each side reads its own model: a model's numbers are read lazily, and neither side
 * may lean on what the other read. Returns the issues of the checks, or undefined when no
 * layout fits.
 */
function expectSameIssues(grid: Grid, options: ValidateOptions = {}): Issue[] | undefined {
  const detection = detectLayout(grid, options.layout ? { layout: options.layout } : {});
  if (!detection.fit) return undefined;
  const model = buildModel(grid, detection, options, []);
  const referenceModel = buildModel(grid, detection, options, []);
  const all: Issue[] = [];
  for (const [name, check, reference] of CHECKS) {
    const now: Issue[] = [];
    const before: Issue[] = [];
    check(model, now);
    reference(referenceModel, before);
    expect(now, name).toEqual(before);
    all.push(...now);
  }
  return all;
}

const set = (rows: Row[], a1row: number, col: number, v: CellValue | Cell): Row[] => {
  (rows[a1row - 1] as Row)[col] = v;
  return rows;
};
const P = (value: number | null, numFmt = '0.00%'): Cell => ({ value, numFmt });

/** The sheets of the other tests, and their variants with mistakes. */
function fixtureSheets(): Array<[Grid, ValidateOptions?]> {
  const caoNgocTotalAveraged = caoNgocRows();
  const rates = [6, 7, 8, 9].map((r) => (caoNgocTotalAveraged[r - 1] as Row)[4] as number);
  set(
    caoNgocTotalAveraged,
    10,
    4,
    Math.round((rates.reduce((a, b) => a + b, 0) / rates.length) * 100) / 100,
  );
  const ratios = (wrong?: number): Row[] => [
    ['TT', 'Thôn', 'Tổng số hộ', 'Hộ nghèo đầu năm', null, 'Chỉ tiêu cuối năm', null, 'Giảm'],
    [null, null, null, 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ'],
    ['1', 'Thôn A', 600, 30, P(wrong ?? 0.05), 20, P(0.0333), 10],
    ['2', 'Thôn B', 629, 34, P(0.0541), 20, P(0.0318), 14],
    [null, 'Toàn xã', 1229, 64, P(0.0521), 40, P(0.0325), 24],
  ];
  const service = serviceRows();
  set(service, 4, 4, 9.0);
  service.push(['7', 'Số km đường bê tông hóa', 'km', 10, 12]);
  const muongLay = muongLayRows();
  set(muongLay, 9, 3, { error: '#REF!' });
  set(muongLay, 11, 3, 'chưa có');
  set(muongLay, 14, 2, '197');
  set(muongLay, 14, 3, '1.469');
  set(muongLay, 16, 3, -522);
  set(muongLay, 17, 3, 148.12345);
  return [
    [muongLayGrid()],
    [muongLayGrid(muongLay), { tolerance: 100000 }],
    [baToGrid()],
    [caoNgocGrid()],
    [caoNgocGrid(), { assignedReduction: 24 }],
    [caoNgocGrid(), { assignedReduction: 30 }],
    [caoNgocGrid(set(caoNgocRows(), 6, 2, 312.5))],
    [caoNgocGrid(set(caoNgocRows(), 6, 4, 5.5))],
    [caoNgocGrid(caoNgocTotalAveraged)],
    [caoNgocGrid(set(set(caoNgocRows(), 7, 7, 4), 8, 5, 19)), { tolerance: 100 }],
    [caoNgocGrid(set(caoNgocRows(), 10, 7, -24))],
    [kimBangGrid(0.55)],
    [kimBangGrid(0.65)],
    [
      gridFromRows('P', [
        ['TT', 'Thôn', 'Tổng số hộ', 'Hộ nghèo', 'Hộ cận nghèo'],
        ['1', 'Bản A', 100, 60, 50],
      ]),
      { layout: 'poverty-targets' },
    ],
    [gridFromRows('S', ratios())],
    [gridFromRows('S', ratios(0.055))],
    [gridFromRows('DV', serviceRows())],
    [gridFromRows('DV', service)],
    [
      gridFromRows('S', [
        ['TT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện 2023', 'Kế hoạch 2024'],
        ['1', 'Tỷ lệ hộ sử dụng nước sạch', '%', '90%', P(0.95, '0.0%')],
        ['2', 'Tỷ lệ hộ có nhà tiêu hợp vệ sinh', '%', P(0.86, '0%'), P(1.05, '0.0%')],
        ['3', 'Tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân', '%', P(0.082, '0.0%'), P(0.077, '0.0%')],
      ]),
    ],
    [
      gridFromRows('S', [
        ['TT', 'Chỉ tiêu', 'Kế hoạch 2024'],
        ['1', 'Tỷ lệ hộ nghèo', 3],
      ]),
      { layout: 'service-targets' },
    ],
  ];
}

describe('fast paths of the poverty, cell and service checks', () => {
  it('give the issues of the reference on the sheets of the other tests', () => {
    for (const [grid, options] of fixtureSheets())
      expect(expectSameIssues(grid, options)).toBeDefined();
  });

  it('give the issues of the reference on poverty sheets with planted mistakes', () => {
    let checked = 0;
    let withIssues = 0;
    fc.assert(
      fc.property(povertySheet, ({ grid, options }) => {
        const issues = expectSameIssues(grid, options);
        if (!issues) return;
        checked++;
        if (issues.length) withIssues++;
      }),
      { numRuns: 500 },
    );
    // The generator makes poverty sheets, clean and with issues.
    expect(checked).toBe(500);
    expect(withIssues).toBeGreaterThan(100);
  });

  it('give the issues of the reference on service sheets with planted mistakes', () => {
    fc.assert(
      fc.property(serviceSheet, ({ grid, options }) => {
        expectSameIssues(grid, options);
      }),
      { numRuns: 300 },
    );
  });

  it('give the issues of the reference on any grid', () => {
    fc.assert(
      fc.property(anyGrid, (grid) => {
        expectSameIssues(grid);
      }),
      { numRuns: 300 },
    );
  });

  it('catch each planted rate on its rounding boundary exactly', () => {
    // 1 of 8 households is 12,5%; shown with no decimals it is 13 (half away from zero).
    const rows = (rate: CellValue | Cell, fmt?: string): Row[] => [
      [
        'TT',
        'Thôn',
        'Tổng số hộ',
        'Hộ nghèo đầu năm',
        null,
        'Chỉ tiêu cuối năm',
        null,
        'Giảm',
        null,
      ],
      [null, null, null, 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
      ['1', 'Bản A', 8, 1, fmt ? { value: rate as number, numFmt: fmt } : rate, 1, 12.5, 0, 0],
    ];
    const codes = (r: Row[]) =>
      (expectSameIssues(gridFromRows('B', r)) ?? [])
        .filter((i) => i.code.startsWith('rate/'))
        .map((i) => `${i.cell} ${i.code} ${i.expected} ${i.actual}`);
    expect(codes(rows(13, '0'))).toEqual([]);
    expect(codes(rows(12, '0'))).toEqual(['E3 rate/mismatch 13 12']);
    expect(codes(rows(12.5))).toEqual([]);
    expect(codes(rows(12.4, '0.0'))).toEqual(['E3 rate/mismatch 12.5 12.4']);
    // 12,45 shown with one decimal is 12,5 (as a double, 12.45 is a hair below 12.45).
    expect(codes(rows(12.45, '0.0'))).toEqual([]);
    expect(codes(rows('12,5'))).toEqual([]);
  });
});

describe('approxNumber', () => {
  const decimal = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => new Decimal(x)),
    fc
      .tuple(fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }), fc.integer({ min: -80, max: 80 }))
      .map(([digits, exponent]) => new Decimal(`${digits}e${exponent}`)),
  );

  it('is within 2e-15 of the decimal, or NaN when the decimal does not fit a double', () => {
    fc.assert(
      fc.property(decimal, (x) => {
        const approx = approxNumber(x);
        const exact = Number(x.toString());
        if (Number.isNaN(approx)) {
          expect(x.d.length > 8 || Math.abs(x.e) > 200).toBe(true);
          return;
        }
        expect(Math.abs(approx - exact)).toBeLessThanOrEqual(2e-15 * Math.abs(exact));
        expect(Math.sign(approx) || 0).toBe(x.isZero() ? 0 : x.s);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the digits of decimal.js', () => {
    for (const s of ['0', '-0', '123.45', '0.001', '12345678.9', '1e-10', '-7.5', '100'])
      expect(approxNumber(new Decimal(s))).toBe(Number(s));
    expect(approxNumber(new Decimal(Number.NaN))).toBeNaN();
    expect(approxNumber(new Decimal(Infinity))).toBeNaN();
    expect(approxNumber(new Decimal('1e300'))).toBeNaN();
  });
});

describe('isOutOfPercentRange', () => {
  it('agrees with the decimal comparisons, from micros or decimals', () => {
    const cell = (value: Decimal, micros: boolean, over: boolean): NumericCell => ({
      value,
      formula: false,
      fromText: false,
      ...(over ? { qualifier: 'over' as const } : {}),
      ...(micros && value.decimalPlaces() <= 6 && value.abs().lt(1e9)
        ? { micros: value.times(1e6).toNumber() }
        : {}),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -200_000_000, max: 200_000_000 }).map((n) => new Decimal(n).div(1e6)),
          fc
            .constantFrom('0', '-0', '100', '100.000001', '99.999999', '-0.000001', '1e-30')
            .map((s) => new Decimal(s)),
        ),
        fc.boolean(),
        fc.boolean(),
        (value, micros, over) => {
          const v = cell(value, micros, over);
          const expected = value.lt(0) || value.gt(100) || (over && value.gte(100));
          expect(isOutOfPercentRange(v)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
