/**
 * buildModel reads where the table ends row by row, holding rows whose place is not yet known:
 * the same rows, and the same issues, as reading the table's last row first (the reference).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../annex/detect.js';
import { gridFromRows } from '../grid/grid.js';
import type { Cell, CellValue } from '../grid/types.js';
import { referenceLastTableRow } from './__fixtures__/table-end-reference.js';
import { buildModel, isClosingLine } from './model.js';
import type { Issue } from './types.js';

type Row = (CellValue | Cell | undefined)[];

const HEADER: Row[] = [
  ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP', 'Ghi chú'],
  ['A', 'B', '1=2+3', '2', '3', '4'],
];

/** Rows of every kind that decides where a table ends. */
const row: fc.Arbitrary<Row> = fc.oneof(
  fc
    .tuple(fc.constantFrom('1', '2', '-', 'I', 'a'), fc.integer({ min: 0, max: 99 }))
    .map(([tt, n]): Row => [tt, `Xã ${n}`, n * 3, n * 2, n]),
  fc.constant<Row>([]),
  fc.constant<Row>([null, '   ']),
  fc.constant<Row>([null, null, null, null, null, 'chỉ có ghi chú']),
  fc.constant<Row>([null, null, 'Người lập biểu', null, 'Chủ tịch']),
  fc.constant<Row>([null, 'Mường Lay, ngày 01 tháng 3 năm 2024']),
  fc.constant<Row>([null, 'Tổng cộng', 10, 5, 5]),
  fc.constant<Row>([null, 'Tổng cộng']),
  fc.constant<Row>(['II', 'Kinh phí khác']),
  fc.constant<Row>([null, null, 'nhiều', null, null]),
  fc.constant<Row>([null, null, { value: null, numFmt: '0.000' }, null, null]),
  fc.constant<Row>(['3', 'Dự án 3', '1.250,5', 'x', '-']),
);

describe('the table end, read row by row', () => {
  it('keeps the rows and raises the issues that reading the last row first does', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 14 }), (body) => {
        const grid = gridFromRows('S', [...HEADER, ['1', 'Dự án 2', 30, 20, 10], ...body]);
        const detection = detectLayout(grid);
        const fit = detection.fit;
        if (!fit) return;
        const issues: Issue[] = [];
        const model = buildModel(grid, detection, {}, issues);
        const numeric = ['total', 'nstw', 'nsdp']
          .map((k) => fit.columns.get(k))
          .filter((c): c is number => c !== undefined);
        const last = referenceLastTableRow(
          grid,
          detection.firstDataRow,
          numeric,
          fit.columns.get('tt'),
          fit.columns.get('label'),
          fit.layout.totalLabels,
        );
        for (const x of model.rows) expect(x.row).toBeLessThanOrEqual(last);
        for (const i of issues)
          if (i.code !== 'table/rows-not-read') expect(i.row).toBeLessThanOrEqual(last);
        // Figures below the table (two numbers or more on a row that is no date or signature
        // line) are named, at the first such row, never passed over in silence.
        let unread = -1;
        for (let r = last + 1; r < grid.cells.length && unread < 0; r++) {
          const cells = grid.cells[r] ?? [];
          const figures = cells.filter((c) => typeof c?.value === 'number').length;
          const label = String(cells[fit.columns.get('label') ?? -1]?.value ?? '').trim();
          if (figures >= 2 && !isClosingLine(label)) unread = r;
        }
        expect(issues.filter((i) => i.code === 'table/rows-not-read').map((i) => i.row)).toEqual(
          unread >= 0 ? [unread] : [],
        );
        // Every row up to the end with something in its TT, label or numeric cells is a row.
        const expected: number[] = [];
        for (let r = detection.firstDataRow; r <= last; r++) {
          const cells = grid.cells[r] ?? [];
          const kept = [fit.columns.get('tt'), fit.columns.get('label'), ...numeric].some((c) => {
            const v = c === undefined ? undefined : cells[c]?.value;
            return (
              c !== undefined &&
              (cells[c]?.formula || (v !== null && v !== undefined && String(v).trim() !== ''))
            );
          });
          if (kept) expected.push(r);
        }
        expect(model.rows.map((x) => x.row)).toEqual(expected);
        // Rows held and rows skipped leave no gap: row i's numbers are where `numbers` says.
        model.rows.forEach((x, i) => {
          for (const slot of model.slots.values())
            expect(model.numbers.rowMicros(i, slot)).toBe(x.values.microsAt(slot));
        });
      }),
      { numRuns: 400 },
    );
  });
});
