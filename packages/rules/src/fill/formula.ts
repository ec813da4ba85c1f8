import { columnLetters } from '../grid/a1.js';

/** `SUM(C9:C12,C15)`: the cells of one column on the given rows, consecutive rows as ranges. */
export function sumFormula(col: number, rows: readonly number[]): string {
  const letters = columnLetters(col);
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    const a = (sorted[i] as number) + 1;
    const b = (sorted[j] as number) + 1;
    parts.push(a === b ? `${letters}${a}` : `${letters}${a}:${letters}${b}`);
    i = j + 1;
  }
  return `SUM(${parts.join(',')})`;
}

/** `D9+E9+F9`: cells of one row. */
export function plusFormula(row: number, cols: readonly number[]): string {
  return cols.map((c) => `${columnLetters(c)}${row + 1}`).join('+');
}

/** `ROUND(D9/C9*100,2)`: a rate in percent at a precision. */
export function rateFormula(
  row: number,
  countCol: number,
  baseCol: number,
  places: number,
): string {
  return `ROUND(${columnLetters(countCol)}${row + 1}/${columnLetters(baseCol)}${row + 1}*100,${places})`;
}

/** `ROUND(D9/C9,4)`: a rate as a ratio, for a cell shown in a % format. */
export function ratioFormula(
  row: number,
  countCol: number,
  baseCol: number,
  places: number,
): string {
  return `ROUND(${columnLetters(countCol)}${row + 1}/${columnLetters(baseCol)}${row + 1},${places})`;
}

/** `D9-H9`: a difference of two cells of one row. */
export function minusFormula(row: number, fromCol: number, toCol: number): string {
  return `${columnLetters(fromCol)}${row + 1}-${columnLetters(toCol)}${row + 1}`;
}
