import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CellWrite } from '@phuluc/rules';
import { MARK_COLORS } from '../office/adapter.js';
import { FakeExcel, type FakeCell } from '../office/fake-excel.js';
import { officeRunner } from '../office/office-runner.js';
import { STATE_NAMESPACE } from '../office/state.js';
import { OfficeWorkbook } from './office-workbook.js';

function annex(excel: FakeExcel, name = 'PL01') {
  const s = excel.addSheet(name, [
    ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
    [1, 'DA2', 999, 2, 1],
    [2, 'DA3', '1.469', 2, 1],
    [3, 'DA4', null, 2, 1],
  ]);
  s.cells.get('C2')!.fill = { color: '#92D050' };
  return s;
}

const fill: CellWrite[] = [2, 3, 4].map((r) => ({
  row: r - 1,
  col: 2,
  cell: `C${r}`,
  role: 'crossfoot',
  formula: `D${r}+E${r}`,
  value: 3,
  text: '3',
}));

describe('OfficeWorkbook: marks and fill undo survive a reload', () => {
  it('a reopened pane (even after the workbook was saved and reopened) clears the marks and undoes the last fill', async () => {
    const excel = new FakeExcel({ excelApi: '1.18' });
    const s = annex(excel);
    const before = structuredClone([...s.cells.entries()]);
    const first = new OfficeWorkbook(excel, { supports: excel.supports });
    await first.readSheet('PL01');
    await first.markCells('PL01', [
      { cell: 'C2', severity: 'error', note: 'phuluc: tổng sai' },
      { cell: 'B3', severity: 'warning', note: 'phuluc: xem lại' },
    ]);
    await first.applyWrites('PL01', fill, 'formula');
    expect(s.cells.get('C2')).toMatchObject({
      formula: 'D2+E2',
      fill: { color: MARK_COLORS.error },
    });
    expect([...excel.customXml.values()].join()).toContain(STATE_NAMESPACE);

    // The pane is closed; the workbook saved, closed and opened again; a new pane starts.
    const again = excel.reopened();
    const second = new OfficeWorkbook(again, { supports: again.supports });
    expect(await second.activeSheet()).toBe('PL01');
    expect(second.hasMarks('PL01')).toBe(true);
    expect(second.canUndoFill('PL01')).toBe(true);

    expect(await second.undoFill('PL01')).toBe(3);
    expect(await second.clearMarks('PL01')).toBe(2);
    const s2 = again.sheet('PL01');
    expect(normal(s2.cells)).toEqual(normal(new Map(before)));
    expect(s2.notes.size).toBe(0);
    expect(s2.cells.get('C3')?.value).toBe('1.469'); // text again, not the number 1.469
    expect(second.hasMarks('PL01')).toBe(false);
    expect(second.canUndoFill('PL01')).toBe(false);
    // Nothing left to remember: the part is gone.
    expect(again.customXml.size).toBe(0);
  });

  it('follows a renamed sheet (by worksheet id) and forgets a deleted one', async () => {
    const excel = new FakeExcel();
    const s = annex(excel, 'PL01');
    annex(excel, 'PL02');
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });
    await wb.markCells('PL01', [{ cell: 'C2', severity: 'error' }]);
    await wb.markCells('PL02', [{ cell: 'C3', severity: 'warning' }]);
    s.name = 'Phụ lục 1 (sửa)';
    excel.activeSheet = s.name;
    excel.sheets.splice(1, 1); // PL02 deleted
    const again = new OfficeWorkbook(excel, { supports: excel.supports });
    await again.activeSheet();
    expect(again.hasMarks('Phụ lục 1 (sửa)')).toBe(true);
    expect(Object.keys(again.rememberedState())).toEqual(['Phụ lục 1 (sửa)']);
    expect(await again.clearMarks('Phụ lục 1 (sửa)')).toBe(1);
    expect(s.cells.get('C2')?.fill).toEqual({ color: '#92D050' });
    expect(excel.customXml.size).toBe(0);
  });

  it('undo refuses the cells the user changed after the fill, and says which', async () => {
    const excel = new FakeExcel();
    const s = annex(excel);
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });
    await wb.applyWrites('PL01', fill, 'formula');
    s.cells.set('C3', { value: 42 });
    const reloaded = new OfficeWorkbook(excel, { supports: excel.supports });
    await reloaded.activeSheet();
    expect(await reloaded.undoFill('PL01')).toBe(2);
    expect(reloaded.undoChanged('PL01')).toEqual(['C3']);
    expect(s.cells.get('C3')?.value).toBe(42);
    expect(s.cells.get('C2')).toMatchObject({ value: 999 });
  });

  it('clearing marks forgets them even when the user deleted our note first', async () => {
    const excel = new FakeExcel({ excelApi: '1.18' });
    const s = annex(excel);
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });
    await wb.markCells('PL01', [{ cell: 'C2', severity: 'error', note: 'phuluc: tổng sai' }]);
    s.notes.delete('C2');
    expect(await wb.clearMarks('PL01')).toBe(1);
    expect(wb.hasMarks('PL01')).toBe(false);
    expect(s.cells.get('C2')?.fill).toEqual({ color: '#92D050' });
    // A second clear has nothing to do, and does not fail either.
    expect(await wb.clearMarks('PL01')).toBe(0);
  });

  it('ignores a damaged or foreign state part instead of failing', async () => {
    const excel = new FakeExcel();
    annex(excel);
    excel.customXml.set('x', `<phuluc xmlns="${STATE_NAMESPACE}" version="1">{not json</phuluc>`);
    excel.customXml.set('y', '<other xmlns="urn:someone-else">data</other>');
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });
    await wb.activeSheet();
    expect(wb.hasMarks('PL01')).toBe(false);
    await wb.markCells('PL01', [{ cell: 'C2', severity: 'info' }]);
    expect(wb.hasMarks('PL01')).toBe(true);
    expect(excel.customXml.get('y')).toBe('<other xmlns="urn:someone-else">data</other>');
  });
});

describe('OfficeWorkbook: sheets and events', () => {
  it('leaves hidden and very hidden sheets out of listings and "check all sheets", and names them', async () => {
    const excel = new FakeExcel();
    annex(excel, 'PL01');
    annex(excel, 'Tính toán').visibility = 'Hidden';
    annex(excel, 'Danh mục').visibility = 'VeryHidden';
    annex(excel, 'PL02');
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });
    expect(await wb.listSheets()).toEqual(['PL01', 'PL02']);
    const grids = await wb.readAllSheets();
    expect(grids.map((g) => g.name)).toEqual(['PL01', 'PL02']);
    expect(wb.hiddenSheets()).toEqual(['Tính toán', 'Danh mục']);
  });

  it('handles a sheet activation in a new Excel.run (the subscribing context is finished)', async () => {
    const excel = new FakeExcel();
    annex(excel, 'PL01');
    annex(excel, 'PL02');
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });
    const seen: string[] = [];
    const off = wb.onActiveSheetChanged((name) => seen.push(name));
    await new Promise((r) => setTimeout(r, 0));
    const runs = excel.runCount;
    excel.userActivates('PL02');
    await vi.waitFor(() => expect(seen).toEqual(['PL02']));
    expect(excel.runCount).toBe(runs + 1);
    off();
    await Promise.resolve();
    excel.userActivates('PL01');
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['PL02']);
  });

  it('maps a sheet read that could not take the merged areas to a pane notice', async () => {
    const excel = new FakeExcel({ excelApi: '1.13' });
    const s = annex(excel);
    // 600 merged pairs in row 1 (over Excel's 512 a request).
    for (let i = 0; i < 600; i++) s.merges.push(`${col(2 * i)}1:${col(2 * i + 1)}1`);
    s.cells.set(`${col(1199)}1`, { value: 'x' });
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });
    await wb.readSheet('PL01');
    expect(wb.readNotice('PL01')).toBe('pane.read.mergesSkipped');
  });
});

/** Cells as Excel shows them: an empty cell in General with no fill is no cell. */
function normal(cells: Map<string, FakeCell>): [string, FakeCell][] {
  return [...cells]
    .filter(
      ([, c]) => c.value !== null || c.formula || c.fill || (c.numFmt ?? 'General') !== 'General',
    )
    .map(
      ([a, c]) =>
        [a, c.numFmt === 'General' ? { ...c, numFmt: undefined } : c] as [string, FakeCell],
    )
    .map(([a, c]) => [a, JSON.parse(JSON.stringify(c)) as FakeCell] as [string, FakeCell])
    .sort(([a], [b]) => a.localeCompare(b));
}

function col(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

describe('officeRunner', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs every batch with delayForCellEdit, and the activation handler in a new Excel.run', async () => {
    const runs: unknown[][] = [];
    const handlers: ((e: { worksheetId: string }) => Promise<void>)[] = [];
    const context = {
      workbook: {
        worksheets: {
          onActivated: {
            add: (h: (e: { worksheetId: string }) => Promise<void>) => {
              handlers.push(h);
              return { context: 'subscribing-context', remove: vi.fn() };
            },
          },
        },
      },
      sync: async () => undefined,
    };
    vi.stubGlobal('Excel', {
      run: vi.fn(async (...args: unknown[]) => {
        runs.push(args);
        const batch = args[args.length - 1] as (c: unknown) => Promise<unknown>;
        return batch(context);
      }),
    });
    const runner = officeRunner();
    await runner.run(async () => 1);
    expect(runs[0]?.[0]).toEqual({ delayForCellEdit: true });
    const seen: string[] = [];
    const off = await runner.onSheetActivated((id) => seen.push(id));
    await handlers[0]!({ worksheetId: '{id-2}' });
    expect(seen).toEqual(['{id-2}']);
    await off();
    // Removal re-enters the subscribing context, as Microsoft's pattern has it.
    expect(runs.at(-1)?.[0]).toBe('subscribing-context');
  });
});

describe('OfficeWorkbook: a fill too large to remember', () => {
  it('is written, keeps the marks remembered, and says undo is not available', async () => {
    const excel = new FakeExcel();
    const s = excel.addSheet('PL01', [['TT', 'Nội dung', 'Tổng số']]);
    const writes: CellWrite[] = [];
    for (let r = 2; r <= 30_001; r++) {
      s.cells.set(`B${r}`, { value: `Nội dung dòng ${r} — giữ nguyên khi hoàn tác` });
      writes.push({ row: r - 1, col: 1, cell: `B${r}`, role: 'total', value: r, text: `${r}` });
    }
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });
    await wb.markCells('PL01', [{ cell: 'A1', severity: 'info' }]);
    expect(await wb.applyWrites('PL01', writes, 'value')).toBe(30_000);
    expect(s.cells.get('B30001')?.value).toBe(30_001);
    expect(wb.canUndoFill('PL01')).toBe(false);
    expect(wb.hasMarks('PL01')).toBe(true);
  });
});

describe('OfficeWorkbook: start-up', () => {
  it('reads the remembered state once even when two batches start together', async () => {
    const excel = new FakeExcel();
    annex(excel, 'PL01');
    const first = new OfficeWorkbook(excel, { supports: excel.supports });
    await first.markCells('PL01', [{ cell: 'C2', severity: 'error' }]);
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });
    const n = excel.syncCount;
    await Promise.all([wb.activeSheet(), wb.listSheets(), wb.readSheet('PL01')]);
    // State part found and read (2 syncs, once), then each batch's own syncs (1 + 1 + 2).
    expect(excel.syncCount - n).toBe(6);
    expect(wb.hasMarks('PL01')).toBe(true);
    expect(excel.customXml.size).toBe(1);
  });
});
