// PRE-OPTIMISATION REFERENCE — not used by the rules themselves.
// additiveRefs, externalBooks and toR1C1 of formula/refs.ts exactly as they were before their
// fast paths (formula/fast-paths.ts), copied verbatim at commit 0ac6966. The equivalence tests
// (formula/refs.equivalence.test.ts, check/formulas.equivalence.test.ts) compare the current
// functions with these. They tokenize and parse with formula/tokenize.ts and formula/parse.ts,
// whose behaviour the fast paths left unchanged (tokenize.test.ts holds the tokenizer to its own
// reference).
import { parseFormula, type FormulaNode } from '../parse.js';
import { tokenize } from '../tokenize.js';

/** The cells a purely additive formula adds: `SUM(C9:C11,C15)`, `C9+C12+SUM(C15:C16)`. */
export interface AdditiveRefs {
  /** 0-based rows added, per 0-based column. */
  readonly cells: ReadonlyArray<{ readonly row: number; readonly col: number }>;
}

const MAX_CELLS = 100_000;

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
export function additiveRefsReference(formula: string): AdditiveRefs | null {
  const node = parseFormula(formula);
  if (!node) return null;
  const cells: Array<{ row: number; col: number }> = [];
  return collect(node, cells) ? { cells } : null;
}

/** The workbooks other than this one that a formula reads (`[Budget.xlsx]Sheet1!A1`, `'C:\\x\\[a.xlsx]S'!A1`). */
export function externalBooksReference(formula: string): string[] {
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
export function toR1C1Reference(formula: string, row: number, col: number): string {
  const part = (p: { row: number; col: number; absRow: boolean; absCol: boolean }) => {
    const r = p.absRow ? `R${p.row + 1}` : p.row === row ? 'R' : `R[${p.row - row}]`;
    const c = p.absCol ? `C${p.col + 1}` : p.col === col ? 'C' : `C[${p.col - col}]`;
    return r + c;
  };
  return tokenize(formula)
    .map((t) => {
      if (t.type !== 'ref' || t.from.row < 0) return t.text;
      const prefix = t.book ? `[${t.book}]${t.sheet ?? ''}!` : t.sheet ? `${t.sheet}!` : '';
      return prefix + part(t.from) + (t.to ? `:${part(t.to)}` : '');
    })
    .join('');
}
