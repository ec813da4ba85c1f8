/**
 * What the browser preview's download writes: each cell a fill (or its undo) touched whose value
 * is no longer the one the file had, as an edit for the surgical writer.
 */
import { decodeA1, type CellEdit, type ExcelJS, type SheetEdits } from '@phuluc/xlsx';

type ExcelCellValue = ExcelJS.CellValue;

/** Whether two ExcelJS values are the same (formulas, results, errors, text, dates). */
export function sameCellValue(a: ExcelCellValue, b: ExcelCellValue): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The edit that puts `cell`'s current ExcelJS value into the file. */
export function editOf(cell: ExcelJS.Cell): CellEdit {
  const v = cell.value as unknown;
  const formula = cell.formula;
  if (formula) {
    // `cell.value.result` drops a falsy result (ExcelJS copies only truthy keys): a total of 0
    // would lose its cached 0. `cell.result` keeps it.
    return { kind: 'formula', formula, value: scalar(cell.result) };
  }
  return { kind: 'value', value: scalar(v) };
}

function scalar(v: unknown): CellEdit['value'] {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  if (typeof v === 'object' && 'error' in v)
    return { error: String((v as { error: unknown }).error) };
  if (typeof v === 'object' && 'richText' in v) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return null;
}

/**
 * The edits of one sheet: the cells in `touched` (A1 address → the value the file had) whose
 * current value differs from it.
 */
export function sheetEdits(
  ws: ExcelJS.Worksheet,
  touched: ReadonlyMap<string, ExcelCellValue>,
): SheetEdits {
  const edits = new Map<number, Map<number, CellEdit>>();
  for (const [address, original] of touched) {
    const cell = ws.getCell(address);
    if (sameCellValue(cell.value, original)) continue;
    const at = decodeA1(address);
    if (!at) continue;
    const row = edits.get(at.row + 1) ?? new Map<number, CellEdit>();
    row.set(at.col + 1, editOf(cell));
    edits.set(at.row + 1, row);
  }
  return edits;
}
