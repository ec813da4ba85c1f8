import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyGrid } from '../__fixtures__/arbitraries.js';
import { applyWrites } from '../__fixtures__/apply.js';
import { muongLayGrid, muongLayRows } from '../__fixtures__/muong-lay.js';
import { detectLayout } from '../annex/detect.js';
import { fillSheet } from '../fill/fill.js';
import { gridFromRows, isEmptyCell } from '../grid/grid.js';
import type { Cell, CellValue, Grid } from '../grid/types.js';
import { validateSheet } from './validate.js';

type Row = (CellValue | Cell | undefined)[];

const grid = anyGrid;

describe('properties of the checks', () => {
  it('validateSheet never throws and never fails internally on any grid', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const r = validateSheet(g);
        expect(r.issues.some((i) => i.code === 'check/failed')).toBe(false);
        expect(r.summary.errors + r.summary.warnings + r.summary.infos).toBe(r.issues.length);
      }),
      { numRuns: 300 },
    );
  });

  it('fillSheet never throws, and writes only into empty (or uncalculated) cells unless asked', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const { writes } = fillSheet(g);
        for (const w of writes) {
          const c = g.cells[w.row]?.[w.col] ?? undefined;
          expect(
            isEmptyCell(c) ||
              (c?.formula !== undefined && (c.value === null || c.value === undefined)),
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a foot or cross-foot check catches any one-unit change in any amount', () => {
    const rows = muongLayRows();
    const amounts: Array<[number, number]> = [];
    rows.forEach((r, i) =>
      r.forEach((v, c) => typeof v === 'number' && i >= 7 && amounts.push([i, c])),
    );
    fc.assert(
      fc.property(fc.constantFrom(...amounts), fc.constantFrom(1, -1), ([r, c], delta) => {
        const changed = muongLayRows();
        (changed[r] as Row)[c] = ((changed[r] as Row)[c] as number) + delta;
        const report = validateSheet(muongLayGrid(changed));
        expect(
          report.issues.some(
            (i) => (i.code === 'sum/foot' || i.code === 'sum/crossfoot') && i.severity === 'error',
          ),
        ).toBe(true);
      }),
      { numRuns: amounts.length * 2 },
    );
  });

  it('fill then validate gives no sum error on any consistent budget tree', () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 50_000 }),
      fc.integer({ min: 0, max: 50_000_000 }).map((n) => n / 1000),
    );
    const project = fc.record({
      number: fc.integer({ min: 1, max: 7 }),
      leaves: fc.array(fc.tuple(amount, amount), { minLength: 0, maxLength: 3 }),
      own: fc.tuple(amount, amount),
    });
    fc.assert(
      fc.property(
        fc.array(project, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (projects, totalFirst) => {
          const body: Row[] = [];
          projects.forEach((p, i) => {
            if (p.leaves.length === 0)
              body.push([String(i + 1), `Dự án ${p.number}`, null, p.own[0], p.own[1]]);
            else {
              body.push([String(i + 1), `Dự án ${p.number}`, null, null, null]);
              p.leaves.forEach(([a, b]) => body.push(['-', 'Nội dung chi', null, a, b]));
            }
          });
          const total: Row = [null, 'Tổng cộng', null, null, null];
          const rows: Row[] = [
            ['Đơn vị tính: triệu đồng'],
            ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
            ...(totalFirst ? [total, ...body] : [...body, total]),
          ];
          const g = gridFromRows('B', rows);
          const filled = applyWrites(g, fillSheet(g).writes);
          const report = validateSheet(filled);
          expect(
            report.issues.filter((i) => i.code.startsWith('sum/') && i.severity === 'error'),
          ).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('header detection gives the same mapping with rows added above or columns shuffled', () => {
    const base = [
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP', 'Ghi chú'],
      ['1', 'Dự án 2', 3154, 3154, 0, null],
      ['2', 'Dự án 3', 1469, 1400, 69, null],
    ];
    const keysByHeader = (g: Grid) => {
      const d = detectLayout(g);
      return Object.fromEntries(
        [...(d.fit?.columns ?? [])].map(([k, c]) => [
          k,
          String(g.cells[d.fit?.headerRows.at(-1) ?? 0]?.[c]?.value),
        ]),
      );
    };
    const expected = keysByHeader(gridFromRows('S', base));
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
        fc.array(
          fc.constantFrom<CellValue[]>(
            [],
            ['PHỤ LỤC SỐ 01'],
            ['KẾ HOẠCH NĂM 2024'],
            [null, null, 'Đơn vị tính: triệu đồng'],
          ),
          { maxLength: 4 },
        ),
        (order, above) => {
          const rows = [...above, ...base.map((r) => order.map((i) => r[i] ?? null))];
          expect(keysByHeader(gridFromRows('S', rows))).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});
