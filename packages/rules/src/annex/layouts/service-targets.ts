import type { LayoutDefinition } from '../schema.js';
import { NOTES_COLUMN, TOTAL_LABELS, TT_COLUMN } from './common.js';

const BASE = [
  'thuc hien',
  'hien trang',
  'co so',
  'nam truoc',
  'uoc thuc hien',
  'uoc th',
  'dau ky',
  'ket qua nam',
  '__early__',
];
const TARGET = ['ke hoach', 'muc tieu', 'chi tieu nam', 'phan dau', 'khn', '__late__'];

/** Targets for access to basic social services (chỉ tiêu tiếp cận dịch vụ xã hội cơ bản), domain.md §5.3. */
export const SERVICE_TARGETS: LayoutDefinition = {
  id: 'service-targets',
  kind: 'service',
  title: { vi: 'Chỉ tiêu tiếp cận dịch vụ xã hội cơ bản', en: 'Basic-social-service targets' },
  titleHints: ['dich vu xa hoi', 'thieu hut', 'chi tieu', 'tiep can', 'da chieu'],
  columns: [
    TT_COLUMN,
    {
      key: 'label',
      header: 'Chỉ tiêu',
      headerEn: 'Indicator',
      kind: 'text',
      required: true,
      patterns: [
        {
          all: [['chi tieu', 'noi dung', 'ten chi tieu', 'chieu thieu hut', 'dich vu', 'tieu chi']],
          none: [
            'don vi tinh',
            'dvt',
            'nam',
            'ke hoach',
            'muc tieu',
            'thuc hien',
            '__early__',
            '__late__',
          ],
        },
      ],
    },
    {
      key: 'unit',
      header: 'Đơn vị tính',
      headerEn: 'Unit',
      kind: 'text',
      required: true,
      patterns: [{ all: [['don vi tinh', 'dvt', 'don vi']] }],
    },
    {
      key: 'baseline',
      header: 'Thực hiện năm trước',
      headerEn: 'Baseline',
      kind: 'percent',
      required: false,
      patterns: [{ all: [BASE], none: ['don vi', '__late__', 'ty le'] }],
    },
    {
      key: 'target',
      header: 'Kế hoạch',
      headerEn: 'Target',
      kind: 'percent',
      required: true,
      patterns: [{ all: [TARGET], none: ['don vi', 'thuc hien', '__early__'] }],
    },
    {
      key: 'result',
      header: 'Kết quả thực hiện',
      headerEn: 'Result',
      kind: 'percent',
      required: false,
      patterns: [{ all: [['ket qua', 'dat duoc']], none: ['don vi', 'ra soat', 'ty le'] }],
    },
    {
      key: 'result_rate',
      header: 'Tỷ lệ thực hiện so với kế hoạch (%)',
      headerEn: 'Result against target (%)',
      kind: 'percent',
      required: false,
      patterns: [
        {
          all: [
            ['ty le thuc hien', 'ty le hoan thanh', 'ty le dat', 'so voi ke hoach', 'so voi kh'],
          ],
        },
      ],
    },
    NOTES_COLUMN,
  ],
  crossfoot: [],
  // The result against the target, where the sheet gives both.
  rates: [{ rate: 'result_rate', count: 'result', base: 'target' }],
  differences: [],
  flows: [],
  ofWhich: [],
  // "Thực hiện" after "Kế hoạch" is this year's result, not last year's baseline.
  leftOf: [{ key: 'baseline', of: 'target', otherwise: 'result' }],
  totalLabels: TOTAL_LABELS,
};
