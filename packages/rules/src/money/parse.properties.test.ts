import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse.js';

/** Strings made of what numbers in annexes are made of, so the parser's deep paths are reached. */
const numberish = fc
  .array(
    fc.constantFrom(
      '0',
      '1',
      '5',
      '9',
      '.',
      ',',
      ' ',
      '\u00a0',
      '\u202f',
      '%',
      '-',
      '−',
      '+',
      '(',
      ')',
      'đồng',
      'triệu',
      'tỷ',
      'trên ',
      'e',
      'E',
      '1e308',
      '\t',
      'NaN',
      'Infinity',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
describe('parsers never throw', () => {
  it('parseNumber on number-like text, in both locales, and gives a finite value when it reads a number', () => {
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string({ maxLength: 60, unit: 'grapheme' })), (s) => {
        for (const locale of ['vi', 'en'] as const) {
          const r = parseNumber(s, { locale });
          expect(['number', 'ambiguous', 'invalid']).toContain(r.kind);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
