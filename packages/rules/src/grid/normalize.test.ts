import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bigramSimilarity,
  bigrams,
  foldsEmpty,
  foldsWithout,
  normalizedFirstWord,
  normalizeText,
  similarity,
  stripDiacritics,
} from './normalize.js';

/** normalizeText by its definition: what the one-pass fast path must always agree with. */
function byDefinition(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%=+]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Pieces of annex text: Vietnamese in NFC and NFD, combining marks, punctuation, odd spaces, and what the fast path does not know. */
const piece = fc.constantFrom(
  'Ngân sách',
  'TRUNG ƯƠNG',
  'địa phương',
  'Đơn vị tính:',
  'triệu đồng',
  'Tiểu dự án 1',
  'hộ nghèo',
  'Tỷ lệ (%)',
  '3=1+2',
  'Ngân sách'.normalize('NFD'),
  'Ượ'.normalize('NFD'),
  '\u0301',
  '\u0323',
  '\u0309',
  ' ',
  '  ',
  '\u00a0',
  '\t',
  '\n',
  '–',
  '—',
  '…',
  '“',
  '”',
  '’',
  '½',
  '²',
  'ǅ',
  'İ',
  'ß',
  'Σ',
  'ς',
  '中文',
  '😀',
  '\u20d2',
  'a',
  'Z',
  '0',
  '9',
  '.',
  ',',
  '-',
  '+',
  '=',
  '%',
  '/',
  '(',
  ')',
  ':',
  ';',
  '|',
  '_',
);
const annexText = fc.array(piece, { maxLength: 20 }).map((xs) => xs.join(''));

const anyText = fc.oneof(
  annexText,
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.string({ maxLength: 40, unit: 'binary' }),
);

/** A text and a slice of it, `[from, to)`. */
const textSlice = fc.tuple(anyText, fc.nat(), fc.nat()).map(([s, a, b]) => {
  const from = Math.min(a, b) % (s.length + 1);
  return { s, from, to: Math.max(from, Math.max(a, b) % (s.length + 1)) };
});

describe('normalizeText fast path', () => {
  it('gives what the definition gives, on annex-like text and on any text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(normalizeText(s)).toBe(byDefinition(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('normalizedFirstWord', () => {
  it("is the first word of normalizeText's answer", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(normalizedFirstWord(s)).toBe(normalizeText(s).split(' ')[0]);
      }),
      { numRuns: 3000 },
    );
    expect(normalizedFirstWord('  Tổng cộng (I+II)')).toBe('tong');
    expect(normalizedFirstWord('- Trong đó:')).toBe('trong');
    expect(normalizedFirstWord('…')).toBe('');
  });
});

describe('foldsEmpty', () => {
  it('says whether a slice folds to nothing', () => {
    fc.assert(
      fc.property(textSlice, ({ s, from, to }) => {
        expect(foldsEmpty(s, from, to)).toBe(normalizeText(s.slice(from, to)) === '');
      }),
      { numRuns: 3000 },
    );
    expect(foldsEmpty('- (xã A)', 0, 2)).toBe(true);
    expect(foldsEmpty('- (xã A)', 0, 5)).toBe(false);
  });
});

describe('foldsWithout', () => {
  it('is false whenever the folded slice holds the letter', () => {
    fc.assert(
      fc.property(textSlice, ({ s, from, to }) => {
        // Folded alone, a slice may lose or gain nothing the letter depends on: each character
        // the fast fold knows folds on its own, and the others answer false.
        if (foldsWithout(s, from, to, 0x64))
          expect(normalizeText(s.slice(from, to))).not.toContain('d');
      }),
      { numRuns: 3000 },
    );
    expect(foldsWithout('xã Mường Lạn, hạng mục 2.1', 0, 26, 0x64)).toBe(true);
    expect(foldsWithout('Đắk Mil', 0, 7, 0x64)).toBe(false);
    expect(foldsWithout('ḍ', 0, 1, 0x64)).toBe(false);
  });
});

describe('bigramSimilarity', () => {
  it('is exactly similarity()', () => {
    const text = fc.oneof(
      annexText.map(normalizeText),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', 'a', 'ab', 'aaaa'),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(bigramSimilarity(bigrams(a), bigrams(b))).toBe(similarity(a, b));
      }),
      { numRuns: 3000 },
    );
  });
});
