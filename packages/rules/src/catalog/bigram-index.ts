/**
 * The similarity (`bigramSimilarity` in grid/normalize.ts: Dice over character bigrams) of one text to each of
 * a fixed list of texts, all at once: an inverted index from each bigram to the texts that have
 * it, so a label is compared with the whole catalogue in one pass over its own bigrams.
 * The numbers are exactly those of `bigramSimilarity` (same counts, same arithmetic).
 */
export class BigramIndex {
  /** Bigram code → [text index, count, text index, count, …]. */
  private readonly postings = new Map<number, number[]>();
  private readonly texts: readonly string[];
  private readonly shared: Int32Array;
  private readonly scores: Float64Array;
  private codes = new Uint32Array(256);

  constructor(texts: readonly string[]) {
    this.texts = texts;
    this.shared = new Int32Array(texts.length);
    this.scores = new Float64Array(texts.length);
    texts.forEach((text, i) => {
      const counts = new Map<number, number>();
      for (let j = 0; j + 1 < text.length; j++) {
        const code = bigramCode(text, j);
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      for (const [code, n] of counts) {
        const list = this.postings.get(code);
        if (list) list.push(i, n);
        else this.postings.set(code, [i, n]);
      }
    });
  }

  /**
   * The similarity of `text` to each indexed text, in index order. The array is reused by the
   * next call: read it before calling again.
   */
  similarities(text: string): Float64Array {
    const { shared, scores, texts } = this;
    shared.fill(0);
    const n = Math.max(0, text.length - 1);
    if (this.codes.length < n) this.codes = new Uint32Array(n * 2);
    const codes = this.codes.subarray(0, n);
    for (let j = 0; j < n; j++) codes[j] = bigramCode(text, j);
    codes.sort();
    // Each distinct bigram of the text, with its count, against each text that has it.
    for (let j = 0; j < n;) {
      const code = codes[j] as number;
      let count = 1;
      while (j + count < n && codes[j + count] === code) count++;
      j += count;
      const list = this.postings.get(code);
      if (!list) continue;
      for (let k = 0; k < list.length; k += 2) {
        const at = list[k] as number;
        const other = list[k + 1] as number;
        shared[at] = (shared[at] as number) + (count < other ? count : other);
      }
    }
    for (let i = 0; i < texts.length; i++) {
      const other = texts[i] as string;
      scores[i] =
        text === other
          ? 1
          : text.length < 2 || other.length < 2
            ? 0
            : (2 * (shared[i] as number)) / (text.length - 1 + other.length - 1);
    }
    return scores;
  }
}

function bigramCode(text: string, i: number): number {
  return ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;
}
