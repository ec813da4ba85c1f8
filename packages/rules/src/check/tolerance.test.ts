import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../grid/grid.js';
import type { Cell, CellValue } from '../grid/types.js';
import { toDecimal } from '../money/decimal.js';
import type { NumericCell } from './read-cell.js';
import { roundingInterval } from './tolerance.js';
import { validateSheet } from './validate.js';

type Row = (CellValue | Cell | undefined)[];
const n = (value: number, fmt: string): Cell => ({ value, numFmt: fmt });
const cell = (v: string): NumericCell => ({ value: toDecimal(v), formula: false, fromText: false });
const codes = (rows: Row[]) =>
  validateSheet(gridFromRows('S', rows)).issues.map((i) => `${i.cell} ${i.code} ${i.severity}`);

/** A budget column "Tổng số" with a total and three projects, under a unit line. */
function sheet(unit: string, total: Cell | number, parts: ReadonlyArray<Cell | number>): Row[] {
  return [
    ['PHỤ LỤC SỐ 01'],
    [null, null, unit],
    ['TT', 'Nội dung', 'Tổng số'],
    [null, 'Tổng cộng', total],
    ...parts.map((p, k): Row => [String(k + 1), `Dự án ${k + 2}`, p]),
  ];
}

describe('roundingInterval', () => {
  it('adds half a shown unit for each figure that hides decimals, and nothing for the others', () => {
    const w = roundingInterval(
      [
        { cell: cell('602'), places: 0 },
        { cell: cell('100'), places: 0 },
        { cell: cell('1.4'), places: 0 },
        { cell: cell('2.25'), places: 1 },
      ],
      'trieu',
      undefined,
    );
    expect(w.toString()).toBe('0.55');
  });

  it('reads figures shown with decimals in a unit coarser than the đồng as rounded from it', () => {
    const figures = [
      { cell: cell('3.58'), places: 3 },
      { cell: cell('1.235'), places: 3 },
      { cell: null, places: 0 },
    ];
    expect(roundingInterval(figures, 'trieu', undefined).toString()).toBe('0.001');
    expect(roundingInterval(figures, 'dong', undefined).toString()).toBe('0');
    expect(roundingInterval(figures, 'trieu', '0.2').toString()).toBe('0.2');
  });
});

describe('rounding intervals per cell (Calculations 1.1, round to nearest)', () => {
  it('gives each figure the interval of its own format, not its column’s widest', () => {
    // Only 1,4 hides a decimal (±0,5): 602 against 601,4 is outside, a real mismatch on screen
    // (100 + 200 + 300 + 1 = 601 shown, 602 written).
    const rows = sheet('Đơn vị tính: triệu đồng', n(602, '#,##0'), [
      n(100, '#,##0'),
      n(200, '#,##0'),
      n(300, '#,##0'),
      n(1.4, '#,##0'),
    ]);
    expect(codes(rows)).toEqual(['C4 sum/foot error']);
  });

  it('calls a difference inside the figures’ intervals a rounding (info)', () => {
    const rows = sheet('Đơn vị tính: triệu đồng', n(3, '#,##0'), [
      n(1.4, '#,##0'),
      n(1.4, '#,##0.0'),
    ]);
    // 1,4 shown as 1 (±0,5), 1,4 shown as 1,4 (exact), 3 (exact): 0,2 within 0,5.
    expect(codes(rows)).toEqual(['C4 sum/rounding info']);
    // The same figures all shown with their decimal: nothing hides, so they must add up.
    const shownAll = sheet('Đơn vị tính: triệu đồng', n(3, '#,##0.0'), [
      n(1.4, '#,##0.0'),
      n(1.4, '#,##0.0'),
    ]);
    expect(codes(shownAll)).toEqual(['C4 sum/foot error']);
  });

  it('lets triệu figures with decimals (rounded from đồng) miss by half a unit each', () => {
    const fmt = '#,##0.000';
    // 1,235 + 2,346 = 3,581; the total, rounded from its own đồng, reads 3,580.
    const rows = sheet('Đơn vị tính: triệu đồng', n(3.58, fmt), [n(1.235, fmt), n(2.346, fmt)]);
    expect(codes(rows)).toEqual(['C4 sum/rounding info']);
    // Outside three half-units (0,0015): an error.
    const far = sheet('Đơn vị tính: triệu đồng', n(3.578, fmt), [n(1.235, fmt), n(2.346, fmt)]);
    expect(codes(far)).toEqual(['C4 sum/foot error']);
    // Whole triệu are exact allocations: no interval.
    const whole = sheet('Đơn vị tính: triệu đồng', n(301, '#,##0'), [
      n(100, '#,##0'),
      n(200, '#,##0'),
    ]);
    expect(codes(whole)).toEqual(['C4 sum/foot error']);
    // In đồng, nothing is rounded from a finer unit (decimals of a đồng are flagged apart).
    const dong = sheet('Đơn vị tính: đồng', n(3.58, fmt), [n(1.235, fmt), n(2.346, fmt)]);
    expect(codes(dong).filter((c) => c.includes(' sum/'))).toEqual(['C4 sum/foot error']);
  });

  it('keeps --tolerance as an explicit override', () => {
    const rows = sheet('Đơn vị tính: triệu đồng', 301, [100, 200]);
    const issues = validateSheet(gridFromRows('S', rows), { tolerance: 1 }).issues;
    expect(issues.map((i) => `${i.cell} ${i.code}`)).toEqual(['C4 sum/rounding']);
  });
});
