// The fill preview's list is what gets written: the planned writes of the bundled examples are
// written through the Office adapter (fake Excel), the browser preview's workbook and its
// download, and each listed cell is compared with what each of them holds afterwards.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellWritesOf, toA1, type Grid, type PlannedWrite } from '@phuluc/rules';
import { readWorkbook, worksheetToGrid } from '@phuluc/xlsx';
import { FakeExcel } from '../office/fake-excel.js';
import { applyWritesUndoable } from '../office/fill-writes.js';
import { PreviewWorkbook } from '../preview/preview-workbook.js';
import { plannedWrites, type FillPlan } from '../engine/fill-plan.js';
import { planFill } from '../engine/plan-fill.js';

// Tests run from the repository root (jsdom's import.meta.url is not a file URL).
const EXAMPLES = ['muong-lay-2024-loi.xlsx', 'muong-lay-2024.xlsx', 'cao-ngoc-2024-ho-ngheo.xlsx'];
const bytesOf = (name: string) => new Uint8Array(readFileSync(`${process.cwd()}/examples/${name}`));

function planOf(grid: Grid): FillPlan {
  return planFill(grid, {}, {});
}

/** What a cell holds, as the preview list states it: its formula (with `=`) or its number. */
type Held = { formula?: string; value?: unknown };

/**
 * Every planned cell holds what the list says: the listed formula, or no formula; and, where the
 * workbook keeps results (`results`), the listed figure.
 */
function expectAsListed(
  planned: readonly PlannedWrite[],
  held: (cell: string) => Held,
  where: string,
  results = true,
) {
  for (const p of planned) {
    const h = held(p.cell);
    expect(`${where} ${p.cell} ${h.formula ?? ''}`).toBe(
      `${where} ${p.cell} ${p.next.formula ?? ''}`,
    );
    if (results || !p.next.formula)
      expect(`${where} ${p.cell} ${String(h.value)}`).toBe(
        `${where} ${p.cell} ${String(p.next.value)}`,
      );
  }
}

function gridHeld(grid: Grid) {
  return (cell: string): Held => {
    const [row, col] = at(cell);
    const c = grid.cells[row]?.[col];
    return { ...(c?.formula ? { formula: `=${c.formula}` } : {}), value: c?.value };
  };
}

function at(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

/** The grid's cells in a fake Excel sheet, as Excel would hold them. */
function fakeExcelOf(grid: Grid): FakeExcel {
  const excel = new FakeExcel();
  const s = excel.addSheet(grid.name);
  grid.cells.forEach((line, r) =>
    line.forEach((c, col) => {
      if (!c || (c.value === null && !c.formula)) return;
      const value = c.value !== null && typeof c.value === 'object' ? c.value.error : c.value;
      s.cells.set(toA1(r, col), {
        value,
        ...(c.formula ? { formula: c.formula } : {}),
        ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      });
    }),
  );
  return excel;
}

/** The example as opened, or with every formula cleared (a sheet whose totals are left to fill). */
async function open(name: string, blank: boolean): Promise<PreviewWorkbook> {
  const bytes = bytesOf(name);
  const wb = await readWorkbook(bytes);
  if (blank)
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) cell.value = null;
        }),
      );
  return new PreviewWorkbook(wb, name, bytes);
}

describe('the fill preview lists exactly what is written', () => {
  const cases = [
    ...EXAMPLES.map((name) => [name, true] as const),
    ['muong-lay-2024-loi.xlsx', false] as const,
  ];
  for (const [name, blank] of cases)
    for (const [overwrite, formulas] of [
      [false, true],
      [true, true],
      [true, false],
    ] as const)
      it(`${name}${blank ? ' without its formulas' : ''}, overwrite ${overwrite}, formulas ${formulas}: Excel, the preview and the download`, async () => {
        const preview = await open(name, blank);
        const plans = new Map<string, readonly PlannedWrite[]>();
        for (const sheet of preview.listSheetNames()) {
          const grid = preview.gridOf(sheet);
          const planned = plannedWrites(planOf(grid), overwrite, formulas);
          plans.set(sheet, planned);
          const writes = cellWritesOf(planned);
          const mode = formulas ? 'formula' : 'value';

          const excel = fakeExcelOf(grid);
          const ctx = excel.context();
          await applyWritesUndoable(ctx, ctx.workbook.worksheets.getItem(sheet), writes, { mode });
          const fake = excel.sheet(sheet);
          expectAsListed(
            planned,
            (cell) => {
              const c = fake.cells.get(cell);
              return { ...(c?.formula ? { formula: `=${c.formula}` } : {}), value: c?.value };
            },
            'Excel',
            false, // the fake does not calculate
          );

          expect(await preview.applyWrites(sheet, writes, mode)).toBe(planned.length);
          expectAsListed(planned, gridHeld(preview.gridOf(sheet)), 'preview');
        }
        // The download writes the filled cells into the file's own bytes.
        const downloaded = await readWorkbook(await preview.toBytes());
        for (const [sheet, planned] of plans)
          expectAsListed(
            planned,
            gridHeld(worksheetToGrid(downloaded.getWorksheet(sheet)!)),
            'download',
          );
        const listed = [...plans.values()].reduce((n, p) => n + p.length, 0);
        expect(listed).toBeGreaterThan(0);
      });

  it('lists the formula a conflicting total really gets, not only its figure (issue 18: C8 "=C9+C13" became "=D8+E8")', async () => {
    const bytes = bytesOf('muong-lay-2024-loi.xlsx');
    const preview = new PreviewWorkbook(await readWorkbook(bytes), 'x.xlsx', bytes);
    const planned = plannedWrites(planOf(preview.gridOf('PL01')), true, true);
    const c8 = planned.find((p) => p.cell === 'C8');
    expect(c8?.conflict).toBe(true);
    expect(c8?.now.formula).toBe('=C9+C13');
    expect(c8?.next.formula).toBe('=D8+E8');
  });
});
