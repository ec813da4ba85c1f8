import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../grid/grid.js';
import type { CellValue, MergeRange } from '../grid/types.js';
import { validateSheet } from '../check/validate.js';

/** One block of columns under a header: a group with its total first, or a total then its split. */
type Block =
  | { readonly kind: 'group'; readonly name: string; readonly parts: readonly string[] }
  | {
      readonly kind: 'split';
      readonly total: string;
      readonly name: string;
      readonly parts: readonly string[];
    };

const SOURCES = ['NSTW', 'NSĐP', 'Vốn lồng ghép', 'Huy động khác'];
const GROUPS = [
  'Kế hoạch vốn năm 2024',
  'Giải ngân đến 30/9/2024',
  'Thực hiện năm 2024',
  'Dự toán giao',
];
const YEARS = ['Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025'];

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({
    kind: fc.constant('group' as const),
    name: fc.constantFrom(...GROUPS),
    parts: fc.integer({ min: 2, max: 4 }).map((n) => SOURCES.slice(0, n)),
  }),
  fc.record({
    kind: fc.constant('split' as const),
    total: fc.constantFrom('Tổng giai đoạn 2021-2025', 'Tổng kinh phí', 'Tổng số'),
    name: fc.constantFrom('Chia ra các năm', 'Chia ra', 'Bao gồm'),
    parts: fc.integer({ min: 2, max: 5 }).map((n) => YEARS.slice(5 - n)),
  }),
);

/** A sheet: blocks of columns, and groups of items (the rows' hierarchy), with figures that add up. */
const sheet = fc.record({
  blocks: fc.array(block, { minLength: 1, maxLength: 3 }),
  groups: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 3 }),
  seed: fc.array(fc.integer({ min: 1, max: 9_999 }), { minLength: 200, maxLength: 200 }),
});

type Sheet = typeof sheet extends fc.Arbitrary<infer T> ? T : never;

/** Build the grid of a generated sheet; each leaf's parts are drawn from the seed, all else adds up. */
function build(s: Sheet) {
  const head1: CellValue[] = ['TT', 'Nội dung'];
  const head2: CellValue[] = [null, null];
  const merges: MergeRange[] = [
    { top: 4, left: 0, bottom: 5, right: 0 },
    { top: 4, left: 1, bottom: 5, right: 1 },
  ];
  // Per block: the column of its total and of each part.
  const layout: Array<{ total: number; parts: number[] }> = [];
  for (const b of s.blocks) {
    const left = head1.length;
    if (b.kind === 'group') {
      head1.push(b.name, ...b.parts.map(() => null));
      head2.push('Tổng số', ...b.parts);
      merges.push({ top: 4, left, bottom: 4, right: left + b.parts.length });
      layout.push({ total: left, parts: b.parts.map((_, i) => left + 1 + i) });
    } else {
      head1.push(b.total, b.name, ...b.parts.slice(1).map(() => null));
      head2.push(null, ...b.parts);
      merges.push({ top: 4, left, bottom: 5, right: left });
      merges.push({ top: 4, left: left + 1, bottom: 4, right: left + b.parts.length });
      layout.push({ total: left, parts: b.parts.map((_, i) => left + 1 + i) });
    }
  }
  const width = head1.length;
  let k = 0;
  const draw = () => s.seed[k++ % s.seed.length] as number;
  const leaf = (): number[] => {
    const row = new Array<number>(width).fill(0);
    for (const b of layout) {
      let total = 0;
      for (const p of b.parts) {
        row[p] = draw();
        total += row[p] as number;
      }
      row[b.total] = total;
    }
    return row;
  };
  const add = (a: number[], b: number[]) => a.map((x, i) => x + (b[i] as number));
  const body: CellValue[][] = [];
  const parentOf: number[] = [];
  let grand = new Array<number>(width).fill(0);
  const roman = ['I', 'II', 'III', 'IV'];
  s.groups.forEach((items, g) => {
    const at = body.length;
    const rows = Array.from({ length: items }, leaf);
    const sum = rows.reduce(add, new Array<number>(width).fill(0));
    grand = add(grand, sum);
    body.push([roman[g] as string, `Nhóm ${g + 1}`, ...sum.slice(2)]);
    parentOf.push(-1);
    rows.forEach((r, i) => {
      body.push([String(i + 1), `Nội dung ${g + 1}.${i + 1}`, ...r.slice(2)]);
      parentOf.push(at);
    });
  });
  const top: CellValue[][] = [
    ['PHỤ LỤC SỐ 01'],
    ['KẾ HOẠCH VỐN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG'],
    ['(Kèm theo Kế hoạch số …)'],
    [null, null, null, 'Đơn vị tính: triệu đồng'],
    head1,
    head2,
    [null, 'Tổng cộng', ...grand.slice(2)],
  ];
  const first = top.length;
  return { rows: [...top, ...body], merges, first, parentOf, layout, width };
}

describe('relations over generated header trees', () => {
  it('a sheet whose figures add up everywhere gets no error, and every numeric column is checked', () => {
    fc.assert(
      fc.property(sheet, (s) => {
        const b = build(s);
        const r = validateSheet(gridFromRows('PL', b.rows, b.merges));
        expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(r.coverage.unchecked).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('any one figure changed is caught on its row or on a row that adds it', () => {
    fc.assert(
      fc.property(
        sheet,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 500 }),
        (s, rowPick, colPick, delta) => {
          const b = build(s);
          // A leaf row of the body (not a group row), and any numeric column.
          const leaves = b.parentOf.map((p, i) => (p >= 0 ? i : -1)).filter((i) => i >= 0);
          const bodyRow = leaves[rowPick % leaves.length] as number;
          const col = 2 + (colPick % (b.width - 2));
          const r = b.first + bodyRow;
          const row = b.rows[r] as CellValue[];
          row[col] = (row[col] as number) + delta;
          const report = validateSheet(gridFromRows('PL', b.rows, b.merges));
          const errors = report.issues.filter((i) => i.severity === 'error');
          expect(errors.length).toBeGreaterThan(0);
          // Every error sits on the changed row, its group row or the total row.
          const allowed = new Set([r, b.first + (b.parentOf[bodyRow] as number), b.first - 1]);
          for (const e of errors) expect(allowed.has(e.row), `${e.cell} ${e.code}`).toBe(true);
          // And one names the changed cell or a cell that adds it on its row.
          const block = b.layout.find((x) => x.total === col || x.parts.includes(col));
          const cols = new Set([col, block?.total]);
          expect(errors.some((e) => e.row === r && cols.has(e.col))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
