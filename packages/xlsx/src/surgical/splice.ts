/**
 * Make a part's changes in its UTF-8 bytes, without encoding the whole part again: the bytes
 * between the changes are copied as they were (`Uint8Array.set`), only the new text is encoded,
 * into one buffer of the exact size. The changes are found on the part's decoded text, so their
 * string offsets are turned into byte offsets as the copy goes.
 *
 * The changes are kept compact ({@link PatchList}): their offsets in arrays of small integers and
 * their new text already encoded in one growing byte buffer, so that a write of 100 000 cells
 * keeps no object or string per cell alive until the splice (the garbage collector copied them
 * from one space to the next, a tenth of the write's time).
 */

/** `text` in place of the original `[start, end)` of a part's text (string offsets). */
export interface Patch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const BOM = [0xef, 0xbb, 0xbf] as const;

/** The length of `text[start, end)` in UTF-8 (a surrogate pair is one 4-byte character). */
export function utf8Length(text: string, start = 0, end = text.length): number {
  let n = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      n += 2; // a pair: 4 bytes for two code units; a lone surrogate: U+FFFD, 3 bytes
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    } else n += 2;
  }
  return n;
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

  /** Put `text` in place of `[start, end)` (after every change already added). */
  add(start: number, end: number, text: string): void {
    this.starts.push(start);
    this.ends.push(end);
    this.encode(text);
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
 * `raw` (a part's bytes) with `head` (a change before all the others, if any) and `list` made,
 * or `undefined` when its text `xml` is not what decoding `raw` as UTF-8 gives character for
 * byte (invalid UTF-8, whose replacement characters stand for fewer bytes than they encode to):
 * then the caller encodes the patched text instead ({@link applyPatches}). `xml` is `raw`
 * decoded, a leading byte-order mark dropped (as `TextDecoder` drops it; the mark is kept).
 *
 * @example
 * const raw = new TextEncoder().encode('<a>đ</a>');
 * const list = new PatchList();
 * list.add(3, 4, 'ê');
 * spliceUtf8(raw, '<a>đ</a>', undefined, list); // the bytes of '<a>ê</a>'
 */
export function spliceUtf8(
  raw: Uint8Array,
  xml: string,
  head: Patch | undefined,
  list: PatchList,
): Uint8Array | undefined {
  const bom = raw[0] === BOM[0] && raw[1] === BOM[1] && raw[2] === BOM[2] ? 3 : 0;
  // One byte per character (ASCII, the usual sheet): string offsets are byte offsets.
  const ascii = xml.length + bom === raw.length;
  const headText = head ? new TextEncoder().encode(head.text) : undefined;
  const n = list.length + (head ? 1 : 0);
  // Each change's byte offsets in `raw`, and where its new bytes are.
  const starts = new Array<number>(n);
  const ends = new Array<number>(n);
  let char = 0;
  let byte = bom;
  let size = raw.length;
  for (let i = 0; i < n; i++) {
    const j = head ? i - 1 : i;
    const start = j < 0 ? head!.start : list.starts[j]!;
    const end = j < 0 ? head!.end : list.ends[j]!;
    if (ascii) {
      starts[i] = start + bom;
      ends[i] = end + bom;
    } else {
      byte += utf8Length(xml, char, start);
      starts[i] = byte;
      byte += utf8Length(xml, start, end);
      ends[i] = byte;
      char = end;
    }
    size -= ends[i]! - starts[i]!;
  }
  if (!ascii && byte + utf8Length(xml, char, xml.length) !== raw.length) return undefined;
  const texts = list.bytes;
  size += texts.length + (headText?.length ?? 0);
  const out = new Uint8Array(size);
  let from = 0;
  let at = 0;
  let textFrom = 0;
  for (let i = 0; i < n; i++) {
    const start = starts[i]!;
    if (start > from) {
      out.set(raw.subarray(from, start), at);
      at += start - from;
    }
    const j = head ? i - 1 : i;
    if (j < 0) {
      out.set(headText!, at);
      at += headText!.length;
    } else {
      const textEnd = list.textEnds[j]!;
      for (let k = textFrom; k < textEnd; k++) out[at++] = texts[k]!;
      textFrom = textEnd;
    }
    from = ends[i]!;
  }
  out.set(raw.subarray(from), at);
  return out;
}

/** `xml` with `patches` (in order, none overlapping) made. */
export function applyPatches(xml: string, patches: readonly Patch[]): string {
  if (patches.length === 0) return xml;
  const pieces: string[] = [];
  let from = 0;
  for (const p of patches) {
    pieces.push(xml.slice(from, p.start), p.text);
    from = p.end;
  }
  pieces.push(xml.slice(from));
  return pieces.join('');
}
