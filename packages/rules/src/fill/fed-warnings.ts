/**
 * Open warnings that a fill would roll into the totals it writes: an amount typed in đồng in a
 * triệu-đồng sheet, a number stored as text (which Excel's SUM leaves out). Found by following the
 * written formulas, and the sheet's own formulas below them, down to the warned cells.
 */
import { getCell } from '../grid/grid.js';
import type { Grid } from '../grid/types.js';
import { parseA1, toA1 } from '../grid/a1.js';
import type { Issue, IssueCode } from '../check/types.js';
import { tokenize } from '../formula/tokenize.js';
import type { CellWrite } from './types.js';

/** The warnings a fill carries into the totals it writes. */
export const FED_WARNING_CODES: readonly IssueCode[] = [
  'budget/unit-suspect',
  'cell/number-as-text',
];

/** One open warning and the written cells whose figures include its cell. */
export interface FedWarning {
  readonly issue: Issue;
  /** The cells the fill writes that add it up, in sheet order. */
  readonly writes: readonly string[];
}

/** The cells one formula reads on its own sheet (ranges clipped to the grid). */
function* refsOf(formula: string, grid: Grid): Generator<string> {
  const rows = grid.cells.length;
  for (const t of tokenize(formula)) {
    if (t.type !== 'ref' || t.sheet || t.book || t.from.row < 0) continue;
    const to = t.to ?? t.from;
    const top = Math.min(t.from.row, to.row);
    const bottom = Math.min(Math.max(t.from.row, to.row), rows - 1);
    const left = Math.min(t.from.col, to.col);
    const right = Math.max(t.from.col, to.col);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) yield toA1(r, c);
  }
}

/**
 * The open warnings (of {@link FED_WARNING_CODES}) whose cells feed a cell the fill writes:
 * directly, or through the sheet's formulas and the other written cells. Pass the writes of a
 * formula-mode fill: their formulas say what each written figure adds up (a value-mode fill
 * writes the same figures as numbers).
 *
 * @example
 * const fed = warningsFeedingWrites(grid, fillSheet(grid).writes, validateSheet(grid).issues);
 * fed[0]; // { issue: { code: 'budget/unit-suspect', cell: 'C22', ... }, writes: ['C8', 'C20'] }
 */
export function warningsFeedingWrites(
  grid: Grid,
  writes: readonly CellWrite[],
  issues: readonly Issue[],
): FedWarning[] {
  const warned = new Map<string, Issue[]>();
  for (const issue of issues)
    if (FED_WARNING_CODES.includes(issue.code))
      warned.set(issue.cell, [...(warned.get(issue.cell) ?? []), issue]);
  if (warned.size === 0 || writes.length === 0) return [];
  const planned = new Map(writes.map((w) => [w.cell, w.formula]));
  const formulaAt = (a1: string, row: number, col: number): string | undefined =>
    planned.has(a1) ? planned.get(a1) : getCell(grid, row, col)?.formula;
  // The warned cells each cell's figure includes, memoised over the whole sheet.
  const memo = new Map<string, ReadonlySet<string>>();
  const NONE: ReadonlySet<string> = new Set();
  const reach = (start: string): ReadonlySet<string> => {
    const done = memo.get(start);
    if (done) return done;
    // Depth-first without recursion: a chain of thousands of sub-totals stays off the call stack.
    const stack: { cell: string; refs: Iterator<string>; found: Set<string> }[] = [];
    const open = (cell: string) => {
      memo.set(cell, NONE); // a cycle reads as nothing further
      const found = new Set<string>(warned.has(cell) ? [cell] : []);
      const p = parseA1(cell);
      const formula = p ? formulaAt(cell, p.row, p.col) : undefined;
      stack.push({ cell, refs: formula ? refsOf(formula, grid) : [][Symbol.iterator](), found });
    };
    open(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = top.refs.next();
      if (next.done) {
        stack.pop();
        memo.set(top.cell, top.found);
        const parent = stack[stack.length - 1];
        if (parent) for (const c of top.found) parent.found.add(c);
        continue;
      }
      const known = memo.get(next.value);
      if (known) for (const c of known) top.found.add(c);
      else open(next.value);
    }
    return memo.get(start) ?? NONE;
  };
  const feeds = new Map<string, string[]>();
  const order = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const w of order)
    for (const cell of reach(w.cell))
      if (cell !== w.cell) feeds.set(cell, [...(feeds.get(cell) ?? []), w.cell]);
  const out: FedWarning[] = [];
  for (const [cell, list] of warned) {
    const into = feeds.get(cell);
    if (into) for (const issue of list) out.push({ issue, writes: into });
  }
  return out.sort((a, b) => a.issue.row - b.issue.row || a.issue.col - b.issue.col);
}
