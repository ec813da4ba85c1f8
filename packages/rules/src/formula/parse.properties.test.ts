import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFormula } from './parse.js';

/** Strings made of formula pieces. */
const formulaish = fc
  .array(
    fc.constantFrom(
      'SUM(',
      ')',
      'C9',
      ':',
      'C12',
      '+',
      '-',
      '*',
      '/',
      ',',
      ';',
      "'Tổng hợp'!",
      '[Book.xlsx]',
      '$',
      'A',
      '1',
      '"',
      '&',
      '%',
      '^',
      ' ',
      '(',
      'ROUND(',
      '#REF!',
      'TRUE',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('parsers never throw', () => {
  it('parseFormula on formula-like text', () => {
    fc.assert(
      fc.property(fc.oneof(formulaish, fc.string({ maxLength: 60 })), (s) => {
        const r = parseFormula(s);
        expect(r === null || typeof r === 'object').toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
