import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFormula } from './parse.js';
import { additiveRefs, externalBooks, toR1C1 } from './refs.js';
import { tokenize } from './tokenize.js';

const cells = (f: string) => additiveRefs(f)?.cells.map((c) => `${c.row + 1}:${c.col}`);

describe('formula parser', () => {
  it('parses references, ranges, functions, operators and parentheses', () => {
    expect(parseFormula('SUM(C9:C12)+C15')).toMatchObject({
      type: 'binary',
      op: '+',
      left: { type: 'call', name: 'SUM' },
      right: { type: 'ref' },
    });
    expect(parseFormula('=ROUND(D9/C9*100,2)')).toMatchObject({
      type: 'call',
      name: 'ROUND',
      args: [
        { type: 'binary', op: '*' },
        { type: 'number', value: '2' },
      ],
    });
    expect(parseFormula('-(A1+B1)*2')).toMatchObject({
      type: 'binary',
      op: '*',
      left: { type: 'negate' },
    });
    expect(parseFormula("'Tổng hợp'!C8")).toMatchObject({
      type: 'ref',
      sheet: 'Tổng hợp',
      from: { row: 7, col: 2 },
    });
    expect(parseFormula('[Budget.xlsx]PL01!$C$8')).toMatchObject({
      type: 'ref',
      book: 'Budget.xlsx',
      sheet: 'PL01',
      from: { absRow: true, absCol: true },
    });
    expect(parseFormula('SUM(C9;C10)')).toMatchObject({ type: 'call', args: [{}, {}] });
    expect(parseFormula('SUM(C9:C12')).toBeNull();
    expect(parseFormula('1+')).toBeNull();
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        parseFormula(s);
        tokenize(s);
        toR1C1(s, 3, 3);
      }),
    );
  });
});

describe('additive references', () => {
  it('lists the cells of a plain sum', () => {
    expect(cells('SUM(C9:C10)+C12')).toEqual(['9:2', '10:2', '12:2']);
    expect(cells('C9+C12+SUM(C15,C16)')).toEqual(['9:2', '12:2', '15:2', '16:2']);
    expect(cells('SUM(C9:C10)-C12')).toBeUndefined();
    expect(cells('ROUND(C9,0)')).toBeUndefined();
    expect(cells('Sheet2!C9+C10')).toBeUndefined();
  });
  it('names external workbooks', () => {
    expect(externalBooks('[Budget.xlsx]PL01!C8+C9')).toEqual(['Budget.xlsx']);
    expect(externalBooks("'C:\\data\\[Old plan.xlsx]PL01'!C8")).toEqual(['Old plan.xlsx']);
    expect(externalBooks('[1]PL01!C8')).toEqual(['1']);
    expect(externalBooks('SUM(C9:C12)')).toEqual([]);
  });
  it('writes relative R1C1', () => {
    expect(toR1C1('D9+E9', 8, 2)).toBe('RC[1]+RC[2]');
    expect(toR1C1('D10+E10', 9, 2)).toBe(toR1C1('D9+E9', 8, 2));
    expect(toR1C1('D10+F10', 9, 2)).not.toBe(toR1C1('D9+E9', 8, 2));
    expect(toR1C1('SUM(C9:C12)', 7, 2)).toBe('SUM(R[1]C:R[4]C)');
    expect(toR1C1('$C$1*2', 7, 2)).toBe('R1C3*2');
  });
});
