import { describe, expect, it } from 'vitest';
import type { CellWrite, TemplateSheet } from '@phuluc/rules';
import {
  addTemplateSheet,
  applyWrites,
  applyWritesUndoable,
  clearMarks,
  markCells,
  parseAreas,
  readSheet,
  readSheetGrid,
  selectCell,
  toGridCell,
  undoWrites,
  uniqueSheetName,
  safeValue,
  MARK_COLORS,
} from './adapter.js';
import { OfficeWorkbook } from '../workbook/office-workbook.js';
import { errorMessage } from './errors.js';
import { FakeExcel } from './fake-excel.js';
import type { XlContext, XlWorksheet } from './excel-api.js';

type Row = (number | string | boolean | null | { f: string; v?: number } | { error: string })[];

function budgetRows(dataRows: number): Row[] {
  const rows: Row[] = [
    ['PHỤ LỤC SỐ 01'],
    [null, null, null, 'Đơn vị tính: triệu đồng'],
    ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
  ];
  for (let i = 0; i < dataRows; i++) {
    const r = rows.length + 1;
    rows.push([i + 1, `Dự án ${i + 1}`, { f: `D${r}+E${r}`, v: 3 }, 2, 1]);
  }
  return rows;
}

async function withContext<T>(
  excel: FakeExcel,
  fn: (ctx: XlContext, sheet: XlWorksheet) => Promise<T>,
): Promise<T> {
  const ctx = excel.context();
  return fn(ctx, ctx.workbook.worksheets.getActiveWorksheet());
}

describe('toGridCell', () => {
  it('keeps text that looks like a number as text, strips "=", and maps errors', () => {
    expect(toGridCell('1.469', '1.469', 'General', 'String')).toEqual({ value: '1.469' });
    expect(toGridCell(7645, '=SUM(C4:C11)', '#,##0', 'Double')).toEqual({
      value: 7645,
      formula: 'SUM(C4:C11)',
      numFmt: '#,##0',
    });
    expect(toGridCell('#DIV/0!', '=A1/0', 'General', 'Error')).toEqual({
      value: { error: '#DIV/0!' },
      formula: 'A1/0',
    });
    expect(toGridCell('', '', 'General', 'Empty')).toBeNull();
    expect(toGridCell(true, true, 'General', 'Boolean')).toEqual({ value: true });
  });

  it('parses multi-area addresses of merged cells', () => {
    expect(parseAreas("'Phụ lục, 1'!A1:C1, 'Phụ lục, 1'!$D$4:$D$5,'Phụ lục, 1'!F2")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 3, left: 3, bottom: 4, right: 3 },
      { top: 1, left: 5, bottom: 1, right: 5 },
    ]);
  });
});

describe('readSheetGrid', () => {
  it('reads a sheet under the payload limit in at most 2 syncs', async () => {
    const excel = new FakeExcel({ excelApi: '1.18' });
    const s = excel.addSheet('PL01', budgetRows(30));
    s.merges.push('A1:E1');
    s.notes.set('B5', 'ghi chú của người dùng');
    const read = await withContext(excel, (ctx, sheet) =>
      readSheet(ctx, sheet, { supports: excel.supports }),
    );
    expect(excel.syncCount).toBeLessThanOrEqual(2);
    expect(read.grid.name).toBe('PL01');
    expect(read.grid.cells[3]?.[2]).toEqual({ value: 3, formula: 'D4+E4' });
    expect(read.grid.cells[2]?.[1]).toEqual({ value: 'Nội dung' });
    expect(read.grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect([...read.noteCells]).toEqual(['B5']);
  });

  it('does not ask for merged areas or notes where the host lacks them (ExcelApi 1.7)', async () => {
    const excel = new FakeExcel({ excelApi: '1.7' });
    const s = excel.addSheet('PL01', budgetRows(3));
    s.merges.push('A1:E1');
    const grid = await withContext(excel, (ctx, sheet) =>
      readSheetGrid(ctx, sheet, { supports: excel.supports }),
    );
    expect(excel.syncCount).toBe(2);
    expect(grid.merges).toEqual([]);
  });

  it('places a used range that starts below and right of A1 at its real cells', async () => {
    const excel = new FakeExcel();
    excel.addSheet(
      'S',
      [
        ['TT', 'Nội dung'],
        [1, 'DA2'],
      ],
      'C5',
    );
    const grid = await withContext(excel, (ctx, sheet) => readSheetGrid(ctx, sheet));
    expect(grid.cells[4]?.[2]).toEqual({ value: 'TT' });
    expect(grid.cells[5]?.[3]).toEqual({ value: 'DA2' });
    expect(grid.cells[0]).toEqual([]);
  });

  it('returns an empty grid for an empty sheet', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Trống');
    const grid = await withContext(excel, (ctx, sheet) => readSheetGrid(ctx, sheet));
    expect(grid).toEqual({ name: 'Trống', cells: [], merges: [] });
    expect(excel.syncCount).toBe(1);
  });
});

const writes: CellWrite[] = [
  { row: 3, col: 2, cell: 'C4', role: 'crossfoot', formula: 'D4+E4', value: 3, text: '3' },
  { row: 4, col: 2, cell: 'C5', role: 'crossfoot', formula: 'D5+E5', value: 3, text: '3' },
];

describe('applyWrites', () => {
  it('writes a column of formulas as one 2-D array: one sync to read the cells, one to write', async () => {
    const excel = new FakeExcel();
    const s = excel.addSheet('PL01', budgetRows(2));
    s.cells.set('C4', { value: 99 });
    s.cells.delete('C5');
    await withContext(excel, (ctx, sheet) => applyWrites(ctx, sheet, writes));
    expect(excel.syncCount).toBe(2);
    expect(s.cells.get('C4')?.formula).toBe('D4+E4');
    expect(s.cells.get('C5')?.formula).toBe('D5+E5');
  });

  it('writes values in value mode', async () => {
    const excel = new FakeExcel();
    const s = excel.addSheet('PL01', budgetRows(2));
    await withContext(excel, (ctx, sheet) => applyWrites(ctx, sheet, writes, { mode: 'value' }));
    expect(excel.syncCount).toBe(2);
    expect(s.cells.get('C4')).toMatchObject({ value: 3 });
    expect(s.cells.get('C4')?.formula).toBeUndefined();
  });
});

describe('undo fill', () => {
  const all: CellWrite[] = ['C2', 'C3', 'C4', 'C5', 'C6', 'C7'].map((cell, i) => ({
    row: i + 1,
    col: 2,
    cell,
    role: 'total',
    formula: `SUM(D${i + 2}:E${i + 2})`,
    value: 7,
    text: '7',
  }));

  function sheetWithEverything(excel: FakeExcel) {
    const s = excel.addSheet('PL01', budgetRows(6));
    s.cells.set('C2', { value: 10, formula: 'SUM(C3:C7)', numFmt: '#,##0' }); // a formula
    s.cells.set('C3', { value: 3154, numFmt: '#,##0.00' }); // a typed number
    s.cells.delete('C4'); // empty
    s.cells.set('C5', { value: '=1+1' }); // text that looks like a formula
    s.cells.set('C6', { value: '#N/A', error: '#N/A' }); // an error constant
    s.cells.set('C7', { value: true }); // a boolean
    return s;
  }

  it('restores every written cell exactly (formula, number, empty, formula-like text, error, boolean), two syncs each way', async () => {
    const excel = new FakeExcel();
    const s = sheetWithEverything(excel);
    const before = structuredClone([...s.cells.entries()].sort());
    const { written, undo } = await withContext(excel, (ctx, sheet) =>
      applyWritesUndoable(ctx, sheet, all),
    );
    expect(excel.syncCount).toBe(2);
    expect(written).toBe(6);
    expect(s.cells.get('C5')?.formula).toBe('SUM(D5:E5)');
    const result = await withContext(excel, (ctx, sheet) => undoWrites(ctx, sheet, undo));
    expect(result).toEqual({ restored: 6, changed: [] });
    expect(excel.syncCount).toBe(4);
    const after = [...s.cells.entries()].sort();
    // A cell that was empty comes back empty (its number format may now be recorded as General);
    // a formula's value is whatever Excel recalculates (the fake does not calculate).
    const normal = (e: [string, object][]) =>
      e
        .map(([k, v]) => {
          const c = v as { value: unknown; formula?: string; numFmt?: string };
          return [k, { ...c, value: c.formula ? 'calc' : c.value, numFmt: c.numFmt ?? 'General' }];
        })
        .filter(([, v]) => (v as { value: unknown }).value !== null);
    expect(normal(after)).toEqual(normal(before));
    expect(s.cells.get('C5')).toMatchObject({ value: '=1+1' });
    expect(s.cells.get('C5')?.formula).toBeUndefined();
  });

  it('OfficeWorkbook keeps a stack per sheet: undo the last fill, then the one before', async () => {
    const excel = new FakeExcel();
    const s = sheetWithEverything(excel);
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });
    expect(wb.canUndoFill('PL01')).toBe(false);
    await wb.applyWrites('PL01', all.slice(0, 2), 'formula');
    await wb.applyWrites('PL01', all.slice(1, 3), 'value');
    expect(wb.canUndoFill('PL01')).toBe(true);
    expect(await wb.undoFill('PL01')).toBe(2);
    expect(s.cells.get('C3')).toMatchObject({ formula: 'SUM(D3:E3)' });
    expect(s.cells.get('C4')?.value ?? null).toBeNull();
    expect(await wb.undoFill('PL01')).toBe(2);
    expect(s.cells.get('C2')).toMatchObject({ formula: 'SUM(C3:C7)', numFmt: '#,##0' });
    expect(s.cells.get('C3')).toMatchObject({ value: 3154 });
    expect(s.cells.get('C3')?.formula).toBeUndefined();
    expect(wb.canUndoFill('PL01')).toBe(false);
    expect(await wb.undoFill('PL01')).toBe(0);
  });
});

describe('formula injection', () => {
  it('text starting with = + - @ is written as text, never as a formula', async () => {
    expect(safeValue('=1+1')).toBe("'=1+1");
    expect(safeValue('Dự án 2')).toBe('Dự án 2');
    expect(safeValue(42)).toBe(42);
    const excel = new FakeExcel();
    const texts = [
      '=HYPERLINK("http://x","y")',
      '+84 912 345 678',
      '- Nội dung chi',
      '@SUM(A1)',
      '=1+1',
    ];
    const template: TemplateSheet = {
      grid: { name: 'T', cells: [texts.map((value) => ({ value }))], merges: [] },
      columnWidths: [],
      validations: [],
      freezeRows: 0,
    };
    await addTemplateSheet(excel.context(), template, 'T', { supports: excel.supports });
    const s = excel.sheet('T');
    texts.forEach((text, c) => {
      const cell = s.cells.get(`${String.fromCharCode(65 + c)}1`);
      expect(cell?.value).toBe(text);
      expect(cell?.formula).toBeUndefined();
    });
  });
});

describe('markCells / clearMarks', () => {
  for (const api of ['1.13', '1.18']) {
    it(`marks in three syncs and restores previous fills exactly (ExcelApi ${api})`, async () => {
      const excel = new FakeExcel({ excelApi: api });
      const s = excel.addSheet('PL01', budgetRows(4));
      s.cells.get('C4')!.fill = { color: '#92D050' }; // green fill
      s.cells.get('C6')!.fill = { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' };
      s.cells.get('C7')!.fill = { color: '#FFFFFF', tintAndShade: 0 }; // white fill, not "no fill"
      const before = structuredClone([...s.cells.entries()]);

      const marks = [
        { cell: 'C4', severity: 'error' as const, note: 'Tổng sai' },
        { cell: 'C5', severity: 'warning' as const, note: 'Cảnh báo' },
        { cell: 'C6', severity: 'info' as const },
        { cell: 'C7', severity: 'error' as const },
      ];
      const state = await withContext(excel, (ctx, sheet) =>
        markCells(ctx, sheet, marks, new Map(), { supports: excel.supports }),
      );
      // Read the fills (they differ); ask again the two cells that read white (C5: no fill, C7:
      // white); write.
      expect(excel.syncCount).toBe(3);
      expect(s.cells.get('C4')?.fill?.color).toBe(MARK_COLORS.error);
      expect(s.cells.get('C5')?.fill?.color).toBe(MARK_COLORS.warning);
      expect(s.cells.get('C6')?.fill?.color).toBe(MARK_COLORS.info);
      expect(s.notes.size).toBe(api === '1.18' ? 2 : 0);

      await withContext(excel, (ctx, sheet) => clearMarks(ctx, sheet, state));
      // One sync restores the fills and asks which of our notes remain; one deletes them.
      expect(excel.syncCount).toBe(api === '1.18' ? 5 : 4);
      expect([...s.cells.entries()]).toEqual(before);
      expect(s.notes.size).toBe(0);
    });
  }

  it('keeps the original fill when a cell is marked again, restores cells no longer marked', async () => {
    const excel = new FakeExcel({ excelApi: '1.13' });
    const s = excel.addSheet('PL01', budgetRows(4));
    s.cells.get('C4')!.fill = { color: '#92D050' };
    const before = structuredClone([...s.cells.entries()]);
    const first = await withContext(excel, (ctx, sheet) =>
      markCells(
        ctx,
        sheet,
        [
          { cell: 'C4', severity: 'warning' },
          { cell: 'C5', severity: 'error' },
        ],
        new Map(),
        {
          supports: excel.supports,
        },
      ),
    );
    const second = await withContext(excel, (ctx, sheet) =>
      markCells(ctx, sheet, [{ cell: 'C4', severity: 'error' }], first, {
        supports: excel.supports,
      }),
    );
    // First: read, ask C5 (reads white) again, write. Second: restore C5, recolour C4.
    expect(excel.syncCount).toBe(5);
    expect(s.cells.get('C4')?.fill?.color).toBe(MARK_COLORS.error);
    expect(s.cells.get('C5')?.fill).toBeUndefined();
    await withContext(excel, (ctx, sheet) => clearMarks(ctx, sheet, second));
    expect([...s.cells.entries()]).toEqual(before);
  });

  it("never touches a user's own note", async () => {
    const excel = new FakeExcel({ excelApi: '1.18' });
    const s = excel.addSheet('PL01', budgetRows(4));
    s.notes.set('C4', 'Kế toán: đã đối chiếu');
    const read = await withContext(excel, (ctx, sheet) =>
      readSheet(ctx, sheet, { supports: excel.supports }),
    );
    const state = await withContext(excel, (ctx, sheet) =>
      markCells(
        ctx,
        sheet,
        [
          { cell: 'C4', severity: 'error', note: 'Tổng sai' },
          { cell: 'C5', severity: 'error', note: 'x' },
        ],
        new Map(),
        {
          supports: excel.supports,
          noteCells: read.noteCells,
        },
      ),
    );
    expect(s.notes.get('C4')).toBe('Kế toán: đã đối chiếu');
    expect(s.notes.get('C5')).toBe('x');
    await withContext(excel, (ctx, sheet) => clearMarks(ctx, sheet, state));
    expect([...s.notes.entries()]).toEqual([['C4', 'Kế toán: đã đối chiếu']]);
  });
});

describe('selectCell, templates, errors', () => {
  it('selects a cell in one sync', async () => {
    const excel = new FakeExcel();
    excel.addSheet('A', budgetRows(2));
    excel.addSheet('B', budgetRows(2));
    const ctx = excel.context();
    await selectCell(ctx, ctx.workbook.worksheets.getItem('B'), 'C8');
    expect(excel.syncCount).toBe(1);
    expect(excel.selected).toEqual({ sheet: 'B', cell: 'C8' });
    expect(excel.activeSheet).toBe('B');
  });

  it('adds a template sheet in one sync', async () => {
    const excel = new FakeExcel({ excelApi: '1.8' });
    excel.addSheet('A');
    const template: TemplateSheet = {
      grid: {
        name: 'PL01',
        cells: [
          [{ value: 'PHỤ LỤC SỐ 01', style: { bold: true } }],
          [{ value: 'TT' }, { value: 'Nội dung' }, { value: 'Tổng số' }],
          [{ value: 1 }, { value: 'DA2' }, { value: 0, formula: 'SUM(D3:E3)', numFmt: '#,##0' }],
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      },
      columnWidths: [6, 40, 14],
      validations: [{ range: 'B3:B30', list: ['DA2', 'DA3'] }],
      freezeRows: 2,
    };
    const ctx = excel.context();
    await addTemplateSheet(ctx, template, 'PL01', { supports: excel.supports });
    expect(excel.syncCount).toBe(1);
    const s = excel.sheet('PL01');
    expect(s.cells.get('C3')).toMatchObject({ formula: 'SUM(D3:E3)', numFmt: '#,##0' });
    expect(s.cells.get('A1')).toMatchObject({ value: 'PHỤ LỤC SỐ 01', bold: true });
    expect(s.merges).toEqual(['A1:C1']);
    expect(s.frozenRows).toBe(2);
    expect(s.validations.get('B3:B30')).toBe('DA2,DA3');
    expect(excel.activeSheet).toBe('PL01');
  });

  it('names a new sheet uniquely', () => {
    expect(uniqueSheetName('PL01', ['pl01', 'PL01 (2)'])).toBe('PL01 (3)');
    expect(uniqueSheetName('A/B', [])).toBe('A B');
  });

  it('maps Office errors to pane messages', async () => {
    const excel = new FakeExcel();
    excel.addSheet('A', budgetRows(1));
    excel.failNextSync = 'InvalidOperationInCellEditMode';
    const e = await withContext(excel, (ctx, sheet) => readSheetGrid(ctx, sheet)).catch(
      (x: unknown) => x,
    );
    expect(errorMessage(e).key).toBe('pane.error.cellEdit');
    expect(errorMessage({ code: 'ApiNotFound' }).key).toBe('pane.error.apiNotFound');
    expect(errorMessage({ code: 'RequestPayloadSizeLimitExceeded' }).key).toBe(
      'pane.error.payload',
    );
    expect(errorMessage(new Error('boom'))).toEqual({
      key: 'pane.error.unknown',
      params: { detail: 'boom' },
    });
  });
});

describe('OfficeWorkbook over the fake', () => {
  it('validate = read (≤ 2 syncs) + mark and remember (4 syncs); clear, fill and select stay small', async () => {
    const { OfficeWorkbook } = await import('../workbook/office-workbook.js');
    const { validateSheet } = await import('@phuluc/rules');
    const excel = new FakeExcel({ excelApi: '1.18' });
    const s = excel.addSheet('PL01', budgetRows(8));
    s.cells.get('C5')!.value = 999;
    delete s.cells.get('C5')!.formula;
    const before = structuredClone([...s.cells.entries()]);
    const wb = new OfficeWorkbook(excel, { supports: excel.supports });

    const grid = await wb.readSheet('PL01');
    // + 1 sync to look for the remembered state, once per pane.
    expect(excel.syncCount).toBeLessThanOrEqual(3);
    const report = validateSheet(grid);
    expect(report.issues.length).toBeGreaterThan(0);

    let n = excel.syncCount;
    await wb.markCells(
      'PL01',
      report.issues.map((i) => ({ cell: i.cell, severity: i.severity, note: i.message.vi })),
    );
    // Read the previous fills, ask again the cells reading white, write the marks, remember them.
    expect(excel.syncCount - n).toBe(4);
    expect(wb.hasMarks('PL01')).toBe(true);

    n = excel.syncCount;
    await wb.selectCell('PL01', report.issues[0]!.cell);
    expect(excel.syncCount - n).toBe(1);

    n = excel.syncCount;
    await wb.clearMarks('PL01');
    expect(excel.syncCount - n).toBe(3);
    expect([...s.cells.entries()]).toEqual(before);
    expect(s.notes.size).toBe(0);

    n = excel.syncCount;
    await wb.applyWrites('PL01', writes, 'formula');
    expect(excel.syncCount - n).toBe(3);
  });
});
