import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../grid/grid.js';
import { muongLayGrid } from '../__fixtures__/muong-lay.js';
import { detectLayout } from './detect.js';
import { parseUnitLine, readSheetTop } from './header.js';
import { getLayout, listLayouts } from './registry.js';
import { LayoutDefinitionSchema } from './schema.js';

const cols = (g: Parameters<typeof detectLayout>[0]) =>
  Object.fromEntries(detectLayout(g).fit?.columns ?? []);

describe('layouts as data', () => {
  it('lists the built-in layouts, each passing its own schema', () => {
    expect(listLayouts().map((l) => l.id)).toEqual([
      'budget-allocation',
      'poverty-targets',
      'service-targets',
      'budget-matrix',
    ]);
    for (const l of listLayouts()) expect(LayoutDefinitionSchema.safeParse(l).success).toBe(true);
    expect(getLayout('budget-allocation')?.columns.find((c) => c.key === 'total')?.required).toBe(
      true,
    );
  });
});

describe('sheet top', () => {
  it('reads the unit line', () => {
    expect(parseUnitLine('Đơn vị tính: triệu đồng')?.unit).toBe('trieu');
    expect(parseUnitLine('ĐVT: Triệu đồng')?.unit).toBe('trieu');
    expect(parseUnitLine('Đơn vị: đồng')?.unit).toBe('dong');
    expect(parseUnitLine('Đơn vị tính: hộ, %')?.unit).toBe('percent');
    expect(parseUnitLine('Tổng cộng')).toBeUndefined();
    expect(parseUnitLine('Đơn vị thực hiện')).toBeUndefined();
  });
  it('finds the unit line, the index row and the first numbers', () => {
    const top = readSheetTop(muongLayGrid());
    expect(top.unit).toBe('trieu');
    expect(top.unitRow).toBe(3);
    expect(top.indexRow).toBe(6);
    expect(top.indexEquations).toEqual([{ target: 2, parts: [3, 4] }]);
    expect(top.firstNumericRow).toBe(7);
  });
});

describe('detectLayout', () => {
  it('finds the Mường Lay budget with a two-row merged header', () => {
    const d = detectLayout(muongLayGrid());
    expect(d.fit?.layout.id).toBe('budget-allocation');
    expect(d.fit?.score).toBeGreaterThan(0.8);
    expect(cols(muongLayGrid())).toMatchObject({ tt: 0, label: 1, total: 2, nstw: 3, nsdp: 4 });
    expect(d.firstDataRow).toBe(7);
  });

  it('survives lost diacritics and OCR damage', () => {
    const g = gridFromRows('S', [
      ['PHU LUC SO 01'],
      ['STT', 'Noi dung', 'Tong so', 'Ngan sach trung wong', 'Ngan sach dia phuong'],
      ['1', 'Du an 2', 3154, 3154, 0],
      ['2', 'Du an 3', 1469, 1400, 69],
    ]);
    expect(cols(g)).toMatchObject({ tt: 0, label: 1, total: 2, nstw: 3, nsdp: 4 });
  });

  it('does not care about column order', () => {
    const g = gridFromRows('S', [
      ['NSĐP', 'Nội dung', 'NSTW', 'TT', 'Tổng cộng'],
      [107, 'Dự án 4', 1588, '1', 1695],
      [0, 'Dự án 2', 3154, '2', 3154],
    ]);
    expect(cols(g)).toMatchObject({ nsdp: 0, label: 1, nstw: 2, tt: 3, total: 4 });
  });

  it('reads three header rows: NSTW over Đầu tư and Sự nghiệp under Nguồn vốn', () => {
    const g = gridFromRows(
      'S',
      [
        ['TT', 'Nội dung', 'Tổng số', 'Nguồn vốn', null, null],
        [null, null, null, 'NSTW', null, 'NSĐP'],
        [null, null, null, 'Đầu tư', 'Sự nghiệp', null],
        ['1', 'Dự án 1', 100, 80, 20, 0],
        ['2', 'Dự án 2', 50, 0, 50, 0],
      ],
      [
        { top: 0, left: 3, bottom: 0, right: 5 },
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 1, left: 5, bottom: 2, right: 5 },
        { top: 0, left: 0, bottom: 2, right: 0 },
        { top: 0, left: 1, bottom: 2, right: 1 },
        { top: 0, left: 2, bottom: 2, right: 2 },
      ],
    );
    expect(cols(g)).toMatchObject({ total: 2, nstw_dtpt: 3, nstw_sn: 4, nsdp: 5 });
  });

  it('accepts a budget with only a total column, in đồng', () => {
    const g = gridFromRows('S', [
      ['Đơn vị: đồng'],
      ['TT', 'Nội dung', 'Kinh phí'],
      ['1', 'Dự án 2', 378000000],
      ['2', 'Dự án 3', 1470000000],
    ]);
    const d = detectLayout(g);
    expect(d.fit?.layout.id).toBe('budget-allocation');
    expect(d.top.unit).toBe('dong');
  });

  it('tells poverty targets and service targets apart', () => {
    const poverty = gridFromRows('P', [
      ['TT', 'Thôn', 'Tổng số hộ', 'Hộ nghèo đầu năm', null, 'Chỉ tiêu cuối năm', null],
      [null, null, null, 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
      ['1', 'Bản Na', 400, 20, 5, 12, 3],
    ]);
    expect(detectLayout(poverty).fit?.layout.id).toBe('poverty-targets');
    expect(cols(poverty)).toMatchObject({
      households: 2,
      poor_start: 3,
      poor_start_rate: 4,
      poor_end: 5,
      poor_end_rate: 6,
    });
    const service = gridFromRows('D', [
      ['TT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện năm 2023', 'Kế hoạch năm 2024'],
      ['1', 'Tỷ lệ trẻ em suy dinh dưỡng thể nhẹ cân', '%', 8.1, 7.7],
    ]);
    expect(detectLayout(service).fit?.layout.id).toBe('service-targets');
    expect(cols(service)).toMatchObject({ unit: 2, baseline: 3, target: 4 });
  });

  it('uses the years of the headers: the earlier is the start', () => {
    const g = gridFromRows('P', [
      ['TT', 'Xã', 'Tổng số hộ', 'Hộ nghèo năm 2023', null, 'Hộ nghèo năm 2024', null],
      [null, null, null, 'Số hộ', 'Tỷ lệ %', 'Số hộ', 'Tỷ lệ %'],
      ['1', 'Xã A', 1000, 50, 5, 40, 4],
    ]);
    expect(cols(g)).toMatchObject({
      poor_start: 3,
      poor_start_rate: 4,
      poor_end: 5,
      poor_end_rate: 6,
    });
  });

  it('finds no layout in a sheet of prose, and lets the caller force one', () => {
    const g = gridFromRows('N', [
      ['Ghi chú chung'],
      ['Đây là một trang ghi chép'],
      ['không có bảng nào'],
    ]);
    expect(detectLayout(g).fit).toBeNull();
    expect(detectLayout(g, { layout: 'service-targets' }).fit?.layout.id).toBe('service-targets');
  });
});
