// A consumer of the published packages as CommonJS (`require`, module nodenext and node16):
// type-checked with skipLibCheck off, then run. test/pack.test.ts copies it into a temporary project.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS consumer, on purpose */
import rules = require('@phuluc/rules');
import fast = require('@phuluc/xlsx/fast');
import xlsx = require('@phuluc/xlsx');
import fs = require('node:fs');
import zlib = require('node:zlib');

const grid = rules.gridFromRows('PL01', [
  ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
  [null, 'Tổng cộng', 7185, 7538, 107],
  ['1', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 3154, 3154, null],
  ['2', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', 4491, 4384, 107],
]);
const report: rules.Report = rules.validateSheet(grid, { tolerance: 0 });
const sum: rules.Decimal = new rules.Decimal('0.1').plus(rules.toDecimal(0.2));

async function main(): Promise<void> {
  const bytes = fs.readFileSync(process.argv[2]!);
  const book = fast.openXlsx(bytes, (data, max) =>
    zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, max) }),
  );
  const first = book.readSheet(0);
  const wb = await xlsx.readWorkbook(bytes);
  console.log(
    JSON.stringify({
      layout: report.layout,
      code: report.issues[0]?.code,
      expected: rules.formatNumber(report.issues[0]!.expected!),
      sum: sum.toString(),
      fast: 'grid' in first ? rules.validateSheet(first.grid).layout : null,
      exceljs: rules.validateSheet(xlsx.worksheetToGrid(wb.worksheets[0]!)).layout,
    }),
  );
}
void main();
