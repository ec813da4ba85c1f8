import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';
import { tokenizeReference } from '../__fixtures__/tokenize-reference.js';

/** Formula-like text: references (plain, anchored, qualified, ranges), functions, numbers, operators, strings. */
const piece = fc.constantFrom(
  'C9',
  'c9',
  '$D$9',
  'D$9',
  '$D9',
  'AB12',
  'XFD1048576',
  'ABCD1',
  'A0',
  'A12345678',
  'E5',
  'D9:D12',
  'D9:',
  ':E3',
  'SUM',
  'ROUND',
  'LOG10',
  'A1B',
  'Sheet1!',
  "'Kế hoạch'!",
  '[Book.xlsx]S!',
  '[1]',
  'Tổng!',
  '2019!',
  '.5',
  '1.5',
  '1e3',
  '1E+5',
  '100',
  '2',
  '%',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '=',
  '<>',
  '<=',
  '>=',
  '<',
  '>',
  ':',
  '(',
  ')',
  ',',
  ';',
  ' ',
  '"',
  '"a""b"',
  '#REF!',
  '#N/A',
  '#',
  'TRUE',
  'true',
  '_x',
  'x.y',
  'é',
  '!',
  '$',
  '[',
  ']',
);
const formula = fc.array(piece, { maxLength: 16 }).map((xs) => xs.join(''));

describe('tokenize', () => {
  it('gives the same tokens as the reference tokenizer', () => {
    fc.assert(
      fc.property(fc.oneof(formula, fc.string({ maxLength: 30 })), (f) => {
        expect(tokenize(f)).toEqual(tokenizeReference(f));
        expect(tokenize(`=${f}`)).toEqual(tokenizeReference(`=${f}`));
      }),
      { numRuns: 5000 },
    );
  });
});
