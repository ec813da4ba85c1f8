import { describe, expect, it } from 'vitest';
import { toA1 } from '@phuluc/rules';
import { blockRows, READ_BYTES_PER_CELL, REQUEST_BUDGET_BYTES } from './blocks.js';
import { errorMessage } from './errors.js';
import { EXCEL_WEB_PAYLOAD_LIMIT, FakeExcel, type FakeSheet } from './fake-excel.js';
import { readSheet } from './read-sheet.js';

/** A 5-column annex: title, header, then `rows` data rows with a cross-foot formula each. */
function annex(excel: FakeExcel, rows: number, name = 'PL01'): FakeSheet {
  const s = excel.addSheet(name, [
    ['PHỤ LỤC SỐ 01'],
    [null, null, null, 'Đơn vị tính: triệu đồng'],
    ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
  ]);
  for (let i = 0; i < rows; i++) {
    const r = i + 4;
    s.cells.set(`A${r}`, { value: i + 1 });
    s.cells.set(`B${r}`, { value: `Xã ${i + 1} — hỗ trợ sản xuất, đa dạng hóa sinh kế` });
    s.cells.set(`C${r}`, { value: 3, formula: `D${r}+E${r}`, numFmt: '#,##0' });
    s.cells.set(`D${r}`, { value: 2, numFmt: '#,##0' });
    s.cells.set(`E${r}`, { value: 1, numFmt: '#,##0' });
  }
  return s;
}

describe('readSheet: every request under 4 MB', () => {
  it('reads a 100 000-row sheet in row blocks, no request or response over 4 MB', async () => {
    const excel = new FakeExcel({ excelApi: '1.18' });
    annex(excel, 100_000);
    const ctx = excel.context();
    const read = await readSheet(ctx, ctx.workbook.worksheets.getItem('PL01'), {
      supports: excel.supports,
    });
    expect(excel.requests.filter((r) => r.failed)).toEqual([]);
    expect(excel.largestPayload()).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    // The blocks are as long as the bytes-a-cell estimate allows: ⌈rows ÷ block⌉, plus the
    // probe and the first request.
    const block = blockRows(5, READ_BYTES_PER_CELL);
    expect(excel.syncCount).toBeLessThanOrEqual(Math.ceil(100_003 / block) + 2);
    expect(read.grid.cells).toHaveLength(100_003);
    expect(read.grid.cells[50_003]).toEqual([
      { value: 50_001 },
      { value: 'Xã 50001 — hỗ trợ sản xuất, đa dạng hóa sinh kế' },
      { value: 3, formula: 'D50004+E50004', numFmt: '#,##0' },
      { value: 2, numFmt: '#,##0' },
      { value: 1, numFmt: '#,##0' },
    ]);
  });

  it('the fake is faithful: the same sheet in one request fails like Excel on the web', async () => {
    const excel = new FakeExcel();
    annex(excel, 100_000);
    const ctx = excel.context();
    const used = ctx.workbook.worksheets.getItem('PL01').getUsedRangeOrNullObject(true);
    used.load('values,formulas,numberFormat,valueTypes');
    const error = await ctx.sync().catch((e: unknown) => e);
    expect(errorMessage(error).key).toBe('pane.error.payload');
    expect(excel.requests.at(-1)?.failed).toBe('ResponsePayloadSizeLimitExceeded');
    expect(excel.requests.at(-1)!.response).toBeGreaterThan(EXCEL_WEB_PAYLOAD_LIMIT);
  });

  it('sizes blocks from what a cell really costs: long Vietnamese texts stay under 4 MB too', async () => {
    const excel = new FakeExcel();
    const s = excel.addSheet('Căn cứ');
    const text = 'Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ; '.repeat(
      6,
    );
    for (let r = 1; r <= 20_000; r++) {
      s.cells.set(`A${r}`, { value: `${r}. ${text}` });
      s.cells.set(`B${r}`, { value: text });
    }
    const ctx = excel.context();
    const read = await readSheet(ctx, ctx.workbook.worksheets.getItem('Căn cứ'), {
      supports: excel.supports,
    });
    expect(excel.requests.filter((r) => r.failed)).toEqual([]);
    expect(excel.largestPayload()).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    expect(read.grid.cells[19_999]?.[0]).toEqual({ value: `20000. ${text}` });
  });

  it('a block Excel refuses for its size is read again in halves (here: a tighter host)', async () => {
    const excel = new FakeExcel({ payloadLimitBytes: 300_000 });
    annex(excel, 20_000);
    const ctx = excel.context();
    const read = await readSheet(ctx, ctx.workbook.worksheets.getItem('PL01'), {
      supports: excel.supports,
    });
    expect(excel.requests.some((r) => r.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(read.grid.cells).toHaveLength(20_003);
    expect(read.grid.cells[20_002]?.[0]).toEqual({ value: 20_000 });
  });
});

describe('readSheet: merged areas', () => {
  it('more than 512 merged areas (which fail in one request) are read in chunks of rows', async () => {
    const excel = new FakeExcel({ excelApi: '1.13' });
    const s = annex(excel, 1_200);
    for (let r = 4; r < 1_204; r++) s.merges.push(`D${r}:E${r}`);
    const ctx = excel.context();
    const read = await readSheet(ctx, ctx.workbook.worksheets.getItem('PL01'), {
      supports: excel.supports,
    });
    expect(excel.requests.some((r) => r.failed === 'InvalidOperation')).toBe(true);
    expect(read.mergesSkipped).toBe(false);
    expect(read.grid.merges).toHaveLength(1_200);
    expect(read.grid.merges[0]).toEqual({ top: 3, left: 3, bottom: 3, right: 4 });
    expect(read.grid.cells[1_202]?.[0]).toEqual({ value: 1_200 });
  });

  it('a single row with more than 512 merged areas: read without merges, and said so', async () => {
    const excel = new FakeExcel({ excelApi: '1.13' });
    const s = annex(excel, 10);
    for (let c = 0; c < 1_200; c += 2) {
      s.cells.set(toA1(1, c), { value: `cột ${c}` });
      s.merges.push(`${toA1(1, c)}:${toA1(1, c + 1)}`);
    }
    const ctx = excel.context();
    const read = await readSheet(ctx, ctx.workbook.worksheets.getItem('PL01'), {
      supports: excel.supports,
    });
    expect(read.mergesSkipped).toBe(true);
    expect(read.grid.merges).toEqual([]);
    expect(read.grid.cells[3]?.[1]).toEqual({
      value: 'Xã 1 — hỗ trợ sản xuất, đa dạng hóa sinh kế',
    });
  });
});

describe('readSheet: progress and stop between blocks', () => {
  it('reports the rows read before each block, and stops when the signal is aborted', async () => {
    const excel = new FakeExcel({ excelApi: '1.18' });
    annex(excel, 40_000);
    const ctx = excel.context();
    const seen: [number, number][] = [];
    await readSheet(
      ctx,
      ctx.workbook.worksheets.getItem('PL01'),
      { supports: excel.supports },
      {
        onRows: (done, total) => seen.push([done, total]),
      },
    );
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every(([, total]) => total === 40_003)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual(
      [...seen.map(([done]) => done)].sort((a, b) => a - b),
    );
    expect(seen[0]![0]).toBe(0);

    const controller = new AbortController();
    const ctx2 = excel.context();
    const syncsBefore = excel.syncCount;
    const stopped = await readSheet(
      ctx2,
      ctx2.workbook.worksheets.getItem('PL01'),
      { supports: excel.supports },
      {
        signal: controller.signal,
        onRows: (done) => done > 0 && controller.abort(),
      },
    ).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(stopped?.name).toBe('AbortError');
    // It stopped after the first block, long before the whole sheet.
    expect(excel.syncCount - syncsBefore).toBeLessThan(seen.length + 1);
  });
});
