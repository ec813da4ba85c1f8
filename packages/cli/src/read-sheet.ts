import type ExcelJS from 'exceljs';
import { failedReport, tooLargeReport, type Grid, type Report } from '@phuluc/rules';
import { sheetTooLarge, worksheetToGrid } from '@phuluc/xlsx';

/** A sheet read as a grid, or the report that says why it could not be. */
export type SheetRead = { readonly grid: Grid } | { readonly report: Report };

/**
 * Read one worksheet as a grid, never throwing: a sheet beyond `LIMITS` (rows × columns in use)
 * becomes a `sheet/too-large` report without building its grid; a sheet the reader cannot
 * convert becomes a `check/failed` report. Either way the other sheets are still checked.
 */
export function readSheetSafely(ws: ExcelJS.Worksheet): SheetRead {
  try {
    const big = sheetTooLarge(ws);
    if (big) return { report: tooLargeReport(ws.name, big) };
    return { grid: worksheetToGrid(ws) };
  } catch (e) {
    return { report: failedReport(ws.name, e) };
  }
}
