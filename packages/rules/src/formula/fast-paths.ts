/**
 * Fast paths for the formulas that fill big sheets (`D9+E9`, `ROUND(D9/C9*100,2)`,
 * `SUM(C10:C19)`): R1C1 forms, R1C1 templates and plain sums read in one pass over the text, with
 * no tokens and no tree. They read what the tokenizer's own fast paths read (operators,
 * parentheses, separators, numbers, function names, unqualified cell references) exactly the way
 * it does, and give up — null or undefined — at anything else (a string, a sheet or book name, a
 * name, an error value, `[`, `'`, `!`…), so the caller can hand the formula to the tokenizer and
 * the parser.
 *
 * @module
 */
import { isDigit, isLetter, nameRunEnd } from './tokenize.js';

/**
 * The character code at `i`, or -1 past the end — like `charCodeAt`'s NaN, it equals no character,
 * but reading past the end would make V8 throw away the optimised code of the caller.
 */
function codeAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : -1;
}

/** The most cells {@link additiveRefs} lists: a larger sum is not a plain sum to check. */
export const MAX_CELLS = 100_000;

/** A cell or range reference that no sheet or book qualifies (`C9`, `$D$9:E12`), 0-based. */
interface PlainRef {
  fromRow: number;
  fromCol: number;
  fromAbsRow: boolean;
  fromAbsCol: boolean;
  /** Where the column letters are in the text: `[fromColAt, fromColEnd)`. */
  fromColAt: number;
  fromColEnd: number;
  /** Where the digits of the row number are in the text: `[fromRowAt, fromRowEnd)`. */
  fromRowAt: number;
  fromRowEnd: number;
  /** Whether the reference is a range (`to…` hold its second corner). */
  isRange: boolean;
  toRow: number;
  toCol: number;
  toAbsRow: boolean;
  toAbsCol: boolean;
  toColAt: number;
  toColEnd: number;
  toRowAt: number;
  toRowEnd: number;
}

/** The reference the fast paths read into, reused from one reference to the next. */
const ref: PlainRef = {
  fromRow: 0,
  fromCol: 0,
  fromAbsRow: false,
  fromAbsCol: false,
  fromColAt: 0,
  fromColEnd: 0,
  fromRowAt: 0,
  fromRowEnd: 0,
  isRange: false,
  toRow: 0,
  toCol: 0,
  toAbsRow: false,
  toAbsCol: false,
  toColAt: 0,
  toColEnd: 0,
  toRowAt: 0,
  toRowEnd: 0,
};

/** The corner {@link readCorner} read last (reused, so reading allocates nothing). */
const corner = { row: 0, col: 0, absRow: false, absCol: false, colAt: 0, colEnd: 0, rowAt: 0 };

/**
 * A cell address at `j` (`$`, 1–3 letters, `$`, up to 7 digits, row ≥ 1), read into
 * {@link corner} as the tokenizer's `cellAt` reads it. Returns the index after it, or -1.
 */
function readCorner(s: string, j: number): number {
  let k = j;
  const absCol = codeAt(s, k) === 0x24;
  if (absCol) k++;
  let col = 0;
  let l = k;
  while (l < s.length && isLetter(s.charCodeAt(l))) {
    // Column letters in base 26, in either case (`| 0x20` lowers an ASCII letter).
    col = col * 26 + ((s.charCodeAt(l) | 0x20) - 0x60);
    l++;
  }
  if (l === k || l - k > 3) return -1;
  let m = l;
  const absRow = codeAt(s, m) === 0x24;
  if (absRow) m++;
  let row = 0;
  let d = m;
  while (d < s.length && d - m < 7 && isDigit(s.charCodeAt(d))) {
    row = row * 10 + (s.charCodeAt(d) - 0x30);
    d++;
  }
  if (d === m || row === 0) return -1;
  corner.row = row - 1;
  corner.col = col - 1;
  corner.absRow = absRow;
  corner.absCol = absCol;
  corner.colAt = k;
  corner.colEnd = l;
  corner.rowAt = m;
  return d;
}

/**
 * The unqualified cell or range reference at `i`, read into {@link ref} exactly as the
 * tokenizer's `plainRef` reads it. Returns the index after it, or -1 where the tokenizer reads no
 * plain reference (a qualified reference, a name such as `LOG10(` or `A1B`, no address at all).
 */
function readPlainRef(s: string, i: number): number {
  // A run of sheet-name characters followed by `!` is a qualified reference.
  if (codeAt(s, nameRunEnd(s, i)) === 0x21) return -1;
  let end = readCorner(s, i);
  if (end < 0) return -1;
  const next = codeAt(s, end);
  if (isLetter(next) || isDigit(next) || next === 0x5f || next === 0x28) return -1;
  ref.fromRow = corner.row;
  ref.fromCol = corner.col;
  ref.fromAbsRow = corner.absRow;
  ref.fromAbsCol = corner.absCol;
  ref.fromColAt = corner.colAt;
  ref.fromColEnd = corner.colEnd;
  ref.fromRowAt = corner.rowAt;
  ref.fromRowEnd = end;
  ref.isRange = false;
  if (next === 0x3a) {
    const second = readCorner(s, end + 1);
    if (second >= 0) {
      ref.isRange = true;
      ref.toRow = corner.row;
      ref.toCol = corner.col;
      ref.toAbsRow = corner.absRow;
      ref.toAbsCol = corner.absCol;
      ref.toColAt = corner.colAt;
      ref.toColEnd = corner.colEnd;
      ref.toRowAt = corner.rowAt;
      ref.toRowEnd = second;
      end = second;
    }
  }
  return end;
}

/**
 * The end of the number at `i` (a digit there), as the tokenizer reads it: `12`, `1.5`, `2.`,
 * `1e3`, `1E+5`, `50%`. -1 when the digits start a sheet name (`2019!A1`): not a number.
 */
function numberEnd(s: string, i: number): number {
  if (codeAt(s, nameRunEnd(s, i)) === 0x21) return -1;
  let j = i;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  if (codeAt(s, j) === 0x2e) {
    j++;
    while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  }
  const e = codeAt(s, j);
  if (e === 0x65 || e === 0x45) {
    // An exponent only when digits follow, signed or not.
    let k = j + 1;
    const sign = codeAt(s, k);
    if (sign === 0x2b || sign === 0x2d) k++;
    if (isDigit(codeAt(s, k))) {
      while (k < s.length && isDigit(s.charCodeAt(k))) k++;
      j = k;
    }
  }
  if (codeAt(s, j) === 0x25) j++;
  return j;
}

/** Whether a character is one the tokenizer skips between tokens (ASCII whitespace). */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** One corner of a reference in R1C1, relative to the cell at `row`, `col` unless anchored. */
export function r1c1Corner(
  r: number,
  c: number,
  absRow: boolean,
  absCol: boolean,
  row: number,
  col: number,
): string {
  const rows = absRow ? `R${r + 1}` : r === row ? 'R' : `R[${r - row}]`;
  const cols = absCol ? `C${c + 1}` : c === col ? 'C' : `C[${c - col}]`;
  return rows + cols;
}

/** {@link ref} in R1C1, relative to the cell at `row`, `col`. */
function refToR1C1(row: number, col: number): string {
  const from = r1c1Corner(ref.fromRow, ref.fromCol, ref.fromAbsRow, ref.fromAbsCol, row, col);
  if (!ref.isRange) return from;
  return `${from}:${r1c1Corner(ref.toRow, ref.toCol, ref.toAbsRow, ref.toAbsCol, row, col)}`;
}

/**
 * Characters that are tokens of their own, kept in the R1C1 form as they are: `+ - * / ^ &`,
 * parentheses, `,` `;`, `%`, `:`, and the comparisons `< > =` (alone or as `<>`, `<=`, `>=`).
 */
const KEPT_AS_IS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (const c of '+-*/^&(),;%:<>=') t[c.charCodeAt(0)] = 1;
  return t;
})();

/** Whether `s[from, to)` is its own upper case: no ASCII lower-case letter, nothing beyond ASCII. */
function isUpperCase(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80 || (code >= 0x61 && code <= 0x7a)) return false;
  }
  return true;
}

/** Where the pieces of a formula's R1C1 form go, in order: into a string, or against one. */
interface R1C1Sink {
  /** `formula[from, to)`, as it is. False to stop. */
  text(formula: string, from: number, to: number): boolean;
  /** A function name, upper-cased. False to stop. */
  name(upper: string): boolean;
  /** The reference just read ({@link ref}), relative to the cell at `row`, `col`. False to stop. */
  reference(row: number, col: number): boolean;
}

/**
 * The R1C1 form of a formula, piece by piece into `sink`. Every token but a reference keeps its
 * text in the R1C1 form (function names upper-cased; spaces and the leading `=` left out), so the
 * text goes in runs and only the references are rewritten. False where the tokenizer would leave
 * its fast paths, or when the sink stops.
 */
function walkR1C1(formula: string, row: number, col: number, sink: R1C1Sink): boolean {
  let i = codeAt(formula, 0) === 0x3d ? 1 : 0;
  // formula[kept, i) is text kept as it is, not yet given to the sink.
  let kept = i;
  while (i < formula.length) {
    const code = formula.charCodeAt(i);
    if (code < 0x80 && KEPT_AS_IS[code] === 1) {
      i++;
      continue;
    }
    if (isAsciiSpace(code)) {
      if (!sink.text(formula, kept, i)) return false;
      kept = ++i;
      continue;
    }
    if (isDigit(code)) {
      i = numberEnd(formula, i);
      if (i < 0) return false;
      continue;
    }
    if (code !== 0x24 && !isLetter(code)) return false;
    const end = readPlainRef(formula, i);
    if (end >= 0) {
      if (!sink.text(formula, kept, i) || !sink.reference(row, col)) return false;
      i = kept = end;
      continue;
    }
    // A function name right before its parenthesis (`ROUND(`), upper-cased like the tokenizer does.
    const nameEnd = nameRunEnd(formula, i);
    if (code === 0x24 || codeAt(formula, nameEnd) !== 0x28) return false;
    if (!isUpperCase(formula, i, nameEnd)) {
      if (!sink.text(formula, kept, i) || !sink.name(formula.slice(i, nameEnd).toUpperCase()))
        return false;
      kept = nameEnd;
    }
    i = nameEnd;
  }
  return sink.text(formula, kept, formula.length);
}

/** An {@link R1C1Sink} that builds the R1C1 form. */
class R1C1Builder implements R1C1Sink {
  out = '';

  text(formula: string, from: number, to: number): boolean {
    if (to > from) this.out += formula.slice(from, to);
    return true;
  }

  name(upper: string): boolean {
    this.out += upper;
    return true;
  }

  reference(row: number, col: number): boolean {
    this.out += refToR1C1(row, col);
    return true;
  }
}

const builder = new R1C1Builder();

/** Fast path of `toR1C1`: null where the tokenizer would leave its fast paths. */
export function scanR1C1(formula: string, row: number, col: number): string | null {
  builder.out = '';
  return walkR1C1(formula, row, col, builder) ? builder.out : null;
}

/**
 * An {@link R1C1Sink} that builds nothing and notes where the references' row numbers and column
 * letters are.
 */
class ReferenceRecorder implements R1C1Sink {
  /** Per row number: where its digits start and end, its row (0-based), whether anchored. */
  at: number[] = [];
  end: number[] = [];
  rows: number[] = [];
  anchored: boolean[] = [];
  /** Per column: where its letters start and end, its column (0-based), whether anchored. */
  colAt: number[] = [];
  colEnd: number[] = [];
  cols: number[] = [];
  colAnchored: boolean[] = [];

  text(): boolean {
    return true;
  }

  name(): boolean {
    return true;
  }

  reference(): boolean {
    this.note(ref.fromRowAt, ref.fromRowEnd, ref.fromRow, ref.fromAbsRow);
    this.noteColumn(ref.fromColAt, ref.fromColEnd, ref.fromCol, ref.fromAbsCol);
    if (ref.isRange) {
      this.note(ref.toRowAt, ref.toRowEnd, ref.toRow, ref.toAbsRow);
      this.noteColumn(ref.toColAt, ref.toColEnd, ref.toCol, ref.toAbsCol);
    }
    return true;
  }

  private note(at: number, end: number, row: number, anchored: boolean): void {
    this.at.push(at);
    this.end.push(end);
    this.rows.push(row);
    this.anchored.push(anchored);
  }

  private noteColumn(at: number, end: number, col: number, anchored: boolean): void {
    this.colAt.push(at);
    this.colEnd.push(end);
    this.cols.push(col);
    this.colAnchored.push(anchored);
  }
}

/**
 * A formula that the formulas of the other rows of its column — or of the other columns of its
 * row — can be compared with by their text alone, without their R1C1 forms: the same R1C1 form
 * is, nearly always, the same text but for the row numbers (down a column) or the column letters
 * (across a row) of the references, which name the same rows or columns relative to their own
 * cell (or, anchored with `$`, the same ones). {@link R1C1Template.matches} checks exactly that.
 *
 * Why that is enough: the tokenizer's fast paths decide what a piece of text is from its
 * characters, and a row number by its digits only in that it has 1 to 7 of them, not all zeros
 * (and, after a cell's first corner, no digit after them). A formula that differs from the
 * template only in such row numbers is read into the same tokens but for those rows, and gives
 * the same R1C1 form. Any other difference (a space, a lower-case name, another number) makes
 * `matches` say no, and the caller then works out the R1C1 form as usual: it costs time, never a
 * wrong answer.
 */
export class R1C1Template {
  private constructor(
    private readonly formula: string,
    private readonly row: number,
    private readonly col: number,
    private readonly numbers: ReferenceRecorder,
  ) {}

  /** The template of a formula in the cell at `row`, `col`; null when the fast paths cannot read it. */
  static of(formula: string, row: number, col: number): R1C1Template | null {
    const numbers = new ReferenceRecorder();
    return walkR1C1(formula, row, col, numbers)
      ? new R1C1Template(formula, row, col, numbers)
      : null;
  }

  /**
   * Whether a formula in the cell at `row`, `col` is the template's text but for row numbers
   * (a cell of the template's column) or column letters (a cell of its row) that keep every
   * reference's row or column relative to the cell (or, anchored, keep it): true only when its
   * R1C1 form is the template's. False may still mean the same R1C1 form; a cell in neither the
   * template's row nor its column is always false.
   */
  matches(formula: string, row: number, col: number): boolean {
    if (col === this.col) return this.matchesDown(formula, row);
    return row === this.row && this.matchesAcross(formula, col);
  }

  /** {@link matches} for a cell of the template's column. */
  private matchesDown(formula: string, row: number): boolean {
    const { at, end, rows, anchored } = this.numbers;
    const template = this.formula;
    // formula[pos…] is compared with template[from…]; in between, row numbers.
    let pos = 0;
    let from = 0;
    for (let k = 0; k < at.length; k++) {
      const same = (at[k] as number) - from;
      if (!sameText(formula, pos, template, from, same)) return false;
      pos += same;
      // The row number here, read as the tokenizer reads one: 1 to 7 digits, not all zeros.
      // (A digit after them is compared with the template's text that follows.)
      let n = 0;
      let d = pos;
      while (d < formula.length && d - pos < 7 && isDigit(formula.charCodeAt(d))) {
        n = n * 10 + (formula.charCodeAt(d) - 0x30);
        d++;
      }
      if (d === pos || n === 0) return false;
      const wanted = anchored[k] ? (rows[k] as number) : (rows[k] as number) - this.row + row;
      if (n - 1 !== wanted) return false;
      pos = d;
      from = end[k] as number;
    }
    const rest = template.length - from;
    return formula.length - pos === rest && sameText(formula, pos, template, from, rest);
  }

  /**
   * {@link matches} for a cell of the template's row in another column: the template's text but
   * for column letters that keep every reference's column relative to the cell (or, anchored,
   * keep it). The tokenizer tells a reference's column from its letters only in that there are 1
   * to 3 of them (a fourth makes a name): what follows them is the template's own text.
   */
  private matchesAcross(formula: string, col: number): boolean {
    const { colAt, colEnd, cols, colAnchored } = this.numbers;
    const template = this.formula;
    let pos = 0;
    let from = 0;
    for (let k = 0; k < colAt.length; k++) {
      const same = (colAt[k] as number) - from;
      if (!sameText(formula, pos, template, from, same)) return false;
      pos += same;
      let c = 0;
      let l = pos;
      while (l < formula.length && isLetter(formula.charCodeAt(l))) {
        c = c * 26 + ((formula.charCodeAt(l) | 0x20) - 0x60);
        l++;
      }
      if (l === pos || l - pos > 3) return false;
      // A lone `E` right after a number is the number's exponent (`1E1`), not a column as the
      // template's letters there were (`1D1`): refused, and the formula read the slow way.
      if (l - pos === 1 && (formula.charCodeAt(pos) | 0x20) === 0x65 && followsNumber(formula, pos))
        return false;
      const wanted = colAnchored[k] ? (cols[k] as number) : (cols[k] as number) - this.col + col;
      if (c - 1 !== wanted) return false;
      pos = l;
      from = colEnd[k] as number;
    }
    const rest = template.length - from;
    return formula.length - pos === rest && sameText(formula, pos, template, from, rest);
  }
}

/** Whether the character before `i` may end a number: a digit or a decimal point. */
function followsNumber(s: string, i: number): boolean {
  const before = codeAt(s, i - 1);
  return isDigit(before) || before === 0x2e;
}

/** Whether `a[i, i + n)` and `b[j, j + n)` are the same characters (`a` long enough). */
function sameText(a: string, i: number, b: string, j: number, n: number): boolean {
  if (i + n > a.length) return false;
  for (let k = 0; k < n; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/** Whether `SUM(` (in any case) starts at `i`: the tokenizer's function name `SUM`, then its parenthesis. */
function isSumCall(s: string, i: number): boolean {
  if (codeAt(s, i + 3) !== 0x28) return false;
  const a = codeAt(s, i);
  const b = codeAt(s, i + 1);
  const c = codeAt(s, i + 2);
  // `| 0x20` lowers an ASCII letter. Beyond ASCII, upper-case as the tokenizer does (`ſum(` is SUM).
  if (a < 0x80 && b < 0x80 && c < 0x80)
    return (a | 0x20) === 0x73 && (b | 0x20) === 0x75 && (c | 0x20) === 0x6d;
  return nameRunEnd(s, i) === i + 3 && s.slice(i, i + 3).toUpperCase() === 'SUM';
}

/** A rectangle of cells, 0-based and inclusive on every side. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A rectangle of cells to read into. */
export interface MutableCellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** {@link ref} as a rectangle, whichever way round its corners are written. */
function refRange(out: MutableCellRange = { top: 0, left: 0, bottom: 0, right: 0 }): CellRange {
  const toRow = ref.isRange ? ref.toRow : ref.fromRow;
  const toCol = ref.isRange ? ref.toCol : ref.fromCol;
  out.top = Math.min(ref.fromRow, toRow);
  out.left = Math.min(ref.fromCol, toCol);
  out.bottom = Math.max(ref.fromRow, toRow);
  out.right = Math.max(ref.fromCol, toCol);
  return out;
}

/** How many cells a rectangle holds. */
export function rangeSize(g: CellRange): number {
  return (g.bottom - g.top + 1) * (g.right - g.left + 1);
}

/**
 * Fast path of `additiveRefs` for the two shapes nearly every total has, `SUM(C9,C12:C14)` and
 * `C9+C12+C15`, of plain references only (no spaces, no nesting): the rectangles whose cells, row
 * by row, are the cells the parser and `collect` give, in the same order. Undefined for anything
 * else (and past {@link MAX_CELLS} cells), which the parser then reads.
 */
export function scanPlainSum(formula: string): CellRange[] | undefined {
  let i = codeAt(formula, 0) === 0x3d ? 1 : 0;
  const inSum = isSumCall(formula, i);
  if (inSum) i += 4;
  const ranges: CellRange[] = [];
  let size = 0;
  for (;;) {
    i = readPlainRef(formula, i);
    if (i < 0) return undefined;
    const range = refRange();
    size += rangeSize(range);
    if (size > MAX_CELLS) return undefined;
    ranges.push(range);
    const next = codeAt(formula, i);
    if (inSum) {
      // SUM's arguments go on after `,` or `;`, and its `)` ends the formula.
      if (next === 0x2c || next === 0x3b) i++;
      else return next === 0x29 && i + 1 === formula.length ? ranges : undefined;
    } else {
      // A chain of `+` ends with the formula.
      if (next === 0x2b) i++;
      else return i === formula.length ? ranges : undefined;
    }
  }
}

/**
 * {@link scanPlainSum} for the sum of one rectangle, `SUM(C10:C19)` or `C10`, as nearly every
 * sub-total is, read into `out` without allocating anything: true exactly when `scanPlainSum`
 * gives `[out]`.
 */
export function scanOneRangeSum(formula: string, out: MutableCellRange): boolean {
  let i = codeAt(formula, 0) === 0x3d ? 1 : 0;
  const inSum = isSumCall(formula, i);
  if (inSum) i += 4;
  i = readPlainRef(formula, i);
  if (i < 0) return false;
  // SUM's `)`, or nothing, ends the formula right after the reference.
  const end = inSum ? (codeAt(formula, i) === 0x29 ? i + 1 : -1) : i;
  if (end !== formula.length) return false;
  return rangeSize(refRange(out)) <= MAX_CELLS;
}
