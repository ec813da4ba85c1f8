/**
 * Read a worksheet's used range into the rules' grid, each response under the byte budget:
 * blocks of rows sized from the sheet's width and the bytes a cell costs, and merged areas in
 * chunks of rows when one request would return more than Excel allows (512).
 */
import type { Cell, Grid, MergeRange } from '@phuluc/rules';
import {
  blockRows,
  jsonBytes,
  nextBytesPerCell,
  READ_BYTES_PER_CELL,
  REQUEST_BUDGET_BYTES,
} from './blocks.js';
import {
  localAddress,
  parseAreas,
  supportsOf,
  toGridCell,
  type AdapterOptions,
  type SheetRead,
} from './cells.js';
import type { XlContext, XlRange, XlRangeAreas, XlWorksheet } from './excel-api.js';

const PAYLOAD_ERRORS = new Set([
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
]);

/** Whether an error is Excel refusing a request or response for its size. */
export function isPayloadError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && PAYLOAD_ERRORS.has(String(e.code));
}

/** Progress and cancel of a read: rows read so far, checked between blocks. */
export interface ReadWork {
  readonly signal?: AbortSignal;
  readonly onRows?: (done: number, total: number) => void;
}

interface Used {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/**
 * Read a worksheet's used range into the rules' grid.
 *
 * Syncs: one for the used range's size, the sheet's notes and its merged areas; then one per
 * block of rows, each block as many rows as keep the response under the budget at the bytes a
 * cell is believed to cost (first {@link READ_BYTES_PER_CELL}, then what earlier blocks really
 * cost; a sheet needing several blocks starts with a probe a sixteenth as long). A block Excel
 * refuses for its size is read again in halves. A small sheet takes 2 syncs.
 * When the merged areas cannot come in one request (more than 512), they are read in chunks of
 * rows; when a single row holds more than that, the grid has none and `mergesSkipped` says so.
 */
export async function readSheet(
  context: XlContext,
  sheet: XlWorksheet,
  options: AdapterOptions = {},
  work: ReadWork = {},
): Promise<SheetRead> {
  const supports = supportsOf(options);
  const budget = options.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const withNotes = supports('ExcelApi', '1.18');
  const withMerges = supports('ExcelApi', '1.13');

  const first = async (mergesToo: boolean) => {
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
    const notes = withNotes ? sheet.notes : undefined;
    notes?.load('items/content');
    const merged = mergesToo ? used.getMergedAreasOrNullObject() : undefined;
    merged?.load('isNullObject,address');
    await context.sync();
    return { used, notes, merged };
  };
  let head: Awaited<ReturnType<typeof first>>;
  let mergesFailed = false;
  try {
    head = await first(withMerges);
  } catch (e) {
    // More than 512 merged areas make getMergedAreasOrNullObject fail, and the request with it.
    if (!withMerges || isPayloadError(e)) throw e;
    head = await first(false);
    mergesFailed = true;
  }
  const { used, notes, merged } = head;

  if (used.isNullObject) {
    return {
      grid: { name: sheet.name, cells: [], merges: [] },
      noteCells: new Set(),
      mergesSkipped: false,
    };
  }
  const dims: Used = {
    rowIndex: used.rowIndex,
    columnIndex: used.columnIndex,
    rowCount: used.rowCount,
    columnCount: used.columnCount,
  };
  const noteItems = notes?.items ?? [];
  const cells = await readBlocks(context, sheet, dims, budget, work, () =>
    noteItems.map((n) => {
      const location = n.getLocation();
      location.load('address');
      return location;
    }),
  );

  let merges: MergeRange[] = [];
  let mergesSkipped = false;
  if (mergesFailed) {
    const chunked = await readMergesInChunks(context, sheet, dims);
    merges = chunked.merges;
    mergesSkipped = chunked.skipped;
  } else if (merged && !merged.isNullObject) {
    merges = parseAreas(merged.address);
  }
  return {
    grid: {
      name: sheet.name,
      cells: cells.rows,
      merges: merges.filter((m) => m.bottom > m.top || m.right > m.left),
    },
    noteCells: new Set(cells.noteAddresses.map(localAddress)),
    mergesSkipped,
  };
}

/** The grid of {@link readSheet}. */
export async function readSheetGrid(
  context: XlContext,
  sheet: XlWorksheet,
  options: AdapterOptions = {},
): Promise<Grid> {
  return (await readSheet(context, sheet, options)).grid;
}

async function readBlocks(
  context: XlContext,
  sheet: XlWorksheet,
  used: Used,
  budget: number,
  work: ReadWork,
  queueNoteLocations: () => XlRange[],
): Promise<{ rows: (Cell | null)[][]; noteAddresses: string[] }> {
  const { rowIndex, columnIndex, rowCount, columnCount } = used;
  const rows: (Cell | null)[][] = Array.from({ length: rowIndex }, () => []);
  let noteAddresses: string[] | null = null;
  let bytesPerCell = READ_BYTES_PER_CELL;
  // A sheet that needs several blocks starts with a probe a sixteenth as long: the bytes it really
  // costs size the rest, so a sheet of long texts (up to 16 times the first guess, about 2 KB a
  // cell) stays under the budget from the start; beyond that Excel refuses and halves follow.
  let probe = rowCount > blockRows(columnCount, bytesPerCell, budget);
  let start = 0;
  while (start < rowCount) {
    if (work.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    work.onRows?.(start, rowCount);
    const fit = blockRows(columnCount, bytesPerCell, budget);
    const n = Math.min(probe ? Math.max(1, Math.ceil(fit / 16)) : fit, rowCount - start);
    const range = sheet.getRangeByIndexes(rowIndex + start, columnIndex, n, columnCount);
    range.load('values,formulas,numberFormat,valueTypes');
    // Note locations ride with the first block that succeeds.
    const locations: XlRange[] = noteAddresses === null ? queueNoteLocations() : [];
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || n === 1) throw e;
      // Refused for its size: believe a cell costs enough that the next block is half as long.
      bytesPerCell = Math.max(
        bytesPerCell,
        Math.ceil(budget / (Math.max(1, columnCount) * Math.max(1, Math.floor(n / 2)))),
      );
      continue;
    }
    if (noteAddresses === null) noteAddresses = locations.map((l) => l.address);
    probe = false;
    const { values, formulas, numberFormat, valueTypes } = range;
    bytesPerCell = nextBytesPerCell(
      bytesPerCell,
      jsonBytes(values) + jsonBytes(formulas) + jsonBytes(numberFormat) + jsonBytes(valueTypes),
      n * columnCount,
    );
    for (let r = 0; r < values.length; r++) {
      const row: (Cell | null)[] = new Array<Cell | null>(columnIndex).fill(null);
      for (let c = 0; c < columnCount; c++) {
        row.push(
          toGridCell(
            values[r]?.[c],
            formulas[r]?.[c],
            numberFormat[r]?.[c],
            String(valueTypes[r]?.[c] ?? ''),
          ),
        );
      }
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      rows[rowIndex + start + r] = row;
    }
    start += n;
  }
  return { rows, noteAddresses: noteAddresses ?? [] };
}

/**
 * Merged areas of the used range read by halves of rows until each request succeeds (Excel
 * returns an area with the chunk holding its top-left cell, so none is counted twice). A single
 * row that still fails gives up: no merges, `skipped`.
 */
async function readMergesInChunks(
  context: XlContext,
  sheet: XlWorksheet,
  used: Used,
): Promise<{ merges: MergeRange[]; skipped: boolean }> {
  const merges: MergeRange[] = [];
  const todo: [number, number][] = [];
  const half = Math.ceil(used.rowCount / 2);
  todo.push([0, half]);
  if (used.rowCount > half) todo.push([half, used.rowCount - half]);
  while (todo.length > 0) {
    const [start, n] = todo.shift()!;
    const areas: XlRangeAreas = sheet
      .getRangeByIndexes(used.rowIndex + start, used.columnIndex, n, used.columnCount)
      .getMergedAreasOrNullObject();
    areas.load('isNullObject,address');
    try {
      await context.sync();
    } catch (e) {
      if (isPayloadError(e)) throw e;
      if (n === 1) return { merges: [], skipped: true };
      const h = Math.ceil(n / 2);
      todo.unshift([start, h], [start + h, n - h]);
      continue;
    }
    if (!areas.isNullObject) merges.push(...parseAreas(areas.address));
  }
  return { merges, skipped: false };
}
