/** Excel's largest sheet: 1,048,576 rows by 16,384 columns (XFD). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

/**
 * Column letters of a 0-based column index.
 *
 * @example
 * columnLetters(0); // 'A'
 * columnLetters(27); // 'AB'
 */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based column index of column letters (`'AB'` → 27), or -1 when they are not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The A1 address of a 0-based row and column.
 *
 * @example
 * toA1(7, 2); // 'C8'
 */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * The 0-based row and column of an A1 address (`$` allowed), or null when it is not one.
 *
 * @example
 * parseA1('C8'); // { row: 7, col: 2 }
 */
export function parseA1(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  const col = columnIndex(m[1] ?? '');
  const row = Number(m[2]) - 1;
  if (col < 0 || col >= EXCEL_MAX_COLS || row < 0 || row >= EXCEL_MAX_ROWS) return null;
  return { row, col };
}

/** An A1 range (`'C8:C12'`, or one cell) from 0-based corners. */
export function rangeToA1(top: number, left: number, bottom: number, right: number): string {
  const a = toA1(top, left);
  const b = toA1(bottom, right);
  return a === b ? a : `${a}:${b}`;
}
