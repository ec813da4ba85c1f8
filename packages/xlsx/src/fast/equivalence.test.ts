/**
 * The fast reader against ExcelJS: for workbooks written by ExcelJS (every kind of value, format
 * and layout an annex has), the examples and random sheets, the same sheets and the same grids as
 * `readWorkbook` + `worksheetToGrid`. The bench workbooks are in bench.test.ts.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../workbook.js';
import { expectSameAsExcelJS } from './__tests__/helpers.js';

type Worksheet = ExcelJS.Worksheet;

async function bookOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return writeWorkbook(wb);
}

async function sheetOf(build: (ws: Worksheet) => void): Promise<Uint8Array> {
  return bookOf((wb) => build(wb.addWorksheet('PL01')));
}

/** A formula value with a cached result (ExcelJS' typings want `result` of a narrower type). */
function formula(text: string, result?: unknown): ExcelJS.CellFormulaValue {
  return (
    result === undefined ? { formula: text } : { formula: text, result }
  ) as ExcelJS.CellFormulaValue;
}

const EXAMPLES = new URL('../../../../examples/', import.meta.url);

describe('the fast reader reads what ExcelJS reads', () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')))('examples/%s', async (f) => {
    await expectSameAsExcelJS(new Uint8Array(readFileSync(new URL(f, EXAMPLES))));
  });

  it('text: shared, empty, unicode (NFC and NFD), XML specials, spaces, line breaks, _x escapes', async () => {
    const texts = [
      'PHỤ LỤC SỐ 01',
      'Tổng cộng'.normalize('NFD'),
      '',
      ' ',
      '  leading and trailing  ',
      '<a href="x">&amp; \'q\'</a>',
      'two\nlines',
      'windows\r\nline',
      'tab\there',
      '_x0041_ and _x005F_x0041_',
      '1.469',
      '=SUM(A1)',
      '#N/A',
      '😀 Đơn vị tính: triệu đồng',
    ];
    await expectSameAsExcelJS(
      await sheetOf((ws) => texts.forEach((t, i) => (ws.getCell(i + 1, 1).value = t))),
    );
  });

  it('numbers, booleans and error values', async () => {
    const values: ExcelJS.CellValue[] = [
      0,
      -0,
      1,
      -1469,
      16697.647,
      0.1 + 0.2,
      1e308,
      -1e-300,
      5e-324,
      2 ** 53 + 2,
      123456789012345680000,
      true,
      false,
      ...['#REF!', '#N/A', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'].map(
        (error) => ({ error }) as ExcelJS.CellErrorValue,
      ),
    ];
    await expectSameAsExcelJS(
      await sheetOf((ws) => values.forEach((v, i) => (ws.getCell(1 + (i % 5), 1 + i).value = v))),
    );
  });

  it('formulas: cached 0, "", false, text, error, date, none; leading "="; array formulas', async () => {
    await expectSameAsExcelJS(
      await sheetOf((ws) => {
        ws.getCell('A1').value = 1469;
        ws.getCell('B1').value = formula('A1*2', 2938);
        ws.getCell('C1').value = formula('A1-A1', 0);
        ws.getCell('D1').value = formula('""', '');
        ws.getCell('E1').value = formula('A1<0', false);
        ws.getCell('F1').value = formula('A1>0', true);
        ws.getCell('G1').value = formula('"Tổng " & "cộng"', 'Tổng cộng');
        ws.getCell('H1').value = formula('1/0', { error: '#DIV/0!' });
        ws.getCell('I1').value = formula('A1*3');
        ws.getCell('J1').value = formula('=A1+1', 1470);
        ws.getCell('K1').value = formula('DATE(2024,3,1)', new Date(Date.UTC(2024, 2, 1)));
        ws.getCell('K1').numFmt = 'dd/mm/yyyy';
        ws.getCell('L1').value = formula('"<&>"', '<&amp;>');
        ws.getCell('A2').value = {
          formula: 'A1:B1*2',
          result: 2938,
          shareType: 'array',
          ref: 'A2:B2',
        } as ExcelJS.CellFormulaValue;
      }),
    );
  });

  it('shared formulas, translated to each cell', async () => {
    await expectSameAsExcelJS(
      await sheetOf((ws) => {
        for (let r = 2; r <= 6; r++) {
          ws.getCell(`A${r}`).value = r;
          ws.getCell(`B${r}`).value = 10 * r;
        }
        ws.getCell('C2').value = {
          formula: 'A2+B2*$A$2+SUM(A$2:B2)+ROUND(A2,0)',
          result: 24,
          shareType: 'shared',
          ref: 'C2:D6',
        } as ExcelJS.CellFormulaValue;
        for (let r = 3; r <= 6; r++) ws.getCell(`C${r}`).value = { sharedFormula: 'C2', result: r };
        for (let r = 2; r <= 6; r++) ws.getCell(`D${r}`).value = { sharedFormula: 'C2', result: 0 };
        // A second master.
        ws.getCell('E2').value = formula('A2*2', 4);
        ws.getCell('E3').value = { sharedFormula: 'E2', result: 6 };
      }),
    );
  });

  it('rich text, hyperlinks (external and internal), notes', async () => {
    await expectSameAsExcelJS(
      await sheetOf((ws) => {
        ws.getCell('A1').value = {
          richText: [{ text: 'Tổng ' }, { text: 'cộng', font: { bold: true } }, { text: '' }],
        };
        ws.getCell('A2').value = { richText: [{ text: '' }] };
        ws.getCell('B1').value = {
          text: 'Kế hoạch 444',
          hyperlink: 'https://example.org/?a=1&b=2',
        };
        ws.getCell('B2').value = { text: 'PL02', hyperlink: '#PL01!A1' };
        ws.getCell('B3').value = {
          text: 'mail',
          hyperlink: 'mailto:x@example.org',
          tooltip: 'tip',
        };
        ws.getCell('C1').value = 'ghi chú';
        ws.getCell('C1').note = 'Một ghi chú';
      }),
    );
  });

  it('dates and times, in the 1900 and the 1904 date systems', async () => {
    for (const date1904 of [false, true]) {
      const bytes = await bookOf((wb) => {
        wb.properties.date1904 = date1904;
        const ws = wb.addWorksheet('Dates');
        ws.getCell('A1').value = new Date(Date.UTC(2024, 2, 1));
        ws.getCell('A2').value = new Date(Date.UTC(2024, 2, 1, 13, 45, 30, 250));
        ws.getCell('A3').value = new Date(Date.UTC(1900, 0, 1));
        ws.getCell('A4').value = 45352;
        ws.getCell('A4').numFmt = 'd/m/yyyy';
        ws.getCell('A5').value = 0.5;
        ws.getCell('A5').numFmt = 'h:mm';
        ws.getCell('A6').value = 45352;
        ws.getCell('A6').numFmt = '[Red]0.00;"ngày"';
        ws.getCell('A7').value = 1e12;
        ws.getCell('A7').numFmt = 'yyyy';
        ws.getCell('A8').value = 'not a date';
        ws.getCell('A8').numFmt = 'dd/mm/yyyy';
      });
      await expectSameAsExcelJS(bytes);
    }
  });

  it('number formats: builtin ids, custom, escaped, General', async () => {
    const formats = [
      'General',
      '0',
      '0.00',
      '#,##0',
      '#,##0.00',
      '0%',
      '0.00%',
      '0.00E+00',
      '# ?/?',
      '@',
      '#,##0.000',
      '#,##0\\ "đ"',
      '#,##0;[Red]-#,##0',
      '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-',
      '0.0 "triệu"',
    ];
    await expectSameAsExcelJS(
      await sheetOf((ws) =>
        formats.forEach((numFmt, i) => {
          const c = ws.getCell(i + 1, 1);
          c.value = 1234.5678;
          c.numFmt = numFmt;
        }),
      ),
    );
  });

  it('styles: bold, italic, alignment, wrap, borders; rows and columns with a style', async () => {
    await expectSameAsExcelJS(
      await sheetOf((ws) => {
        const styles: Partial<ExcelJS.Style>[] = [
          { font: { bold: true } },
          { font: { italic: true, size: 13 } },
          { font: { bold: false, italic: false } },
          { alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
          { alignment: { horizontal: 'left' } },
          { alignment: { horizontal: 'right', indent: 1 } },
          { alignment: { horizontal: 'centerContinuous' } },
          { alignment: { wrapText: false } },
          { border: { top: { style: 'thin' } } },
          { border: { bottom: { style: 'double', color: { argb: 'FF0000FF' } } } },
          { border: { diagonal: { up: true, style: 'thin' } } },
          { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } },
          { protection: { locked: false } },
        ];
        styles.forEach((style, i) => {
          const c = ws.getCell(i + 1, 2);
          c.value = `style ${i}`;
          c.style = style;
        });
        ws.getColumn(4).font = { bold: true };
        ws.getColumn(4).numFmt = '0.00';
        ws.getRow(20).font = { italic: true };
        ws.getCell('D3').value = 1;
        ws.getCell('E20').value = 2;
      }),
    );
  });

  it('merges (covered values dropped), hidden rows and columns, cells with only formatting', async () => {
    await expectSameAsExcelJS(
      await sheetOf((ws) => {
        ws.getCell('A1').value = 'PHỤ LỤC SỐ 01';
        ws.mergeCells('A1:F1');
        ws.getCell('C2').value = 'Nguồn vốn';
        ws.mergeCells('C2:D2');
        ws.getCell('A3').value = 'TT';
        ws.mergeCells('A3:A4');
        ws.getCell('G3').value = 'lost';
        ws.getCell('H3').value = 'kept';
        ws.getCell('H4').value = 'lost';
        ws.mergeCells('G3:H4');
        ws.mergeCells('J10:K12');
        ws.getRow(5).getCell(1).value = 'ẩn';
        ws.getRow(5).hidden = true;
        ws.getRow(30).hidden = true;
        ws.getColumn(5).hidden = true;
        ws.getColumn(9).hidden = true;
        ws.getCell('B40').border = { top: { style: 'thin' } };
        ws.getCell('Z7').numFmt = '#,##0';
      }),
    );
  });

  it('sheets: hidden, very hidden, empty, only formatting, long and odd names, in order', async () => {
    await expectSameAsExcelJS(
      await bookOf((wb) => {
        wb.addWorksheet('PL01').getCell('A1').value = 1;
        wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 2;
        wb.addWorksheet('_phuluc_lists', { state: 'veryHidden' }).getCell('B2').value = 'x';
        wb.addWorksheet('Trống');
        wb.addWorksheet('Chỉ định dạng').getCell('C3').font = { bold: true };
        wb.addWorksheet('A & B <1> "q"').getCell('A1').value = 3;
      }),
    );
  });

  it('conditional formatting and data validation (styles.xml with dxfs)', async () => {
    await expectSameAsExcelJS(
      await sheetOf((ws) => {
        ws.getCell('A1').value = 5;
        ws.getCell('A1').font = { bold: true };
        ws.addConditionalFormatting({
          ref: 'A1:A10',
          rules: [
            {
              type: 'cellIs',
              operator: 'lessThan',
              formulae: ['0'],
              priority: 1,
              style: {
                font: { italic: true },
                border: { top: { style: 'thin' } },
                numFmt: '0.0',
              },
            },
          ],
        });
        ws.getCell('B1').dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: ['"Có,Không"'],
        };
        ws.getCell('B1').value = 'Có';
      }),
    );
  });
});

/** A random value for a cell, of any kind ExcelJS writes. */
const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e6 }),
  // Any text XML can hold: ExcelJS writes U+FFFE, U+FFFF and lone surrogates as they are, and
  // then neither it nor any XML reader can read the file back.
  fc
    .string({ unit: 'binary', maxLength: 12 })
    .filter(
      (text) =>
        !/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(
          text,
        ),
    ),
  fc.constantFrom('', ' ', 'Tổng cộng', 'a & b', '<x/>', '_x0041_', '1.469'),
  fc.boolean(),
  fc.constantFrom('#REF!', '#N/A', '#DIV/0!').map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc
    .tuple(
      fc.constantFrom('A1+1', 'SUM(A1:B2)', '"x"', '1/0'),
      fc.oneof(
        fc.constant(undefined),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string({ maxLength: 6 }),
        fc.boolean(),
        fc.constant({ error: '#VALUE!' }),
      ),
    )
    .map(([f, result]) => formula(f, result)),
  fc
    .array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 })
    .map((texts) => ({ richText: texts.map((text) => ({ text })) })),
  fc.integer({ min: -2e12, max: 4e12 }).map((ms) => new Date(Date.UTC(2000, 0, 1) + ms * 1000)),
);

const cellStyle: fc.Arbitrary<Partial<ExcelJS.Style>> = fc.record(
  {
    font: fc.record({ bold: fc.boolean(), italic: fc.boolean() }, { requiredKeys: [] }),
    alignment: fc.record(
      {
        horizontal: fc.constantFrom('left', 'center', 'right', 'fill', 'justify'),
        wrapText: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    border: fc.constantFrom({ top: { style: 'thin' } }, { diagonal: { style: 'thin', up: true } }),
    numFmt: fc.constantFrom('0%', '#,##0', '0.00', 'dd/mm/yyyy', 'h:mm', '#,##0.000', '@'),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Partial<ExcelJS.Style>>;

const randomSheet = fc.record({
  cells: fc.array(
    fc.record({
      row: fc.integer({ min: 1, max: 8 }),
      col: fc.integer({ min: 1, max: 6 }),
      value: fc.option(cellValue, { nil: undefined }),
      style: fc.option(cellStyle, { nil: undefined }),
    }),
    { maxLength: 25 },
  ),
  merges: fc.array(
    fc.record({
      top: fc.integer({ min: 1, max: 8 }),
      left: fc.integer({ min: 1, max: 6 }),
      height: fc.integer({ min: 0, max: 2 }),
      width: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 3 },
  ),
  hiddenRows: fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 2 }),
  hiddenCols: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 2 }),
  date1904: fc.boolean(),
});

describe('random sheets', () => {
  it('read the same with both readers', async () => {
    await fc.assert(
      fc.asyncProperty(randomSheet, async (s) => {
        const bytes = await bookOf((wb) => {
          wb.properties.date1904 = s.date1904;
          const ws = wb.addWorksheet('R');
          for (const c of s.cells) {
            const cell = ws.getCell(c.row, c.col);
            if (c.value !== undefined) cell.value = c.value;
            if (c.style) cell.style = c.style;
          }
          const taken: { top: number; left: number; bottom: number; right: number }[] = [];
          for (const m of s.merges) {
            const area = { ...m, bottom: m.top + m.height, right: m.left + m.width };
            const overlaps = taken.some(
              (t) =>
                t.top <= area.bottom &&
                area.top <= t.bottom &&
                t.left <= area.right &&
                area.left <= t.right,
            );
            if (overlaps) continue;
            taken.push(area);
            ws.mergeCells(area.top, area.left, area.bottom, area.right);
          }
          s.hiddenRows.forEach((r) => (ws.getRow(r).hidden = true));
          s.hiddenCols.forEach((c) => (ws.getColumn(c).hidden = true));
        });
        await expectSameAsExcelJS(bytes);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the sheet list', () => {
  it('is what ExcelJS lists, with states', async () => {
    const book = await expectSameAsExcelJS(
      await bookOf((wb) => {
        wb.addWorksheet('A');
        wb.addWorksheet('B', { state: 'veryHidden' });
      }),
    );
    expect(book.sheets.map((s) => s.state)).toEqual(['visible', 'veryHidden']);
    expect(book.sheets[0]!.bytes).toBeGreaterThan(0);
  });
});
