/**
 * Remove Vietnamese diacritics, including đ/Đ → d/D, from NFC or NFD text.
 *
 * @example
 * stripDiacritics('Ngân sách địa phương'); // 'Ngan sach dia phuong'
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Memo of {@link normalizeText}: at most this many entries (cleared when full), of texts up to this long. */
const MEMO_SIZE = 4096;
const MEMO_MAX_LENGTH = 500;
const normalized = new Map<string, string>();

/**
 * Normalise Vietnamese text for matching: NFC/NFD folded, diacritics removed (đ→d),
 * lower case, punctuation turned to spaces, runs of white space (incl. line breaks and
 * non-breaking spaces) collapsed, trimmed. Keeps `%`, `=` and `+` which headers use.
 *
 * @example
 * normalizeText('  Ngân sách\nTrung ương (NSTW) '); // 'ngan sach trung uong nstw'
 */
export function normalizeText(text: string): string {
  // Sheets repeat their labels, and a row's label is normalised by several checks: remember the
  // last few thousand results (the function is pure, so the cache never changes an answer).
  const hit = normalized.get(text);
  if (hit !== undefined) return hit;
  const out = stripDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%=+]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= MEMO_MAX_LENGTH) {
    if (normalized.size >= MEMO_SIZE) normalized.clear();
    normalized.set(text, out);
  }
  return out;
}

/**
 * Similarity of two normalised strings, 0–1, from their character bigrams (Dice coefficient).
 * Survives OCR damage: "ngan sach trung wong" is close to "ngan sach trung uong".
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** A string's character bigrams, sorted, so that it can be compared with many strings. */
export interface Bigrams {
  readonly text: string;
  /** Each bigram as its two UTF-16 code units (`first << 16 | second`), in ascending order. */
  readonly codes: Uint32Array;
}

/** The character bigrams of a normalised string, for {@link bigramSimilarity}. */
export function bigrams(text: string): Bigrams {
  const n = Math.max(0, text.length - 1);
  const codes = new Uint32Array(n);
  for (let i = 0; i < n; i++) codes[i] = ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;
  codes.sort();
  return { text, codes };
}

/** {@link similarity} of two strings whose bigrams are already read: the same number. */
export function bigramSimilarity(a: Bigrams, b: Bigrams): number {
  if (a.text === b.text) return 1;
  if (a.text.length < 2 || b.text.length < 2) return 0;
  // Bigrams both strings have, counted with multiplicity: a merge of two sorted lists.
  const x = a.codes;
  const y = b.codes;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    const u = x[i] as number;
    const v = y[j] as number;
    if (u === v) {
      shared++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return (2 * shared) / (a.text.length - 1 + b.text.length - 1);
}
