// Prints, as JSON, what the rules find in every sheet of an .xlsx file: the e2e compares the
// preview's highlighted cells with it. Run: node --import tsx --conditions=@phuluc/source e2e/expected.ts FILE
import { readFileSync } from 'node:fs';
import { validateSheet } from '@phuluc/rules';
import { readWorkbook, worksheetToGrid } from '@phuluc/xlsx';

const file = process.argv[2];
if (!file) throw new Error('usage: expected.ts FILE.xlsx');
const wb = await readWorkbook(new Uint8Array(readFileSync(file)));
const sheets = wb.worksheets
  .filter((ws) => ws.state === 'visible')
  .map((ws) => {
    const report = validateSheet(worksheetToGrid(ws));
    return {
      sheet: ws.name,
      layout: report.layout,
      issues: report.issues.map((i) => ({ cell: i.cell, severity: i.severity, code: i.code })),
    };
  });
process.stdout.write(JSON.stringify(sheets));
