// Notes never promise a fill the fill will not do (issue 18): every issue whose message says
// phuluc's "Điền số liệu" can write the cell has a write for that cell in the fill's own plan,
// on the bundled examples, the relation examples and the rules' fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fillSheet,
  validateSheet,
  type Cell,
  type CellValue,
  type Grid,
} from '../packages/rules/src/index.js';
import {
  muongLayGrid,
  muongLayRows,
  muongLayRowsWithFormulas,
} from '../packages/rules/src/__fixtures__/muong-lay.js';
import { baToGrid, caoNgocGrid, kimBangGrid } from '../packages/rules/src/__fixtures__/seeds.js';
import { readWorkbook, worksheetToGrid } from '../packages/xlsx/src/index.js';
import { EXAMPLES_DIR } from './helpers.js';

type Row = (CellValue | Cell | undefined)[];

/** Whether a message promises that the fill writes its cell. */
const PROMISE = /Điền số liệu/;
const PROMISE_EN = /\bfill\b/;

/** The cells whose issues promise a fill, and the cells the fill (with overwrite) writes. */
function promises(grid: Grid): { promised: string[]; planned: Set<string> } {
  const issues = validateSheet(grid).issues;
  const promised = issues.filter((i) => PROMISE.test(i.message.vi)).map((i) => i.cell);
  for (const i of issues)
    expect(PROMISE_EN.test(i.message.en), `${i.cell}: ${i.message.en}`).toBe(
      PROMISE.test(i.message.vi),
    );
  const planned = new Set(fillSheet(grid, { overwrite: true }).writes.map((w) => w.cell));
  return { promised, planned };
}

async function gridsOf(dir: string): Promise<Grid[]> {
  const out: Grid[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()) {
    const wb = await readWorkbook(new Uint8Array(readFileSync(join(dir, f))));
    for (const ws of wb.worksheets) out.push({ ...worksheetToGrid(ws), name: `${f}/${ws.name}` });
  }
  return out;
}

/** Mường Lay with one formula among typed totals: the typed ones are noted (issue 18's case). */
function typedTotals(wrong: boolean): Grid {
  const rows = muongLayRows();
  (rows[8] as Row)[2] = { value: 3154, formula: 'D9+E9' };
  if (wrong) (rows[10] as Row)[2] = 1496; // C11 typed and wrong: the fill (overwrite) writes it
  return muongLayGrid(rows);
}

describe('notes promise a fill only where the fill writes the cell', () => {
  it('on the bundled examples and the relation examples', async () => {
    const grids = [
      ...(await gridsOf(EXAMPLES_DIR)),
      ...(await gridsOf(join(EXAMPLES_DIR, 'relations'))),
    ];
    expect(grids.length).toBeGreaterThan(10);
    for (const grid of grids) {
      const { promised, planned } = promises(grid);
      for (const cell of promised)
        expect(`${grid.name} ${cell}`, 'promised, not planned').toBe(
          `${grid.name} ${planned.has(cell) ? cell : '(no write)'}`,
        );
    }
  });

  it('on the rules’ fixtures', () => {
    for (const grid of [
      muongLayGrid(),
      muongLayGrid(muongLayRowsWithFormulas()),
      baToGrid(),
      caoNgocGrid(),
      kimBangGrid(0.55),
      typedTotals(false),
      typedTotals(true),
    ]) {
      const { promised, planned } = promises(grid);
      for (const cell of promised) expect(planned.has(cell), `${grid.name} ${cell}`).toBe(true);
    }
  });

  it('a typed total the fill would leave alone is noted without the promise; a wrong one with it', () => {
    const agreeing = validateSheet(typedTotals(false)).issues.filter(
      (i) => i.code === 'formula/hardcoded-total',
    );
    expect(agreeing.length).toBeGreaterThan(0);
    for (const i of agreeing) expect(i.message.vi).not.toMatch(PROMISE);
    expect(agreeing.find((i) => i.cell === 'C11')?.message.vi).toMatch(/thay bằng công thức/);

    const wrong = validateSheet(typedTotals(true)).issues.filter(
      (i) => i.code === 'formula/hardcoded-total' && PROMISE.test(i.message.vi),
    );
    expect(wrong.map((i) => i.cell)).toEqual(['C11']);
  });
});
