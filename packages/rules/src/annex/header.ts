import { isCellError, type Cell, type Grid } from '../grid/types.js';
import { cellText, getCell, gridSize } from '../grid/grid.js';
import { normalizeText } from '../grid/normalize.js';
import { parseNumber } from '../money/parse.js';
import { TOTAL_LABELS } from './layouts/common.js';
import { isTotalLabel } from './total-label.js';

/** The unit a sheet declares in its unit line. */
export type SheetUnit = 'dong' | 'nghin' | 'trieu' | 'ty' | 'percent' | 'households' | 'other';

/** Where the parts of a sheet's top are: title block, unit line, header rows, column-index row. */
export interface SheetTop {
  readonly titleRows: readonly number[];
  readonly titleText: string;
  readonly unitRow?: number;
  readonly unitText?: string;
  readonly unit?: SheetUnit;
  readonly indexRow?: number;
  /** `N = A + B` equations of the column-index row ("3=4+5"), as physical columns. */
  readonly indexEquations: ReadonlyArray<{
    readonly target: number;
    readonly parts: readonly number[];
  }>;
  /** The first row with two or more numbers that is not the index row; -1 when none. */
  readonly firstNumericRow: number;
  /**
   * The header blocks a layout may sit in: 1 to 3 rows ending just above the data (the index row
   * or the first numbers), each block's rows in order. Read once here for every layout tried,
   * and for the relation engine's header tree.
   */
  readonly headerWindows: ReadonlyArray<readonly number[]>;
}

const SCAN_ROWS = 40;
const MAX_HEADER_ROWS = 3;
const INDEX_TOKEN =
  /^\(?\s*(?:[a-z]|\d{1,2})\s*\)?(?:\s*=\s*\(?\s*(?:[a-z]|\d{1,2})\s*\)?(?:\s*[+\-*/x]\s*\(?\s*(?:[a-z]|\d{1,2})\s*\)?)+)?$/i;

/** Whether a cell holds a number (typed, or a formula's cached number). */
export function isNumericCell(cell: Cell | undefined): boolean {
  return typeof cell?.value === 'number' && Number.isFinite(cell.value);
}

/** The unit named by a unit line ("Đơn vị tính: triệu đồng", "ĐVT: đồng"), if the text is one. */
export function parseUnitLine(text: string): { unit: SheetUnit } | undefined {
  const n = normalizeText(text);
  const m = /^(?:don vi tinh|don vi|dvt)\s*(.*)$/.exec(n);
  if (!m) return undefined;
  const rest = m[1] ?? '';
  if (/\btrieu\b|\btr\s?d(ong)?\b|\btrd\b|\b1 000 000 dong\b|\b1000000 dong\b/.test(rest))
    return { unit: 'trieu' };
  if (/\b(nghin|ngan)\b|\b1 000 dong\b|\b1000 dong\b/.test(rest)) return { unit: 'nghin' };
  if (/\bty\b/.test(rest)) return { unit: 'ty' };
  if (/\bdong\b|\bvnd\b/.test(rest)) return { unit: 'dong' };
  if (/%/.test(rest)) return { unit: 'percent' };
  if (/\bho\b/.test(rest)) return { unit: 'households' };
  // "Đơn vị thực hiện" is a column, not a unit line: an unknown unit needs "Đơn vị tính:".
  return rest && /:/.test(text) && !/thuc hien|chu tri|phoi hop/.test(rest)
    ? { unit: 'other' }
    : undefined;
}

function rowCells(
  grid: Grid,
  r: number,
  cols: number,
): Array<{ col: number; cell: Cell; text: string }> {
  const out: Array<{ col: number; cell: Cell; text: string }> = [];
  for (let c = 0; c < cols; c++) {
    const cell = getCell(grid, r, c);
    if (!cell) continue;
    const text = cellText(cell).trim();
    if (text !== '') out.push({ col: c, cell, text });
  }
  return out;
}

function isIndexRow(cells: Array<{ cell: Cell; text: string }>): boolean {
  if (cells.length < 3) return false;
  let ok = 0;
  let lastNumber = -1;
  for (const { cell, text } of cells) {
    if (isCellError(cell.value)) return false;
    const n =
      typeof cell.value === 'number'
        ? cell.value
        : /^\(?\s*(\d{1,2})\s*\)?(?:\s*=.*)?$/.exec(text)
          ? Number(/\d{1,2}/.exec(text)?.[0])
          : undefined;
    if (n !== undefined) {
      // Index numbers run left to right: 1, 2, 3 (a row of small figures does not).
      if (!(Number.isInteger(n) && n >= 0 && n <= 60) || n <= lastNumber) return false;
      lastNumber = n;
    }
    if (INDEX_TOKEN.test(text)) ok++;
  }
  return ok === cells.length || (cells.length >= 8 && ok / cells.length >= 0.9);
}

function indexEquations(cells: Array<{ col: number; text: string }>): SheetTop['indexEquations'] {
  const byLabel = new Map<string, number>();
  for (const { col, text } of cells) {
    const label = text
      .split('=')[0]
      ?.replace(/[()\s]/g, '')
      .toLowerCase();
    if (label) byLabel.set(label, col);
  }
  const out: Array<{ target: number; parts: number[] }> = [];
  for (const { col, text } of cells) {
    const rhs = text.split('=')[1];
    if (!rhs || /[-*/x]/i.test(rhs)) continue;
    const parts = rhs.split('+').map((t) => byLabel.get(t.replace(/[()\s]/g, '').toLowerCase()));
    if (parts.length >= 2 && parts.every((p): p is number => p !== undefined && p !== col))
      out.push({ target: col, parts });
  }
  return out;
}

/**
 * Read the top of a sheet: title rows, the unit line, the column-index row and
 * the first row that carries numbers. The header rows themselves are chosen by
 * the layout matcher, which tries the rows just above the data.
 */
export function readSheetTop(grid: Grid): SheetTop {
  const { rows, cols } = gridSize(grid);
  const limit = Math.min(rows, SCAN_ROWS);
  let unitRow: number | undefined;
  let unitText: string | undefined;
  let unit: SheetUnit | undefined;
  let indexRow: number | undefined;
  let equations: SheetTop['indexEquations'] = [];
  let firstNumericRow = -1;
  const titleRows: number[] = [];
  const titleParts: string[] = [];

  for (let r = 0; r < limit; r++) {
    const cells = rowCells(grid, r, cols);
    if (cells.length === 0) continue;
    if (unitRow === undefined) {
      const unitCell = cells.find((c) => typeof c.cell.value === 'string' && parseUnitLine(c.text));
      if (unitCell) {
        unitRow = r;
        unitText = unitCell.text;
        unit = parseUnitLine(unitCell.text)?.unit;
        if (cells.length <= 2) {
          titleRows.push(r);
          continue;
        }
      }
    }
    if (indexRow === undefined && isIndexRow(cells)) {
      indexRow = r;
      equations = indexEquations(cells);
      continue;
    }
    const numbers = cells.filter((c) => isNumericCell(c.cell)).length;
    if (numbers >= 2) {
      firstNumericRow = r;
      break;
    }
    if (cells.length <= 2 && firstNumericRow < 0) {
      titleRows.push(r);
      titleParts.push(cells.map((c) => c.text).join(' '));
    }
  }
  if (firstNumericRow < 0) {
    // Numbers may start below the scanned rows, or the sheet may be a blank template.
    for (let r = limit; r < rows; r++) {
      if (rowCells(grid, r, cols).filter((c) => isNumericCell(c.cell)).length >= 2) {
        firstNumericRow = r;
        break;
      }
    }
  }
  const top = {
    titleRows,
    titleText: normalizeText(titleParts.join(' ')),
    ...(unitRow !== undefined ? { unitRow, unitText: unitText ?? '' } : {}),
    ...(unit ? { unit } : {}),
    ...(indexRow !== undefined ? { indexRow } : {}),
    indexEquations: equations,
    firstNumericRow,
  };
  return { ...top, headerWindows: headerWindows(grid, top) };
}

/**
 * A row that belongs to the data, never to a header: it holds a number that is neither a year
 * nor a small index, or a formula, or it is a sparse row labelled like a total ("Toàn xã" with its
 * figures still empty).
 */
function isDataRow(grid: Grid, r: number, cols: number): boolean {
  let texts = 0;
  let totalLabel = false;
  let firstText: string | undefined;
  for (let c = 0; c < cols; c++) {
    const cell = getCell(grid, r, c);
    if (cell?.formula) return true;
    const v = cell?.value;
    if (typeof v === 'number' && !(v >= 0 && isIndexOrYear(v))) return true;
    if (typeof v === 'string' && v.trim()) {
      texts++;
      // A figure typed as text ("3.154", "5,21%") after the row's first text (its TT or label).
      if (firstText !== undefined && isFigureText(v)) return true;
      firstText ??= v.trim();
      if (!totalLabel && isTotalLabel(normalizeText(v), TOTAL_LABELS)) totalLabel = true;
    }
  }
  // A group row with no figures yet: "I | Huyện A", "1 | Dự án 2".
  const numbered =
    firstText !== undefined && /^(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ]|[-–—+*])[.)]?$/.test(firstText);
  return (totalLabel && texts <= 2) || (numbered && texts <= 3);
}

/** Whether a number is a small index or a year: what a header or an index row holds as numbers. */
function isIndexOrYear(v: number): boolean {
  const a = Math.abs(v);
  return Number.isInteger(a) && (a <= 60 || (a >= 1900 && a <= 2100));
}

/**
 * Whether a text is a figure a header never holds: a number as vi-VN plans type it ("3.154",
 * "1.469,5", "5,21%"), not a small index or a year ("(1)", "2024").
 */
function isFigureText(text: string): boolean {
  const t = text.trim();
  if (t.length > 30 || !/^[-−(]?\d/.test(t)) return false;
  const p = parseNumber(t, { locale: 'vi' });
  return p.kind === 'number' && !isIndexOrYear(p.value.toNumber());
}

/** A row that carries a unit line ("Đơn vị tính: triệu đồng"): part of the title block, never a header. */
function hasUnitLine(grid: Grid, r: number, cols: number): boolean {
  for (let c = 0; c < cols; c++) {
    const v = getCell(grid, r, c)?.value;
    if (typeof v === 'string' && v.length < 80 && parseUnitLine(v)) return true;
  }
  return false;
}

function isBlankRow(grid: Grid, r: number, cols: number): boolean {
  for (let c = 0; c < cols; c++) if (cellText(getCell(grid, r, c)).trim() !== '') return false;
  return true;
}

/** Rows that may end a header block: just above the index row or the first numbers. */
function headerEnds(grid: Grid, top: Omit<SheetTop, 'headerWindows'>): number[] {
  const { rows, cols } = gridSize(grid);
  const anchor = top.indexRow ?? (top.firstNumericRow >= 0 ? top.firstNumericRow : -1);
  if (anchor < 0) return Array.from({ length: Math.min(rows, 30) }, (_, i) => i);
  const ends: number[] = [];
  for (let r = anchor - 1; r >= 0 && ends.length < 2; r--) {
    if (!isBlankRow(grid, r, cols) && !isDataRow(grid, r, cols)) ends.push(r);
  }
  if (top.indexRow !== undefined && top.firstNumericRow > top.indexRow + 1) {
    // An index row may sit above a second header row; rare, but try the row above the numbers too.
    ends.push(top.firstNumericRow - 1);
  }
  return ends;
}

/** Header blocks to try: 1 to 3 rows ending just above the data. */
function headerWindows(grid: Grid, top: Omit<SheetTop, 'headerWindows'>): number[][] {
  const { cols } = gridSize(grid);
  const out: number[][] = [];
  for (const end of headerEnds(grid, top)) {
    for (let depth = 1; depth <= MAX_HEADER_ROWS; depth++) {
      const headerRows: number[] = [];
      for (let r = end; r >= 0 && headerRows.length < depth; r--) {
        if (r === top.unitRow || r === top.indexRow) break;
        if (isBlankRow(grid, r, cols) || isDataRow(grid, r, cols) || hasUnitLine(grid, r, cols))
          break;
        headerRows.unshift(r);
      }
      if (headerRows.length < depth) break;
      out.push(headerRows);
    }
  }
  return out;
}
