/**
 * Make a part's changes in its bytes, without decoding or encoding the whole part: the bytes
 * between the changes are copied as they were (`Uint8Array.set`), only the new text is encoded,
 * into one buffer of the exact size. The changes' offsets are byte offsets (see `byteText`).
 *
 * The changes are kept compact ({@link PatchList}): their offsets in arrays of small integers and
 * their new text already encoded in one growing byte buffer, so that a write of 100 000 cells
 * keeps no object or string per cell alive until the splice (the garbage collector copied them
 * from one space to the next, a tenth of the write's time).
 */

/** `text` in place of the original `[start, end)` of the text the patcher scans (see `PartText`). */
export interface Patch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Changes of a part's text, in document order, none overlapping; their new text as UTF-8. */
export class PatchList {
  /** Where each change starts and ends in the original text. */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Where each change's new text ends in {@link bytes}. */
  readonly textEnds: number[] = [];
  private buffer = new Uint8Array(1 << 16);
  private used = 0;
  private readonly encoder = new TextEncoder();

  get length(): number {
    return this.starts.length;
  }

  /** The new texts, encoded one after the other. */
  get bytes(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }

  /**
   * Put `text` in place of `[start, end)` (after every change already added). Given the part's
   * bytes (`raw`, the offsets counted from `offset`), a change that would leave them as they are
   * is no change and is dropped: the text is compared as encoded, at no cost when its length differs.
   */
  add(start: number, end: number, text: string, raw?: Uint8Array, offset = 0): void {
    const from = this.used;
    this.encode(text);
    if (
      raw &&
      this.used - from === end - start &&
      sameBytes(this.buffer, from, raw, offset + start, end - start)
    ) {
      this.used = from;
      return;
    }
    this.starts.push(start);
    this.ends.push(end);
    this.textEnds.push(this.used);
  }

  /** The change `i` as a {@link Patch}. */
  patch(i: number): Patch {
    const from = i === 0 ? 0 : this.textEnds[i - 1]!;
    return {
      start: this.starts[i]!,
      end: this.ends[i]!,
      text: new TextDecoder().decode(this.buffer.subarray(from, this.textEnds[i]!)),
    };
  }

  private encode(text: string): void {
    // At most 3 bytes per UTF-16 code unit.
    if (this.used + 3 * text.length > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(2 * this.buffer.length, this.used + 3 * text.length));
      bigger.set(this.bytes);
      this.buffer = bigger;
    }
    const out = this.buffer;
    let at = this.used;
    let k = 0;
    // ASCII byte by byte; from the first other character on, the encoder.
    for (; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) break;
      out[at++] = c;
    }
    if (k < text.length) at += this.encoder.encodeInto(text.slice(k), out.subarray(at)).written;
    this.used = at;
  }
}

/**
 * `raw` (a part's bytes) with `head` (a change before all the others, if any) and `list` made:
 * their offsets are byte offsets from `offset` (past a byte-order mark, which is kept), as the
 * patcher finds them on the part's text read one character per byte (`byteText`). Every byte
 * outside the changes is copied as it was, invalid UTF-8 included.
 *
 * @example
 * const raw = new TextEncoder().encode('<a>x</a>');
 * const list = new PatchList();
 * list.add(3, 4, 'ê');
 * spliceBytes(raw, 0, undefined, list); // the bytes of '<a>ê</a>'
 */
export function spliceBytes(
  raw: Uint8Array,
  offset: number,
  head: Patch | undefined,
  list: PatchList,
): Uint8Array {
  const headText = head ? new TextEncoder().encode(head.text) : undefined;
  let size = raw.length + list.bytes.length + (headText?.length ?? 0);
  if (head) size -= head.end - head.start;
  for (let i = 0; i < list.length; i++) size -= list.ends[i]! - list.starts[i]!;
  const out = new Uint8Array(size);
  let from = 0;
  let at = 0;
  const copyTo = (start: number): void => {
    if (start > from) {
      out.set(raw.subarray(from, start), at);
      at += start - from;
    }
  };
  if (head) {
    copyTo(offset + head.start);
    out.set(headText!, at);
    at += headText!.length;
    from = offset + head.end;
  }
  const texts = list.bytes;
  let textFrom = 0;
  for (let i = 0; i < list.length; i++) {
    copyTo(offset + list.starts[i]!);
    const textEnd = list.textEnds[i]!;
    for (let k = textFrom; k < textEnd; k++) out[at++] = texts[k]!;
    textFrom = textEnd;
    from = offset + list.ends[i]!;
  }
  out.set(raw.subarray(from), at);
  return out;
}

/** Whether `a[i, i + n)` and `b[j, j + n)` are the same bytes. */
function sameBytes(a: Uint8Array, i: number, b: Uint8Array, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}
