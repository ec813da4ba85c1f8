import { describe, expect, it } from 'vitest';
import { buildTemplate, fillSheet } from '@phuluc/rules';
import { ExcelJS, readWorkbook, worksheetToGrid, writeWorkbook } from '@phuluc/xlsx';
import {
  fixture,
  gridOf,
  partText,
  rawRecords,
} from '../../../xlsx/src/surgical/__tests__/helpers.js';
import { openPreviewWorkbook, PreviewWorkbook } from './preview-workbook.js';

async function workbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PL01');
  const rows = [
    ['TT', 'Nội dung', 'Tổng số', 'Ngân sách trung ương', 'Ngân sách địa phương'],
    [null, 'Tổng cộng', 999, 4516, 107],
    ['1', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', null, 3154, 0],
    ['2', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', null, 1362, 107],
  ];
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      if (v !== null) ws.getCell(i + 1, c + 1).value = v;
    }),
  );
  // A shared formula whose master fill will write over: its clone must come back too.
  ws.getCell('D2').value = {
    formula: 'D3+D4+0',
    result: 1,
    shareType: 'shared',
    ref: 'D2:E2',
  } as ExcelJS.CellFormulaValue;
  ws.getCell('E2').value = { sharedFormula: 'D2', result: 107 };
  ws.getCell('C3').numFmt = '#,##0';
  return readWorkbook(await writeWorkbook(wb));
}

describe('PreviewWorkbook undo fill', () => {
  it('puts every cell back exactly (values, formulas, shared formulas, formats)', async () => {
    const preview = new PreviewWorkbook(await workbook(), 'a.xlsx');
    const before = JSON.stringify(
      worksheetToGrid((preview as unknown as { wb: ExcelJS.Workbook }).wb.getWorksheet('PL01')!),
    );
    expect(preview.canUndoFill('PL01')).toBe(false);
    const plan = fillSheet(preview.gridOf('PL01'), { overwrite: true });
    expect(plan.writes.map((w) => w.cell)).toContain('D2');
    expect(await preview.applyWrites('PL01', plan.writes, 'formula')).toBe(plan.writes.length);
    expect(JSON.stringify(preview.gridOf('PL01'))).not.toBe(before);
    expect(preview.canUndoFill('PL01')).toBe(true);
    expect(await preview.undoFill('PL01')).toBeGreaterThanOrEqual(plan.writes.length);
    expect(JSON.stringify(preview.gridOf('PL01'))).toBe(before);
    expect(preview.canUndoFill('PL01')).toBe(false);
    // …and the downloaded file reads back the same.
    const again = await readWorkbook(await preview.toBytes());
    expect(JSON.stringify(worksheetToGrid(again.getWorksheet('PL01')!))).toBe(before);
  });
});

describe('PreviewWorkbook download', () => {
  const chart = () => fixture('chart.xlsx');
  // jsdom's Blob has no arrayBuffer(): a file as the picker gives it, reduced to what is read.
  const open = (bytes: Uint8Array, name: string) =>
    openPreviewWorkbook({
      name,
      arrayBuffer: async () => bytes.slice().buffer,
    } as unknown as Blob & { name: string });

  it('keeps a chart-bearing workbook’s chart: only the filled cells change', async () => {
    const input = chart();
    const preview = await open(input, 'bieu-do.xlsx');
    const plan = fillSheet(preview.gridOf('PL01'));
    expect(plan.writes.map((w) => w.cell)).toEqual(expect.arrayContaining(['C2', 'C3', 'C4']));
    await preview.applyWrites('PL01', plan.writes, 'formula');
    const out = await preview.toBytes();
    const [a, b] = [rawRecords(input), rawRecords(out)];
    expect([...b.keys()]).toStrictEqual([...a.keys()]);
    for (const [name, raw] of a) {
      if (name === 'xl/worksheets/sheet1.xml' || name === 'xl/workbook.xml') continue;
      expect(Buffer.from(b.get(name)!).equals(Buffer.from(raw)), name).toBe(true);
    }
    expect(partText(out, 'xl/charts/chart1.xml')).toBe(partText(input, 'xl/charts/chart1.xml'));
    const grid = gridOf(out, 'PL01');
    expect(grid.cells[1]![2]).toMatchObject({ value: 4623, formula: 'D2+E2' });
  });

  it('after undo, downloads the file as it was; keeps the extension of an .xlsm', async () => {
    const input = chart();
    const preview = await open(input, 'bieu-do.xlsx');
    await preview.applyWrites('PL01', fillSheet(preview.gridOf('PL01')).writes, 'formula');
    await preview.undoFill('PL01');
    expect(Buffer.from(await preview.toBytes()).equals(Buffer.from(input))).toBe(true);
    const macro = await open(fixture('macro.xlsm'), 'ke-hoach.xlsm');
    expect(macro.downloadName()).toBe('ke-hoach-phuluc.xlsm');
    await macro.applyWrites('PL01', fillSheet(macro.gridOf('PL01')).writes, 'formula');
    const out = await macro.toBytes();
    expect(partText(out, '[Content_Types].xml')).toContain('macroEnabled.main+xml');
    expect(
      Buffer.from(rawRecords(out).get('xl/vbaProject.bin')!).equals(
        Buffer.from(rawRecords(fixture('macro.xlsm')).get('xl/vbaProject.bin')!),
      ),
    ).toBe(true);
  });

  it('inserts a sheet added from a template, keeps the chart, and writes fills into the new sheet', async () => {
    const input = chart();
    const preview = await open(input, 'bieu-do.xlsx');
    const name = await preview.addTemplateSheet(
      buildTemplate('budget-allocation', { year: 2025 }),
      'PL02',
    );
    const plan = fillSheet(preview.gridOf(name), { overwrite: true });
    await preview.applyWrites(name, plan.writes, 'formula');
    const out = await preview.toBytes();
    const [a, b] = [rawRecords(input), rawRecords(out)];
    for (const [part, raw] of a) {
      if (
        /^(xl\/styles\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml)$/.test(
          part,
        )
      )
        continue;
      expect(Buffer.from(b.get(part)!).equals(Buffer.from(raw)), part).toBe(true);
    }
    const wb = await readWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['PL01', name]));
    expect(JSON.stringify(gridOf(out, name))).toBe(JSON.stringify(preview.gridOf(name)));
  });

  it('refuses a write that would damage the file (a cell of an array formula)', async () => {
    const preview = await open(fixture('array-formula.xlsx'), 'mang.xlsx');
    const w = { row: 10, col: 10, cell: 'K11', role: 'total' as const, value: 1, text: '1' };
    await preview.applyWrites('PL01', [w], 'value');
    await expect(preview.toBytes()).rejects.toMatchObject({
      code: 'array-formula',
      params: { cell: 'K11' },
    });
  });
});
