import ExcelJS from 'exceljs';
import type { Cell, CellStyle, CellValue, Grid, MergeRange } from '@phuluc/rules';
import { decodeRange } from './a1.js';
import { gridCell } from './grid-cell.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * An ExcelJS date as the grid holds it: `YYYY-MM-DD` when it has no time of day, otherwise the
 * full ISO 8601 string (UTC, as ExcelJS converts Excel serials). Dates are kept as text on
 * purpose: an annex amount should never be a date, and the rules report text where a number
 * belongs, quoting what the user sees.
 */
export function dateToGridValue(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function richTextToString(rich: ExcelJS.RichText[]): string {
  return rich.map((r) => r.text ?? '').join('');
}

/** Convert a plain (non-formula) ExcelJS value to a grid value. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToGridValue(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return richTextToString(o.richText as ExcelJS.RichText[]);
    if ('hyperlink' in o || 'text' in o) return toCellValue(o.text ?? '');
    if ('formula' in o || 'sharedFormula' in o) return toCellValue(o.result);
  }
  return String(v);
}

function styleOf(cell: ExcelJS.Cell): CellStyle | undefined {
  const s: Writable<CellStyle> = {};
  const font = cell.font;
  if (font?.bold) s.bold = true;
  if (font?.italic) s.italic = true;
  const h = cell.alignment?.horizontal;
  if (h === 'left' || h === 'center' || h === 'right') s.align = h;
  if (cell.alignment?.wrapText) s.wrap = true;
  const b = cell.border;
  if (b && (b.top?.style || b.bottom?.style || b.left?.style || b.right?.style)) s.border = true;
  return Object.keys(s).length > 0 ? s : undefined;
}

/**
 * Read one ExcelJS cell as a grid cell; `null` for empty cells and for the covered (non-anchor)
 * cells of a merged area, which Excel shows as empty.
 *
 * - A formula keeps its text without `=` and its cached result as `value` (a cached 0 stays 0;
 *   no cached result gives `null`). Shared formulas are translated from their master to the cell.
 * - Rich text and hyperlinks become their plain text; error values become `{ error: '#REF!' }`.
 * - Text stays text: a string `"1.469"` is not turned into a number.
 */
export function readCell(cell: ExcelJS.Cell): Cell | null {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  let value: CellValue;
  let formula: string | undefined;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // `cell.value.result` drops a falsy result (ExcelJS copies only truthy keys): read `cell.result`.
    try {
      formula = cell.formula;
    } catch {
      formula = undefined;
    }
    if (formula) formula = formula.replace(/^=/, '');
    value = toCellValue(cell.result);
  } else {
    value = toCellValue(cell.value);
    if (value === null) return null;
  }
  const numFmt = cell.numFmt;
  return gridCell(
    value,
    formula || undefined,
    numFmt && numFmt !== 'General' ? numFmt : undefined,
    styleOf(cell),
  );
}

/** The merged areas of a worksheet, 0-based and inclusive. */
export function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  const ranges: MergeRange[] = [];
  // `_merges` is ExcelJS' own record (master address -> Range, 1-based); `model.merges` rebuilds
  // the whole sheet model, so it is only the fallback.
  type Range1 = { top: number; left: number; bottom: number; right: number };
  const internal = (ws as unknown as { _merges?: Record<string, Range1 | undefined> })._merges;
  if (internal) {
    for (const m of Object.values(internal)) {
      if (m)
        ranges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
  } else {
    for (const r of ws.model.merges ?? []) {
      const range = decodeRange(r);
      if (range) ranges.push(range);
    }
  }
  return ranges.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Convert an ExcelJS worksheet to the rules' {@link Grid}: values, formulas with cached results,
 * number formats, simple styles, merged areas and hidden rows and columns. Indices are 0-based
 * from A1, so `grid.cells[r][c]` is the cell at `toA1(r, c)`.
 *
 * Dates become ISO strings (see {@link dateToGridValue}).
 *
 * @example
 * const wb = await readWorkbook(bytes);
 * const grid = worksheetToGrid(wb.worksheets[0]!);
 * validateSheet(grid);
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: (Cell | null)[][] = [];
  const hiddenRows: number[] = [];
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    const out: (Cell | null)[] = [];
    if (row) {
      if (row.hidden) hiddenRows.push(r - 1);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const c = readCell(cell);
        if (c) {
          while (out.length < colNumber - 1) out.push(null);
          out[colNumber - 1] = c;
        }
      });
    }
    cells.push(out);
  }
  while (cells.length > 0 && cells[cells.length - 1]!.length === 0) cells.pop();

  const hiddenCols: number[] = [];
  const columns = (ws.columns ?? []) as Array<Partial<ExcelJS.Column> | undefined>;
  columns.forEach((col, i) => {
    if (col?.hidden) hiddenCols.push(i);
  });

  const grid: Writable<Grid> = { name: ws.name, cells, merges: mergesOf(ws) };
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  if (hiddenCols.length > 0) grid.hiddenCols = hiddenCols;
  return grid;
}
