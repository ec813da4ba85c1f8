import {
  validateSheet,
  type LayoutDefinition,
  type Report,
  type ValidateOptions,
} from '@phuluc/rules';
import type { XlsxReader } from '@phuluc/xlsx/fast';
import type { ValidateArgs } from '../args.js';
import { useColor, type Io } from '../io/console.js';
import { readInputFile } from '../io/input.js';
import { openBook } from '../io/open-book.js';
import { progress, PROGRESS_MIN_BYTES } from '../io/progress.js';
import { palette } from '../render/color.js';
import { renderJson, toJsonReport } from '../render/json.js';
import { renderValidateText } from '../render/text.js';
import { readSheetSafely } from '../read-sheet.js';
import { loadLayouts } from '../io/layout-file.js';
import { selectSheets } from '../sheets.js';

/** The rules' options from the command line. */
export function validateOptions(
  args: ValidateArgs,
  layouts?: readonly LayoutDefinition[],
): ValidateOptions & { layouts?: readonly LayoutDefinition[] } {
  return {
    ...(layouts ? { layouts } : {}),
    ...(args.template ? { layout: args.template } : {}),
    ...(args.tolerance !== undefined ? { tolerance: args.tolerance } : {}),
    ...(args.counterpartRatio !== undefined ? { counterpartRatio: args.counterpartRatio } : {}),
    ...(args.assignedReduction !== undefined ? { assignedReduction: args.assignedReduction } : {}),
  };
}

/**
 * Validate the sheets of an opened workbook (`--sheet`, or every sheet): a sheet that is too large
 * or unreadable gets the report that says so, the others are still checked. Shared by
 * `phuluc validate` and `POST /v1/validate`.
 */
export function validateBook(
  book: XlsxReader,
  file: string,
  args: ValidateArgs,
  layouts: readonly LayoutDefinition[],
  onSheet: (name: string, index: number, count: number) => void = () => {},
): Report[] {
  const sheets = selectSheets(
    book.sheets.map((s, index) => ({ ...s, index })),
    args.sheet,
  );
  const options = validateOptions(args, layouts);
  return sheets.map((s, i) => {
    onSheet(s.name, i + 1, sheets.length);
    const read = readSheetSafely(book, s.index, file);
    return 'grid' in read ? validateSheet(read.grid, options) : read.report;
  });
}

/**
 * `phuluc validate FILE`: validate every sheet (or `--sheet`), print text or JSON.
 *
 * @returns 0 when no issue is an error, 1 when some are.
 */
export async function validateCommand(args: ValidateArgs, io: Io): Promise<number> {
  const layouts = await loadLayouts(args.layoutFile, args.template);
  const bytes = await readInputFile(args.file);
  const book = openBook(bytes, args.file);
  const bytesToRead = selectSheets(book.sheets, args.sheet).reduce((n, s) => n + s.bytes, 0);
  const bar = progress(io, args.lang, bytesToRead > PROGRESS_MIN_BYTES);
  const reports = validateBook(book, args.file, args, layouts, (name, i, n) =>
    bar.sheet(name, i, n),
  );
  bar.done();
  if (args.format === 'json') {
    io.stdout.write(renderJson(toJsonReport(args.file, reports, args.lang)));
  } else {
    const p = palette(useColor(io.stdout, io.env));
    io.stdout.write(renderValidateText(args.file, reports, layouts, args.lang, p));
  }
  return reports.some((r) => r.issues.some((i) => i.severity === 'error')) ? 1 : 0;
}
