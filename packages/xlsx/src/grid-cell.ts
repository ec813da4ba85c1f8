import type { Cell, CellStyle, CellValue } from '@phuluc/rules';

/**
 * A grid cell built whole, one object literal per shape (value; + formula; + number format;
 * + style): objects built whole are smaller than grown ones, and the checks that read a sheet's
 * cells by the hundred thousand meet a few shapes rather than many. Both readers make their
 * cells here. `numFmt`: a number format other than General, or undefined.
 */
export function gridCell(
  value: CellValue,
  formula: string | undefined,
  numFmt: string | undefined,
  style: CellStyle | undefined,
): Cell {
  if (formula) {
    if (numFmt) return style ? { value, formula, numFmt, style } : { value, formula, numFmt };
    return style ? { value, formula, style } : { value, formula };
  }
  if (numFmt) return style ? { value, numFmt, style } : { value, numFmt };
  return style ? { value, style } : { value };
}
