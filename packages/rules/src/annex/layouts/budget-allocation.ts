import type { LayoutDefinition } from '../schema.js';
import { NOTES_COLUMN, TOTAL_LABELS, TT_COLUMN } from './common.js';

const CENTRAL = ['nstw', 'ns tw', 'trung uong', 'ngan sach tw', 'von tw'];
const LOCAL = [
  'nsdp',
  'ns dp',
  'dia phuong',
  'doi ung',
  'ngan sach tinh',
  'ngan sach huyen',
  'ngan sach xa',
  'ns tinh',
  'ns huyen',
  'ns xa',
];
/** The local budget as a whole (its levels have columns of their own). */
const LOCAL_TOTAL = ['nsdp', 'ns dp', 'dia phuong', 'doi ung'];
/** Headers under which a level (tỉnh, huyện, xã) means a local budget. */
const LOCAL_GROUP = ['nsdp', 'ns dp', 'dia phuong', 'ngan sach', 'ns'];
const LEVELS = ['tinh', 'huyen', 'xa'];
const INVEST = ['dau tu', 'dtpt', 'von dt', 'xay dung co ban'];
const RECUR = ['su nghiep', 'von sn', 'thuong xuyen', 'kinh phi sn'];
const OTHER_SOURCES = ['long ghep', 'tin dung', 'huy dong', 'nguon khac', 'von khac', 'khac'];
const TOTAL = [
  'tong so',
  'tong cong',
  'tong kinh phi',
  'tong von',
  'tong nguon',
  'tong',
  'kinh phi',
  'cong',
  'nhu cau',
  'du toan',
  'so tien',
  'phan bo',
  'thanh tien',
  'gia tri',
];

/** Budget allocation by project and sub-project (phân bổ kinh phí), domain.md §5.1. */
export const BUDGET_ALLOCATION: LayoutDefinition = {
  id: 'budget-allocation',
  kind: 'budget',
  title: {
    vi: 'Phân bổ kinh phí theo dự án, tiểu dự án',
    en: 'Budget allocation by project and sub-project',
  },
  titleHints: ['kinh phi', 'phan bo', 'nguon von', 'du toan', 'von', 'trieu dong', 'ngan sach'],
  columns: [
    TT_COLUMN,
    {
      key: 'label',
      header: 'Nội dung',
      headerEn: 'Item',
      kind: 'text',
      required: true,
      patterns: [
        {
          all: [
            [
              'noi dung',
              'du an',
              'danh muc',
              'chuong trinh',
              'hang muc',
              'ten du an',
              'nhiem vu',
              'ten',
              'dien giai',
              'chi tieu',
              'nguon von',
            ],
          ],
          none: [
            'don vi thuc hien',
            'co quan',
            'chu tri',
            ...CENTRAL,
            ...LOCAL,
            ...INVEST,
            ...RECUR,
            ...OTHER_SOURCES,
          ],
        },
      ],
    },
    {
      key: 'project_code',
      header: 'Mã dự án',
      headerEn: 'Project code',
      kind: 'code',
      required: false,
      patterns: [{ all: [['ma du an', 'ma so', 'ma']] }],
    },
    {
      key: 'total',
      header: 'Tổng số',
      headerEn: 'Total',
      kind: 'money',
      required: true,
      patterns: [
        {
          all: [TOTAL],
          none: [
            ...CENTRAL,
            ...LOCAL,
            ...INVEST,
            ...RECUR,
            ...OTHER_SOURCES,
            'so ho',
            'ty le',
            'don vi thuc hien',
            'noi dung',
          ],
        },
      ],
    },
    {
      key: 'nstw',
      header: 'Ngân sách trung ương',
      headerEn: 'Central budget (NSTW)',
      kind: 'money',
      required: false,
      patterns: [{ all: [CENTRAL], none: [...INVEST, ...RECUR] }],
    },
    {
      key: 'nstw_dtpt',
      header: 'NSTW - Đầu tư phát triển',
      headerEn: 'NSTW - investment',
      kind: 'money',
      required: false,
      patterns: [{ all: [CENTRAL, INVEST] }],
    },
    {
      key: 'nstw_sn',
      header: 'NSTW - Sự nghiệp',
      headerEn: 'NSTW - recurrent',
      kind: 'money',
      required: false,
      patterns: [{ all: [CENTRAL, RECUR] }],
    },
    {
      key: 'nsdp',
      header: 'Ngân sách địa phương',
      headerEn: 'Local budget (NSĐP)',
      kind: 'money',
      required: false,
      patterns: [{ all: [LOCAL_TOTAL], none: [...INVEST, ...RECUR, ...LEVELS] }],
    },
    ...(['tinh', 'huyen', 'xa'] as const).map((level) => ({
      key: `nsdp_${level}`,
      header: `NSĐP - ${{ tinh: 'Tỉnh', huyen: 'Huyện', xa: 'Xã' }[level]}`,
      headerEn: `Local budget - ${{ tinh: 'province', huyen: 'district', xa: 'commune' }[level]}`,
      kind: 'money' as const,
      required: false,
      patterns: [
        {
          all: [LOCAL_GROUP, [level, `cap ${level}`]],
          none: [
            ...CENTRAL,
            ...INVEST,
            ...RECUR,
            'don vi tinh',
            'dvt',
            ...LEVELS.filter((l) => l !== level),
          ],
        },
      ],
    })),
    {
      key: 'nsdp_dtpt',
      header: 'NSĐP - Đầu tư phát triển',
      headerEn: 'NSĐP - investment',
      kind: 'money',
      required: false,
      patterns: [{ all: [LOCAL, INVEST] }],
    },
    {
      key: 'nsdp_sn',
      header: 'NSĐP - Sự nghiệp',
      headerEn: 'NSĐP - recurrent',
      kind: 'money',
      required: false,
      patterns: [{ all: [LOCAL, RECUR] }],
    },
    {
      key: 'dtpt',
      header: 'Vốn đầu tư phát triển',
      headerEn: 'Investment capital',
      kind: 'money',
      required: false,
      patterns: [{ all: [INVEST], none: [...CENTRAL, ...LOCAL] }],
    },
    {
      key: 'sn',
      header: 'Vốn sự nghiệp',
      headerEn: 'Recurrent capital',
      kind: 'money',
      required: false,
      patterns: [{ all: [RECUR], none: [...CENTRAL, ...LOCAL] }],
    },
    {
      key: 'long_ghep',
      header: 'Vốn lồng ghép',
      headerEn: 'Integrated funds',
      kind: 'money',
      required: false,
      patterns: [{ all: [['long ghep']] }],
    },
    {
      key: 'tin_dung',
      header: 'Vốn tín dụng chính sách',
      headerEn: 'Policy credit',
      kind: 'money',
      required: false,
      patterns: [{ all: [['tin dung']] }],
    },
    {
      key: 'khac',
      header: 'Huy động hợp pháp khác',
      headerEn: 'Other mobilised funds',
      kind: 'money',
      required: false,
      patterns: [
        {
          all: [['huy dong', 'nguon khac', 'von khac', 'khac']],
          none: [...CENTRAL, ...LOCAL, 'long ghep', 'tin dung'],
        },
      ],
    },
    {
      key: 'unit_impl',
      header: 'Đơn vị thực hiện',
      headerEn: 'Implementing unit',
      kind: 'text',
      required: false,
      patterns: [
        {
          all: [
            [
              'don vi thuc hien',
              'co quan thuc hien',
              'chu tri',
              'don vi chu tri',
              'co quan chu tri',
              'don vi',
              'co quan',
            ],
          ],
        },
      ],
    },
    NOTES_COLUMN,
  ],
  crossfoot: [
    { target: 'total', parts: ['nstw', 'nsdp', 'long_ghep', 'tin_dung', 'khac'], minParts: 2 },
    { target: 'total', parts: ['dtpt', 'sn'], minParts: 2 },
    { target: 'nstw', parts: ['nstw_dtpt', 'nstw_sn'], minParts: 2 },
    { target: 'nsdp', parts: ['nsdp_dtpt', 'nsdp_sn'], minParts: 2 },
    { target: 'nsdp', parts: ['nsdp_tinh', 'nsdp_huyen', 'nsdp_xa'], minParts: 2 },
  ],
  rates: [],
  differences: [],
  flows: [],
  ofWhich: [],
  leftOf: [],
  totalLabels: TOTAL_LABELS,
};
