import fc from 'fast-check';
import type { Cell, CellValue, Grid } from '../grid/types.js';

/** Any cell value a sheet may hold, biased towards the words and numbers of real annexes. */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.integer({ min: -1e6, max: 1e7 }),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    'TT',
    'Nội dung',
    'Tổng số',
    'NSTW',
    'NSĐP',
    'Tổng cộng',
    'Trong đó:',
    '-',
    '+',
    'I',
    'a',
    '1.1',
    'Dự án 3',
    'TDA 2',
    '1.469',
    '5,21%',
    'trên 100%',
    'Đơn vị tính: triệu đồng',
    'Thôn',
    'Tổng số hộ',
    'Hộ nghèo',
    'Tỷ lệ (%)',
    'Số hộ',
    'Chỉ tiêu',
    '1',
    '2',
    '3=4+5',
  ),
  fc.boolean(),
  fc.constantFrom({ error: '#REF!' }, { error: '#N/A' }, { error: '#DIV/0!' }),
);

/** A cell: empty, a value, or a formula with a cached value. */
export const anyCell: fc.Arbitrary<Cell | null> = fc.oneof(
  fc.constant(null),
  cellValue.map((value) => ({ value })),
  fc
    .tuple(cellValue, fc.constantFrom('SUM(C9:C12)', 'D8+E8', 'A1'))
    .map(([value, formula]) => ({ value, formula })),
);

/** Any grid, however odd: ragged rows, errors, booleans, formulas, merges out of range. */
export const anyGrid: fc.Arbitrary<Grid> = fc
  .tuple(
    fc.array(fc.array(anyCell, { maxLength: 10 }), { maxLength: 25 }),
    fc.array(
      fc.record({ top: fc.nat(30), left: fc.nat(12), bottom: fc.nat(30), right: fc.nat(12) }),
      { maxLength: 5 },
    ),
  )
  .map(([cells, merges]) => ({ name: 'G', cells, merges }));
