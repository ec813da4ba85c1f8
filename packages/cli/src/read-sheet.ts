import { failedReport, tooLargeReport, type Grid, type Report } from '@phuluc/rules';
import { isXlsxError, type XlsxReader } from '@phuluc/xlsx/fast';
import { inputError } from './errors.js';

/** A sheet read as a grid, or the report that says why it could not be. */
export type SheetRead = { readonly grid: Grid } | { readonly report: Report };

/**
 * Read sheet `index` of an opened workbook (`file`) as a grid: a sheet beyond `LIMITS` (rows ×
 * columns in use) becomes a `sheet/too-large` report without building its grid; a sheet the
 * reader cannot read becomes a `check/failed` report. Either way the other sheets are still
 * checked. A part that inflates beyond what it declares (a zip bomb) refuses the whole file: it
 * throws the `CliError` that says so.
 */
export function readSheetSafely(book: XlsxReader, index: number, file: string): SheetRead {
  const name = book.sheets[index]?.name ?? '';
  try {
    const read = book.readSheet(index);
    return 'grid' in read ? { grid: read.grid } : { report: tooLargeReport(name, read.tooLarge) };
  } catch (e) {
    if (isXlsxError(e) && (e.code === 'zip-bomb' || e.code === 'too-large'))
      throw inputError(e, file);
    return { report: failedReport(name, e) };
  }
}
