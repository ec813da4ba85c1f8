/**
 * The Office adapter: Excel ranges ⇄ the rules' grid. Its parts, one job each:
 * `read-sheet.ts` (used range → grid), `fill-writes.ts` (fill and its undo), `marks.ts` (severity
 * colours and notes), `cells.ts` (shared cell helpers), `blocks.ts` (requests under 4 MB); this
 * file selects cells and builds template sheets. Every function batches its reads and writes
 * around as few `context.sync()` calls as the byte budget allows.
 * The manifest asks for ExcelApi 1.13; notes (1.18) are used only where the host supports them.
 */
import type { TemplateSheet } from '@phuluc/rules';
import { toA1 } from '@phuluc/rules';
import {
  ACTION_BYTES,
  jsonBytes,
  PATH_BYTES,
  RequestBudget,
  REQUEST_BUDGET_BYTES,
} from './blocks.js';
import { localAddress, safeValue, supportsOf, type AdapterOptions } from './cells.js';
import type { XlContext, XlWorksheet } from './excel-api.js';

export {
  asText,
  localAddress,
  officeSupports,
  parseAreas,
  safeValue,
  toGridCell,
  type AdapterOptions,
  type SheetRead,
  type SupportsFn,
} from './cells.js';
export { readSheet, readSheetGrid, isPayloadError } from './read-sheet.js';
export {
  applyWrites,
  applyWritesUndoable,
  undoWrites,
  type FillUndo,
  type PreviousCell,
  type UndoResult,
} from './fill-writes.js';
export {
  clearMarks,
  markCells,
  MARK_COLORS,
  previousFillOf,
  type Mark,
  type MarkState,
  type PreviousFill,
} from './marks.js';

/** Activate the sheet and select one cell, in ONE sync. */
export async function selectCell(
  context: XlContext,
  sheet: XlWorksheet,
  cell: string,
): Promise<void> {
  sheet.activate();
  sheet.getRange(localAddress(cell)).select();
  await context.sync();
}

function excelAlign(a: 'left' | 'center' | 'right'): 'Left' | 'Center' | 'Right' {
  return a === 'left' ? 'Left' : a === 'center' ? 'Center' : 'Right';
}

/**
 * Add a new sheet from a template (cells, formulas, number formats, styles, merges, column
 * widths, frozen header rows, list validations where ExcelApi 1.8 is supported) in ONE sync —
 * more only if the template's requests would pass the byte budget.
 * `name` must be free (see {@link uniqueSheetName}).
 */
export async function addTemplateSheet(
  context: XlContext,
  template: TemplateSheet,
  name: string,
  options: AdapterOptions = {},
): Promise<string> {
  const supports = supportsOf(options);
  const budget = new RequestBudget(context, options.budgetBytes ?? REQUEST_BUDGET_BYTES);
  const sheet = context.workbook.worksheets.add(name);
  const { grid } = template;
  for (let r = 0; r < grid.cells.length; r++) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      // A cell costs its range, up to a dozen property sets and its text.
      await budget.reserve(PATH_BYTES * 8 + ACTION_BYTES * 12 + jsonBytes(cell));
      const range = sheet.getRange(toA1(r, c));
      if (cell.numFmt) range.numberFormat = [[cell.numFmt]];
      if (cell.formula) range.formulas = [[`=${cell.formula.replace(/^=/, '')}`]];
      else if (cell.value !== null && typeof cell.value !== 'object')
        range.values = [[safeValue(cell.value)]];
      const s = cell.style;
      if (!s) continue;
      if (s.bold) range.format.font.bold = true;
      if (s.italic) range.format.font.italic = true;
      if (s.fontSize) range.format.font.size = s.fontSize;
      if (s.wrap) range.format.wrapText = true;
      if (s.align) range.format.horizontalAlignment = excelAlign(s.align);
      if (s.border) {
        for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
          range.format.borders.getItem(edge).style = 'Continuous';
        }
      }
    }
  }
  for (const m of grid.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    await budget.reserve(PATH_BYTES * 2 + ACTION_BYTES);
    sheet.getRange(`${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`).merge(false);
  }
  for (let c = 0; c < template.columnWidths.length; c++) {
    const w = template.columnWidths[c]!;
    await budget.reserve(PATH_BYTES * 3 + ACTION_BYTES);
    // Excel measures column width in points; one character of Calibri 11 is about 5.6 points.
    sheet.getRange(toA1(0, c)).format.columnWidth = Math.round(w * 5.6 + 4);
  }
  if (template.freezeRows > 0) sheet.freezePanes.freezeRows(template.freezeRows);
  if (supports('ExcelApi', '1.8')) {
    for (const v of template.validations) {
      await budget.reserve(PATH_BYTES * 3 + ACTION_BYTES + jsonBytes(v));
      sheet.getRange(v.range).dataValidation.rule = {
        list: { inCellDropDown: true, source: v.list.join(',') },
      };
    }
  }
  sheet.activate();
  await budget.reserve(ACTION_BYTES);
  await budget.flush();
  return name;
}

/** A sheet name not yet in `taken`: `wanted`, else `wanted (2)`, `wanted (3)` … (31 chars max). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const clean =
    wanted
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Phu luc';
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
