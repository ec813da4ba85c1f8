/**
 * Fill results written into Excel, and undone: contiguous cells as one rectangle with one 2-D
 * array, requests kept under the byte budget, what each cell held kept for undo, and undo that
 * leaves alone the cells the user changed after the fill.
 */
import type { CellWrite } from '@phuluc/rules';
import { parseA1, toA1 } from '@phuluc/rules';
import {
  ACTION_BYTES,
  jsonBytes,
  PATH_BYTES,
  READ_BYTES_PER_CELL,
  rectangles,
  rectCells,
  RequestBudget,
  splitRect,
  REQUEST_BUDGET_BYTES,
  type Rect,
} from './blocks.js';
import { asText, type AdapterOptions } from './cells.js';
import type { XlContext, XlRange, XlWorksheet } from './excel-api.js';

/** A cell as it was before {@link applyWritesUndoable} wrote it, and what the fill left in it. */
export interface PreviousCell {
  readonly cell: string;
  /** `Range.formulas`: `"=SUM(C9:C12)"` for a formula, else the constant. */
  readonly formula: unknown;
  /** `Range.values`. */
  readonly value: unknown;
  /** `Range.valueTypes`: Empty, String, Double, Boolean, Error … */
  readonly type: string;
  readonly numberFormat: unknown;
  /** `Range.formulas` right after the fill: a different one at undo means the user changed it. */
  readonly after: unknown;
}

/** What to put back to undo one fill. */
export type FillUndo = readonly PreviousCell[];

/** What {@link undoWrites} did. */
export interface UndoResult {
  /** Cells put back as they were before the fill. */
  readonly restored: number;
  /** Cells left alone because they changed after the fill (A1, in sheet order). */
  readonly changed: readonly string[];
}

interface Placed {
  readonly rect: Rect;
  readonly range: XlRange;
}

function rangeOf(sheet: XlWorksheet, r: Rect): XlRange {
  return sheet.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

function grid<T>(r: Rect, fn: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: T[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(fn(row, col));
    out.push(line);
  }
  return out;
}

/** The cells of a list, keyed by A1, last one winning. */
function byCell<T extends { readonly cell: string }>(items: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) out.set(item.cell.replace(/\$/g, ''), item);
  return out;
}

function positions(cells: Iterable<string>): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const cell of cells) {
    const p = parseA1(cell);
    if (p) out.push(p);
  }
  return out;
}

/** Rectangles cut so that reading one (four properties a cell) takes at most half the budget. */
function pieces(rects: readonly Rect[], budgetBytes: number): Rect[] {
  const maxCells = Math.max(1, Math.floor(budgetBytes / 2 / READ_BYTES_PER_CELL));
  return rects.flatMap((r) => splitRect(r, maxCells));
}

/** Load formulas, values, value types and number formats of rectangles, within the budget. */
async function readRects(
  context: XlContext,
  sheet: XlWorksheet,
  rects: readonly Rect[],
  props: string,
  budgetBytes: number,
): Promise<Placed[]> {
  const budget = new RequestBudget(context, budgetBytes);
  const placed: Placed[] = [];
  const perCell = READ_BYTES_PER_CELL * (props.split(',').length / 4);
  for (const rect of rects) {
    await budget.reserve(PATH_BYTES + ACTION_BYTES, Math.ceil(rectCells(rect) * perCell));
    const range = rangeOf(sheet, rect);
    range.load(props);
    placed.push({ rect, range });
  }
  await budget.flush();
  return placed;
}

/**
 * Write fill results — formulas (`mode: 'formula'`, the default) or values — keeping what each
 * cell held (formula, value, number format) and what the fill left there, so that
 * {@link undoWrites} can put it back and tell which cells the user changed since.
 *
 * Contiguous cells are written as one rectangle with one 2-D array. A formula or a number written
 * into a Text-formatted ('@') cell would stay text, so such a cell gets the General format first
 * (undo puts '@' back).
 * Syncs: one to read the cells as they were, one to write (more of each only for fills whose
 * requests would pass the byte budget).
 */
export async function applyWritesUndoable(
  context: XlContext,
  sheet: XlWorksheet,
  writes: readonly CellWrite[],
  options: AdapterOptions & { readonly mode?: 'formula' | 'value' } = {},
): Promise<{ readonly written: number; readonly undo: FillUndo }> {
  const mode = options.mode ?? 'formula';
  const budgetBytes = options.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const wanted = byCell(writes);
  if (wanted.size === 0) return { written: 0, undo: [] };
  const rects = pieces(rectangles(positions(wanted.keys())), budgetBytes);
  const before = await readRects(
    context,
    sheet,
    rects,
    'formulas,values,valueTypes,numberFormat',
    budgetBytes,
  );

  const budget = new RequestBudget(context, budgetBytes);
  const after: Placed[] = [];
  for (const { rect, range: was } of before) {
    const write = (row: number, col: number) => wanted.get(toA1(row, col))!;
    const isFormula = (w: CellWrite) => mode === 'formula' && Boolean(w.formula);
    const content = grid(rect, (row, col) => {
      const w = write(row, col);
      return isFormula(w) ? `=${w.formula!.replace(/^=/, '')}` : w.value;
    });
    const textFormatted = grid(
      rect,
      (row, col) => was.numberFormat[row - rect.top]?.[col - rect.left] === '@',
    );
    const formats = textFormatted.some((line) => line.includes(true))
      ? grid(rect, (row, col) =>
          textFormatted[row - rect.top]![col - rect.left]
            ? 'General'
            : was.numberFormat[row - rect.top]?.[col - rect.left],
        )
      : null;
    await budget.reserve(
      PATH_BYTES + ACTION_BYTES * 3 + jsonBytes(content) + (formats ? jsonBytes(formats) : 0),
      jsonBytes(content) * 2 + rectCells(rect) * 8,
    );
    const range = rangeOf(sheet, rect);
    if (formats) range.numberFormat = formats;
    if (mode === 'formula') range.formulas = content;
    else range.values = content;
    range.load('formulas');
    after.push({ rect, range });
  }
  await budget.flush();

  const undo: PreviousCell[] = [];
  before.forEach(({ rect, range: was }, i) => {
    const now = after[i]!.range;
    grid(rect, (row, col) => {
      const r = row - rect.top;
      const c = col - rect.left;
      undo.push({
        cell: toA1(row, col),
        formula: was.formulas[r]?.[c],
        value: was.values[r]?.[c],
        type: String(was.valueTypes[r]?.[c] ?? ''),
        numberFormat: was.numberFormat[r]?.[c],
        after: now.formulas[r]?.[c],
      });
      return null;
    });
  });
  return { written: wanted.size, undo };
}

/** {@link applyWritesUndoable} without keeping the undo. Returns the number of cells written. */
export async function applyWrites(
  context: XlContext,
  sheet: XlWorksheet,
  writes: readonly CellWrite[],
  options: AdapterOptions & { readonly mode?: 'formula' | 'value' } = {},
): Promise<number> {
  return (await applyWritesUndoable(context, sheet, writes, options)).written;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/** What to enter through `Range.formulas` to put a cell's content back exactly. */
function contentOf(prev: PreviousCell): string | number | boolean {
  const isFormula =
    typeof prev.formula === 'string' &&
    prev.formula.startsWith('=') &&
    prev.formula.length > 1 &&
    prev.formula !== prev.value;
  if (isFormula) return prev.formula as string;
  if (prev.type === 'Empty' || prev.value === '' || prev.value === null || prev.value === undefined)
    return '';
  if (prev.type === 'Error') return String(prev.value);
  // Text stays text: "1.469", "TRUE" or "=x" would otherwise be parsed.
  if (typeof prev.value === 'string') return asText(prev.value);
  if (typeof prev.value === 'number' || typeof prev.value === 'boolean') return prev.value;
  return String(prev.value);
}

/**
 * Undo a fill: every cell it wrote that still holds what the fill left gets back its number
 * format, then its content (formula, number, text as text, error, empty). A cell the user changed
 * after the fill is left alone and reported in `changed`.
 * Syncs: one to read the cells as they are now, one to restore (more only past the byte budget).
 */
export async function undoWrites(
  context: XlContext,
  sheet: XlWorksheet,
  undo: FillUndo,
  options: AdapterOptions = {},
): Promise<UndoResult> {
  if (undo.length === 0) return { restored: 0, changed: [] };
  const budgetBytes = options.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const entries = byCell(undo);
  const now = await readRects(
    context,
    sheet,
    pieces(rectangles(positions(entries.keys())), budgetBytes),
    'formulas',
    budgetBytes,
  );
  const changed: string[] = [];
  const keep = new Map<string, PreviousCell>();
  for (const { rect, range } of now) {
    grid(rect, (row, col) => {
      const cell = toA1(row, col);
      const prev = entries.get(cell)!;
      if (same(range.formulas[row - rect.top]?.[col - rect.left], prev.after)) keep.set(cell, prev);
      else changed.push(cell);
      return null;
    });
  }

  const budget = new RequestBudget(context, budgetBytes);
  for (const rect of pieces(rectangles(positions(keep.keys())), budgetBytes)) {
    const prevAt = (row: number, col: number) => keep.get(toA1(row, col))!;
    // Number format first: a cell restored as Text ('@') then takes its text as text.
    const formats = grid(rect, (row, col) => {
      const f = prevAt(row, col).numberFormat;
      return typeof f === 'string' && f !== '' ? f : 'General';
    });
    const content = grid(rect, (row, col) => contentOf(prevAt(row, col)));
    await budget.reserve(PATH_BYTES + ACTION_BYTES * 2 + jsonBytes(formats) + jsonBytes(content));
    const range = rangeOf(sheet, rect);
    range.numberFormat = formats;
    range.formulas = content;
  }
  await budget.flush();
  const order = (a: string, b: string) => {
    const p = parseA1(a)!;
    const q = parseA1(b)!;
    return p.row - q.row || p.col - q.col;
  };
  return { restored: keep.size, changed: changed.sort(order) };
}
