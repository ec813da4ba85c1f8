import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { similarity } from '../grid/normalize.js';
import { matchPhrase, phraseText, type PhraseText } from './phrases.js';

/**
 * matchPhrase by its definition (the code before windows were skipped by length and compared by
 * sorted bigrams): every window of as many words, compared with `similarity`.
 */
function byDefinition(text: PhraseText, phrase: string): number {
  if (text.padded.includes(` ${phrase} `)) return 1;
  const n = phrase.split(' ').length;
  if ((n < 2 && phrase.length < 6) || text.words.length < n) return 0;
  let best = 0;
  for (let i = 0; i + n <= text.words.length; i++) {
    const s = similarity(text.words.slice(i, i + n).join(' '), phrase);
    if (s > best) best = s;
  }
  return best >= 0.8 ? best : 0;
}

describe('matchPhrase', () => {
  it('reads an exact phrase, an OCR-damaged one, and refuses a different one', () => {
    const text = phraseText('nguon von | ngan sach trung wong');
    expect(matchPhrase(text, 'nguon von')).toBe(1);
    const damaged = matchPhrase(text, 'ngan sach trung uong');
    expect(damaged).toBeGreaterThanOrEqual(0.8);
    expect(damaged).toBeLessThan(1);
    expect(matchPhrase(text, 'ngan sach dia phuong')).toBe(0);
    // A short single word is matched exactly or not at all.
    expect(matchPhrase(phraseText('nstx'), 'nstw')).toBe(0);
  });

  it('gives exactly the number its definition gives, windows of every length', () => {
    // Words from header texts, with damaged copies (a letter changed, lost or added), so that many
    // windows are close to a phrase and a little shorter or longer than it.
    const word = fc.constantFrom(
      'ngan',
      'sach',
      'trung',
      'uong',
      'wong',
      'dia',
      'phuong',
      'phuonq',
      'phuon',
      'phuongg',
      'trienn',
      'trie',
      'nghie',
      'nghiepp',
      'uongg',
      'nguon',
      'von',
      'tong',
      'so',
      'nstw',
      'x',
      'dau',
      'tu',
      'phat',
      'trien',
      'su',
      'nghiep',
      'ho',
      'ngheo',
      'can',
      'ngheo',
      'ty',
      'le',
      '%',
    );
    const words = fc.array(word, { minLength: 0, maxLength: 12 });
    fc.assert(
      fc.property(words, words, (t, p) => {
        const phrase = p.join(' ');
        if (!phrase) return;
        const text = phraseText(t.join(' '));
        expect(matchPhrase(text, phrase)).toBe(byDefinition(text, phrase));
      }),
      { numRuns: 3000 },
    );
  });
});
