/**
 * The similarity (`bigramSimilarity` in grid/normalize.ts: Dice over character bigrams) of one text to each of
 * a fixed list of texts, all at once: an inverted index from each bigram to the texts that have
 * it, so a label is compared with the whole catalogue in one pass over its own bigrams.
 * The numbers are exactly those of `bigramSimilarity` (same counts, same arithmetic).
 */
export class BigramIndex {
  /** Bigram code → its id (the index of its postings). */
  private readonly ids = new Map<number, number>();
  /** Bigrams of two ASCII characters (most of any normalised text): `first << 7 | second` → id + 1 (0: none). */
  private readonly asciiIds = new Int32Array(128 * 128);
  /** Bigram id → [text index, count, text index, count, …]. */
  private readonly postings: Int32Array[] = [];
  private readonly texts: readonly string[];
  private readonly shared: Int32Array;
  private readonly scores: Float64Array;
  /** Bigram id → how many times the text being scored has had it so far (reset after each text). */
  private seen: Int32Array;
  /** The ids `seen` counted for the text being scored. */
  private touched = new Int32Array(256);
  /**
   * For {@link countSliced}, when there are at most 32 texts of under 256 bigrams each (a
   * programme's catalogue): per bigram id, from `maskStart[id]`, one mask per occurrence k = 1, 2,
   * … of the texts that have the bigram k times or more; `maskCount[id]` masks in all.
   */
  private readonly masks: Int32Array | undefined;
  private readonly maskStart: Int32Array;
  private readonly maskCount: Int32Array;

  constructor(texts: readonly string[]) {
    this.texts = texts;
    this.shared = new Int32Array(texts.length);
    this.scores = new Float64Array(texts.length);
    const lists = new Map<number, number[]>();
    texts.forEach((text, i) => {
      const counts = new Map<number, number>();
      for (let j = 0; j + 1 < text.length; j++) {
        const code = bigramCode(text, j);
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      for (const [code, n] of counts) {
        const list = lists.get(code);
        if (list) list.push(i, n);
        else lists.set(code, [i, n]);
      }
    });
    for (const [code, list] of lists) {
      const id = this.postings.length;
      this.postings.push(Int32Array.from(list));
      this.ids.set(code, id);
      const first = code >>> 16;
      const second = code & 0xffff;
      if (first < 128 && second < 128) this.asciiIds[(first << 7) | second] = id + 1;
    }
    this.seen = new Int32Array(this.postings.length);
    this.maskStart = new Int32Array(this.postings.length);
    this.maskCount = new Int32Array(this.postings.length);
    const masks: number[] = [];
    this.postings.forEach((list, id) => {
      let most = 0;
      for (let p = 1; p < list.length; p += 2) most = Math.max(most, list[p] as number);
      this.maskStart[id] = masks.length;
      this.maskCount[id] = most;
      for (let k = 1; k <= most; k++) {
        let mask = 0;
        for (let p = 0; p < list.length; p += 2)
          if ((list[p + 1] as number) >= k) mask |= 1 << (list[p] as number);
        masks.push(mask);
      }
    });
    const slicable = texts.length <= 32 && texts.every((t) => t.length - 1 < 256);
    this.masks = slicable ? Int32Array.from(masks) : undefined;
  }

  /** The id of the bigram at `i` in `text`, or -1 when no indexed text has it. */
  private idAt(text: string, i: number): number {
    const first = text.charCodeAt(i);
    const second = text.charCodeAt(i + 1);
    if (first < 128 && second < 128) return (this.asciiIds[(first << 7) | second] as number) - 1;
    return this.ids.get(((first << 16) | second) >>> 0) ?? -1;
  }

  /**
   * The similarity of `text` to each indexed text, in index order. The array is reused by the
   * next call: read it before calling again.
   */
  similarities(text: string): Float64Array {
    this.count(text, 0);
    return this.score(text);
  }

  /**
   * The index of the indexed text most like `text` (the first of equals), when its similarity is
   * `min` or more; -1 when none is. What the highest of {@link similarities} gives, without
   * reading the whole of a text that no indexed text can be like enough.
   */
  best(text: string, min: number): number {
    if (this.masks) this.countSliced(text, this.masks);
    else if (!this.count(text, min)) return -1;
    const scores = this.score(text);
    let best = 0;
    for (let i = 1; i < scores.length; i++)
      if ((scores[i] as number) > (scores[best] as number)) best = i;
    return scores.length > 0 && (scores[best] as number) >= min ? best : -1;
  }

  /**
   * Count the bigrams `text` shares with each indexed text into `shared`. With `min` above 0, it
   * stops early, returning false, once no indexed text can reach that similarity even if every
   * bigram left were shared with it.
   */
  private count(text: string, min: number): boolean {
    const { shared, postings, seen } = this;
    shared.fill(0);
    const n = text.length - 1;
    if (this.touched.length < n) this.touched = new Int32Array(n * 2);
    const touched = this.touched;
    let touches = 0;
    // The k-th occurrence of a bigram in the text is shared with a text that has it k times or
    // more: summed over the text, that is min(count here, count there) for each bigram.
    let alive = true;
    for (let j = 0; j < n; j++) {
      if (min > 0 && (j & 7) === 0 && !this.mayReach(text, n - j, min)) {
        alive = false;
        break;
      }
      const id = this.idAt(text, j);
      if (id < 0) continue;
      const k = (seen[id] as number) + 1;
      seen[id] = k;
      if (k === 1) touched[touches++] = id;
      const list = postings[id] as Int32Array;
      for (let p = 0; p < list.length; p += 2) {
        if (k <= (list[p + 1] as number)) {
          const at = list[p] as number;
          shared[at] = (shared[at] as number) + 1;
        }
      }
    }
    for (let t = 0; t < touches; t++) seen[touched[t] as number] = 0;
    return alive;
  }

  /**
   * {@link count} for up to 32 indexed texts, all texts at once: the count of each indexed text is
   * one bit of each of eight 32-bit "planes" (bit i of plane b is bit b of text i's count), so a
   * bigram shared with any number of texts is added in a few operations on the planes, the way an
   * adder adds — rather than text by text.
   */
  private countSliced(text: string, masks: Int32Array): void {
    const { seen, maskStart, maskCount, shared } = this;
    const n = text.length - 1;
    if (this.touched.length < n) this.touched = new Int32Array(n * 2);
    const touched = this.touched;
    let touches = 0;
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    let p4 = 0;
    let p5 = 0;
    let p6 = 0;
    let p7 = 0;
    for (let j = 0; j < n; j++) {
      const id = this.idAt(text, j);
      if (id < 0) continue;
      const k = (seen[id] as number) + 1;
      seen[id] = k;
      if (k === 1) touched[touches++] = id;
      if (k > (maskCount[id] as number)) continue;
      // Add 1 to the count of each text in the mask: a ripple carry through the planes.
      let carry = masks[(maskStart[id] as number) + k - 1] as number;
      let next = p0 & carry;
      p0 ^= carry;
      carry = next;
      if (carry === 0) continue;
      next = p1 & carry;
      p1 ^= carry;
      carry = next;
      if (carry === 0) continue;
      next = p2 & carry;
      p2 ^= carry;
      carry = next;
      if (carry === 0) continue;
      next = p3 & carry;
      p3 ^= carry;
      carry = next;
      if (carry === 0) continue;
      next = p4 & carry;
      p4 ^= carry;
      carry = next;
      if (carry === 0) continue;
      next = p5 & carry;
      p5 ^= carry;
      carry = next;
      if (carry === 0) continue;
      next = p6 & carry;
      p6 ^= carry;
      p7 ^= next;
    }
    for (let t = 0; t < touches; t++) seen[touched[t] as number] = 0;
    for (let i = 0; i < shared.length; i++) {
      shared[i] =
        ((p0 >>> i) & 1) |
        (((p1 >>> i) & 1) << 1) |
        (((p2 >>> i) & 1) << 2) |
        (((p3 >>> i) & 1) << 3) |
        (((p4 >>> i) & 1) << 4) |
        (((p5 >>> i) & 1) << 5) |
        (((p6 >>> i) & 1) << 6) |
        (((p7 >>> i) & 1) << 7);
    }
  }

  /**
   * Whether some indexed text may still reach similarity `min` with `text` when `left` of its
   * bigrams are still to count: the score it would have if all of them were shared with it, up to
   * as many as it has (the same arithmetic as {@link score}, so a bound below `min` is exact).
   */
  private mayReach(text: string, left: number, min: number): boolean {
    const { shared, texts } = this;
    for (let i = 0; i < texts.length; i++) {
      const other = texts[i] as string;
      const most = Math.min((shared[i] as number) + left, other.length - 1);
      if (text === other || (2 * most) / (text.length - 1 + other.length - 1) >= min) return true;
    }
    return false;
  }

  /** The similarities from the counts in `shared`. */
  private score(text: string): Float64Array {
    const { shared, scores, texts } = this;
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
