import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout, LAYOUT_IDS, type LayoutId } from '../packages/rules/src/index.js';
import {
  ExcelJS,
  readWorkbook,
  worksheetToGrid,
  writeWorkbook,
} from '../packages/xlsx/src/index.js';
import { cliTempDir, EXAMPLES_DIR, runCli, validateJson } from './helpers.js';

const tmp = cliTempDir();

/** Issues that fill must leave none of. */
const arithmeticErrors = (json: ReturnType<typeof validateJson>['json']) =>
  json.sheets
    .flatMap((s) => s.issues)
    // rate/range (a target over 100%) is a wrong input, not arithmetic: fill cannot fix it.
    .filter(
      (i) => i.severity === 'error' && /^(sum|rate)\//.test(i.code) && i.code !== 'rate/range',
    );

async function load(path: string) {
  return readWorkbook(readFileSync(path));
}

async function save(wb: InstanceType<typeof ExcelJS.Workbook>, path: string): Promise<void> {
  writeFileSync(path, await writeWorkbook(wb));
}

describe('phuluc fill', () => {
  it('fixes the dirty example’s arithmetic with --overwrite-cells and keeps the rest of the workbook', async () => {
    const input = join(tmp.dir, 'loi.xlsx');
    copyFileSync(join(EXAMPLES_DIR, 'muong-lay-2024-loi.xlsx'), input);
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    const out = join(tmp.dir, 'loi-filled.xlsx');
    const run = runCli(['fill', input, '-o', out, '--overwrite-cells']);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);

    const { json } = validateJson(out);
    expect(arithmeticErrors(json)).toEqual([]);

    const [a, b] = [await load(input), await load(out)];
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    const [ga, gb] = [
      worksheetToGrid(a.getWorksheet('PL01')!),
      worksheetToGrid(b.getWorksheet('PL01')!),
    ];
    expect(gb.merges).toEqual(ga.merges);
    expect(gb.cells[0]![0]).toEqual(ga.cells[0]![0]); // title block untouched
    expect(b.getWorksheet('PL01')!.getColumn(2).width).toBe(
      a.getWorksheet('PL01')!.getColumn(2).width,
    );
    expect(gb.cells[8]![2]).toMatchObject({ value: 4623 }); // C9 now the sum of its rows
    expect(worksheetToGrid(b.getWorksheet('PL02')!)).toEqual(
      worksheetToGrid(a.getWorksheet('PL02')!),
    );
  });

  it('without --overwrite-cells keeps the typed values and reports them', () => {
    const out = join(tmp.dir, 'kept.xlsx');
    const run = runCli([
      'fill',
      join('examples', 'muong-lay-2024-loi.xlsx'),
      '-o',
      out,
      '--format',
      'json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      sheets: { conflicts: { cell: string; written: boolean }[] }[];
    };
    const c15 = report.sheets[0]!.conflicts.find((c) => c.cell === 'C15');
    expect(c15).toMatchObject({ written: false });
  });

  it.each(['muong-lay-2024.xlsx', 'ba-to-2024.xlsx', 'cao-ngoc-2024-ho-ngheo.xlsx'])(
    'recomputes %s after its derived cells are cleared',
    async (file) => {
      const wb = await load(join(EXAMPLES_DIR, file));
      const ws = wb.worksheets[0]!;
      const original = worksheetToGrid(ws);
      const cleared: string[] = [];
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) {
            cell.value = null;
            cleared.push(cell.address);
          }
        }),
      );
      expect(cleared.length).toBeGreaterThan(0);
      const input = join(tmp.dir, `cleared-${file}`);
      await save(wb, input);
      const out = join(tmp.dir, `refilled-${file}`);
      const run = runCli(['fill', input, '-o', out]);
      expect(run.status, run.stderr).toBe(0);
      expect(arithmeticErrors(validateJson(out).json)).toEqual([]);
      // Every cleared cell that fill rewrote holds the number the office had.
      const refilled = worksheetToGrid((await load(out)).worksheets[0]!);
      let compared = 0;
      original.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const now = refilled.cells[r]?.[c];
          if (cell?.formula && now?.formula) {
            expect(now.value, `${file} r${r} c${c}`).toBeCloseTo(cell.value as number, 9);
            compared++;
          }
        }),
      );
      expect(compared).toBeGreaterThan(0);
    },
  );
});

/** Type plausible numbers into a template's empty input cells. */
function typeNumbers(
  ws: InstanceType<typeof ExcelJS.Workbook>['worksheets'][number],
  id: LayoutId,
  numberBlankRows = true,
): number {
  const grid = worksheetToGrid(ws);
  const detection = detectLayout(grid, { layout: id });
  const cols = detection.fit!.columns;
  const inputs: Record<LayoutId, Record<string, (r: number) => number>> = {
    'budget-allocation': {
      nstw_dtpt: (r) => 100 + r,
      nstw_sn: (r) => 200 + 3 * r,
      nsdp: (r) => 10 + r,
      khac: () => 5,
    },
    'poverty-targets': {
      households: (r) => 150 + r,
      poor_start: (r) => 10 + (r % 5),
      near_start: () => 8,
      poor_end: (r) => 6 + (r % 3),
    },
    'service-targets': { baseline: (r) => 80 + r / 10, target: (r) => 80 + r / 10 },
    'budget-matrix': { da2: (r) => 100 + r, da3: () => 50, da4: (r) => 7 * r, da7: () => 12.5 },
  };
  let typed = 0;
  for (let r = detection.firstDataRow; r < grid.cells.length; r++) {
    for (const [key, value] of Object.entries(inputs[id])) {
      const c = cols.get(key);
      if (c === undefined) continue;
      const cell = ws.getCell(r + 1, c + 1);
      if (
        cell.type === ExcelJS.ValueType.Formula ||
        (cell.value !== null && cell.value !== undefined)
      )
        continue;
      cell.value = value(r);
      typed++;
    }
    // The template's blank rows get a label too, as an office would type one.
    const labelCol = cols.get('label');
    if (labelCol !== undefined) {
      const label = ws.getCell(r + 1, labelCol + 1);
      const total = ws.getCell(
        r + 1,
        (cols.get(id === 'poverty-targets' ? 'households' : 'total') ?? labelCol) + 1,
      );
      if (
        (label.value === null || label.value === undefined) &&
        !(id === 'poverty-targets' && total.type === ExcelJS.ValueType.Formula)
      ) {
        label.value = id === 'poverty-targets' ? `Thôn ${r}` : `Nội dung khác ${r}`;
        const tt = cols.get('tt');
        if (numberBlankRows && id === 'budget-allocation' && tt !== undefined) {
          ws.getCell(r + 1, tt + 1).value = ['VIII', 'IX', 'X', 'XI', 'XII', 'XIII'][r % 6]!;
        }
      }
    }
  }
  return typed;
}

async function templateFillValidate(id: LayoutId, numberBlankRows = true) {
  const blank = join(tmp.dir, `tpl-${id}-${numberBlankRows}.xlsx`);
  const made = runCli(['template', id, '-o', blank, '--year', '2024', '--rows', '4']);
  expect(made.status, made.stderr).toBe(0);
  const wb = await load(blank);
  const ws = wb.worksheets[0]!;
  expect(typeNumbers(ws, id, numberBlankRows)).toBeGreaterThan(0);
  const typed = join(tmp.dir, `typed-${id}-${numberBlankRows}.xlsx`);
  await save(wb, typed);
  const out = join(tmp.dir, `filled-${id}-${numberBlankRows}.xlsx`);
  const run = runCli(['fill', typed, '-o', out]);
  expect(run.status, run.stderr).toBe(0);
  const { json } = validateJson(out);
  expect(json.sheets[0]!.template).toBe(id);
  expect(arithmeticErrors(json)).toEqual([]);
}

describe('phuluc template → fill → validate', () => {
  it.each(LAYOUT_IDS)('%s', (id) => templateFillValidate(id));

  // The template numbers its spare rows (VIII, IX, …), so a label typed there without touching
  // the TT stays a top-level row, as the template's own total formula counts it.
  it('budget-allocation with labels typed into the spare rows only', () =>
    templateFillValidate('budget-allocation', false));
});
