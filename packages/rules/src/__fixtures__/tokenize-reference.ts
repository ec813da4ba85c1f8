// The formula tokenizer as it was before its fast path for common tokens (commit 6cedc1f): the
// reference the property test of tokenize.ts compares with. Not used by the rules themselves.
import { columnIndex } from '../grid/a1.js';

/** A cell reference inside a formula, 0-based, with `$` anchors. */
export interface RefPart {
  readonly row: number;
  readonly col: number;
  readonly absRow: boolean;
  readonly absCol: boolean;
}

/** A token of an Excel formula. */
export type Token =
  | { readonly type: 'number'; readonly text: string }
  | { readonly type: 'string'; readonly text: string }
  | { readonly type: 'error'; readonly text: string }
  | { readonly type: 'bool'; readonly text: string }
  | {
      readonly type: 'ref';
      readonly text: string;
      readonly book?: string;
      readonly sheet?: string;
      readonly from: RefPart;
      readonly to?: RefPart;
    }
  | { readonly type: 'func'; readonly text: string }
  | { readonly type: 'name'; readonly text: string }
  | { readonly type: 'op'; readonly text: string }
  | { readonly type: 'paren'; readonly text: '(' | ')' }
  | { readonly type: 'sep'; readonly text: string };

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;

function readCell(s: string): { part: RefPart; length: number } | null {
  const m = CELL.exec(s);
  if (!m) return null;
  const col = columnIndex(m[2] ?? '');
  const row = Number(m[4]) - 1;
  if (col < 0 || row < 0) return null;
  return { part: { row, col, absCol: m[1] === '$', absRow: m[3] === '$' }, length: m[0].length };
}

/**
 * Split a formula (with or without its leading `=`) into tokens. Never throws: what it
 * cannot read becomes an `op` token of one character, so callers can still tell the
 * formula apart from a plain sum.
 */
export function tokenizeReference(formula: string): Token[] {
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const ch = s[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < s.length && !(s[j] === '"' && s[j + 1] !== '"')) j += s[j] === '"' ? 2 : 1;
      out.push({ type: 'string', text: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const m = /^#(?:REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)/i.exec(rest);
      const text = m ? m[0] : '#';
      out.push({ type: 'error', text });
      i += text.length;
      continue;
    }
    // [Book.xlsx]Sheet!A1, 'My sheet'!A1, Sheet1!A1:B2, A1, $A$1:B2
    const qualified = /^(?:'((?:[^']|'')+)'|((?:\[[^\]]+\])?[A-Za-z0-9_.\u00C0-\u1EF9]+))!/.exec(
      rest,
    );
    let book: string | undefined;
    let sheet: string | undefined;
    let j = i;
    if (qualified) {
      const raw = (qualified[1] ?? qualified[2] ?? '').replace(/''/g, "'");
      const bm = /^(.*)\[([^\]]+)\](.*)$/.exec(raw);
      book = bm ? bm[2] : undefined;
      sheet = bm ? bm[3] : raw;
      j = i + qualified[0].length;
    }
    const first = readCell(s.slice(j));
    if (first && !/^[A-Za-z0-9_(]/.test(s.slice(j + first.length, j + first.length + 1))) {
      let k = j + first.length;
      let to: RefPart | undefined;
      if (s[k] === ':') {
        const second = readCell(s.slice(k + 1));
        if (second) {
          to = second.part;
          k += 1 + second.length;
        }
      }
      out.push({
        type: 'ref',
        text: s.slice(i, k),
        ...(book ? { book } : {}),
        ...(sheet ? { sheet } : {}),
        from: first.part,
        ...(to ? { to } : {}),
      });
      i = k;
      continue;
    }
    if (qualified) {
      // A sheet-qualified thing that is not a cell (a whole column, a name): keep it opaque.
      const m = /^[^\s,;()+\-*/^&=<>]+/.exec(s.slice(j));
      const text = s.slice(i, j + (m?.[0].length ?? 0));
      out.push({
        type: 'ref',
        text,
        ...(book ? { book } : {}),
        ...(sheet ? { sheet } : {}),
        from: { row: -1, col: -1, absCol: false, absRow: false },
      });
      i += text.length;
      continue;
    }
    const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?/.exec(rest);
    if (num) {
      out.push({ type: 'number', text: num[0] });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_\u00C0-\u1EF9][A-Za-z0-9_.\u00C0-\u1EF9]*/.exec(rest);
    if (word) {
      const after = s.slice(i + word[0].length).trimStart();
      const upper = word[0].toUpperCase();
      if (after.startsWith('(')) out.push({ type: 'func', text: upper });
      else if (upper === 'TRUE' || upper === 'FALSE') out.push({ type: 'bool', text: upper });
      else out.push({ type: 'name', text: word[0] });
      i += word[0].length;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push({ type: 'paren', text: ch });
      i++;
      continue;
    }
    if (ch === ',' || ch === ';') {
      out.push({ type: 'sep', text: ch });
      i++;
      continue;
    }
    const op = /^(?:<>|<=|>=|[-+*/^&=<>%:])/.exec(rest);
    const text = op ? op[0] : ch;
    out.push({ type: 'op', text });
    i += text.length;
  }
  return out;
}
