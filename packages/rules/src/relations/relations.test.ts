import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../grid/grid.js';
import type { CellValue, Grid } from '../grid/types.js';
import { validateSheet } from '../check/validate.js';
import { parseLayoutFile } from '../annex/user-layout.js';
import { ALL_ANNEX_FIXTURES } from './__fixtures__/annexes.js';
import { readHeaderTree, writtenHeader } from './header-tree.js';

const problems = (g: Grid) =>
  validateSheet(g)
    .issues.filter((i) => i.severity !== 'info')
    .map((i) => `${i.cell} ${i.code}`)
    .sort();

describe('relations inferred from a sheet’s own structure', () => {
  for (const { name, build } of ALL_ANNEX_FIXTURES) {
    it(`${name}: the clean sheet has no error or warning, and every numeric column is checked`, () => {
      const r = validateSheet(build().grid);
      expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
      expect(r.coverage.read).toBe(true);
      expect(r.coverage.unchecked).toEqual([]);
      expect(r.coverage.checked.length).toBeGreaterThanOrEqual(3);
    });

    it(`${name}: each planted mistake is caught at its cell, and nothing else`, () => {
      const fx = build({ planted: true });
      expect(problems(fx.grid)).toEqual(fx.planted.map((p) => `${p.cell} ${p.code}`).sort());
    });
  }

  it('names columns as the sheet writes them, with their group when the name repeats', () => {
    const fx = ALL_ANNEX_FIXTURES.find((f) => f.name === 'disbursementReport')?.build({
      planted: true,
    });
    const r = validateSheet(fx?.grid as Grid);
    const crossfoot = r.issues.find((i) => i.code === 'sum/crossfoot');
    expect(crossfoot?.message.vi).toContain('"Giải ngân đến 30/9/2024 › Tổng số"');
    expect(crossfoot?.message.vi).toContain('(NSTW + NSĐP)');
    const rate = r.issues.find((i) => i.code === 'rate/mismatch');
    expect(rate?.message.vi).toContain('"Tỷ lệ giải ngân (%)"');
    expect(rate?.message.vi).not.toMatch(/giai ngan|tong so/);
    const coverage = r.coverage.checked.find((c) => c.column === 'I');
    expect(coverage?.relations).toEqual([{ kind: 'rate', provenance: 'header' }]);
  });

  it('says which numeric columns it could not check, with their headers', () => {
    const g = gridFromRows('PL', [
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP', 'Đơn giá'],
      [null, 'Tổng cộng', 300, 200, 100, null],
      ['1', 'Dự án 2', 100, 60, 40, 7],
      ['2', 'Dự án 3', 120, 80, 40, 9],
      ['3', 'Dự án 6', 80, 60, 20, 11],
    ]);
    const r = validateSheet(g);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.coverage.unchecked).toEqual([
      { column: 'F', header: 'Đơn giá', reason: 'no-relation' },
    ]);
  });

  it('accuses no row on a guess the figures do not bear out', () => {
    // "Tổng số" beside two columns that never add up to it: no rule, only coverage.
    const rows: CellValue[][] = [['TT', 'Xã', 'Tổng số hộ', 'Số hộ nghèo', 'Số hộ cận nghèo']];
    for (let i = 1; i <= 8; i++) rows.push([String(i), `Xã ${i}`, 1000 + i * 37, 50 + i, 70 + i]);
    const r = validateSheet(gridFromRows('PL', rows));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('reads a three-row header tree with merged groups', () => {
    const g = gridFromRows(
      'PL',
      [
        ['TT', 'Nội dung', 'Kế hoạch', null, null, 'Thực hiện', null, null],
        [null, null, 'Tổng số', 'Chia ra', null, 'Tổng số', 'Chia ra', null],
        [null, null, null, 'NSTW', 'NSĐP', null, 'NSTW', 'NSĐP'],
      ],
      [
        { top: 0, left: 2, bottom: 0, right: 4 },
        { top: 0, left: 5, bottom: 0, right: 7 },
        { top: 1, left: 2, bottom: 2, right: 2 },
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 1, left: 5, bottom: 2, right: 5 },
        { top: 1, left: 6, bottom: 1, right: 7 },
      ],
    );
    const tree = readHeaderTree(g, [0, 1, 2]);
    expect(writtenHeader(tree, 4)).toBe('Kế hoạch › Chia ra › NSĐP');
    expect(writtenHeader(tree, 5)).toBe('Thực hiện › Tổng số');
    expect(tree.paths[3]?.[1]).toBe(tree.paths[4]?.[1]);
  });
});

describe('bad input to the relation engine', () => {
  it('a header deeper than three rows, a thousand sub-columns, text inside a relation: a report, never an exception', () => {
    const width = 1200;
    const header = Array.from({ length: width }, (_, c) => (c === 0 ? 'TT' : `Cột ${c}`));
    const rows: CellValue[][] = [['A'], ['B'], ['C'], ['D'], header];
    for (let r = 0; r < 6; r++)
      rows.push(
        Array.from({ length: width }, (_, c) =>
          c === 0 ? String(r + 1) : c % 7 === 0 ? 'x' : r + c,
        ),
      );
    rows.push(Array.from({ length: width }, (_, c) => (c === 0 ? '' : 'không phải số')));
    const r = validateSheet(gridFromRows('Wide', rows));
    expect(r.issues.some((i) => i.code === 'check/failed')).toBe(false);
    expect(r.coverage.unchecked.some((u) => u.reason === 'not-read')).toBe(true);
  });

  it('a user layout that makes A = B + C and B = A + C: both checked, no hang, no exception', () => {
    const file = parseLayoutFile(
      JSON.stringify({
        id: 'vong-tron',
        title: { vi: 'Vòng tròn' },
        kind: 'budget',
        columns: [
          { key: 'label', header: 'Nội dung', kind: 'text', required: true },
          { key: 'a', header: 'A', kind: 'money', required: true },
          { key: 'b', header: 'B', kind: 'money', required: true },
          { key: 'c', header: 'C', kind: 'money', required: true },
        ],
        crossfoot: [
          { target: 'a', parts: ['b', 'c'] },
          { target: 'b', parts: ['a', 'c'] },
        ],
      }),
    );
    if (!file.ok) throw new Error(JSON.stringify(file));
    const layout = file.layout;
    const g = gridFromRows('U', [
      ['Nội dung', 'A', 'B', 'C'],
      ['x', 3, 2, 1],
      ['y', 5, 3, 2],
    ]);
    const r = validateSheet(g, { layouts: [layout] });
    expect(r.issues.some((i) => i.code === 'check/failed')).toBe(false);
    expect(r.issues.filter((i) => i.code === 'sum/crossfoot').map((i) => i.cell)).toEqual([
      'C2',
      'C3',
    ]);
  });
});

describe('coverage of columns a layout reads as text', () => {
  it('a notes column holding amounts is named as not checked', () => {
    const g = gridFromRows('PL', [
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP', 'Ghi chú'],
      [null, 'Tổng cộng', 300, 200, 100, 12],
      ['1', 'Dự án 2', 100, 60, 40, 5],
      ['2', 'Dự án 3', 120, 80, 40, 4],
      ['3', 'Dự án 6', 80, 60, 20, 2],
    ]);
    const r = validateSheet(g);
    expect(r.layout).toBe('budget-allocation');
    expect(r.coverage.unchecked).toEqual([
      { column: 'F', header: 'Ghi chú', reason: 'no-relation' },
    ]);
  });
});

describe('flows and of-which parts a user layout declares', () => {
  const layoutFile = JSON.stringify({
    id: 'bien-dong',
    title: { vi: 'Biến động hộ nghèo' },
    kind: 'poverty',
    columns: [
      { key: 'label', header: 'Xã', kind: 'text', required: true },
      { key: 'dau', header: 'Đầu kỳ', kind: 'count', required: true },
      { key: 'ra', header: 'Thoát', kind: 'count', required: true },
      { key: 'vao', header: 'Mới', kind: 'count', required: true },
      { key: 'cuoi', header: 'Cuối kỳ', kind: 'count', required: true },
      { key: 'dttt', header: 'Dân tộc thiểu số', kind: 'count' },
    ],
    flows: [{ end: 'cuoi', start: 'dau', out: ['ra'], in: ['vao'] }],
    ofWhich: [{ total: 'cuoi', parts: ['dttt'] }],
    checks: ['cells', 'foot'],
  });

  it('are parsed, checked by the evaluator, and listed in the coverage', () => {
    const file = parseLayoutFile(layoutFile);
    if (!file.ok) throw new Error(file.errors.join('\n'));
    const g = gridFromRows('U', [
      ['Xã', 'Đầu kỳ', 'Thoát', 'Mới', 'Cuối kỳ', 'Dân tộc thiểu số'],
      ['Xã A', 50, 10, 2, 42, 30],
      ['Xã B', 40, 5, 1, 37, 40],
      ['Xã C', 30, 4, 0, 26, 10],
    ]);
    const r = validateSheet(g, { layouts: [file.layout] });
    expect(r.issues.map((i) => `${i.cell} ${i.code}`)).toEqual([
      'E3 target/flow-mismatch',
      'F3 sum/crossfoot',
    ]);
    const e = r.coverage.checked.find((c) => c.column === 'E');
    expect(e?.relations).toContainEqual({ kind: 'flow', provenance: 'user-layout' });
    expect(e?.relations).toContainEqual({ kind: 'of-which', provenance: 'user-layout' });
  });

  it('are refused, one line each, when they name a column the layout lacks', () => {
    const bad = JSON.parse(layoutFile) as Record<string, unknown>;
    bad.flows = [{ end: 'cuoi', start: 'khong_co', out: ['ra'] }];
    const file = parseLayoutFile(JSON.stringify(bad));
    expect(file.ok).toBe(false);
    if (!file.ok) expect(file.errors.join('\n')).toMatch(/flows\.0.*khong_co/);
  });
});

describe('relations the header states outright, on small annexes', () => {
  /** A phase plan: one header row, the phase total then its years; `rows`: label and years. */
  const phase = (rows: ReadonlyArray<[string, number[]]>, total?: number[]): Grid => {
    const sum = (ys: number[]) => ys.reduce((a, b) => a + b, 0);
    const totals = total ?? [0, 1, 2, 3, 4].map((k) => sum(rows.map(([, ys]) => ys[k] ?? 0)));
    return gridFromRows('KH', [
      ['KẾ HOẠCH VỐN GIAI ĐOẠN 2021-2025'],
      [null, null, null, null, null, null, 'Đơn vị tính: triệu đồng'],
      [
        'TT',
        'Nội dung',
        'Tổng giai đoạn 2021-2025',
        'Năm 2021',
        'Năm 2022',
        'Năm 2023',
        'Năm 2024',
        'Năm 2025',
      ],
      [null, 'Tổng cộng', sum(totals), ...totals.map((t, k) => (k === 0 ? null : t))],
      ...rows.map(([label, ys], i): CellValue[] => [
        String(i + 1),
        label,
        sum(ys),
        ...ys.map((y, k) => (k === 0 ? null : y)),
      ]),
    ]);
  };
  const items: Array<[string, number[]]> = [
    ['Dự án 2', [0, 2850, 3010, 3154, 3300]],
    ['Dự án 3', [0, 1600, 1700, 1819, 1900]],
    ['Dự án 4', [0, 1700, 1800, 1892, 2000]],
    ['Dự án 6', [0, 600, 640, 670, 700]],
    ['Dự án 7', [0, 300, 310, 288, 320]],
  ];

  it('adds the years to their phase total, a year with no figures yet left out', () => {
    const r = validateSheet(phase(items));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const c = r.coverage.checked.find((x) => x.column === 'C');
    expect(c?.relations).toContainEqual({ kind: 'sum', provenance: 'header' });
  });

  it('still checks a small annex where two rows of five are wrong, and names them', () => {
    const g = phase(items);
    // Two typos, typed over figures the totals were made from: a row total and the grand total
    // no longer add up either.
    (g.cells[5]![5] as { value: CellValue }).value = 1070; // F6: 1.700 typed 1.070
    (g.cells[7]![7] as { value: CellValue }).value = 7000; // H8: 700 typed 7.000
    const codes = problems(g);
    expect(codes).toContain('C6 sum/crossfoot');
    expect(codes).toContain('C8 sum/crossfoot');
    expect(validateSheet(g).coverage.unconfirmed).toEqual([]);
  });

  it('says when the header states a sum the figures bear out on too few rows', () => {
    // No item row adds up (only the total row does): not a rule to accuse rows by, and never a
    // clean bill.
    const g = phase(items);
    for (const [r, c, v] of [
      [4, 4, 1],
      [5, 5, 2],
      [6, 6, 3],
      [7, 7, 4],
      [8, 4, 5],
    ] as const)
      (g.cells[r]![c] as { value: CellValue }).value = v;
    const r = validateSheet(g);
    expect(r.issues.filter((i) => i.code === 'sum/crossfoot')).toEqual([]);
    expect(r.coverage.unconfirmed).toEqual([
      { kind: 'sum', provenance: 'header', formula: 'C = E + F + G + H', evaluated: 6, holds: 1 },
    ]);
  });
});
