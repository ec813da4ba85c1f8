import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyWrites } from '../__fixtures__/apply.js';
import { muongLayGrid, muongLayRows } from '../__fixtures__/muong-lay.js';
import { povertyHeader } from '../__fixtures__/seeds.js';
import { validateSheet } from '../check/validate.js';
import { gridFromRows, isEmptyCell } from '../grid/grid.js';
import type { Cell, CellValue, Grid } from '../grid/types.js';
import { fillSheet } from './fill.js';

type Row = (CellValue | Cell | undefined)[];

/** A village: households, poor at the start, poor at year end (end ≤ start ≤ households). */
const village = fc
  .tuple(
    fc.integer({ min: 1, max: 5000 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([households, a, b]) => {
    const start = Math.floor(households * a * 0.5);
    return { households, start, end: Math.floor(start * b) };
  });

/** A poverty-target sheet: counts typed, rates, reductions and the whole total row left for fill. */
function povertySheet(
  villages: readonly { households: number; start: number; end: number }[],
  totalFirst: boolean,
): Grid {
  const header: Row[] = [['CHỈ TIÊU GIẢM NGHÈO NĂM 2024'], ...povertyHeader()];
  const body: Row[] = villages.map((v, i) => [
    String(i + 1),
    `Thôn ${i + 1}`,
    v.households,
    v.start,
    null,
    v.end,
    null,
    null,
    null,
  ]);
  const total: Row = [null, 'Toàn xã', null, null, null, null, null, null, null];
  return gridFromRows(
    'PL02',
    [...header, ...(totalFirst ? [total, ...body] : [...body, total])],
    [
      { top: 1, left: 3, bottom: 1, right: 4 },
      { top: 1, left: 5, bottom: 1, right: 6 },
      { top: 1, left: 7, bottom: 1, right: 8 },
    ],
  );
}

const ARITHMETIC = /^(sum|rate)\/|^target\/reduction-mismatch$/;

describe('properties of fill', () => {
  it('fill then validate: no sum, rate or reduction error on any consistent poverty-target sheet', () => {
    fc.assert(
      fc.property(
        fc.array(village, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('formula', 'value') as fc.Arbitrary<'formula' | 'value'>,
        (villages, totalFirst, mode) => {
          const g = povertySheet(villages, totalFirst);
          const fill = fillSheet(g, { mode });
          expect(fill.layout).toBe('poverty-targets');
          expect(fill.conflicts).toEqual([]);
          const report = validateSheet(applyWrites(g, fill.writes));
          expect(
            report.issues
              .filter((i) => i.severity === 'error' && ARITHMETIC.test(i.code))
              .map((i) => `${i.cell} ${i.code} ${i.message.en}`),
          ).toEqual([]);
          // The total row is filled: households, counts, rates and reductions.
          const totalRow = totalFirst ? 3 : 3 + villages.length;
          const filled = new Set(fill.writes.filter((w) => w.row === totalRow).map((w) => w.col));
          expect([2, 3, 5].every((c) => filled.has(c))).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });

  /** The Mường Lay budget with random derived and part cells blanked or changed. */
  const edited = fc
    .array(
      fc.tuple(
        fc.integer({ min: 7, max: 21 }),
        fc.integer({ min: 2, max: 4 }),
        fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10_000 }), fc.constant('abc')),
      ),
      { maxLength: 12 },
    )
    .map((edits) => {
      const rows = muongLayRows();
      for (const [r, c, v] of edits) if (rows[r]) (rows[r] as Row)[c] = v;
      return muongLayGrid(rows);
    });

  it('never writes into a non-empty cell unless overwrite is set', () => {
    fc.assert(
      fc.property(
        edited,
        fc.constantFrom('formula', 'value') as fc.Arbitrary<'formula' | 'value'>,
        (g, mode) => {
          for (const w of fillSheet(g, { mode }).writes) {
            const c = g.cells[w.row]?.[w.col] ?? undefined;
            const uncalculated =
              c?.formula !== undefined && (c.value === null || c.value === undefined);
            expect(isEmptyCell(c) || uncalculated, `${w.cell} holds ${JSON.stringify(c)}`).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with overwrite, every write into a non-empty cell is listed in the conflicts', () => {
    fc.assert(
      fc.property(edited, (g) => {
        const { writes, conflicts } = fillSheet(g, { overwrite: true });
        const listed = new Set(conflicts.map((c) => c.cell));
        for (const w of writes) {
          const c = g.cells[w.row]?.[w.col] ?? undefined;
          const uncalculated =
            c?.formula !== undefined && (c.value === null || c.value === undefined);
          if (!isEmptyCell(c) && !uncalculated)
            expect(listed.has(w.cell), `${w.cell} written over silently`).toBe(true);
        }
        // …and every conflict is a cell that held something.
        for (const c of conflicts)
          expect(isEmptyCell(g.cells[c.row]?.[c.col] ?? undefined)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
