// The CLI's floor: a fresh Node process that loads ExcelJS and reads one workbook, nothing else.
// `node bench/xlsx-read.mjs FILE` (bench/run.ts times it as xlsx_process_ms).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

// exceljs is a dependency of @phuluc/xlsx, not of the workspace root: resolve it from there.
const require = createRequire(new URL('../packages/xlsx/package.json', import.meta.url));
const { default: ExcelJS } = await import(require.resolve('exceljs'));
await new ExcelJS.Workbook().xlsx.load(await readFile(process.argv[2]));
