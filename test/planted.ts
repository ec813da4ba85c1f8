/**
 * The mistakes planted in examples/muong-lay-2024-loi.xlsx (see examples/README.md): each must be
 * reported at its cell with its code.
 */
export const PLANTED: readonly { sheet: string; cell: string; code: string; what: string }[] = [
  {
    sheet: 'PL01',
    cell: 'C9',
    code: 'sum/foot',
    what: 'group I typed as 3.154: forgot Dự án 3 (1.469)',
  },
  { sheet: 'PL01', cell: 'D9', code: 'sum/foot', what: 'same, NSTW column' },
  {
    sheet: 'PL01',
    cell: 'C15',
    code: 'sum/crossfoot',
    what: 'DA4 TDA1 total typed 1.659 ≠ 1.588 + 107',
  },
  {
    sheet: 'PL01',
    cell: 'B16',
    code: 'catalog/name-mismatch',
    what: '"Tiểu dự án 2: Hỗ trợ việc làm bền vững" (it is TDA3)',
  },
  { sheet: 'PL01', cell: 'D18', code: 'cell/number-as-text', what: '522 stored as text' },
  {
    sheet: 'PL01',
    cell: 'D22',
    code: 'budget/unit-suspect',
    what: '172.000.000 typed in đồng in a triệu sheet',
  },
  { sheet: 'PL02', cell: 'E21', code: 'rate/range', what: 'water target 105% ("trên 100%")' },
  {
    sheet: 'PL02',
    cell: 'E8',
    code: 'target/direction',
    what: 'malnutrition target 8,5 above the baseline 8,1',
  },
];
