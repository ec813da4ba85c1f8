// The engine's work, run in the page (no Worker in jsdom: the same handler the worker runs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillSheet, gridFromRows, validateSheet } from '@phuluc/rules';
import { MemoryWorkbook, muongLayRows } from '../taskpane/test-workbook.js';
import { WorkerPreviewSource } from '../preview/worker-source.js';
import { planFill } from './plan-fill.js';
import { createEngine } from './client.js';
import { isAbort } from './errors.js';
import { gridAnalyst, putGrid } from './grid-analyst.js';
import { handle, newEngineState } from './handle.js';
import type { Progress } from '../workbook/types.js';

const EXAMPLE = join(__dirname, '..', '..', '..', '..', 'examples', 'muong-lay-2024-loi.xlsx');

/** A picked file as the pane sees it (jsdom's Blob has no arrayBuffer). */
function fileOf(bytes: Uint8Array, name: string): Blob & { name: string } {
  const copy = bytes.slice().buffer;
  return { name, arrayBuffer: async () => copy } as unknown as Blob & { name: string };
}

/** A tall grid: the Mường Lay annex and then many village rows. */
function tallGrid(extra: number) {
  const rows = muongLayRows({ typo: true });
  for (let i = 0; i < extra; i++) rows.push([String(100 + i), `Thôn ${i + 1}`, null, null, null]);
  return gridFromRows('PL01', rows);
}

describe('the engine', () => {
  it('assembles a grid handed over in chunks and checks it as the rules would', async () => {
    const grid = tallGrid(4500);
    const engine = createEngine(true);
    await putGrid(engine, 'k', grid);
    const state = newEngineState();
    // The same chunks into a fresh state, through the handler itself.
    for (let from = 0; from < grid.cells.length; from += 2000)
      await handle(state, {
        op: 'put',
        key: 'k',
        name: grid.name,
        from,
        rows: grid.cells.slice(from, from + 2000),
        ...(from + 2000 >= grid.cells.length ? { merges: grid.merges } : {}),
      });
    expect(state.grids.get('k')!.cells).toHaveLength(grid.cells.length);
    const viaKey = await engine.request({ op: 'validate', target: { key: 'k' }, options: {} });
    expect(viaKey.issues).toEqual(validateSheet(grid).issues);
    const fill = await engine.request({
      op: 'fill',
      target: { key: 'k' },
      options: {},
      check: {},
    });
    expect(fill.plain.writes).toEqual(fillSheet(grid).writes);
    expect(fill.overwrite.writes).toEqual(fillSheet(grid, { overwrite: true }).writes);
    // Described where the grid is: the very plan the page shows and writes.
    expect(fill).toEqual(planFill(grid, {}, {}));
  });

  it('opens a file, answers shapes and windows of rows, and writes a fill', async () => {
    const engine = createEngine(false);
    const bytes = readFileSync(EXAMPLE);
    const file = fileOf(bytes, 'muong-lay-2024-loi.xlsx');
    const source = await WorkerPreviewSource.open(engine, file);
    const sheet = source.currentSheet();
    expect(source.listSheetNames().length).toBeGreaterThan(1);
    const view = source.viewOf(sheet);
    expect(view.rows).toBeGreaterThan(10);
    expect(view.row(0)).toBeUndefined(); // fetched on demand …
    await new Promise<void>((ok) => source.subscribe(ok));
    expect(source.viewOf(sheet).row(0)?.[0]?.value).toMatch(/PHỤ LỤC/); // … then there
    const report = await source.analyst.validate(sheet, {});
    const direct = validateSheet(await source.readSheet(sheet));
    expect(report.issues).toEqual(direct.issues);
    const plan = await source.analyst.fill(sheet, {}, {});
    expect(source.canUndoFill(sheet)).toBe(false);
    const n = await source.applyWrites(sheet, plan.overwrite.writes, 'formula');
    expect(n).toBeGreaterThan(0);
    expect(source.canUndoFill(sheet)).toBe(true);
    const bytesOut = await source.toBytes();
    expect(bytesOut[0]).toBe(0x50);
  });

  it('reads an Excel-like workbook with progress, and stops when cancelled', async () => {
    const wb = new MemoryWorkbook({ PL01: muongLayRows({ typo: true }) });
    const engine = createEngine(true);
    const analyst = gridAnalyst(wb, engine);
    const phases: Progress['phase'][] = [];
    const report = await analyst.validate('PL01', {}, { onProgress: (p) => phases.push(p.phase) });
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(phases).toEqual(['read', 'check']);
    const controller = new AbortController();
    controller.abort();
    const stopped = await analyst.validate('PL01', {}, { signal: controller.signal }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAbort(stopped)).toBe(true);
  });

  it('passes errors on with their message key', async () => {
    const engine = createEngine(false);
    const file = fileOf(new Uint8Array([1, 2, 3]), 'x.xlsx');
    const error = await WorkerPreviewSource.open(engine, file).then(
      () => null,
      (e: unknown) => e as { key?: string },
    );
    expect(error).not.toBeNull();
    expect(String(error?.key ?? '')).toMatch(/^(cli|pane)\./);
  });
});
