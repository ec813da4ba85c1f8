import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromExcelNumber } from './decimal.js';
import { microsOf, microsPlaces } from './micros.js';

/** The exact claim: when microsOf gives m, the 15-digit decimal of n is m / 10^6. */
function agrees(n: number): boolean {
  const m = microsOf(n);
  if (m === undefined) return true;
  return Number.isSafeInteger(m) && fromExcelNumber(n).times(1e6).eq(m);
}

describe('microsOf', () => {
  it('reads the amounts annexes hold', () => {
    expect(microsOf(7645)).toBe(7_645_000_000);
    expect(microsOf(1234.5678)).toBe(1_234_567_800);
    expect(microsOf(-0.001)).toBe(-1000);
    expect(microsOf(0)).toBe(0);
    expect(microsOf(-0)).toBe(0);
    // An Excel sum's cached result reads as the decimal Excel shows.
    expect(microsOf(0.1 + 0.2)).toBe(300_000);
    expect(microsOf(7538.1 + 107.2)).toBe(7_645_300_000);
  });

  it('leaves what it cannot hold exactly to the Decimal path', () => {
    expect(microsOf(1e-7)).toBeUndefined();
    expect(microsOf(0.1234567)).toBeUndefined();
    expect(microsOf(1e9)).toBeUndefined();
    expect(microsOf(1e308)).toBeUndefined();
    expect(microsOf(Number.NaN)).toBeUndefined();
    expect(microsOf(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(microsOf(Number.MIN_VALUE)).toBeUndefined();
  });

  it('agrees with the 15-digit decimal on typed amounts with up to 6 decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
        fc.integer({ min: 0, max: 6 }),
        (units, places) => {
          const n = Number(`${units}e-${places}`);
          const m = microsOf(n);
          if (Math.abs(n) < 1e9 && places <= 6 && Math.abs(units) < 1e15)
            expect(m !== undefined || Math.abs(n * 1e6) >= 1e15).toBe(true);
          return agrees(n);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('agrees on sums computed in doubles, the way cached results are', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 6 }),
        (xs, places) => agrees(xs.reduce((s, x) => s + x / 10 ** places, 0)),
      ),
      { numRuns: 5_000 },
    );
  });

  it('agrees on any double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), agrees), { numRuns: 50_000 });
    fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), agrees), {
      numRuns: 50_000,
    });
  });
});

describe('microsPlaces', () => {
  it('counts the decimals an amount shows', () => {
    expect(microsPlaces(0)).toBe(0);
    expect(microsPlaces(7_645_000_000)).toBe(0);
    expect(microsPlaces(1_234_567_800)).toBe(4);
    expect(microsPlaces(-1)).toBe(6);
    expect(microsPlaces(100_000)).toBe(1);
  });
});
