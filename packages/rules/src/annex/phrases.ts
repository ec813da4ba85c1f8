import { similarity } from '../grid/normalize.js';

const FUZZY_MIN = 0.8;

/** Tokens of a normalised header path ("nguon von | nstw") for phrase matching. */
export interface PhraseText {
  readonly padded: string;
  readonly words: readonly string[];
}

/** Prepare normalised text for {@link matchPhrase}. */
export function phraseText(normalised: string): PhraseText {
  const words = normalised.replace(/\|/g, ' ').split(/\s+/).filter(Boolean);
  return { padded: ` ${words.join(' ')} `, words };
}

/**
 * How well a normalised phrase occurs in a text, on word boundaries: 1 for an exact
 * occurrence, the similarity (≥ 0.8) of the closest run of as many words for an
 * OCR-damaged one ("ngan sach trung wong"), 0 when absent. Only phrases of two words
 * or more, or one word of six letters or more, are matched fuzzily.
 */
export function matchPhrase(text: PhraseText, phrase: string): number {
  if (text.padded.includes(` ${phrase} `)) return 1;
  const n = phrase.split(' ').length;
  if ((n < 2 && phrase.length < 6) || text.words.length < n) return 0;
  let best = 0;
  for (let i = 0; i + n <= text.words.length; i++) {
    const s = similarity(text.words.slice(i, i + n).join(' '), phrase);
    if (s > best) best = s;
  }
  return best >= FUZZY_MIN ? best : 0;
}
