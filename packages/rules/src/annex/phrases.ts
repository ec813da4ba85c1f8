import { bigramSimilarity, bigrams, type Bigrams } from '../grid/normalize.js';

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
  const known = phraseOf(phrase);
  if (text.padded.includes(known.spaced)) return 1;
  const n = known.words;
  const words = text.words;
  if ((n < 2 && phrase.length < 6) || words.length < n) return 0;
  let best = 0;
  // The window of n words from word i, as a slice of the padded text (its words joined by single
  // spaces): where it starts, and its length (its words and the spaces between them).
  let start = 1;
  let length = n - 1;
  for (let k = 0; k < n; k++) length += (words[k] as string).length;
  for (let i = 0; ; i++) {
    // Most windows are too much shorter or longer than the phrase to be FUZZY_MIN alike.
    if (mayBeAlike(length, phrase.length)) {
      const window = text.padded.slice(start, start + length);
      const s = bigramSimilarity(bigrams(window), known.grams);
      if (s > best) best = s;
    }
    if (i + n >= words.length) break;
    const first = (words[i] as string).length;
    start += first + 1;
    length += (words[i + n] as string).length - first;
  }
  return best >= FUZZY_MIN ? best : 0;
}

/** A phrase as {@link matchPhrase} reads it: with a space either side, its word count, its bigrams. */
interface KnownPhrase {
  readonly spaced: string;
  readonly words: number;
  readonly grams: Bigrams;
}

/**
 * Each phrase matched so far, read once: phrases come from the layouts (a few hundred), and
 * detection matches each against every header path of every header window it tries.
 */
const KNOWN_PHRASES = new Map<string, KnownPhrase>();

/** How many words a phrase has. */
export function phraseWordCount(phrase: string): number {
  return phraseOf(phrase).words;
}

function phraseOf(phrase: string): KnownPhrase {
  let known = KNOWN_PHRASES.get(phrase);
  if (!known) {
    known = { spaced: ` ${phrase} `, words: phrase.split(' ').length, grams: bigrams(phrase) };
    KNOWN_PHRASES.set(phrase, known);
  }
  return known;
}

/**
 * Whether two texts of lengths `a` and `b` can be {@link bigramSimilarity} FUZZY_MIN or more: they share
 * at most as many bigrams as the shorter has (the same bound, computed the same way).
 */
function mayBeAlike(a: number, b: number): boolean {
  if (a < 2 || b < 2) return a === b;
  return (2 * (Math.min(a, b) - 1)) / (a - 1 + (b - 1)) >= FUZZY_MIN;
}
