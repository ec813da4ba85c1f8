import type ExcelJS from 'exceljs';
import { LISTS_SHEET } from '@phuluc/xlsx';
import { CliError } from './errors.js';

function key(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/**
 * The worksheets a command works on: the one named by `--sheet` (exact name first, then ignoring
 * case and surrounding spaces), or every worksheet except very-hidden ones and phuluc's own
 * hidden list sheet.
 */
export function selectSheets(wb: ExcelJS.Workbook, sheet: string | undefined): ExcelJS.Worksheet[] {
  const all = wb.worksheets;
  if (sheet !== undefined) {
    const ws = all.find((w) => w.name === sheet) ?? all.find((w) => key(w.name) === key(sheet));
    if (!ws) {
      throw new CliError('cli.error.unknown-sheet', {
        sheet,
        sheets: all.map((w) => `"${w.name}"`).join(', '),
      });
    }
    return [ws];
  }
  return all.filter((w) => w.state !== 'veryHidden' && w.name !== LISTS_SHEET);
}
