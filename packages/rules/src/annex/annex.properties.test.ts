import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyGrid } from '../__fixtures__/arbitraries.js';
import { gridFromRows } from '../grid/grid.js';
import type { CellValue, Grid } from '../grid/types.js';
import { detectLayout } from './detect.js';
import { parseLayoutFile } from './user-layout.js';

const example = readFileSync(
  new URL('../../../../examples/layouts/dang-ky-thoat-ngheo.json', import.meta.url),
  'utf8',
);

const grid = anyGrid;

describe('parsers never throw', () => {
  it('detectLayout on any grid, with or without a forced layout', () => {
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom(
          undefined,
          'budget-allocation',
          'poverty-targets',
          'service-targets',
          'budget-matrix',
        ),
        (g, layout) => {
          const d = detectLayout(g, layout ? { layout: layout as 'budget-allocation' } : {});
          expect(Array.isArray(d.candidates)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parseLayoutFile on any text: a result, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseLayoutFile(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('parseLayoutFile on any JSON value, and on the example with any field replaced by any JSON value', () => {
    const base = JSON.parse(example) as Record<string, unknown>;
    const keys = Object.keys(base);
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(...keys),
        fc.jsonValue(),
        (anything, key, replacement) => {
          expect(typeof parseLayoutFile(JSON.stringify(anything)).ok).toBe('boolean');
          const r = parseLayoutFile(JSON.stringify({ ...base, [key]: replacement }));
          if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
    // The case it once found (a total label of ":", which folds to nothing), every run: any field
    // given a text or a list of texts without a letter or a digit.
    for (const key of keys) {
      for (const value of [[':'], ':', ['—', ' ']]) {
        expect(typeof parseLayoutFile(JSON.stringify({ ...base, [key]: value })).ok).toBe(
          'boolean',
        );
      }
    }
  });
});

describe('header detection', () => {
  const base: CellValue[][] = [
    ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP', 'Ghi chú'],
    ['1', 'Dự án 2', 3154, 3154, 0, null],
    ['2', 'Dự án 3', 1469, 1400, 69, null],
  ];
  const mapping = (g: Grid) => {
    const d = detectLayout(g);
    const header = d.fit?.headerRows.at(-1) ?? 0;
    return {
      layout: d.fit?.layout.id,
      columns: Object.fromEntries(
        [...(d.fit?.columns ?? [])].map(([k, c]) => [k, String(g.cells[header]?.[c]?.value)]),
      ),
    };
  };
  const blankRow = fc.oneof(
    fc.constant<CellValue[]>([]),
    fc.array(fc.constant(null), { minLength: 1, maxLength: 8 }),
    fc.array(fc.constantFrom<CellValue>('', ' ', '\u00a0', null), { minLength: 1, maxLength: 8 }),
  );

  it('gives the same mapping when blank rows (empty, nulls, empty or whitespace text) are added above', () => {
    const expected = mapping(gridFromRows('S', base));
    expect(expected.layout).toBe('budget-allocation');
    fc.assert(
      fc.property(fc.array(blankRow, { minLength: 1, maxLength: 12 }), (above) => {
        expect(mapping(gridFromRows('S', [...above, ...base]))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
