/**
 * The table's last row as buildModel read it before it read the table's end row by row
 * (check/model.ts, TableEnd): the oracle of check/table-end.test.ts. Kept as it was but for the
 * two rules added since: a date or signature line ends the table, and so does a blank row after
 * a grand total that follows rows of the table.
 */
import { isCellError, type Cell, type Grid } from '../../grid/types.js';
import { cellText, getCell, gridSize, isEmptyCell } from '../../grid/grid.js';
import { normalizeText } from '../../grid/normalize.js';
import { parseNumber } from '../../money/parse.js';
import { isTotalLabel, ttLevel } from '../rows.js';
import { isClosingLine } from '../model.js';

function numericish(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.formula) return true;
  const v = cell.value;
  if (typeof v === 'number' || isCellError(v)) return true;
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return t !== '' && (/^[-–—x.…]+$/i.test(t) || parseNumber(t).kind !== 'invalid');
}

export function referenceLastTableRow(
  grid: Grid,
  first: number,
  numericCols: number[],
  ttCol: number | undefined,
  labelCol: number | undefined,
  totalLabels: readonly string[],
): number {
  const { rows, cols } = gridSize(grid);
  let end = first - 1;
  let sawBlank = false;
  let closed = false;
  for (let r = first; r < rows; r++) {
    let blank = true;
    for (let c = 0; c < cols && blank; c++) if (!isEmptyCell(getCell(grid, r, c))) blank = false;
    if (blank) {
      if (closed) break;
      if (end >= first) sawBlank = true;
      continue;
    }
    let texts = 0;
    let numbers = false;
    for (const c of numericCols) {
      const cell = getCell(grid, r, c);
      if (numericish(cell)) numbers = true;
      else if (!isEmptyCell(cell)) texts++;
    }
    if (texts >= 2 && !numbers && end >= first) break;
    const tt = ttCol !== undefined ? cellText(getCell(grid, r, ttCol)).trim() : '';
    const label = labelCol !== undefined ? cellText(getCell(grid, r, labelCol)).trim() : '';
    if (end >= first && tt === '' && labelCol !== undefined && isClosingLine(label)) break;
    if (numbers) {
      const norm = normalizeText(label);
      if (end >= first && tt === '' && labelCol !== undefined && /^(?:tong|toan)\b/.test(norm))
        closed = isTotalLabel(norm, totalLabels);
      end = r;
      sawBlank = false;
      continue;
    }
    const tableLike = ttLevel(tt) !== null || isTotalLabel(normalizeText(label), totalLabels);
    if (sawBlank && !tableLike) break;
    if (tableLike || (!sawBlank && (tt !== '' || label !== ''))) end = r;
    sawBlank = false;
  }
  return end;
}
