import { columnLetters } from '../grid/a1.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  additiveRefsReference,
  externalBooksReference,
  toR1C1Reference,
} from './__fixtures__/refs-reference.js';
import { scanPlainSum, scanR1C1 } from './fast-paths.js';
import { additiveRanges, additiveRefs, externalBooks, R1C1Template, toR1C1 } from './refs.js';

/**
 * Pieces of formulas: plain, anchored and qualified references, ranges and broken ranges, names
 * that look like references (`LOG10(`, `A1B`, `R1C1`), numbers of every form, operators,
 * comparisons, spaces, strings holding cell-like text, error values, stray punctuation.
 */
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
  'A00',
  'A01',
  'A12345678',
  'E5',
  'D9:D12',
  'C9:$C$12',
  'D9:',
  ':E3',
  'SUM(',
  'sum(',
  'ſum(',
  'SUMX(',
  'ROUND(',
  'round(',
  'LOG10(',
  'LOG10',
  'A1B',
  'A1_',
  'C9(',
  'R1C1',
  'C1.5',
  'Sheet1!',
  'Tổng!',
  '2019!',
  '[Book.xlsx]S!',
  "'Kế hoạch'!",
  '.5',
  '1.5',
  '1.',
  '1e3',
  '1E+5',
  '2e-3',
  '1e',
  '100',
  '2',
  '50%',
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
  '\t',
  '"',
  '"A1"',
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
const pieces = fc.array(piece, { maxLength: 16 }).map((xs) => xs.join(''));

/** A plain reference or range, sometimes anchored or in lower case. */
const plainRef = fc
  .tuple(
    fc.constantFrom('', '$'),
    fc.constantFrom('C', 'D', 'e', 'AB', 'XFD'),
    fc.constantFrom('', '$'),
    fc.integer({ min: 0, max: 40 }),
    fc.option(fc.tuple(fc.constantFrom('C', '$C', 'D', 'AB'), fc.integer({ min: 1, max: 40 }))),
  )
  .map(([ac, col, ar, row, to]) => `${ac}${col}${ar}${row}${to ? `:${to[0]}${to[1]}` : ''}`);

/** Formulas shaped like the totals and leaf formulas of real sheets, with odd variations. */
const sumLike = fc
  .tuple(
    fc.constantFrom('', '='),
    fc.constantFrom('SUM(', 'sum(', '', 'ROUND(', 'SUM(SUM('),
    fc.array(fc.oneof(plainRef, piece), { minLength: 1, maxLength: 6 }),
    fc.constantFrom(',', ';', '+', '-', '/', ' + '),
    fc.constantFrom(')', '', ',2)', '))', ') '),
  )
  .map(([eq, open, refs, sep, close]) => `${eq}${open}${refs.join(sep)}${close}`);

const formula = fc.oneof(pieces, sumLike, fc.string({ maxLength: 30 }));
const row = fc.integer({ min: 0, max: 50 });
const col = fc.integer({ min: 0, max: 30 });

/** The cells of rectangles, row by row: what additiveRefs lists. */
const expand = (ranges: ReturnType<typeof additiveRanges>) =>
  ranges &&
  ranges.flatMap((g) => {
    const cells: Array<{ row: number; col: number }> = [];
    for (let r = g.top; r <= g.bottom; r++)
      for (let c = g.left; c <= g.right; c++) cells.push({ row: r, col: c });
    return cells;
  });

/**
 * One formula written for two cells of a column: its references move with the row unless
 * anchored (`$`), and its other pieces may differ between the two, so the R1C1 forms are
 * mostly the same and sometimes not.
 */
const pairPiece = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '$'),
      fc.constantFrom('C', 'D', 'e', 'AB'),
      fc.constantFrom('', '$'),
      fc.integer({ min: -3, max: 3 }),
      fc.boolean(),
    )
    .map(
      ([ac, c, ar, dr, moves]) =>
        (row: number) =>
          `${ac}${c}${ar}${Math.max(0, (moves ? row : 5) + dr + 1)}`,
    ),
  fc.tuple(piece, fc.option(piece, { freq: 4 })).map(
    ([a, b]) =>
      (_row: number, second: boolean) =>
        second && b !== null ? b : a,
  ),
);
const pair = fc.tuple(
  fc.array(pairPiece, { maxLength: 10 }),
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 0, max: 40 }),
  col,
);

/**
 * One formula written for two cells of a row: its references move with the column unless
 * anchored (`$`), and its other pieces may differ between the two.
 */
const crossPiece = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '$'),
      fc.integer({ min: -3, max: 3 }),
      fc.boolean(),
      fc.boolean(),
      fc.constantFrom('', '$'),
      fc.integer({ min: 1, max: 40 }),
    )
    .map(([ac, dc, moves, lower, ar, r]) => (col: number) => {
      const letters = columnLetters(Math.max(0, (moves ? col : 5) + dc));
      return `${ac}${lower ? letters.toLowerCase() : letters}${ar}${r}`;
    }),
  fc.tuple(piece, fc.option(piece, { freq: 4 })).map(
    ([a, b]) =>
      (_col: number, second: boolean) =>
        second && b !== null ? b : a,
  ),
);
const crossPair = fc.tuple(
  fc.array(crossPiece, { maxLength: 10 }),
  row,
  fc.integer({ min: 0, max: 800 }),
  fc.integer({ min: 0, max: 800 }),
);

describe('formula fast paths', () => {
  it('give the same R1C1 form as the pre-optimisation toR1C1', () => {
    fc.assert(
      fc.property(formula, row, col, (f, r, c) => {
        expect(toR1C1(f, r, c)).toBe(toR1C1Reference(f, r, c));
      }),
      { numRuns: 20_000 },
    );
  });

  it('give the same additive cells as the pre-optimisation additiveRefs', () => {
    fc.assert(
      fc.property(formula, (f) => {
        const reference = additiveRefsReference(f);
        expect(additiveRefs(f)).toEqual(reference);
        expect(expand(additiveRanges(f))).toEqual(reference?.cells ?? null);
        expect(externalBooks(f)).toEqual(externalBooksReference(f));
      }),
      { numRuns: 10_000 },
    );
  });

  it('match a template only with formulas of the same R1C1 form', () => {
    let matched = 0;
    fc.assert(
      fc.property(pair, ([parts, row1, row2, c]) => {
        const f1 = parts.map((p) => p(row1, false)).join('');
        const f2 = parts.map((p) => p(row2, true)).join('');
        const template = R1C1Template.of(f1, row1, c);
        // A template is made of any formula the fast path reads, and always matches itself.
        expect(template !== null).toBe(scanR1C1(f1, row1, c) !== null);
        if (!template) return;
        expect(template.matches(f1, row1, c), f1).toBe(true);
        if (template.matches(f2, row2, c)) {
          matched++;
          expect(toR1C1Reference(f2, row2, c)).toBe(toR1C1Reference(f1, row1, c));
        }
        // Another column of another row: never.
        if (row2 !== row1) expect(template.matches(f2, row2, c + 1)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
    // The pairs do exercise matching, not only refusals.
    expect(matched).toBeGreaterThan(1000);
    fc.assert(
      fc.property(formula, formula, row, row, col, (f, g, r1, r2, c) => {
        const template = R1C1Template.of(g, r1, c);
        if (template?.matches(f, r2, c))
          expect(toR1C1Reference(f, r2, c)).toBe(toR1C1Reference(g, r1, c));
      }),
      { numRuns: 20_000 },
    );
  });

  it('match a template across its row only with formulas of the same R1C1 form', () => {
    let matched = 0;
    fc.assert(
      fc.property(crossPair, ([parts, r, c1, c2]) => {
        const f1 = parts.map((p) => p(c1, false)).join('');
        const f2 = parts.map((p) => p(c2, true)).join('');
        const template = R1C1Template.of(f1, r, c1);
        if (!template) return;
        if (template.matches(f2, r, c2)) {
          if (c2 !== c1) matched++;
          expect(toR1C1Reference(f2, r, c2), `${f1} → ${f2}`).toBe(toR1C1Reference(f1, r, c1));
        }
      }),
      { numRuns: 20_000 },
    );
    expect(matched).toBeGreaterThan(1000);
    fc.assert(
      fc.property(formula, formula, row, col, col, (f, g, r, c1, c2) => {
        const template = R1C1Template.of(g, r, c1);
        if (template?.matches(f, r, c2))
          expect(toR1C1Reference(f, r, c2)).toBe(toR1C1Reference(g, r, c1));
      }),
      { numRuns: 20_000 },
    );
  });

  it('match the formulas of a row that differ only in their columns', () => {
    const template = R1C1Template.of('SUM(C10:C20)+$B$1+C$2', 8, 2);
    expect(template?.matches('SUM(D10:D20)+$B$1+D$2', 8, 3)).toBe(true);
    expect(template?.matches('SUM(AB10:AB20)+$B$1+AB$2', 8, 27)).toBe(true);
    expect(template?.matches('SUM(d10:D20)+$B$1+D$2', 8, 3)).toBe(true);
    expect(template?.matches('SUM(D10:D20)+$C$1+D$2', 8, 3)).toBe(false);
    expect(template?.matches('SUM(D10:D21)+$B$1+D$2', 8, 3)).toBe(false);
    expect(template?.matches('SUM(D10:E20)+$B$1+D$2', 8, 3)).toBe(false);
    expect(template?.matches('SUM(D10:D20)+$B$1+D$2', 9, 3)).toBe(false);
    // Four letters: a name, not a reference.
    expect(R1C1Template.of('C1', 0, 2)?.matches('ABCD1', 0, 2 + 19010)).toBe(false);
    // A lone E after a number is its exponent: `1E1` is a number, `1D1` a number and a reference
    // (found by the property below, about once in 1.3 million pairs).
    expect(R1C1Template.of('1D1', 0, 3)?.matches('1E1', 0, 4)).toBe(false);
    expect(R1C1Template.of('1.5F1', 0, 5)?.matches('1.5e1', 0, 4)).toBe(false);
    expect(R1C1Template.of('2+D1', 0, 3)?.matches('2+E1', 0, 4)).toBe(true);
  });

  it('match the formulas of a column that differ only in their rows', () => {
    const template = R1C1Template.of('ROUND(D9/C9*100,2)+$C$1+D$2', 8, 4);
    expect(template?.matches('ROUND(D10/C10*100,2)+$C$1+D$2', 9, 4)).toBe(true);
    expect(template?.matches('ROUND(D100/C100*100,2)+$C$1+D$2', 99, 4)).toBe(true);
    expect(template?.matches('ROUND(D010/C10*100,2)+$C$1+D$2', 9, 4)).toBe(true);
    expect(template?.matches('ROUND(D10/C11*100,2)+$C$1+D$2', 9, 4)).toBe(false);
    expect(template?.matches('ROUND(D10/C10*100,2)+$C$2+D$2', 9, 4)).toBe(false);
    expect(template?.matches('ROUND(D10/C10*100,3)+$C$1+D$2', 9, 4)).toBe(false);
    expect(template?.matches('ROUND(D10/C10*100,2)+$C$1+D$2 ', 9, 4)).toBe(false);
    expect(template?.matches('ROUND(D10/C10*100,2)+$C$1+D$20', 9, 4)).toBe(false);
    // Not 1 to 7 digits, or row 0: not a reference to the tokenizer.
    expect(R1C1Template.of('C1', 0, 2)?.matches('C0', 0, 2)).toBe(false);
    expect(R1C1Template.of('C1', 0, 2)?.matches('C12345678', 12345677, 2)).toBe(false);
    expect(R1C1Template.of('"A1"&B1', 0, 2)).toBeNull();
    // No template holds a `[`: the formula checks rely on it to look for external references
    // only in formulas that match none (SheetFormulas).
    for (const f of ['[1]PL01!D9+E9', 'D9+[KH.xlsx]PL01!E9', 'Bang1[Cot]', 'D9+E9+[1]!X'])
      expect(R1C1Template.of(f, 8, 2)).toBeNull();
  });

  it('read the formulas of big sheets without the tokenizer', () => {
    for (const f of ['ROUND(D9/C9*100,2)', 'D9-H9', '=D9+E9', 'IF(C9>0,D9/C9,0)', 'SUM(C9:C12) '])
      expect(scanR1C1(f, 8, 4)).toBe(toR1C1Reference(f, 8, 4));
    for (const f of ['SUM(C10:C19)', 'SUM(C9,C20,C31)', 'C9+C20+C31', '=sum(C9;C10)']) {
      expect(scanPlainSum(f)).toBeDefined();
      expect(additiveRefs(f)).toEqual(additiveRefsReference(f));
    }
  });

  it('leave everything unusual to the tokenizer and the parser', () => {
    for (const f of [
      '"A1"&B1',
      'Sheet1!A1',
      "'Kế hoạch'!C9",
      '[1]S!A1',
      'TRUE',
      '#REF!+1',
      '.5*C9',
    ])
      expect(scanR1C1(f, 0, 0)).toBeNull();
    for (const f of ['SUM(C9:C12)+C13', 'SUM(C9) ', 'SUM()', 'C9-C10', 'S!C9+C10', 'SUM(C9:)'])
      expect(scanPlainSum(f)).toBeUndefined();
  });

  it('agree with the reference on the formulas of the tests', () => {
    const cases: Array<[string, number, number]> = [
      ['D9+E9', 8, 2],
      ['SUM(C9:C12)', 7, 2],
      ['$C$1*2', 7, 2],
      ['LOG10(C9)+A1', 8, 2],
      ['SUM(D13)', 11, 3],
      ['D16+D16-D16+E16', 15, 2],
      ['C9:C9', 8, 2],
      ['SUM(C12:C9)', 7, 2],
      ['round(d9/c9*100,2)', 8, 4],
    ];
    for (const [f, r, c] of cases) {
      expect(toR1C1(f, r, c)).toBe(toR1C1Reference(f, r, c));
      expect(additiveRefs(f)).toEqual(additiveRefsReference(f));
    }
  });
});
