// A consumer of the published packages as ESM (module nodenext and node16): type-checked with
// skipLibCheck off, then run. test/pack.test.ts copies it into a temporary project.
import {
  Decimal,
  formatNumber,
  gridFromRows,
  toDecimal,
  validateSheet,
  type Report,
} from '@phuluc/rules';
import { readWorkbook, worksheetToGrid } from '@phuluc/xlsx';
import { openXlsx } from '@phuluc/xlsx/fast';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const grid = gridFromRows('PL01', [
  ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
  [null, 'Tổng cộng', 7185, 7538, 107],
  ['1', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 3154, 3154, null],
  ['2', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', 4491, 4384, 107],
]);
const report: Report = validateSheet(grid, { tolerance: 0 });
const sum: Decimal = new Decimal('0.1').plus(toDecimal(0.2));

const bytes = readFileSync(process.argv[2]!);
const book = openXlsx(bytes, (data, max) =>
  inflateRawSync(data, { maxOutputLength: Math.max(1, max) }),
);
const first = book.readSheet(0);
const wb = await readWorkbook(bytes);
const viaExcelJs = worksheetToGrid(wb.worksheets[0]!);

console.log(
  JSON.stringify({
    layout: report.layout,
    code: report.issues[0]?.code,
    expected: formatNumber(report.issues[0]!.expected!),
    sum: sum.toString(),
    fast: 'grid' in first ? validateSheet(first.grid).layout : null,
    exceljs: validateSheet(viaExcelJs).layout,
  }),
);
