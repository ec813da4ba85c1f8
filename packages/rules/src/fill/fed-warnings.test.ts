import { describe, expect, it } from 'vitest';
import { muongLayGrid, muongLayRowsWithFormulas } from '../__fixtures__/muong-lay.js';
import { validateSheet } from '../check/validate.js';
import type { Cell, CellValue } from '../grid/types.js';
import { fillSheet } from './fill.js';
import { warningsFeedingWrites } from './fed-warnings.js';

type Row = (CellValue | Cell | undefined)[];

/** Mường Lay with its grand total left to fill. */
function rows(): Row[] {
  const out = muongLayRowsWithFormulas();
  for (const c of [2, 3, 4]) (out[7] as Row)[c] = null;
  return out;
}

describe('warningsFeedingWrites', () => {
  it('names an amount typed in đồng that a written total adds up, through the sheet’s own sub-totals', () => {
    const r = rows();
    (r[19] as Row)[3] = 172_000_000; // D20 typed in đồng
    (r[19] as Row)[2] = { value: 172_000_000, formula: 'D20+E20' };
    const grid = muongLayGrid(r);
    const issues = validateSheet(grid).issues;
    expect(issues.some((i) => i.code === 'budget/unit-suspect' && i.cell === 'D20')).toBe(true);
    const fed = warningsFeedingWrites(grid, fillSheet(grid).writes, issues);
    const d20 = fed.find((f) => f.issue.cell === 'D20');
    expect(d20?.writes).toEqual(['C8', 'D8']);
  });

  it('names a number stored as text, and nothing when the totals written do not add it', () => {
    const r = rows();
    (r[15] as Row)[3] = '522'; // D16 stored as text
    const grid = muongLayGrid(r);
    const issues = validateSheet(grid).issues;
    expect(issues.some((i) => i.code === 'cell/number-as-text' && i.cell === 'D16')).toBe(true);
    const writes = fillSheet(grid).writes;
    expect(warningsFeedingWrites(grid, writes, issues).map((f) => f.issue.cell)).toEqual(['D16']);
    // Only the NSĐP total is written: it does not add D16.
    const onlyE = writes.filter((w) => w.cell === 'E8');
    expect(warningsFeedingWrites(grid, onlyE, issues)).toEqual([]);
  });

  it('is empty when no warning is open', () => {
    const grid = muongLayGrid(rows());
    const issues = validateSheet(grid).issues;
    expect(warningsFeedingWrites(grid, fillSheet(grid).writes, issues)).toEqual([]);
  });
});
