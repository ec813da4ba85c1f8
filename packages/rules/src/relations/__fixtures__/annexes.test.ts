import { describe, it, expect } from 'vitest';
import type { Grid } from '../../grid/types.js';
import {
  ALL_ANNEX_FIXTURES,
  ANNEX_SHAPES,
  capitalByRowGroups,
  disbursementReport,
  incomeResultsVsPlan,
  phasePlan,
  povertyFlow,
  provinceCapitalMatrix,
  type AnnexFixture,
} from './annexes.js';

/**
 * The fixtures' arithmetic, checked here without the product: each sheet's relations are
 * declared below by column letters and row numbers, and recomputed on values × 1000 (integers;
 * every amount has at most 3 decimals, every rate 2). A clean fixture breaks none; a planted one
 * breaks exactly the cells it lists, with the codes it gives.
 */

type Relation =
  /** `total` = Σ `parts` on each of `rows` (reported at the total cell). */
  | { kind: 'crossfoot'; total: string; parts: string[]; rows: number[] }
  /** Each of `cols` on row `parent` = Σ the same column on `children` (reported at the parent). */
  | { kind: 'foot'; cols: string[]; parent: number; children: number[] }
  /** `rate` = ROUND(`num` ÷ `den` × 100, 2), half up (reported at the rate). */
  | { kind: 'rate'; rate: string; num: string; den: string; rows: number[] }
  /** `end` = `start` − Σ `out` + Σ `in` (reported at the end). */
  | { kind: 'flow'; end: string; start: string; out: string[]; in: string[]; rows: number[] }
  /** Items under the investment group: only Dự án 1 and Dự án 4's Tiểu dự án 1 (at `amount`). */
  | { kind: 'investment-only'; label: string; amount: string; rows: number[] };

const CODE: Record<Relation['kind'], string> = {
  crossfoot: 'sum/crossfoot',
  foot: 'sum/foot',
  rate: 'rate/mismatch',
  flow: 'target/flow-mismatch',
  'investment-only': 'catalog/capital-type',
};

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const cols = (from: string, to: string) =>
  range(from.charCodeAt(0), to.charCodeAt(0)).map((c) => String.fromCharCode(c));

function raw(grid: Grid, addr: string): unknown {
  const m = /^([A-Z])(\d+)$/.exec(addr)!;
  return grid.cells[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65]?.value ?? null;
}

/** A cell × 1000 as an integer (empty = 0); fails on text or on more than 3 decimals. */
function milli(grid: Grid, addr: string): number {
  const v = raw(grid, addr);
  if (v === null || v === '') return 0;
  if (typeof v !== 'number') throw new Error(`${addr} is not a number: ${JSON.stringify(v)}`);
  const m = Math.round(v * 1000);
  if (Math.abs(v * 1000 - m) > 1e-6) throw new Error(`${addr} has more than 3 decimals: ${v}`);
  return m;
}

/** A rate cell × 100 as an integer; fails on more than 2 decimals. */
function centi(grid: Grid, addr: string): number {
  const v = raw(grid, addr);
  if (typeof v !== 'number') throw new Error(`${addr} is not a number: ${JSON.stringify(v)}`);
  const c = Math.round(v * 100);
  if (Math.abs(v * 100 - c) > 1e-6) throw new Error(`${addr} has more than 2 decimals: ${v}`);
  return c;
}

/** ROUND(num ÷ den × 100, 2) × 100, half up, on integers; and whether it was exactly half-way. */
function expectedRate(num: number, den: number): { centi: number; halfway: boolean } {
  const n = BigInt(num) * 20000n;
  const d = BigInt(den) * 2n;
  return { centi: Number((n + BigInt(den)) / d), halfway: n % d === BigInt(den) };
}

/** Every broken relation as "cell code", sorted; `halfway` collects rates that sit on a half. */
function broken(grid: Grid, relations: Relation[], halfway: string[] = []): string[] {
  const out = new Set<string>();
  const add = (cell: string, r: Relation) => out.add(`${cell} ${CODE[r.kind]}`);
  for (const r of relations) {
    switch (r.kind) {
      case 'crossfoot':
        for (const row of r.rows) {
          const parts = r.parts.reduce((s, c) => s + milli(grid, `${c}${row}`), 0);
          if (milli(grid, `${r.total}${row}`) !== parts) add(`${r.total}${row}`, r);
        }
        break;
      case 'foot':
        for (const c of r.cols) {
          const sum = r.children.reduce((s, row) => s + milli(grid, `${c}${row}`), 0);
          if (milli(grid, `${c}${r.parent}`) !== sum) add(`${c}${r.parent}`, r);
        }
        break;
      case 'rate':
        for (const row of r.rows) {
          const want = expectedRate(milli(grid, `${r.num}${row}`), milli(grid, `${r.den}${row}`));
          if (want.halfway) halfway.push(`${r.rate}${row}`);
          if (centi(grid, `${r.rate}${row}`) !== want.centi) add(`${r.rate}${row}`, r);
        }
        break;
      case 'flow':
        for (const row of r.rows) {
          const v = (c: string) => milli(grid, `${c}${row}`);
          const end =
            v(r.start) - r.out.reduce((s, c) => s + v(c), 0) + r.in.reduce((s, c) => s + v(c), 0);
          if (v(r.end) !== end) add(`${r.end}${row}`, r);
        }
        break;
      case 'investment-only':
        for (const row of r.rows) {
          const label = String(raw(grid, `${r.label}${row}`));
          if (!/^(Dự án 1:|Dự án 4:|Tiểu dự án 1:)/.test(label)) add(`${r.amount}${row}`, r);
        }
        break;
    }
  }
  return [...out].sort();
}

/** Foot relations of one column set from a parent → children map. */
const foots = (c: string[], tree: Record<number, number[]>): Relation[] =>
  Object.entries(tree).map(([parent, children]) => ({
    kind: 'foot',
    cols: c,
    parent: Number(parent),
    children,
  }));

/** Projects 1–7 with sub-projects, total first (sheets 01, 02, 06): row of the total → tree. */
const projectTree = (t: number): Record<number, number[]> => ({
  [t]: [t + 1, t + 2, t + 3, t + 6, t + 9, t + 10, t + 13],
  [t + 3]: [t + 4, t + 5],
  [t + 6]: [t + 7, t + 8],
  [t + 10]: [t + 11, t + 12],
  [t + 13]: [t + 14, t + 15],
});

const RELATIONS: Record<string, (planted: boolean) => Relation[]> = {
  disbursementReport: () => [
    { kind: 'crossfoot', total: 'C', parts: ['D', 'E'], rows: range(8, 23) },
    { kind: 'crossfoot', total: 'F', parts: ['G', 'H'], rows: range(8, 23) },
    ...foots(cols('C', 'H'), projectTree(8)),
    { kind: 'rate', rate: 'I', num: 'F', den: 'C', rows: range(8, 23) },
  ],
  phasePlan: () => [
    { kind: 'crossfoot', total: 'C', parts: cols('D', 'H'), rows: range(7, 22) },
    ...foots(cols('C', 'H'), projectTree(7)),
  ],
  provinceCapitalMatrix: () => [
    { kind: 'crossfoot', total: 'C', parts: ['D', 'G'], rows: range(8, 17) },
    { kind: 'crossfoot', total: 'D', parts: ['E', 'F'], rows: range(8, 17) },
    { kind: 'crossfoot', total: 'G', parts: cols('H', 'K'), rows: range(8, 17) },
    ...foots(cols('C', 'K'), { 8: range(9, 17) }),
  ],
  povertyFlow: () => [
    { kind: 'flow', end: 'G', start: 'C', out: ['D'], in: ['E', 'F'], rows: range(8, 17) },
    ...foots(cols('C', 'G'), { 8: range(9, 17) }),
  ],
  capitalByRowGroups: (planted) => [
    { kind: 'crossfoot', total: 'C', parts: ['D', 'E'], rows: range(9, 25) },
    ...foots(
      ['C', 'D', 'E'],
      planted
        ? // Dự án 6 at row 14 under I; II from row 15.
          {
            9: [10, 15],
            10: [11, 12, 14],
            12: [13],
            15: [16, 17, 20, 23],
            17: [18, 19],
            20: [21, 22],
            23: [24, 25],
          }
        : {
            9: [10, 14],
            10: [11, 12],
            12: [13],
            14: [15, 16, 19, 22, 23],
            16: [17, 18],
            19: [20, 21],
            23: [24, 25],
          },
    ),
    {
      kind: 'investment-only',
      label: 'B',
      amount: 'C',
      rows: planted ? range(11, 14) : range(11, 13),
    },
  ],
  incomeResultsVsPlan: () => [
    ...foots(['C', 'D'], projectTree(7)),
    { kind: 'rate', rate: 'E', num: 'D', den: 'C', rows: range(7, 22) },
  ],
};

const issues = (f: AnnexFixture) => f.planted.map((p) => `${p.cell} ${p.code}`).sort();

describe('annex fixtures', () => {
  it('has six builders, each with its relations and shape', () => {
    expect(ALL_ANNEX_FIXTURES.map((f) => f.name)).toEqual([
      'disbursementReport',
      'phasePlan',
      'provinceCapitalMatrix',
      'povertyFlow',
      'capitalByRowGroups',
      'incomeResultsVsPlan',
    ]);
    for (const { name } of ALL_ANNEX_FIXTURES) {
      expect(RELATIONS[name]).toBeDefined();
      expect(ANNEX_SHAPES[name]).toBeDefined();
    }
  });

  describe.each(ALL_ANNEX_FIXTURES.map((f) => [f.name, f] as const))('%s', (name, { build }) => {
    const shape = ANNEX_SHAPES[name]!;

    it('is clean by default: every relation holds, and no rate sits on a half', () => {
      const f = build();
      expect(f.planted).toEqual([]);
      expect(build({ planted: false }).grid).toEqual(f.grid);
      const halfway: string[] = [];
      expect(broken(f.grid, RELATIONS[name]!(false), halfway)).toEqual([]);
      expect(halfway).toEqual([]);
    });

    it('has a title block, a unit line, the total row first and at least 6 data rows', () => {
      const { grid, title } = build();
      expect(raw(grid, 'A1')).toMatch(/^PHỤ LỤC SỐ 0\d$/);
      expect(raw(grid, 'A2')).toBe(title);
      expect(raw(grid, 'A3')).toMatch(/^\(Kèm theo Kế hoạch số …/);
      expect(grid.cells[3]!.some((c) => /^Đơn vị tính: /.test(String(c?.value ?? '')))).toBe(true);
      expect(raw(grid, `B${shape.totalRow}`)).toMatch(/^(Tổng cộng|Toàn huyện)$/);
      expect(shape.firstDataRow).toBe(shape.totalRow + 1);
      expect(grid.cells.length).toBe(shape.lastRow);
      expect(shape.lastRow - shape.firstDataRow + 1).toBeGreaterThanOrEqual(6);
      const width = shape.lastCol.charCodeAt(0) - 64;
      for (const row of grid.cells) expect(row.length).toBe(width);
    });

    it('planted: exactly the listed cells break, with the listed codes', () => {
      const f = build({ planted: true });
      expect(f.planted.length).toBeGreaterThan(0);
      for (const p of f.planted) expect(p.why.length).toBeGreaterThan(10);
      expect(broken(f.grid, RELATIONS[name]!(true))).toEqual(issues(f));
      expect(f.grid.cells.length).toBe(build().grid.cells.length);
    });
  });

  it('planted rates are off by more than one point', () => {
    for (const [f, num, den] of [
      [disbursementReport({ planted: true }), 'F', 'C'],
      [incomeResultsVsPlan({ planted: true }), 'D', 'C'],
    ] as const) {
      for (const p of f.planted.filter((x) => x.code === 'rate/mismatch')) {
        const row = p.cell.slice(1);
        const want = expectedRate(milli(f.grid, `${num}${row}`), milli(f.grid, `${den}${row}`));
        expect(Math.abs(centi(f.grid, p.cell) - want.centi)).toBeGreaterThan(100);
      }
    }
  });

  it('planted versions differ from the clean ones only where the mistakes were planted', () => {
    const diff = (a: Grid, b: Grid) => {
      const out: string[] = [];
      a.cells.forEach((row, r) =>
        row.forEach((c, i) => {
          if (c?.value !== b.cells[r]?.[i]?.value)
            out.push(`${String.fromCharCode(65 + i)}${r + 1}`);
        }),
      );
      return out;
    };
    const pairs = (build: typeof phasePlan) => diff(build().grid, build({ planted: true }).grid);
    expect(pairs(disbursementReport)).toEqual(['G8', 'I13', 'G17']);
    expect(pairs(phasePlan)).toEqual(['G9']);
    expect(pairs(provinceCapitalMatrix)).toEqual(['I8', 'I11']);
    expect(pairs(povertyFlow)).toEqual(['G8', 'G11']);
    expect(pairs(incomeResultsVsPlan)).toEqual(['E14']);
    // Dự án 6 moves from II (row 22) to I (row 14): the same rows in another order, the groups'
    // sums follow it, the total row does not change.
    const clean = capitalByRowGroups().grid;
    const bad = capitalByRowGroups({ planted: true }).grid;
    const labels = (g: Grid) => g.cells.slice(9).map((r) => String(r[1]?.value));
    expect([...labels(bad)].sort()).toEqual([...labels(clean)].sort());
    expect(raw(clean, 'B22')).toMatch(/^Dự án 6:/);
    expect(raw(bad, 'B14')).toMatch(/^Dự án 6:/);
    expect(pairs(capitalByRowGroups).filter((a) => a.endsWith('9') && a.length === 2)).toEqual([]);
  });
});
