import { columnLetters } from '../grid/a1.js';
import { parseFormula, type FormulaNode } from './parse.js';
import { MAX_CELLS, r1c1Corner, scanPlainSum, scanR1C1, type CellRange } from './fast-paths.js';
import { tokenize } from './tokenize.js';

export type { CellRange, MutableCellRange } from './fast-paths.js';
export { R1C1Template, scanOneRangeSum } from './fast-paths.js';

/** The cells a purely additive formula adds: `SUM(C9:C11,C15)`, `C9+C12+SUM(C15:C16)`. */
export interface AdditiveRefs {
  /** 0-based rows added, per 0-based column. */
  readonly cells: ReadonlyArray<{ readonly row: number; readonly col: number }>;
}

function collect(node: FormulaNode, out: Array<{ row: number; col: number }>): boolean {
  switch (node.type) {
    case 'ref': {
      if (node.sheet || node.book || node.from.row < 0) return false;
      const to = node.to ?? node.from;
      const top = Math.min(node.from.row, to.row);
      const bottom = Math.max(node.from.row, to.row);
      const left = Math.min(node.from.col, to.col);
      const right = Math.max(node.from.col, to.col);
      if ((bottom - top + 1) * (right - left + 1) + out.length > MAX_CELLS) return false;
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) out.push({ row: r, col: c });
      return true;
    }
    case 'call':
      return node.name === 'SUM' && node.args.every((a) => collect(a, out));
    case 'binary':
      return node.op === '+' && collect(node.left, out) && collect(node.right, out);
    default:
      return false;
  }
}

/**
 * The cells a formula adds up, when it is a plain sum (SUM of ranges and references,
 * a chain of `+`, or both, on the same sheet); null for anything else.
 *
 * @example
 * additiveRefs('SUM(C9:C10)+C12')?.cells; // [{row: 8, col: 2}, {row: 9, col: 2}, {row: 11, col: 2}]
 */
export function additiveRefs(formula: string): AdditiveRefs | null {
  // Nearly every sum is SUM(…) or a chain of `+` of plain references: those are read in one pass
  // over the text (fast-paths.ts), anything else by the parser.
  const ranges = scanPlainSum(formula);
  if (!ranges) return parsedAdditiveRefs(formula);
  const cells: Array<{ row: number; col: number }> = [];
  for (const g of ranges)
    for (let r = g.top; r <= g.bottom; r++)
      for (let c = g.left; c <= g.right; c++) cells.push({ row: r, col: c });
  return { cells };
}

/**
 * {@link additiveRefs} as rectangles, which a range of thousands of rows keeps small: their cells,
 * row by row and rectangle after rectangle, are `additiveRefs(formula).cells`.
 */
export function additiveRanges(formula: string): readonly CellRange[] | null {
  const ranges = scanPlainSum(formula);
  if (ranges) return ranges;
  const refs = parsedAdditiveRefs(formula);
  return refs && refs.cells.map((c) => ({ top: c.row, left: c.col, bottom: c.row, right: c.col }));
}

/** {@link additiveRefs} through the parser: any formula. */
function parsedAdditiveRefs(formula: string): AdditiveRefs | null {
  const node = parseFormula(formula);
  if (!node) return null;
  const cells: Array<{ row: number; col: number }> = [];
  return collect(node, cells) ? { cells } : null;
}

/** The workbooks other than this one that a formula reads (`[Budget.xlsx]Sheet1!A1`, `'C:\\x\\[a.xlsx]S'!A1`). */
export function externalBooks(formula: string): string[] {
  const books = new Set<string>();
  for (const t of tokenize(formula)) if (t.type === 'ref' && t.book) books.add(t.book);
  // ExcelJS keeps external links as [1]Sheet!A1: the index of the external workbook.
  return [...books];
}

/**
 * The formula in relative R1C1 form, as seen from the cell it sits in: `D9+E9` in C9 is
 * `RC[1]+RC[2]`. Two formulas that do the same thing for their own rows compare equal.
 *
 * @example
 * toR1C1('D9+E9', 8, 2); // 'RC[1]+RC[2]'
 */
export function toR1C1(formula: string, row: number, col: number): string {
  // The formulas of big sheets are read in one pass over the text (fast-paths.ts); strings, sheet
  // names, names and the like by the tokenizer.
  return scanR1C1(formula, row, col) ?? tokensToR1C1(formula, row, col);
}

/** {@link toR1C1} from the tokens: every token's text, with the references rewritten. */
function tokensToR1C1(formula: string, row: number, col: number): string {
  const part = (p: { row: number; col: number; absRow: boolean; absCol: boolean }) =>
    r1c1Corner(p.row, p.col, p.absRow, p.absCol, row, col);
  return tokenize(formula)
    .map((t) => {
      if (t.type !== 'ref' || t.from.row < 0) return t.text;
      const prefix = t.book ? `[${t.book}]${t.sheet ?? ''}!` : t.sheet ? `${t.sheet}!` : '';
      return prefix + part(t.from) + (t.to ? `:${part(t.to)}` : '');
    })
    .join('');
}

/** `C9` from 0-based indices: for messages. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
