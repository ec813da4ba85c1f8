import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../money/decimal.js';
import { kthSmallest } from './budget.js';

describe('kthSmallest', () => {
  it('is the k-th value of the sorted list, duplicates included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (xs, n) => {
          const k = n % xs.length;
          const sorted = [...xs].sort((a, b) => a - b);
          expect(kthSmallest([...xs], k, (a, b) => a - b)).toBe(sorted[k]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds the median of decimals as the sort did', () => {
    const values = ['3154', '1469.5', '0.001', '1469.5', '1e6', '7645', '2'].map(
      (v) => new Decimal(v),
    );
    const sorted = [...values].sort((a, b) => a.comparedTo(b));
    expect(kthSmallest([...values], 3, (a, b) => a.comparedTo(b)).toString()).toBe(
      sorted[3]!.toString(),
    );
  });
});
