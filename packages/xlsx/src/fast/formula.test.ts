/**
 * Cell references, shared-formula translation and date formats, against ExcelJS' own functions.
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { colToLetters } from '../a1.js';
import { parseCellRef, slideFormula } from './formula.js';
import { isDateFormat } from './styles.js';

const require = createRequire(import.meta.url);
const exceljs = {
  slideFormula: (
    require('exceljs/lib/utils/shared-formula.js') as {
      slideFormula(formula: string, from: string, to: string): string;
    }
  ).slideFormula,
  colCache: require('exceljs/lib/utils/col-cache.js') as {
    decodeAddress(address: string): { col?: number; row?: number };
  },
  isDateFmt: (require('exceljs/lib/utils/utils.js') as { isDateFmt(f: string): boolean }).isDateFmt,
};

/** ExcelJS' translation, `undefined` where it throws (readCell then has no formula). */
function exceljsSlide(formula: string, from: string, to: string): string | undefined {
  try {
    return exceljs.slideFormula(formula, from, to);
  } catch {
    return undefined;
  }
}

const address = fc
  .tuple(fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 1_048_576 }))
  .map(([col, row]) => ({ col, row, a1: `${colToLetters(col - 1)}${row}` }));

const formulaToken = fc.oneof(
  address.map((a) => a.a1),
  fc
    .tuple(address, fc.boolean(), fc.boolean())
    .map(([a, c, r]) => `${c ? '$' : ''}${colToLetters(a.col - 1)}${r ? '$' : ''}${a.row}`),
  fc.constantFrom(
    'SUM(',
    'ROUND(',
    ')',
    ',',
    '+',
    '*',
    ':',
    '"A1"',
    'Sheet2!',
    "'Trang 2'!",
    'name_1',
    'XFE1',
    'ABCD12',
    'a1',
    '1.5E+3',
    ' ',
  ),
);
const formula = fc.array(formulaToken, { maxLength: 10 }).map((t) => t.join(''));

describe('slideFormula', () => {
  it('translates as ExcelJS does', () => {
    fc.assert(
      fc.property(formula, address, address, (f, from, to) => {
        expect(slideFormula(f, from, to)).toBe(exceljsSlide(f, from.a1, to.a1));
      }),
      { numRuns: 2000 },
    );
  });

  it('moves relative references and keeps absolute ones', () => {
    expect(slideFormula('A2+$B$2+SUM(C$2:$D2)', { col: 3, row: 2 }, { col: 4, row: 5 })).toBe(
      'B5+$B$2+SUM(D$2:$D5)',
    );
    expect(slideFormula('A1', { col: 2, row: 1 }, { col: 1, row: 1 })).toBeUndefined();
  });
});

describe('parseCellRef', () => {
  it('reads a reference as ExcelJS does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('A', 'Z', 'X', 'F', 'D', '$', '1', '0', '9', 'a', ':', ' '), {
          maxLength: 8,
        }),
        (chars) => {
          const ref = chars.join('');
          const at = { col: 0, row: 0 };
          const ok = parseCellRef(ref, 0, ref.length, at);
          let expected: { col?: number; row?: number } | undefined;
          try {
            expected = exceljs.colCache.decodeAddress(ref);
          } catch {
            expected = undefined;
          }
          if (expected?.col !== undefined && expected.row !== undefined) {
            expect(ok).toBe(true);
            expect(at).toEqual({ col: expected.col, row: expected.row });
          } else {
            expect(ok).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isDateFormat', () => {
  it('is ExcelJS’ rule', () => {
    const formats = fc
      .array(
        fc.constantFrom(
          '0',
          '#',
          ',',
          '.',
          'd',
          'm',
          'y',
          'h',
          's',
          'b',
          'M',
          'E',
          '"',
          '[',
          ']',
          'đ',
          ' ',
          '\\',
          '%',
        ),
        { maxLength: 12 },
      )
      .map((c) => c.join(''));
    fc.assert(
      fc.property(formats, (f) => {
        expect(isDateFormat(f)).toBe(exceljs.isDateFmt(f));
      }),
      { numRuns: 2000 },
    );
  });
});
