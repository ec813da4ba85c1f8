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

  it('reads long labels (its buffer grows)', () => {
    const name = normalizeText('Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp');
    const index = new BigramIndex([name]);
    const long = `${name} `.repeat(40);
    expect(index.similarities(long)[0]).toBe(bigramSimilarity(bigrams(long), bigrams(name)));
    expect(index.similarities(name)[0]).toBe(1);
  });
});
