import type { LayoutDefinition } from '../schema.js';
import { NOTES_COLUMN, TOTAL_LABELS, TT_COLUMN } from './common.js';

/**
 * Budget allocation laid out by unit (domain.md §5.1, issue 5): rows are communes or implementing
 * units, columns are projects or sub-projects ("DA2", "Dự án 3 - TDA1", "3.1"), optionally over
 * funding sources. The project columns are found per sheet: this static definition holds only the
 * fixed columns; `detectLayout` adds one money column per project header it recognises.
 */
export const BUDGET_MATRIX: LayoutDefinition = {
  id: 'budget-matrix',
  kind: 'budget',
  title: {
    vi: 'Phân bổ kinh phí theo đơn vị và dự án',
    en: 'Budget allocation by unit and project',
  },
  titleHints: ['kinh phi', 'phan bo', 'nguon von', 'du toan', 'trieu dong', 'don vi', 'xa'],
  columns: [
    TT_COLUMN,
    {
      key: 'label',
      header: 'Đơn vị',
      headerEn: 'Unit',
      kind: 'text',
      required: true,
      patterns: [
        {
          all: [
            [
              'don vi',
              'xa',
              'phuong',
              'thi tran',
              'dia phuong',
              'co quan',
              'ten don vi',
              'noi dung',
              'dia ban',
              'huyen',
              'thon',
            ],
          ],
        },
      ],
    },
    {
      key: 'total',
      header: 'Tổng số',
      headerEn: 'Total',
      kind: 'money',
      required: true,
      patterns: [
        {
          all: [['tong so', 'tong cong', 'tong kinh phi', 'tong', 'cong']],
          none: ['du an', 'tda', 'tieu du an'],
        },
      ],
    },
    NOTES_COLUMN,
  ],
  crossfoot: [],
  rates: [],
  differences: [],
  flows: [],
  ofWhich: [],
  leftOf: [],
  totalLabels: TOTAL_LABELS,
};
