import { stripDiacritics } from '../grid/normalize.js';

/** A plan's text folded for matching, with a way back to its lines. */
export interface FoldedText {
  /** The original lines (NFC). */
  readonly lines: readonly string[];
  /** Every line folded (see {@link foldLine}), joined with `\n`. */
  readonly text: string;
  /** Offset in {@link FoldedText.text} where each line starts. */
  readonly starts: readonly number[];
}

/** Longest text read: plans are a few dozen pages; anything longer is cut here. */
export const MAX_PLAN_CHARS = 2_000_000;

/**
 * Fold one line for matching: NFC, diacritics removed (đ→d), lower case, dashes made `-`,
 * markdown emphasis (`*`, `_`, backticks) and leading `#`s removed, non-breaking spaces made
 * spaces. OCR damage stays: the matchers tolerate it ("tri¢u", "ddng", "trung wong").
 *
 * @example
 * foldLine('**4.1. Tổng kinh phí thực hiện: 2.444.771.300 đồng**'); // '4.1. tong kinh phi thuc hien: 2.444.771.300 dong'
 */
export function foldLine(line: string): string {
  return stripDiacritics(line.normalize('NFC'))
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2007\u2009\t]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/^\s*#+\s*/, '')
    .replace(/[*_`]/g, '');
}

/** Split a text into lines (CRLF, CR or LF) and fold them. */
export function foldText(text: string): FoldedText {
  const source = typeof text === 'string' ? text.slice(0, MAX_PLAN_CHARS) : '';
  const lines = source.normalize('NFC').split(/\r\n|\r|\n/);
  const starts: number[] = [];
  const folded: string[] = [];
  let at = 0;
  for (const l of lines) {
    const f = foldLine(l);
    starts.push(at);
    folded.push(f);
    at += f.length + 1;
  }
  return { lines, text: folded.join('\n'), starts };
}

/** The 1-based line of an offset in {@link FoldedText.text}. */
export function lineAt(folded: FoldedText, offset: number): number {
  const s = folded.starts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
