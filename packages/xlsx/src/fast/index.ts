/**
 * A fast, read-only, synchronous .xlsx reader for checking workbooks: the same grids as
 * `readWorkbook` + `worksheetToGrid` (ExcelJS), in a fraction of the time and without loading
 * ExcelJS. Dependency-free: the caller brings the raw-inflate function (Node's zlib, or the
 * browser's), so it runs wherever the rest of `@phuluc/xlsx` runs.
 */
import type { Grid } from '@phuluc/rules';
import type { SheetTooLarge } from '../limits.js';
import { assertZip, whyUnreadable } from '../sniff.js';
import type { WorkbookBytes } from '../workbook.js';
import { parseRelationships } from './relationships.js';
import { parseSharedStrings, type SharedStrings } from './shared-strings.js';
import { parseSheet } from './sheet.js';
import { NO_FORMATS, parseStyles } from './styles.js';
import { readWorkbookInfo, type SheetState } from './workbook.js';
import { openZip, type InflateRaw, type ZipArchive } from './zip.js';

export type { InflateRaw } from './zip.js';
export type { SheetState } from './workbook.js';
// What a read-only caller needs beside the reader, without loading ExcelJS or JSZip.
export { XlsxError, isXlsxError } from '../errors.js';
export { LISTS_SHEET } from '../sheet-names.js';
export { LIMITS } from '../limits.js';

/** A worksheet of the workbook, as {@link XlsxReader.sheets} lists it. */
export interface XlsxSheetInfo {
  readonly name: string;
  readonly state: SheetState;
  /**
   * The size of the sheet's XML, uncompressed, in bytes: known without reading the sheet, and
   * proportional to the time {@link XlsxReader.readSheet} takes (for a progress bar).
   */
  readonly bytes: number;
}

/** A sheet read as a grid, or its used extent when it is beyond `LIMITS` (no grid is built). */
export type XlsxSheetRead = { readonly grid: Grid } | { readonly tooLarge: SheetTooLarge };

/** An opened workbook: its sheets, each read on demand. */
export interface XlsxReader {
  /**
   * The worksheets, in workbook order, as ExcelJS lists them (chart sheets left out, see
   * `readWorkbookInfo`).
   */
  readonly sheets: readonly XlsxSheetInfo[];
  /**
   * Read sheet `index` of {@link sheets}: its grid, exactly as `worksheetToGrid` builds it from
   * ExcelJS, or, when its used extent (cells holding a value or a formula) is beyond
   * `LIMITS.maxRows` × `LIMITS.maxCols`, that extent. Throws `XlsxError` 'corrupt-zip' when the
   * sheet cannot be read, and a `RangeError` for an index out of range.
   */
  readSheet(index: number): XlsxSheetRead;
}

const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';

function openChecked(data: Uint8Array, inflateRaw: InflateRaw): ZipArchive {
  try {
    return openZip(data, inflateRaw);
  } catch (e) {
    throw whyUnreadable(e, data);
  }
}

/** The relationship ids of a worksheet, from `xl/worksheets/_rels/sheetN.xml.rels`. */
function sheetRelationshipIds(zip: ZipArchive, part: string): ReadonlySet<string> {
  const slash = part.lastIndexOf('/');
  const relsPart = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const xml = zip.text(relsPart);
  return new Set(xml === undefined ? [] : parseRelationships(xml, relsPart).keys());
}

/**
 * Open an .xlsx workbook from its bytes: check the zip (`LIMITS`), read the workbook, its styles
 * and its shared strings. Sheets are read by {@link XlsxReader.readSheet}. Throws an `XlsxError`
 * with the codes `readWorkbook` uses: 'empty', 'encrypted', 'old-xls', 'ole2', 'not-xlsx',
 * 'corrupt-zip', 'too-large', 'zip-bomb'.
 *
 * @param inflateRaw raw inflate with an output cap, e.g. in Node
 *   `(d, max) => zlib.inflateRawSync(d, { maxOutputLength: max })`
 * @example
 * const book = openXlsx(await readFile(path), (d, max) => inflateRawSync(d, { maxOutputLength: max }));
 * book.sheets.forEach((sheet, i) => {
 *   const read = book.readSheet(i);
 *   if ('grid' in read) validateSheet(read.grid);
 * });
 */
export function openXlsx(bytes: WorkbookBytes, inflateRaw: InflateRaw): XlsxReader {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  assertZip(data);
  const zip = openChecked(data, inflateRaw);
  const workbook = readWorkbookInfo(zip);
  const stylesXml = zip.text(STYLES);
  const formats = stylesXml === undefined ? NO_FORMATS : parseStyles(stylesXml, STYLES);
  const stringsXml = zip.text(SHARED_STRINGS);
  const sharedStrings: SharedStrings | undefined =
    stringsXml === undefined ? undefined : parseSharedStrings(stringsXml, SHARED_STRINGS);

  return {
    sheets: workbook.sheets.map((s) => ({
      name: s.name,
      state: s.state,
      bytes: zip.size(s.part) ?? 0,
    })),
    readSheet(index) {
      const sheet = workbook.sheets[index];
      if (!sheet) throw new RangeError(`no sheet ${index}`);
      let relationshipIds: ReadonlySet<string> | undefined;
      return parseSheet(zip.text(sheet.part) ?? '', {
        name: sheet.name,
        part: sheet.part,
        sharedStrings,
        formats,
        date1904: workbook.date1904,
        relationshipIds: () => (relationshipIds ??= sheetRelationshipIds(zip, sheet.part)),
      });
    },
  };
}
