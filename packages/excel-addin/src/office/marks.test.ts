import { describe, expect, it } from 'vitest';
import { REQUEST_BUDGET_BYTES } from './blocks.js';
import { FakeExcel } from './fake-excel.js';
import { clearMarks, markCells, MARK_COLORS, type Mark } from './marks.js';

function sheetWith(excel: FakeExcel, rows: number) {
  const s = excel.addSheet('PL01', [['TT', 'Nội dung', 'Tổng số']]);
  for (let r = 2; r <= rows + 1; r++) {
    s.cells.set(`A${r}`, { value: r - 1 });
    s.cells.set(`C${r}`, { value: 3 });
  }
  return s;
}

describe('markCells / clearMarks against an unkind Excel', () => {
  it('the fake is faithful: deleting a note the user already deleted throws ItemNotFound', async () => {
    const excel = new FakeExcel({ excelApi: '1.18' });
    excel.addSheet('S');
    const ctx = excel.context();
    ctx.workbook.worksheets.getItem('S').notes.getItem('A1').delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('the fake is faithful: getCellProperties reads "No Fill" exactly as white (office-js #6218); only RangeFill.tintAndShade tells', async () => {
    const excel = new FakeExcel();
    const s = sheetWith(excel, 2);
    s.cells.get('C3')!.fill = { color: '#FFFFFF', tintAndShade: 0 };
    const ctx = excel.context();
    const sheet = ctx.workbook.worksheets.getItem('PL01');
    const props = sheet
      .getRange('C2:C3')
      .getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
    const none = sheet.getRange('C2').format.fill;
    const white = sheet.getRange('C3').format.fill;
    const both = sheet.getRange('C2:C3').format.fill;
    for (const f of [none, white, both]) f.load('color,tintAndShade');
    await ctx.sync();
    expect(props.value[0]).toEqual(props.value[1]);
    expect([none.color, none.tintAndShade]).toEqual(['#FFFFFF', null]);
    expect([white.color, white.tintAndShade]).toEqual(['#FFFFFF', 0]);
    // A range mixing the two reads like No Fill: color shared, tintAndShade null.
    expect([both.color, both.tintAndShade]).toEqual(['#FFFFFF', null]);
  });

  it('a white cell between cells with no fill comes back white, and they with no fill', async () => {
    const excel = new FakeExcel();
    const s = sheetWith(excel, 3);
    s.cells.get('C3')!.fill = { color: '#FFFFFF', tintAndShade: 0 };
    const before = structuredClone([...s.cells.entries()]);
    const ctx = excel.context();
    const sheet = ctx.workbook.worksheets.getItem('PL01');
    const marks: Mark[] = ['C2', 'C3', 'C4'].map((cell) => ({ cell, severity: 'error' }));
    const state = await markCells(ctx, sheet, marks, new Map(), { supports: excel.supports });
    expect(state.get('C3')).toEqual({ color: '#FFFFFF', noteAdded: false });
    expect(state.get('C2')).toEqual({ color: null, noteAdded: false });
    await clearMarks(ctx, sheet, state);
    expect([...s.cells.entries()]).toEqual(before);
  });

  it('clearing marks whose note the user deleted restores every fill and does not fail', async () => {
    const excel = new FakeExcel({ excelApi: '1.18' });
    const s = sheetWith(excel, 4);
    s.cells.get('C3')!.fill = { color: '#92D050' };
    const before = structuredClone([...s.cells.entries()]);
    const ctx = excel.context();
    const sheet = ctx.workbook.worksheets.getItem('PL01');
    const marks: Mark[] = [
      { cell: 'C2', severity: 'error', note: 'Tổng sai' },
      { cell: 'C3', severity: 'warning', note: 'Kiểm tra lại' },
    ];
    const state = await markCells(ctx, sheet, marks, new Map(), { supports: excel.supports });
    expect(s.notes.size).toBe(2);
    s.notes.delete('C2'); // the user deletes our note
    expect(await clearMarks(ctx, sheet, state)).toBe(2);
    expect([...s.cells.entries()]).toEqual(before);
    expect(s.notes.size).toBe(0);
  });

  it('marks 100 000 cells in rectangles, with notes: every request under 4 MB; clearing restores them all', async () => {
    const excel = new FakeExcel({ excelApi: '1.18' });
    const s = sheetWith(excel, 100_000);
    // A user's own fill on every 1000th row, to be restored exactly.
    for (let r = 2; r <= 100_001; r += 1000) s.cells.get(`C${r}`)!.fill = { color: '#92D050' };
    const before = structuredClone([...s.cells.entries()]);
    const marks: Mark[] = [];
    for (let r = 2; r <= 100_001; r++)
      marks.push({
        cell: `C${r}`,
        severity: r % 7 === 0 ? 'warning' : 'error',
        // A note on every 5th: 20 000 notes, several requests' worth on their own.
        ...(r % 5 === 0 ? { note: `phuluc: dòng ${r}` } : {}),
      });
    const ctx = excel.context();
    const sheet = ctx.workbook.worksheets.getItem('PL01');
    const state = await markCells(ctx, sheet, marks, new Map(), { supports: excel.supports });
    expect(excel.requests.filter((r) => r.failed)).toEqual([]);
    expect(excel.largestPayload()).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    expect(s.cells.get('C14')?.fill?.color).toBe(MARK_COLORS.warning);
    expect(s.cells.get('C15')?.fill?.color).toBe(MARK_COLORS.error);
    expect(state.size).toBe(100_000);

    await clearMarks(ctx, sheet, state, { supports: excel.supports });
    expect(excel.largestPayload()).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    expect([...s.cells.entries()]).toEqual(before);
    expect(s.notes.size).toBe(0);
  });
});
