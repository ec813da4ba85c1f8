import { describe, expect, it } from 'vitest';
import type { CellWrite } from '@phuluc/rules';
import { REQUEST_BUDGET_BYTES } from './blocks.js';
import { FakeExcel } from './fake-excel.js';
import { applyWritesUndoable, undoWrites } from './fill-writes.js';

function totals(from: number, to: number, col = 'C'): CellWrite[] {
  const out: CellWrite[] = [];
  for (let r = from; r <= to; r++)
    out.push({
      row: r - 1,
      col: col.charCodeAt(0) - 65,
      cell: `${col}${r}`,
      role: 'crossfoot',
      formula: `D${r}+E${r}`,
      value: 3,
      text: '3',
    });
  return out;
}

function sheetFor(excel: FakeExcel, rows: number) {
  const s = excel.addSheet('PL01', [['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP']]);
  for (let r = 2; r <= rows + 1; r++) {
    s.cells.set(`A${r}`, { value: r - 1 });
    s.cells.set(`D${r}`, { value: 2 });
    s.cells.set(`E${r}`, { value: 1 });
  }
  return s;
}

describe('the fake is faithful where Excel is unkind', () => {
  it('parses text entered through values and formulas; a Text-formatted cell keeps text, formulas too', async () => {
    const excel = new FakeExcel();
    const s = excel.addSheet('S');
    s.cells.set('B1', { value: null, numFmt: '@' });
    s.cells.set('B2', { value: null, numFmt: '@' });
    s.cells.set('B3', { value: null, numFmt: '@' });
    const ctx = excel.context();
    const sheet = ctx.workbook.worksheets.getItem('S');
    sheet.getRange('A1').values = [['1.469']];
    sheet.getRange('A2').values = [["'1.469"]];
    sheet.getRange('A3').formulas = [['TRUE']];
    sheet.getRange('B1').values = [['1.469']];
    sheet.getRange('B2').formulas = [['=SUM(D1:E1)']];
    sheet.getRange('B3').values = [[3]];
    await ctx.sync();
    expect(s.cells.get('A1')?.value).toBe(1.469);
    expect(s.cells.get('A2')?.value).toBe('1.469');
    expect(s.cells.get('A3')?.value).toBe(true);
    expect(s.cells.get('B1')?.value).toBe('1.469');
    expect(s.cells.get('B2')).toMatchObject({ value: '=SUM(D1:E1)' });
    expect(s.cells.get('B2')?.formula).toBeUndefined();
    expect(s.cells.get('B3')?.value).toBe('3');
  });

  it('writing 100 000 cells one by one in one request fails over 5 MB', async () => {
    const excel = new FakeExcel();
    sheetFor(excel, 100_000);
    const ctx = excel.context();
    const sheet = ctx.workbook.worksheets.getItem('PL01');
    for (let r = 2; r <= 100_001; r++) sheet.getRange(`C${r}`).formulas = [[`=D${r}+E${r}`]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });
});

describe('applyWritesUndoable', () => {
  it('fills 100 000 rows by rectangles: every request and response under 4 MB', async () => {
    const excel = new FakeExcel();
    const s = sheetFor(excel, 100_000);
    const ctx = excel.context();
    const { written, undo } = await applyWritesUndoable(
      ctx,
      ctx.workbook.worksheets.getItem('PL01'),
      totals(2, 100_001),
    );
    expect(written).toBe(100_000);
    expect(undo).toHaveLength(100_000);
    expect(excel.requests.filter((r) => r.failed)).toEqual([]);
    expect(excel.largestPayload()).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    expect(excel.syncCount).toBeLessThanOrEqual(8);
    expect(s.cells.get('C77777')?.formula).toBe('D77777+E77777');

    const back = await undoWrites(ctx, ctx.workbook.worksheets.getItem('PL01'), undo);
    expect(back).toEqual({ restored: 100_000, changed: [] });
    expect(excel.largestPayload()).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    expect(s.cells.get('C77777')?.value ?? null).toBeNull();
  });

  it('writes one 2-D array per contiguous block: a column and a foot row are two writes', async () => {
    const excel = new FakeExcel();
    sheetFor(excel, 10);
    const ctx = excel.context();
    const foot: CellWrite[] = ['C', 'D', 'E'].map((col, i) => ({
      row: 12,
      col: 2 + i,
      cell: `${col}13`,
      role: 'total',
      formula: `SUM(${col}2:${col}11)`,
      value: 0,
      text: '0',
    }));
    await applyWritesUndoable(ctx, ctx.workbook.worksheets.getItem('PL01'), [
      ...totals(2, 11),
      ...foot,
    ]);
    // Request bytes of the write sync: two ranges (plus their loads), not thirteen cells.
    const write = excel.requests[1]!;
    const oneByOne = 13 * (100 * 2 + 100 * 2);
    expect(write.request).toBeLessThan(oneByOne);
  });

  it('a formula written into a Text-formatted cell gets the General format (else it stays text)', async () => {
    const excel = new FakeExcel();
    const s = sheetFor(excel, 2);
    s.cells.set('C2', { value: 'chưa có', numFmt: '@' });
    const ctx = excel.context();
    const { undo } = await applyWritesUndoable(
      ctx,
      ctx.workbook.worksheets.getItem('PL01'),
      totals(2, 3),
    );
    expect(s.cells.get('C2')).toMatchObject({ formula: 'D2+E2', numFmt: 'General' });
    await undoWrites(ctx, ctx.workbook.worksheets.getItem('PL01'), undo);
    expect(s.cells.get('C2')).toMatchObject({ value: 'chưa có', numFmt: '@' });
    expect(s.cells.get('C2')?.formula).toBeUndefined();
  });
});

describe('values into Text-formatted cells', () => {
  it('a number written (value mode) into a Text-formatted cell is a number, not text', async () => {
    const excel = new FakeExcel();
    const s = sheetFor(excel, 1);
    s.cells.set('C2', { value: null, numFmt: '@' });
    const ctx = excel.context();
    const sheet = ctx.workbook.worksheets.getItem('PL01');
    const { undo } = await applyWritesUndoable(ctx, sheet, totals(2, 2), { mode: 'value' });
    expect(s.cells.get('C2')).toMatchObject({ value: 3, numFmt: 'General' });
    await undoWrites(ctx, sheet, undo);
    expect(s.cells.get('C2')).toMatchObject({ value: null, numFmt: '@' });
  });
});

describe('undoWrites', () => {
  it('restores text as text: "1.469" typed as text comes back as text, not the number 1.469', async () => {
    const excel = new FakeExcel();
    const s = sheetFor(excel, 3);
    s.cells.set('C2', { value: '1.469' }); // text in a General cell (entered as '1.469)
    s.cells.set('C3', { value: 'TRUE' });
    s.cells.set('C4', { value: '0912', numFmt: '@' });
    const ctx = excel.context();
    const sheet = ctx.workbook.worksheets.getItem('PL01');
    const { undo } = await applyWritesUndoable(ctx, sheet, totals(2, 4));
    await undoWrites(ctx, sheet, undo);
    expect(s.cells.get('C2')?.value).toBe('1.469');
    expect(s.cells.get('C3')?.value).toBe('TRUE');
    expect(s.cells.get('C4')).toMatchObject({ value: '0912', numFmt: '@' });
  });

  it('leaves alone, cell by cell, what the user changed after the fill, and says which', async () => {
    const excel = new FakeExcel();
    const s = sheetFor(excel, 5);
    s.cells.set('C3', { value: 7, numFmt: '#,##0' });
    const ctx = excel.context();
    const sheet = ctx.workbook.worksheets.getItem('PL01');
    const { undo } = await applyWritesUndoable(ctx, sheet, totals(2, 6));
    // The user types over two filled cells.
    s.cells.set('C4', { value: 123 });
    s.cells.set('C6', { value: 'xem lại', numFmt: '@' });
    const result = await undoWrites(ctx, sheet, undo);
    expect(result).toEqual({ restored: 3, changed: ['C4', 'C6'] });
    expect(s.cells.get('C3')).toMatchObject({ value: 7, numFmt: '#,##0' });
    expect(s.cells.get('C3')?.formula).toBeUndefined();
    expect(s.cells.get('C4')?.value).toBe(123);
    expect(s.cells.get('C6')?.value).toBe('xem lại');
    expect(s.cells.get('C5')?.value ?? null).toBeNull();
  });
});
