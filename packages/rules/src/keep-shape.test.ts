import { describe, expect, it } from 'vitest';
import { muongLayGrid, muongLayRowsWithFormulas } from './__fixtures__/muong-lay.js';
import { caoNgocGrid, serviceRows } from './__fixtures__/seeds.js';
import { fillSheet } from './fill/fill.js';
import { gridFromRows } from './grid/grid.js';
import type { Cell, CellValue } from './grid/types.js';
import { validateSheet } from './check/validate.js';
import { emptyShape, keepShape, keptShapes } from './keep-shape.js';

type Row = (CellValue | Cell | undefined)[];

/** Mường Lay with its formulas, and one sum that leaves a row out. */
function withFormulas(): Row[] {
  const rows = muongLayRowsWithFormulas();
  (rows[11] as Row)[3] = { value: 1588, formula: 'SUM(D13)' };
  return rows;
}

/** The own fields of an object that hold something: an object, or a text that is not empty. */
function heldFields(x: object): string[] {
  return Object.entries(x)
    .filter(([, v]) => (typeof v === 'object' && v !== null) || (typeof v === 'string' && v !== ''))
    .map(([k]) => k);
}

describe('keepShape', () => {
  it('empties an instance in place: objects dropped, texts empty, numbers and flags kept', () => {
    class Reader {
      readonly name = 'Nậm Cản';
      readonly rows = new Int32Array(3);
      readonly seen = new Map<string, number>();
      count = 7;
      done = true;
      missing: string | undefined = undefined;
      constructor() {
        keepShape(this);
      }
    }
    const reader = new Reader();
    expect(keptShapes()).toContain(reader);
    emptyShape(reader);
    expect({ ...reader }).toEqual({
      name: '',
      rows: null,
      seen: null,
      count: 7,
      done: true,
      missing: undefined,
    });
    expect(Object.getPrototypeOf(reader)).toBe(Reader.prototype);
  });

  it('leaves nothing of a sheet in what its checks made, and the next validate reads alike', () => {
    const first = validateSheet(muongLayGrid(withFormulas()));
    expect(first.issues.map((i) => `${i.cell} ${i.code}`)).toContain('D12 formula/omits-row');
    const kept = keptShapes();
    const names = kept.map((x) => x.constructor.name);
    for (const name of ['TableEnd', 'SheetFormulas', 'R1C1Patterns', 'R1C1Template'])
      expect(names).toContain(name);
    for (const x of kept) expect(heldFields(x), x.constructor.name).toEqual([]);
    // The emptied instances are never read again: a second validate is the same report.
    expect(validateSheet(muongLayGrid(withFormulas()))).toEqual(first);
  });

  it("empties the poverty and service checks' readers too", () => {
    validateSheet(caoNgocGrid(), { assignedReduction: 24 });
    validateSheet(gridFromRows('DV', serviceRows()));
    const kept = keptShapes();
    const names = kept.map((x) => x.constructor.name);
    expect(names).toContain('RowReader');
    expect(names).toContain('UnitReader');
    for (const x of kept) expect(heldFields(x), x.constructor.name).toEqual([]);
  });

  it("leaves nothing of a sheet in the table's end after a fill, which reads the table too", () => {
    fillSheet(muongLayGrid(withFormulas()));
    const table = keptShapes().find((x) => x.constructor.name === 'TableEnd');
    expect(table).toBeDefined();
    expect(heldFields(table as object)).toEqual([]);
  });
});
