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

/** Operators of one character that start no other token: `+ - * / ^ &`. */
const ONE_CHAR_OP: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (const c of '+-*/^&') t[c.charCodeAt(0)] = 1;
  return t;
})();

/** Whether a character code is an ASCII letter. */
export function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Whether a character code is an ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A character of a sheet name that needs no quotes: what the `qualified` pattern below reads before `!`. */
function isSheetNameChar(code: number): boolean {
  return (
    isLetter(code) ||
    isDigit(code) ||
    code === 0x5f ||
    code === 0x2e ||
    (code >= 0xc0 && code <= 0x1ef9)
  );
}

/** The end of the run of sheet-name characters (also the characters of a name or function) from `i`. */
export function nameRunEnd(s: string, i: number): number {
  let r = i;
  while (r < s.length && isSheetNameChar(s.charCodeAt(r))) r++;
  return r;
}

/** {@link readCell} at `j` without slicing: `$`, 1–3 letters, `$`, up to 7 digits. */
function cellAt(s: string, j: number): { part: RefPart; end: number } | null {
  let k = j;
  const absCol = s.charCodeAt(k) === 0x24;
  if (absCol) k++;
  let l = k;
  while (l < s.length && isLetter(s.charCodeAt(l))) l++;
  if (l === k || l - k > 3) return null;
  let m = l;
  const absRow = s.charCodeAt(m) === 0x24;
  if (absRow) m++;
  let d = m;
  while (d < s.length && d - m < 7 && isDigit(s.charCodeAt(d))) d++;
  if (d === m) return null;
  const col = columnIndex(s.slice(k, l));
  const row = Number(s.slice(m, d)) - 1;
  if (col < 0 || row < 0) return null;
  return { part: { row, col, absCol, absRow }, end: d };
}

/**
 * A cell or range reference at `i` that no sheet or book qualifies (`C9`, `$D$9:E12`), read the
 * way the general path does; null for anything else (then the general path reads it).
 */
function plainRef(s: string, i: number): { token: Token; end: number } | null {
  // A run of sheet-name characters followed by `!` is a qualified reference: the general path.
  if (s.charCodeAt(nameRunEnd(s, i)) === 0x21) return null;
  const first = cellAt(s, i);
  if (!first) return null;
  const next = s.charCodeAt(first.end);
  if (isLetter(next) || isDigit(next) || next === 0x5f || next === 0x28) return null;
  let end = first.end;
  let to: RefPart | undefined;
  if (s.charCodeAt(end) === 0x3a) {
    const second = cellAt(s, end + 1);
    if (second) {
      to = second.part;
      end = second.end;
    }
  }
  return { token: refToken(s.slice(i, end), undefined, undefined, first.part, to), end };
}

/** A `ref` token, with `book`, `sheet` and `to` only when they are there (built without spreading, for speed). */
function refToken(
  text: string,
  book: string | undefined,
  sheet: string | undefined,
  from: RefPart,
  to: RefPart | undefined,
): Token {
  const t: {
    type: 'ref';
    text: string;
    book?: string;
    sheet?: string;
    from?: RefPart;
    to?: RefPart;
  } = { type: 'ref', text };
  if (book) t.book = book;
  if (sheet) t.sheet = sheet;
  t.from = from;
  if (to) t.to = to;
  return t as Token;
}

/**
 * Split a formula (with or without its leading `=`) into tokens. Never throws: what it
 * cannot read becomes an `op` token of one character, so callers can still tell the
 * formula apart from a plain sum.
 */
export function tokenize(formula: string): Token[] {
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    // The common tokens of annex formulas (operators, parentheses, separators, unqualified cell
    // references) read without regular expressions; everything else below. Same tokens either way.
    const code = s.charCodeAt(i);
    if (ONE_CHAR_OP[code] === 1) {
      out.push({ type: 'op', text: s[i] as string });
      i++;
      continue;
    }
    if (code === 0x28 || code === 0x29) {
      out.push({ type: 'paren', text: code === 0x28 ? '(' : ')' });
      i++;
      continue;
    }
    if (code === 0x2c || code === 0x3b) {
      out.push({ type: 'sep', text: s[i] as string });
      i++;
      continue;
    }
    if (code === 0x24 || isLetter(code)) {
      const ref = plainRef(s, i);
      if (ref) {
        out.push(ref.token);
        i = ref.end;
        continue;
      }
      // A function name right before its parenthesis (`SUM(`, `ROUND(`): not a sheet, not a cell.
      const end = nameRunEnd(s, i);
      if (code !== 0x24 && s.charCodeAt(end) === 0x28) {
        out.push({ type: 'func', text: s.slice(i, end).toUpperCase() });
        i = end;
        continue;
      }
    }
    if (isDigit(code)) {
      // A whole number (`100`, `2`) with no decimals, exponent, percent or sheet name after it.
      const end = nameRunEnd(s, i);
      let d = i;
      while (d < s.length && isDigit(s.charCodeAt(d))) d++;
      const next = s.charCodeAt(d);
      if (
        s.charCodeAt(end) !== 0x21 &&
        next !== 0x2e &&
        next !== 0x65 &&
        next !== 0x45 &&
        next !== 0x25
      ) {
        out.push({ type: 'number', text: s.slice(i, d) });
        i = d;
        continue;
      }
    }
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
      out.push(refToken(s.slice(i, k), book, sheet, first.part, to));
      i = k;
      continue;
    }
    if (qualified) {
      // A sheet-qualified thing that is not a cell (a whole column, a name): keep it opaque.
      const m = /^[^\s,;()+\-*/^&=<>]+/.exec(s.slice(j));
      const text = s.slice(i, j + (m?.[0].length ?? 0));
      out.push(
        refToken(text, book, sheet, { row: -1, col: -1, absCol: false, absRow: false }, undefined),
      );
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
