import { tokenize, type RefPart, type Token } from './tokenize.js';

/** A parsed formula. `other` stands for what phuluc does not need to understand. */
export type FormulaNode =
  | { readonly type: 'number'; readonly value: string }
  | {
      readonly type: 'ref';
      readonly book?: string;
      readonly sheet?: string;
      readonly from: RefPart;
      readonly to?: RefPart;
    }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly FormulaNode[] }
  | {
      readonly type: 'binary';
      readonly op: string;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
    }
  | { readonly type: 'negate'; readonly arg: FormulaNode }
  | { readonly type: 'other'; readonly text: string };

const PRECEDENCE: Record<string, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

/**
 * Parse an Excel formula: numbers, A1 references and ranges (sheet- and book-qualified),
 * function calls (SUM, ROUND, …), + − * / ^ &, comparisons and parentheses.
 * Returns null when the formula does not parse; never throws.
 *
 * @example
 * parseFormula('SUM(C9:C12)+C15');
 */
export function parseFormula(formula: string): FormulaNode | null {
  try {
    const tokens = tokenize(formula);
    const p = new Parser(tokens);
    const node = p.expression(0);
    return p.done() ? node : null;
  } catch {
    return null;
  }
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  done(): boolean {
    return this.i === this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new Error('unexpected end');
    return t;
  }

  expression(min: number): FormulaNode {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (!t || t.type !== 'op') break;
      const prec = PRECEDENCE[t.text];
      if (prec === undefined || prec < min) break;
      this.next();
      const right = this.expression(t.text === '^' ? prec : prec + 1);
      left = { type: 'binary', op: t.text, left, right };
    }
    return left;
  }

  private unary(): FormulaNode {
    const t = this.peek();
    if (t?.type === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      const arg = this.unary();
      return t.text === '-' ? { type: 'negate', arg } : arg;
    }
    const node = this.primary();
    const after = this.peek();
    if (after?.type === 'op' && after.text === '%') {
      this.next();
      return { type: 'binary', op: '/', left: node, right: { type: 'number', value: '100' } };
    }
    return node;
  }

  private primary(): FormulaNode {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return { type: 'number', value: t.text };
      case 'ref':
        return {
          type: 'ref',
          ...(t.book ? { book: t.book } : {}),
          ...(t.sheet ? { sheet: t.sheet } : {}),
          from: t.from,
          ...(t.to ? { to: t.to } : {}),
        };
      case 'func': {
        const open = this.next();
        if (open.type !== 'paren' || open.text !== '(') throw new Error('expected (');
        const args: FormulaNode[] = [];
        if (!(this.peek()?.type === 'paren' && this.peek()?.text === ')')) {
          for (;;) {
            args.push(this.expression(0));
            const sep = this.peek();
            if (sep?.type === 'sep') {
              this.next();
              continue;
            }
            break;
          }
        }
        const close = this.next();
        if (close.type !== 'paren' || close.text !== ')') throw new Error('expected )');
        return { type: 'call', name: t.text, args };
      }
      case 'paren': {
        if (t.text !== '(') throw new Error('unexpected )');
        const inner = this.expression(0);
        const close = this.next();
        if (close.type !== 'paren' || close.text !== ')') throw new Error('expected )');
        return inner;
      }
      default:
        return { type: 'other', text: t.text };
    }
  }
}
