import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../money/decimal.js';
import { NumberCell } from './read-cell.js';
import { SheetNumbers, storedValues } from './row-values.js';

describe('SheetNumbers', () => {
  it('gives the micros its cells give, without making them', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              n: fc.double({ noNaN: true, noDefaultInfinity: true }),
              formula: fc.boolean(),
              scaled: fc.boolean(),
            }),
            fc.record({
              n: fc.integer({ min: -1e9, max: 1e9 }).map((x) => x / 1000),
              formula: fc.boolean(),
              scaled: fc.boolean(),
            }),
            fc.constant(null),
            fc.constant('text' as const),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (cells) => {
          const slots = new Map(cells.map((_, i) => [`k${i}`, i]));
          const store = new SheetNumbers(1, slots);
          cells.forEach((c, at) => {
            if (c === null) store.setCell(at, null);
            else if (c === 'text')
              store.setCell(at, {
                value: new Decimal('1.25'),
                formula: false,
                fromText: true,
                micros: 1_250_000,
              });
            else store.setNumber(at, c.n, c.formula, c.scaled);
          });
          const row = storedValues(store, 0);
          cells.forEach((c, at) => {
            const cell = store.get(at);
            expect(store.micros(at)).toBe(cell === null ? null : cell.micros);
            expect(row.micros(`k${at}`)).toBe(cell === null ? null : cell.micros);
            if (c !== null && c !== 'text') {
              const made = new NumberCell(c.n, c.formula, c.scaled || undefined);
              expect(cell?.micros).toBe(made.micros);
              expect(cell?.value.eq(made.value)).toBe(true);
              expect(cell?.formula).toBe(c.formula);
            }
          });
          expect(row.all()).toEqual(cells.map((_, at) => store.get(at)));
          expect(row.get('absent')).toBeUndefined();
          expect(row.micros('absent')).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});
