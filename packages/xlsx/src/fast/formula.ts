/**
 * Cell references as ExcelJS reads them: a cell's `r` attribute, and the translation of a shared
 * formula from its master cell to another cell (ExcelJS' `slideFormula`, which `cell.formula`
 * returns for the other cells of a shared formula).
 */
import { colToLetters, lettersToCol } from '../a1.js';

/** A cell reference: 1-based column and row. */
export interface CellRef {
  readonly col: number;
  readonly row: number;
}

/** Excel's last column, XFD. */
export const MAX_COLUMN = 16384;

/**
 * The cell an `r` attribute names, `text.slice(start, end)`, read as ExcelJS reads it
 * (`colCache.decodeAddress`): upper-case column letters, then digits, `$` signs ignored, anything
 * after the digits ignored. Writes it into `into` and returns `true`; returns `false` when it
 * names no cell (no letters, no digits, a column beyond XFD), which ExcelJS refuses, or holds an
 * `&` (an entity not decoded yet).
 *
 * @example
 * const at = { col: 0, row: 0 };
 * parseCellRef('$B$12', 0, 5, at); // true; at is { col: 2, row: 12 }
 */
export function parseCellRef(
  text: string,
  start: number,
  end: number,
  into: { col: number; row: number },
): boolean {
  let col = 0;
  let row = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) {
      hasCol = true;
      col = col * 26 + c - 64;
    } else if (c >= 48 && c <= 57) {
      hasRow = true;
      row = row * 10 + c - 48;
    } else if (c === 38) {
      return false; // an entity, to be decoded first
    } else if (hasRow && hasCol && c !== 36) {
      break;
    }
  }
  if (!hasCol || !hasRow || col > MAX_COLUMN) return false;
  into.col = col;
  into.row = row;
  return true;
}

// ExcelJS' patterns (utils/shared-formula.js): every name-like token, and the cell references
// among them.
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * Translate a shared formula from its master cell to another cell, moving the relative parts of
 * its references by the offset between the two (as ExcelJS does, strings and names included).
 * `undefined` when a reference would leave the sheet's columns (ExcelJS then has no formula).
 *
 * @example
 * slideFormula('A2+$B$2', { col: 3, row: 2 }, { col: 3, row: 5 }); // 'A5+$B$2'
 */
export function slideFormula(formula: string, from: CellRef, to: CellRef): string | undefined {
  let outside = false;
  const slid = formula.replace(
    CANDIDATE,
    (match: string, sheet: string | undefined, _name, token: string, paren: string | undefined) => {
      const ref = paren ? null : CELL.exec(token);
      if (!ref) return match;
      const [, colDollar = '', letters = '', rowDollar = '', digits = ''] = ref;
      const colLetters = letters.toUpperCase();
      // More than XFD: a name, not a column.
      if (colLetters.length > 3 || (colLetters.length === 3 && colLetters > 'XFD')) return match;
      const col = lettersToCol(colLetters) + 1 + (colDollar ? 0 : to.col - from.col);
      const row = parseInt(digits, 10) + (rowDollar ? 0 : to.row - from.row);
      if (col < 1 || col > MAX_COLUMN) {
        outside = true;
        return match;
      }
      return `${sheet ?? ''}${colDollar}${colToLetters(col - 1)}${rowDollar}${row}`;
    },
  );
  return outside ? undefined : slid;
}
