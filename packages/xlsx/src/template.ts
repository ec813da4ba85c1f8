import ExcelJS from 'exceljs';
import { LISTS_SHEET } from './sheet-names.js';
import type { CellStyle, DataValidationSpec, TemplateSheet } from '@phuluc/rules';
import { colToLetters, decodeRange } from './a1.js';
import { toExcelValue } from './write.js';

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const ALL_THIN = { top: THIN, left: THIN, bottom: THIN, right: THIN } as Partial<ExcelJS.Borders>;

/** Make a valid, unused worksheet name: at most 31 characters, none of `[]:*?/\`. */
export function safeSheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet').slice(0, 31);
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Apply the rules' presentation hints to an ExcelJS cell. */
export function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  if (!style) return;
  if (style.bold || style.italic || style.fontSize) {
    const font: Partial<ExcelJS.Font> = { ...cell.font };
    if (style.bold) font.bold = true;
    if (style.italic) font.italic = true;
    if (style.fontSize) font.size = style.fontSize;
    cell.font = font;
  }
  if (style.align || style.wrap) {
    const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment, vertical: 'middle' };
    if (style.align) alignment.horizontal = style.align;
    if (style.wrap) alignment.wrapText = true;
    cell.alignment = alignment;
  }
  if (style.border) cell.border = ALL_THIN;
}

function quoteListItem(s: string): string {
  return s.replace(/"/g, '""');
}

/** ExcelJS 4.4 has `worksheet.dataValidations` but its typings omit it. */
function dataValidationsOf(ws: ExcelJS.Worksheet): {
  add(address: string, validation: ExcelJS.DataValidation): void;
} {
  return (ws as unknown as { dataValidations: ReturnType<typeof dataValidationsOf> })
    .dataValidations;
}

/** Add list validations; long or comma-containing lists go to a hidden sheet and are referenced. */
function addValidations(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  validations: readonly DataValidationSpec[],
): void {
  let listsSheet: ExcelJS.Worksheet | undefined;
  for (const v of validations) {
    if (v.list.length === 0 || !decodeRange(v.range)) continue;
    const inline = `"${v.list.map(quoteListItem).join(',')}"`;
    let formula: string;
    if (inline.length <= 255 && !v.list.some((s) => s.includes(',') || s.includes('"'))) {
      formula = inline;
    } else {
      listsSheet ??=
        wb.getWorksheet(LISTS_SHEET) ?? wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
      const col = (listsSheet.actualColumnCount || 0) + 1;
      v.list.forEach((item, i) => {
        listsSheet!.getCell(i + 1, col).value = item;
      });
      const letters = colToLetters(col - 1);
      formula = `'${LISTS_SHEET}'!$${letters}$1:$${letters}$${v.list.length}`;
    }
    dataValidationsOf(ws).add(v.range, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: false,
    });
  }
}

/**
 * Write a new worksheet from the rules' {@link TemplateSheet}: values, formulas (with their
 * computed values as cached results), number formats, styles (bold, italic, alignment, wrap,
 * thin borders, font size), merged areas, column widths, list validations and frozen header rows.
 * Text is written as text even when it starts with `=`.
 *
 * @returns the new worksheet (its name may carry a ` (2)` suffix when `name` is taken).
 * @example
 * const wb = new ExcelJS.Workbook();
 * writeTemplate(wb, buildTemplate('budget-allocation', { year: 2024 }), 'PL01');
 */
export function writeTemplate(
  wb: ExcelJS.Workbook,
  template: TemplateSheet,
  name: string,
): ExcelJS.Worksheet {
  const views: Partial<ExcelJS.WorksheetView>[] =
    template.freezeRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: template.freezeRows }] : [];
  const ws = wb.addWorksheet(safeSheetName(wb, name), { views });
  const { grid } = template;

  grid.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      target.value = toExcelValue(cell.value, cell.formula);
      if (cell.numFmt) target.numFmt = cell.numFmt;
      applyStyle(target, cell.style);
    });
  });

  for (const m of grid.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    const master = grid.cells[m.top]?.[m.left];
    // Borders and fills must sit on every covered cell, or Excel draws a broken frame.
    if (master?.style?.border) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) ws.getCell(r + 1, c + 1).border = ALL_THIN;
      }
    }
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }

  template.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });

  addValidations(wb, ws, template.validations);
  return ws;
}
