import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, fromExcelNumber, toDecimal } from './decimal.js';
import { formatNumber, formatValue } from './format.js';
import { parseNumber, type ParseResult } from './parse.js';
import { decimalPlaces, roundHalfUp } from './round.js';
import { sumDecimals, withinTolerance } from './sum.js';
import { convertUnit } from './units.js';

function value(r: ParseResult): string {
  if (r.kind !== 'number') throw new Error(`expected a number, got ${JSON.stringify(r)}`);
  return r.value.toString();
}

describe('private decimal clone', () => {
  it('does not change the global decimal.js configuration', () => {
    const before = DecimalJs.precision;
    toDecimal('1').dividedBy(3);
    expect(DecimalJs.precision).toBe(before);
    expect(Decimal).not.toBe(DecimalJs);
  });
});

describe('fromExcelNumber', () => {
  it('goes through the 15-significant-digit form: 0,1 + 0,2 foots to 0,3', () => {
    expect(fromExcelNumber(0.1 + 0.2).toString()).toBe('0.3');
    expect(sumDecimals([0.1, 0.2]).eq('0.3')).toBe(true);
    expect(fromExcelNumber(596.7713).toString()).toBe('596.7713');
    expect(fromExcelNumber(2444771300).toString()).toBe('2444771300');
    expect(fromExcelNumber(1e308).toString()).toBe('1e+308');
  });
  it('refuses what is not finite', () => {
    expect(() => fromExcelNumber(Number.NaN)).toThrow(RangeError);
    expect(() => fromExcelNumber(Infinity)).toThrow(RangeError);
  });
});

describe('parseNumber', () => {
  it.each([
    ['7.645', '7645', { locale: 'vi' as const }],
    ['2.444.771.300 đồng', '2444771300', {}],
    ['596,7713', '596.7713', {}],
    ['16.697,647', '16697.647', {}],
    ['1.469 triệu đồng', '1469', { locale: 'vi' as const }],
    ['5,21%', '5.21', {}],
    ['  1 469 000 ', '1469000', {}],
    ['1\u00a0469\u00a0000', '1469000', {}],
    ['(1.234)', '-1234', { locale: 'vi' as const }],
    ['−24', '-24', {}],
    ['1,469.5', '1469.5', {}],
    ['7.7', '7.7', { locale: 'vi' as const }],
    ['1E+308', '1e+308', {}],
  ])('reads %j as %s', (text, expected, options) => {
    expect(value(parseNumber(text, options))).toBe(expected);
  });

  it('reads units and percent', () => {
    const r = parseNumber('2.444.771.300 đồng');
    expect(r.kind === 'number' && r.unit).toBe('dong');
    const t = parseNumber('1.469,5 triệu đồng');
    expect(t.kind === 'number' && t.unit).toBe('trieu');
    const p = parseNumber('5,21%');
    expect(p.kind === 'number' && p.percent).toBe(true);
    const ty = parseNumber('75.000 tỷ đồng', { locale: 'vi' });
    expect(ty.kind === 'number' && ty.unit).toBe('ty');
  });

  it('reads en-US text when told', () => {
    expect(value(parseNumber('1,469', { locale: 'en' }))).toBe('1469');
    expect(value(parseNumber('1.469', { locale: 'en' }))).toBe('1.469');
  });

  it('never guesses "1.469" without a locale', () => {
    const r = parseNumber('1.469');
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') {
      expect(r.vi.toString()).toBe('1469');
      expect(r.en.toString()).toBe('1.469');
    }
    expect(parseNumber('1,469').kind).toBe('ambiguous');
  });

  it('reads a qualifier: "trên 100%" is over 100', () => {
    const r = parseNumber('trên 100%');
    expect(r.kind === 'number' && r.qualifier).toBe('over');
    expect(value(r)).toBe('100');
  });

  it.each(['', 'abc', '1.2.3,4,5', '12,34,56', 'NaN', '--', '1 2 3 4', 'x'.repeat(300)])(
    'calls %j invalid',
    (text) => {
      expect(parseNumber(text).kind).toBe('invalid');
    },
  );

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        parseNumber(s);
        parseNumber(s, { locale: 'en' });
      }),
    );
  });
});

describe('formatNumber', () => {
  it('formats vi-VN and en-US', () => {
    expect(formatNumber('7645')).toBe('7.645');
    expect(formatNumber('2444771300')).toBe('2.444.771.300');
    expect(formatNumber('16697.647')).toBe('16.697,647');
    expect(formatNumber('5.2', { decimals: 2 })).toBe('5,20');
    expect(formatNumber('-1234.5')).toBe('-1.234,5');
    expect(formatNumber('7645', { lang: 'en' })).toBe('7,645');
    expect(formatNumber('-0.001', { decimals: 2 })).toBe('0,00');
  });

  it('formats decimal strings and leaves anything else as it is', () => {
    expect(formatValue('5.21')).toBe('5,21');
    expect(formatValue('2444771300', 'en')).toBe('2,444,771,300');
    expect(formatValue('1e+308')).toMatch(/^100(\.000)+$/);
    expect(formatValue('DA4.TDA1')).toBe('DA4.TDA1');
    expect(formatValue('')).toBe('');
  });

  it('parse ∘ format is the identity (vi-VN)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 4 }),
        (n, places) => {
          const d = new Decimal(n.toString()).dividedBy(new Decimal(10).pow(places));
          const parsed = parseNumber(formatNumber(d), { locale: 'vi' });
          expect(value(parsed)).toBe(d.toString());
        },
      ),
    );
  });
});

describe('arithmetic', () => {
  it('rounds half away from zero', () => {
    expect(roundHalfUp('2.345', 2).toString()).toBe('2.35');
    expect(roundHalfUp('-2.345', 2).toString()).toBe('-2.35');
    expect(roundHalfUp('5.2074', 2).toString()).toBe('5.21');
    expect(decimalPlaces('16697.647')).toBe(3);
  });

  it('compares within a tolerance', () => {
    expect(withinTolerance('7645', '7645.0004', '0.0005')).toBe(true);
    expect(withinTolerance('7645', '7646', '0.5')).toBe(false);
  });

  it('converts units exactly', () => {
    expect(convertUnit('2444771300', 'dong', 'trieu').toString()).toBe('2444.7713');
    expect(convertUnit('75000', 'ty', 'trieu').toString()).toBe('75000000');
    expect(convertUnit('1', 'nghin', 'dong').toString()).toBe('1000');
  });

  // Amounts as sheets hold them: up to 10^15 with up to 6 decimals (40 significant digits cover these exactly).
  const amount = fc
    .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
    .map(([n, places]) =>
      Number(new Decimal(n.toString()).dividedBy(new Decimal(10).pow(places)).toString()),
    );

  it('sums do not depend on order', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (xs) => {
        const a = sumDecimals(xs);
        const b = sumDecimals([...xs].reverse());
        const c = sumDecimals([...xs].sort((p, q) => p - q));
        expect(a.eq(b) && b.eq(c)).toBe(true);
      }),
    );
  });
});
