import { buildTemplate, validateSheet } from '@phuluc/rules';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openXlsx } from '../fast/index.js';
import { zipEntries } from '../limits.js';
import { worksheetToGrid } from '../read.js';
import { LISTS_SHEET } from '../sheet-names.js';
import { writeTemplate } from '../template.js';
import { readWorkbook, writeWorkbook } from '../workbook.js';
import { codec, fixture, gridOf, partText, rawRecords } from './__tests__/helpers.js';
import { insertSheets } from './insert-sheets.js';

async function donorWith(name: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  writeTemplate(wb, buildTemplate('budget-allocation', { year: 2025 }), name);
  return writeWorkbook(wb);
}

describe('insertSheets: a template sheet into an existing workbook', () => {
  it('adds the sheet (and its lists), touching no other part but those that list sheets and styles', async () => {
    const input = fixture('chart.xlsx');
    const donor = await donorWith('PL02');
    const donorSheets = openXlsx(donor, codec.inflateRaw).sheets.map((s) => s.name);
    const sheets = [
      { donorSheet: 'PL02', name: 'PL02' },
      ...(donorSheets.includes(LISTS_SHEET)
        ? [{ donorSheet: LISTS_SHEET, name: LISTS_SHEET, hidden: true }]
        : []),
    ];
    const out = insertSheets(input, donor, sheets, codec);

    const changed = new Set([
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
    ]);
    const [a, b] = [rawRecords(input), rawRecords(out)];
    for (const [name, raw] of a) {
      if (changed.has(name)) continue;
      expect(Buffer.from(b.get(name)!).equals(Buffer.from(raw)), name).toBe(true);
    }
    // The new parts come after the old ones; the old ones keep their order.
    const names = zipEntries(out).map((e) => e.name);
    expect(names.slice(0, a.size)).toStrictEqual([...a.keys()]);
    expect(names.slice(a.size)).toStrictEqual(
      sheets.map((_, i) => `xl/worksheets/sheet${2 + i}.xml`),
    );
    // Styles are appended: the old cell formats keep their indices.
    const xfs = (xml: string) =>
      /<cellXfs[^>]*>(.*)<\/cellXfs>/s.exec(xml)![1]!.match(/<xf\b[^>]*?(?:\/>|>.*?<\/xf>)/gs)!;
    const [before, after] = [
      xfs(partText(input, 'xl/styles.xml')!),
      xfs(partText(out, 'xl/styles.xml')!),
    ];
    expect(after.slice(0, before.length)).toStrictEqual(before);
    expect(after.length).toBeGreaterThan(before.length);

    // The old sheet reads as before; the new one as the template, formats and lists included.
    expect(gridOf(out, 'PL01')).toStrictEqual(gridOf(input, 'PL01'));
    const fromDonor = worksheetToGrid((await readWorkbook(donor)).getWorksheet('PL02')!);
    const wb = await readWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toStrictEqual(['PL01', ...sheets.map((s) => s.name)]);
    const inserted = worksheetToGrid(wb.getWorksheet('PL02')!);
    expect(inserted).toStrictEqual(fromDonor);
    expect(validateSheet(gridOf(out, 'PL02')).layout).toBe('budget-allocation');
    if (sheets.length > 1) expect(wb.getWorksheet(LISTS_SHEET)!.state).toBe('hidden');
    // The chart is still there, untouched.
    expect(partText(out, 'xl/charts/chart1.xml')).toBe(partText(input, 'xl/charts/chart1.xml'));
  });

  it('refuses a name the workbook has', async () => {
    expect(() =>
      insertSheets(
        fixture('chart.xlsx'),
        fixture('chart.xlsx'),
        [{ donorSheet: 'PL01', name: 'PL01' }],
        codec,
      ),
    ).toThrow(RangeError);
  });
});
