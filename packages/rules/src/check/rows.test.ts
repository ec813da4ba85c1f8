import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../grid/normalize.js';
import { listLayouts } from '../annex/registry.js';
import { rowShape } from './rows.js';

const words = [
  'Tổng',
  'TỔNG CỘNG',
  'Cộng',
  'cộng',
  'Toàn',
  'huyện',
  'xã',
  'Trong đó',
  'trong',
  'đó',
  'Tiểu dự án',
  'Dự án',
  'số',
  'I+II',
  '1',
  '(',
  ')',
  ':',
  '-',
  ' ',
  '  ',
  'Mường Lạn',
];
const label = fc.oneof(
  fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((xs) => xs.join(' ')),
  fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((xs) => xs.join('')),
  fc.string({ maxLength: 20, unit: 'grapheme' }),
);
const tt = fc.constantFrom('', '-', '1', 'I', 'a', '1.2', '+', 'Tổng cộng');
// The built-in layouts' lists, and a user layout's with words of its own.
const totalLists = [
  ...new Set(listLayouts().map((l) => l.totalLabels)),
  ['toan xa', 'so tong', 'muong lan'],
];

describe('rowShape', () => {
  it('reads a label it folds only as far as its first word as it reads the label folded whole', () => {
    fc.assert(
      fc.property(tt, label, fc.constantFrom(...totalLists), (t, l, totals) => {
        expect(rowShape(t, l, totals)).toEqual(rowShape(t, l, totals, normalizeText(l)));
      }),
      { numRuns: 3000 },
    );
  });
});
