import { decodeA1, decodeRange } from './a1.js';

/**
 * A small evaluator for the formulas annexes use: numbers, cell references and ranges on the
 * same sheet, `+ - * /`, parentheses, unary minus, percent, and SUM, ROUND, ABS, MIN, MAX.
 * Anything else (other sheets, other functions, text operations) is "unsupported" and its cached
 * value is left alone; Excel recomputes it on open.
 */
class Unsupported extends Error {}
/** An Excel error value raised while evaluating (`#VALUE!`, `#DIV/0!` …). */
export class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** A cell's value as formulas see it. */
export type Scalar = number | string | boolean | null;
type Arg = { kind: 'scalar'; value: Scalar } | { kind: 'range'; values: Scalar[] };

/** Reads a cell (0-based row and column) for the evaluator. */
export interface Reader {
  (row: number, col: number): Scalar;
}

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|([A-Za-z][A-Za-z0-9.]*)\s*\(|([-+*/(),%^&<>=!:;'"{}[\]]))/y;

type Tok =
  | { t: 'num'; v: number }
  | { t: 'ref'; v: string }
  | { t: 'fn'; v: string }
  | { t: 'op'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new Unsupported(src);
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) {
      // A reference followed by "!" is a sheet name, not a cell: unsupported.
      if (src[pos] === '!') throw new Unsupported(src);
      out.push({ t: 'ref', v: m[2].replace(/\$/g, '').toUpperCase() });
    } else if (m[3] !== undefined) out.push({ t: 'fn', v: m[3].toUpperCase() });
    else out.push({ t: 'op', v: m[4]! });
  }
  return out;
}

function toNumber(v: Scalar): number {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = v.trim();
  // Excel's + coerces text that reads as a number in the file's invariant form.
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) return Number(s);
  throw new FormulaError('#VALUE!');
}

function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly read: Reader,
  ) {}

  parse(): number {
    const v = this.expr();
    if (this.i !== this.toks.length) throw new Unsupported('trailing');
    return v;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new Unsupported(`expected ${v}`);
    this.i++;
  }

  private expr(): number {
    let v = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.toks[this.i++] as { v: string }).v;
      const r = this.term();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }

  private term(): number {
    let v = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.toks[this.i++] as { v: string }).v;
      const r = this.unary();
      if (op === '/') {
        if (r === 0) throw new FormulaError('#DIV/0!');
        v = v / r;
      } else v = v * r;
    }
    return v;
  }

  private unary(): number {
    if (this.isOp('-')) {
      this.i++;
      return -this.unary();
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    let v = this.primary();
    while (this.isOp('%')) {
      this.i++;
      v = v / 100;
    }
    return v;
  }

  private primary(): number {
    const t = this.toks[this.i++];
    if (!t) throw new Unsupported('end');
    if (t.t === 'num') return t.v;
    if (t.t === 'ref') {
      if (t.v.includes(':')) throw new Unsupported('range outside a function');
      const a = decodeA1(t.v)!;
      return toNumber(this.read(a.row, a.col));
    }
    if (t.t === 'fn') return this.call(t.v);
    if (t.v === '(') {
      const v = this.expr();
      this.expect(')');
      return v;
    }
    throw new Unsupported(t.v);
  }

  private args(): Arg[] {
    const out: Arg[] = [];
    if (this.isOp(')')) {
      this.i++;
      return out;
    }
    for (;;) {
      const t = this.peek();
      const next = this.toks[this.i + 1];
      const endsArg = !next || (next.t === 'op' && (next.v === ',' || next.v === ')'));
      if (t?.t === 'ref' && endsArg) {
        this.i++;
        const r = decodeRange(t.v)!;
        const values: Scalar[] = [];
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) values.push(this.read(row, col));
        }
        out.push(
          t.v.includes(':')
            ? { kind: 'range', values }
            : { kind: 'scalar', value: values[0] ?? null },
        );
      } else {
        out.push({ kind: 'scalar', value: this.expr() });
      }
      if (this.isOp(',')) {
        this.i++;
        continue;
      }
      this.expect(')');
      return out;
    }
  }

  /** Numbers of SUM/MIN/MAX arguments: ranges and references skip text and booleans, literals coerce. */
  private numbers(args: Arg[]): number[] {
    const out: number[] = [];
    for (const a of args) {
      if (a.kind === 'range') {
        for (const v of a.values) if (typeof v === 'number') out.push(v);
      } else if (typeof a.value === 'number') out.push(a.value);
      else if (a.value !== null && typeof a.value !== 'string') out.push(toNumber(a.value));
    }
    return out;
  }

  private call(name: string): number {
    const args = this.args();
    const scalar = (k: number): number => {
      const a = args[k];
      if (!a || a.kind !== 'scalar') throw new Unsupported(name);
      return toNumber(a.value);
    };
    switch (name) {
      case 'SUM':
        return this.numbers(args).reduce((s, x) => s + x, 0);
      case 'MIN': {
        const n = this.numbers(args);
        return n.length ? Math.min(...n) : 0;
      }
      case 'MAX': {
        const n = this.numbers(args);
        return n.length ? Math.max(...n) : 0;
      }
      case 'ABS':
        return Math.abs(scalar(0));
      case 'ROUND':
        return roundHalfAway(scalar(0), args.length > 1 ? Math.trunc(scalar(1)) : 0);
      default:
        throw new Unsupported(name);
    }
  }
}

/**
 * Evaluate one formula (without `=`) against a cell reader. Returns the number, an error value, or
 * `undefined` when the formula is outside the supported subset.
 */
export function evaluateFormula(
  formula: string,
  read: Reader,
): number | { error: string } | undefined {
  try {
    const v = new Parser(tokenize(formula.replace(/^=/, '')), read).parse();
    if (!Number.isFinite(v)) return { error: '#NUM!' };
    return v;
  } catch (e) {
    if (e instanceof FormulaError) return { error: e.code };
    return undefined;
  }
}
