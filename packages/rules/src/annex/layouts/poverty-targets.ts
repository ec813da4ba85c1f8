import type { ColumnDefinition, LayoutDefinition } from '../schema.js';
import { NOTES_COLUMN, TOTAL_LABELS, TT_COLUMN } from './common.js';

const START = [
  'dau nam',
  'dau ky',
  'hien trang',
  'hien co',
  'thuc hien',
  'ket qua ra soat',
  'ra soat',
  'nam truoc',
  'thoi diem',
  '__early__',
];
const END = [
  'cuoi nam',
  'chi tieu',
  'ke hoach',
  'phan dau',
  'muc tieu',
  'du kien',
  'giao',
  'uoc',
  '__late__',
];
const RATE = ['ty le', 'ti le', '%'];
const POOR = ['ho ngheo', 'ngheo'];
const NEAR = ['can ngheo'];
const REDUCE = ['giam', 'so ho giam', 'muc giam'];
const NOT_COUNT = [...RATE];

/**
 * A count column. `implied` groups apply when the sheet says only "Chỉ tiêu cuối năm | Số hộ":
 * in a poverty annex, households counted at a point in time are poor households.
 */
/** Headers that carry two years decide start and end by them, whatever their words say. */
function yearGuard(groups: string[][]): string[] {
  if (groups.includes(START)) return ['__late__'];
  if (groups.includes(END)) return ['__early__'];
  return [];
}

/**
 * A count column. `implied` groups apply when the sheet says only "Chỉ tiêu cuối năm | Số hộ":
 * in a poverty annex, households counted at a point in time are poor households. `bare`
 * lets a plain "Hộ nghèo" (no time) stand for the start.
 */
function count(
  key: string,
  header: string,
  headerEn: string,
  groups: string[][],
  none: string[],
  implied?: string[][],
  bare = false,
): ColumnDefinition {
  const guard = yearGuard(implied ?? groups);
  const patterns = [{ all: groups, none: [...none, ...NOT_COUNT, ...guard] }];
  if (implied)
    patterns.push({
      all: [...implied, ['so ho', 'ho']],
      none: [...none, ...NOT_COUNT, ...NEAR, 'tong so ho', ...guard],
    });
  if (bare) patterns.push({ all: [POOR], none: [...none, ...NOT_COUNT, ...END] });
  return { key, header, headerEn, kind: 'count', unit: 'hộ', required: false, patterns };
}
function rate(
  key: string,
  header: string,
  headerEn: string,
  groups: string[][],
  none: string[],
  implied?: string[][],
  bare = false,
): ColumnDefinition {
  const guard = yearGuard(implied ?? groups);
  const patterns = [{ all: [...groups, RATE], none: [...none, ...guard] }];
  if (implied) patterns.push({ all: [...implied, RATE], none: [...none, ...NEAR, ...guard] });
  if (bare) patterns.push({ all: [POOR, RATE], none: [...none, ...END] });
  return { key, header, headerEn, kind: 'percent', unit: '%', required: false, patterns };
}

/** Poverty-reduction targets by commune or village (giao chỉ tiêu giảm nghèo), domain.md §5.2. */
export const POVERTY_TARGETS: LayoutDefinition = {
  id: 'poverty-targets',
  kind: 'poverty',
  title: {
    vi: 'Chỉ tiêu giảm nghèo theo xã, thôn',
    en: 'Poverty-reduction targets by commune or village',
  },
  titleHints: ['giam ngheo', 'ho ngheo', 'ty le ho ngheo', 'chi tieu giam', 'can ngheo'],
  columns: [
    TT_COLUMN,
    {
      key: 'label',
      header: 'Đơn vị (xã, thôn)',
      headerEn: 'Commune or village',
      kind: 'text',
      required: true,
      patterns: [
        {
          all: [
            [
              'thon',
              'ban',
              'xa',
              'phuong',
              'to dan pho',
              'don vi',
              'dia ban',
              'dia phuong',
              'ten',
              'noi dung',
              'huyen',
              'khu pho',
              'lang',
              'xom',
              'ap',
            ],
          ],
          none: ['so ho', 'ty le', 'ngheo', 'tong so ho'],
        },
      ],
    },
    {
      key: 'households',
      header: 'Tổng số hộ',
      headerEn: 'Households',
      kind: 'count',
      unit: 'hộ',
      required: true,
      patterns: [
        {
          all: [
            [
              'tong so ho',
              'so ho dan',
              'tong ho',
              'ho dan cu',
              'tong so ho dan',
              'so ho dan cu',
              'tong so ho gia dinh',
              'ho gia dinh',
            ],
          ],
          none: ['ngheo', ...RATE, 'giam'],
        },
      ],
    },
    count(
      'poor_start',
      'Hộ nghèo đầu năm - Số hộ',
      'Poor households at the start',
      [POOR, START],
      [...NEAR, ...REDUCE, 'thoat'],
      [START],
      true,
    ),
    rate(
      'poor_start_rate',
      'Hộ nghèo đầu năm - Tỷ lệ (%)',
      'Poverty rate at the start (%)',
      [POOR, START],
      [...NEAR, ...REDUCE, 'thoat'],
      [START],
      true,
    ),
    count(
      'near_start',
      'Hộ cận nghèo - Số hộ',
      'Near-poor households',
      [NEAR],
      [...REDUCE, ...END.filter((x) => x !== 'thuc hien')],
    ),
    rate(
      'near_start_rate',
      'Hộ cận nghèo - Tỷ lệ (%)',
      'Near-poor rate (%)',
      [NEAR],
      [...REDUCE, ...END.filter((x) => x !== 'thuc hien')],
    ),
    count(
      'poor_end',
      'Chỉ tiêu cuối năm - Số hộ nghèo',
      'Poor households targeted at year end',
      [POOR, END],
      [...NEAR, ...REDUCE, 'thoat'],
      [END],
    ),
    rate(
      'poor_end_rate',
      'Chỉ tiêu cuối năm - Tỷ lệ hộ nghèo (%)',
      'Poverty rate targeted at year end (%)',
      [POOR, END],
      [...NEAR, ...REDUCE, 'thoat'],
      [END],
    ),
    count(
      'near_end',
      'Chỉ tiêu cuối năm - Số hộ cận nghèo',
      'Near-poor households targeted at year end',
      [NEAR, END],
      [...REDUCE],
    ),
    rate(
      'near_end_rate',
      'Chỉ tiêu cuối năm - Tỷ lệ hộ cận nghèo (%)',
      'Near-poor rate targeted at year end (%)',
      [NEAR, END],
      [...REDUCE],
    ),
    count('reduction', 'Giảm - Số hộ', 'Reduction (households)', [REDUCE], [...NEAR]),
    {
      key: 'reduction_rate',
      header: 'Giảm - Tỷ lệ (%)',
      headerEn: 'Reduction (percentage points)',
      kind: 'percent',
      unit: '%',
      required: false,
      patterns: [{ all: [REDUCE, RATE], none: [...NEAR] }],
    },
    count(
      'exit_registered',
      'Hộ đăng ký thoát nghèo',
      'Households registered to exit poverty',
      [['thoat ngheo', 'dang ky thoat']],
      [...NEAR],
    ),
    NOTES_COLUMN,
  ],
  crossfoot: [],
  rates: [
    { rate: 'poor_start_rate', count: 'poor_start', base: 'households' },
    { rate: 'near_start_rate', count: 'near_start', base: 'households' },
    { rate: 'poor_end_rate', count: 'poor_end', base: 'households' },
    { rate: 'near_end_rate', count: 'near_end', base: 'households' },
  ],
  differences: [
    { result: 'reduction', from: 'poor_start', to: 'poor_end' },
    { result: 'reduction_rate', from: 'poor_start_rate', to: 'poor_end_rate' },
  ],
  flows: [],
  ofWhich: [],
  leftOf: [],
  totalLabels: TOTAL_LABELS,
};
