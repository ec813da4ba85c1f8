import type { ColumnDefinition } from '../schema.js';

/** Labels of total rows officials write (normalised). */
export const TOTAL_LABELS = [
  'tong cong',
  'tong so',
  'tong',
  'cong',
  'toan huyen',
  'toan xa',
  'toan tinh',
  'toan thi xa',
  'toan thanh pho',
  'toan phuong',
  'tong toan xa',
  'tong toan huyen',
  'cong toan xa',
  'tong cong toan xa',
];

/** The TT / STT column. */
export const TT_COLUMN: ColumnDefinition = {
  key: 'tt',
  header: 'TT',
  headerEn: 'No.',
  kind: 'code',
  required: false,
  patterns: [{ all: [['tt', 'stt', 'so tt', 'so thu tu', 'thu tu']] }],
};

/** The notes column. */
export const NOTES_COLUMN: ColumnDefinition = {
  key: 'notes',
  header: 'Ghi chú',
  headerEn: 'Notes',
  kind: 'text',
  required: false,
  patterns: [{ all: [['ghi chu']] }],
};
