/**
 * `@phuluc/xlsx`: ExcelJS ⇄ the rules' grid. Reads workbooks from bytes, converts sheets to
 * grids, writes fill results and templates back. No file paths and no Node-only APIs:
 * it runs in Node (the CLI) and in the browser (the add-in's preview).
 */
export { worksheetToGrid, readCell, toCellValue, dateToGridValue, mergesOf } from './read.js';
export { applyWrites, toExcelValue } from './write.js';
export type { ApplyWritesOptions, ApplyWritesResult } from './write.js';
export { writeTemplate, applyStyle, safeSheetName } from './template.js';
export { LISTS_SHEET } from './sheet-names.js';
export { readWorkbook, writeWorkbook } from './workbook.js';
export type { WorkbookBytes } from './workbook.js';
export { XlsxError, isXlsxError, XLSX_ERROR_KEYS } from './errors.js';
export type { XlsxErrorCode } from './errors.js';
export { sniffBytes } from './sniff.js';
export { LIMITS, zipEntries, sheetExtent, sheetTooLarge } from './limits.js';
export { checkZip } from './inflation.js';
export type { ZipEntryInfo, SheetExtent, SheetTooLarge } from './limits.js';
export type { FileKind } from './sniff.js';
export { a1, colToLetters, decodeA1, decodeRange } from './a1.js';
export { default as ExcelJS } from 'exceljs';
export { recalculate, evaluateFormula } from './recalc.js';
export type { RecalcResult } from './recalc.js';
export { recalculateGrid } from './grid-recalc.js';
export type { MutableCells } from './grid-recalc.js';
export { writeCells, writeCellsAsync, insertSheets } from './surgical/index.js';
export type { SheetToInsert } from './surgical/index.js';
export type {
  CellEdit,
  SheetEdits,
  WriteCellsResult,
  ZipCodec,
  DeflateRaw,
} from './surgical/index.js';
export { openXlsx } from './fast/index.js';
export type {
  InflateRaw,
  SheetState,
  XlsxReader,
  XlsxSheetInfo,
  XlsxSheetRead,
} from './fast/index.js';
