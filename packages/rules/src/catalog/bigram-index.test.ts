import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigramSimilarity, bigrams, normalizeText } from '../grid/normalize.js';
import { BigramIndex } from './bigram-index.js';

describe('BigramIndex', () => {
  it('gives exactly the numbers bigramSimilarity gives', () => {
    const texts = ['cai thien dinh duong', 'giam ngheo ve thong tin', 'aa', 'a', '', 'aaaa ba'];
    const index = new BigramIndex(texts);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'n', 'g', 'h', 'o'), maxLength: 30 }),
          fc.constantFrom(...texts),
          fc.string({ maxLength: 20 }),
        ),
        (text) => {
          const got = index.similarities(text);
          texts.forEach((t, i) => {
            expect(got[i]).toBe(bigramSimilarity(bigrams(text), bigrams(t)));
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('finds the text most like a label, or none like it enough, as the similarities say', () => {
    const texts = [
      'cai thien dinh duong',
      'giam ngheo ve thong tin',
      'ho tro viec lam ben vung',
      'ho tro viec lam',
      'aa',
      '',
    ];
    // Up to 32 texts are counted all at once (bit-sliced), more one by one (with an early stop).
    const many = [...texts, ...Array.from({ length: 30 }, (_, i) => `ho tro thon ${i} xa`)];
    const indexes = [new BigramIndex(texts), new BigramIndex(many)];
    const word = fc.constantFrom('cai', 'thien', 'dinh', 'duong', 'ho', 'tro', 'viec', 'lam', 'xa');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(word, { maxLength: 8 }).map((w) => w.join(' ')),
          fc.constantFrom(...texts),
          fc.string({ maxLength: 30 }),
        ),
        fc.constantFrom(0.3, 0.6, 0.72, 0.9, 1),
        (text, min) => {
          for (const [index, list] of [
            [indexes[0], texts],
            [indexes[1], many],
          ] as const) {
            const scores = list.map((t) => bigramSimilarity(bigrams(text), bigrams(t)));
            const top = Math.max(...scores);
            const expected = top >= min ? scores.indexOf(top) : -1;
            expect(index?.best(text, min)).toBe(expected);
          }
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('reads long labels (its buffer grows)', () => {
    const name = normalizeText('Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp');
    const index = new BigramIndex([name]);
    const long = `${name} `.repeat(40);
    expect(index.similarities(long)[0]).toBe(bigramSimilarity(bigrams(long), bigrams(name)));
    expect(index.similarities(name)[0]).toBe(1);
  });
});
