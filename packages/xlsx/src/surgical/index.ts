/**
 * Surgical writes into existing workbooks: only the cells written change; every other part of
 * the package comes back byte for byte. See {@link writeCells}.
 */
export { writeCells, writeCellsAsync } from './write-cells.js';
export { insertSheets } from './insert-sheets.js';
export type { SheetToInsert } from './insert-sheets.js';
export type { WriteCellsResult, ZipCodec } from './write-cells.js';
export type { CellEdit } from './cell-xml.js';
export type { SheetEdits } from './sheet-patch.js';
export type { DeflateRaw } from './zip-writer.js';
export { recalculateGrid } from '../grid-recalc.js';
export type { MutableCells } from '../grid-recalc.js';
