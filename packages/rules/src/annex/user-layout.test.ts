import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../grid/grid.js';
import { validateSheet } from '../check/validate.js';
import { fillSheet } from '../fill/fill.js';
import { listLayouts } from './registry.js';
import { MAX_LAYOUT_FILE_CHARS, parseLayoutFile } from './user-layout.js';

const example = readFileSync(
  new URL('../../../../examples/layouts/dang-ky-thoat-ngheo.json', import.meta.url),
  'utf8',
);

function layout() {
  const r = parseLayoutFile(example);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.layout;
}

const sheet = () =>
  gridFromRows('DK', [
    ['DANH SÁCH HỘ NGHÈO ĐĂNG KÝ THOÁT NGHÈO NĂM 2024'],
    ['STT', 'Tên thôn', 'Số hộ nghèo', 'Số hộ đăng ký thoát nghèo', 'Tỷ lệ (%)', 'Ghi chú'],
    ['1', 'Thôn Nà Bó', 20, 8, 40, null],
    ['2', 'Thôn Khuổi Vài', 44, 16, 36.36, null],
    [null, 'Toàn xã', 64, 24, 37.5, null],
  ]);

describe('user-defined layouts', () => {
  it('reads the documented example', () => {
    const l = layout();
    expect(l.id).toBe('dang-ky-thoat-ngheo');
    expect(l.columns.find((c) => c.key === 'registered')?.patterns[0]?.all[0]).toContain(
      'so ho dang ky thoat ngheo',
    );
    expect(l.checks).toEqual(['cells', 'foot', 'formulas', 'rates']);
  });

  it('checks a sheet with it: foot and rates', () => {
    const layouts = [...listLayouts(), layout()];
    const clean = validateSheet(sheet(), { layouts });
    expect(clean.layout).toBe('dang-ky-thoat-ngheo');
    expect(clean.issues).toEqual([]);
    const g = sheet();
    (g.cells[3] as { value: unknown }[])[4] = { value: 40 };
    (g.cells[4] as { value: unknown }[])[3] = { value: 25 };
    const codes = validateSheet(g, { layouts }).issues.map((i) => `${i.cell} ${i.code}`);
    expect(codes).toEqual(expect.arrayContaining(['E4 rate/mismatch', 'D5 sum/foot']));
    expect(fillSheet(sheet(), { layouts }).layout).toBe('dang-ky-thoat-ngheo');
  });

  it('refuses a total label or a header with no letter or digit, saying where (it matches nothing)', () => {
    const base = JSON.parse(example) as { columns: Array<{ header: string }> };
    // Found by the property test below: ":" folds to nothing, which the engine's schema refuses.
    const labels = parseLayoutFile(JSON.stringify({ ...base, totalLabels: [':'] }));
    expect(labels).toStrictEqual({
      ok: false,
      errors: ['totalLabels.0: cần có chữ hoặc số / needs a letter or a digit'],
    });
    base.columns[1]!.header = '— / —';
    const header = parseLayoutFile(JSON.stringify(base));
    expect(header.ok ? [] : header.errors).toStrictEqual([
      'columns.1.header: cần có chữ hoặc số / needs a letter or a digit',
    ]);
  });

  it('refuses a bad file with errors that say where and what', () => {
    const bad = JSON.parse(example) as {
      columns: Array<{ key: string; kind: string }>;
      rates: unknown[];
    };
    bad.columns[2]!.kind = 'tiền';
    bad.columns[3]!.key = 'poor';
    bad.rates = [{ rate: 'x', count: 'poor', base: 'poor' }];
    const r = parseLayoutFile(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.some((e) => e.startsWith('columns.2.kind:'))).toBe(true);
    expect(parseLayoutFile('{ not json').ok).toBe(false);
    expect(parseLayoutFile(' '.repeat(MAX_LAYOUT_FILE_CHARS + 1)).ok).toBe(false);
    expect(
      parseLayoutFile(JSON.stringify({ ...JSON.parse(example), id: 'budget-allocation' })).ok,
    ).toBe(false);
    const dup = parseLayoutFile(
      JSON.stringify({
        ...JSON.parse(example),
        rates: [],
        columns: [...JSON.parse(example).columns, { key: 'poor', header: 'X', kind: 'count' }],
      }),
    );
    expect(dup.ok ? [] : dup.errors).toEqual([expect.stringContaining('duplicate key "poor"')]);
  });
});
