import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bigramSimilarity,
  bigrams,
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

describe('normalizeText fast path', () => {
  it('gives what the definition gives, on annex-like text and on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          annexText,
          fc.string({ maxLength: 40, unit: 'grapheme' }),
          fc.string({ maxLength: 40, unit: 'binary' }),
        ),
        (s) => {
          expect(normalizeText(s)).toBe(byDefinition(s));
        },
      ),
      { numRuns: 3000 },
    );
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
