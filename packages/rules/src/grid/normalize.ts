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

/**
 * Normalise Vietnamese text for matching: NFC/NFD folded, diacritics removed (đ→d),
 * lower case, punctuation turned to spaces, runs of white space (incl. line breaks and
 * non-breaking spaces) collapsed, trimmed. Keeps `%`, `=` and `+` which headers use.
 *
 * @example
 * normalizeText('  Ngân sách\nTrung ương (NSTW) '); // 'ngan sach trung uong nstw'
 */
export function normalizeText(text: string): string {
  // Labels and headers are almost always ASCII and Vietnamese letters: one pass over a table.
  return foldText(text) ?? normalizeSlowly(text);
}

/** {@link normalizeText} by its definition: Unicode normalisation and regular expressions. */
function normalizeSlowly(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%=+]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a character is to {@link foldText}: not known (fall back), dropped (a combining mark), a separator, or an ASCII code. */
const FOLD_UNKNOWN = 0;
const FOLD_SKIP = 1;
const FOLD_SEPARATOR = 2;
/** The characters {@link foldText} knows: ASCII, Latin-1, the Vietnamese letters, combining diacritics, general punctuation. */
const FOLD_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x01b0],
  [0x0300, 0x036f],
  [0x1ea0, 0x1ef9],
  [0x2000, 0x206f],
];
/** One entry per UTF-16 code unit: characters past the ranges are unknown (0). */
const FOLD_TABLE_SIZE = 0x10000;
let foldTable: Uint8Array | undefined;
/** Longer text takes the slow path (and the output buffer stays small). */
const FOLD_MAX_LENGTH = 2000;
const foldBuffer = new Uint8Array(FOLD_MAX_LENGTH);

/** The first `n` bytes of {@link foldBuffer}: one view per length, made once. */
const foldViews: Array<Uint8Array | undefined> = new Array<Uint8Array | undefined>(
  FOLD_MAX_LENGTH + 1,
).fill(undefined);

function foldView(n: number): Uint8Array {
  return (foldViews[n] ??= foldBuffer.subarray(0, n));
}

/** Decodes {@link foldBuffer} into a string: folded text is ASCII. */
interface AsciiDecoder {
  decode(bytes: Uint8Array): string;
}

/**
 * A `TextDecoder` where the runtime has one (Node, browsers, Office's web views): it makes a
 * string from bytes faster than `String.fromCharCode`. The rules package reads no files; it only
 * borrows the decoder, and works without it.
 */
const asciiDecoder: AsciiDecoder = (() => {
  const Decoder = (globalThis as { TextDecoder?: new (label: string) => AsciiDecoder }).TextDecoder;
  if (Decoder) {
    try {
      return new Decoder('latin1');
    } catch {
      // No latin1 decoder: fall through.
    }
  }
  return {
    decode: (bytes) => String.fromCharCode.apply(null, bytes as unknown as number[]),
  };
})();

/**
 * Each known character's part in {@link normalizeText}, read from {@link normalizeSlowly} itself
 * ("a" + c + "b" gives "ab", "a b", or "a" + one ASCII letter, digit, %, = or + + "b"), so the
 * fast path cannot drift from the definition. Anything else stays unknown.
 */
function buildFoldTable(): Uint8Array {
  const table = new Uint8Array(FOLD_TABLE_SIZE);
  for (const [from, to] of FOLD_RANGES) {
    for (let code = from; code <= to; code++) {
      const c = String.fromCharCode(code);
      if (code >= 0x0300 && code <= 0x036f) {
        if (normalizeSlowly(`a${c}b`) === 'ab') table[code] = FOLD_SKIP;
        continue;
      }
      const n = normalizeSlowly(`a${c}b`);
      if (n === 'a b') table[code] = FOLD_SEPARATOR;
      else if (n.length === 3 && /^a[a-z0-9%=+]b$/.test(n)) table[code] = n.charCodeAt(1);
    }
  }
  return table;
}

/**
 * {@link normalizeText} in one pass for text made only of characters whose folding does not
 * depend on their neighbours (ASCII, Vietnamese letters in NFC or NFD, common punctuation);
 * undefined for anything else, which takes the slow path.
 */
function foldText(text: string): string | undefined {
  const length = text.length;
  if (length > FOLD_MAX_LENGTH) return undefined;
  const table = (foldTable ??= buildFoldTable());
  const out = foldBuffer;
  let n = 0;
  // 1 when a separator came after the last character written: a space goes before the next one.
  let space = 0;
  // Letters and digits first: they are most of any label.
  for (let i = 0; i < length; i++) {
    const f = table[text.charCodeAt(i)] as number;
    if (f > FOLD_SEPARATOR) {
      // The space is written, and kept only when one is due (no branch on it).
      out[n] = 0x20;
      n += space;
      space = 0;
      out[n++] = f;
    } else if (f === FOLD_SEPARATOR) space = n > 0 ? 1 : 0;
    else if (f === FOLD_UNKNOWN) return undefined;
  }
  return asciiDecoder.decode(foldView(n));
}

/**
 * The first word of {@link normalizeText}`(text)` ('' when it has none), folding only as far as
 * that word: what a row's label must start with to be a total or a "Trong đó" heading is known
 * from it, without folding the whole label.
 *
 * @example
 * normalizedFirstWord('  Tổng cộng (I+II)'); // 'tong'
 */
export function normalizedFirstWord(text: string): string {
  const table = (foldTable ??= buildFoldTable());
  const out = foldBuffer;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const f = table[text.charCodeAt(i)] as number;
    if (f > FOLD_SEPARATOR) {
      if (n === FOLD_MAX_LENGTH) break;
      out[n++] = f;
    } else if (f === FOLD_SEPARATOR) {
      if (n > 0) return foldedWord(n);
    } else if (f === FOLD_UNKNOWN) return normalizeText(text).split(' ', 1)[0] ?? '';
  }
  return n === FOLD_MAX_LENGTH ? (normalizeText(text).split(' ', 1)[0] ?? '') : foldedWord(n);
}

/** Longest word {@link foldedWord} makes character by character. */
const SHORT_WORD = 12;

/**
 * The first `n` bytes of {@link foldBuffer} as a string: a short word (most first words) made
 * here, a longer one by the decoder (a call into the runtime costs more than a few characters).
 */
function foldedWord(n: number): string {
  if (n > SHORT_WORD) return asciiDecoder.decode(foldView(n));
  let word = '';
  for (let i = 0; i < n; i++) word += String.fromCharCode(foldBuffer[i] as number);
  return word;
}

/**
 * Whether no character of `text[from, to)` can fold ({@link normalizeText}) to the ASCII letter
 * `letter` (a lower-case letter's code): false as soon as one does, and for any character the
 * fast fold does not know (it might).
 *
 * @example
 * foldsWithout('xã Mường Lạn, hạng mục 2.1', 0, 26, 0x64); // true: no "d"
 * foldsWithout('Đắk Mil', 0, 7, 0x64);                      // false
 */
export function foldsWithout(text: string, from: number, to: number, letter: number): boolean {
  const table = (foldTable ??= buildFoldTable());
  for (let i = from; i < to; i++) {
    const f = table[text.charCodeAt(i)] as number;
    if (f === letter || f === FOLD_UNKNOWN) return false;
  }
  return true;
}

/**
 * Whether `text[from, to)` folds ({@link normalizeText}) to nothing: it holds no letter or digit.
 *
 * @example
 * foldsEmpty('- (xã A)', 0, 2); // true
 */
export function foldsEmpty(text: string, from: number, to: number): boolean {
  const table = (foldTable ??= buildFoldTable());
  for (let i = from; i < to; i++) {
    const f = table[text.charCodeAt(i)] as number;
    if (f > FOLD_SEPARATOR) return false;
    if (f === FOLD_UNKNOWN) return normalizeText(text.slice(from, to)) === '';
  }
  return true;
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
  for (let i = 0; i < n; i++)
    codes[i] = ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;
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
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
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
