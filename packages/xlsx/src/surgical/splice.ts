/**
 * Make a part's changes in its bytes, without decoding or encoding the whole part: the bytes
 * between the changes are copied as they were (`Uint8Array.set`), only the new text is encoded,
 * into one buffer of the exact size. The changes' offsets are byte offsets (see `byteText`).
 *
 * The changes are kept compact ({@link PatchList}): their offsets in arrays of small integers and
 * their new text encoded, a chunk at a time, into one growing byte buffer, so that a write of
 * 100 000 cells keeps no object or string per cell alive until the splice (the garbage collector
 * copied them from one space to the next, a tenth of the write's time).
 */

import { isAscii } from './part-text.js';

/** `text` in place of the original `[start, end)` of the text the patcher scans (see `PartText`). */
export interface Patch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The part's text a {@link PatchList} compares new text with (see `PartText`). */
export interface PatchedText {
  readonly xml: string;
  readonly raw: Uint8Array;
  readonly offset: number;
}

/** How much new text is encoded at once (UTF-16 code units). */
const CHUNK = 1 << 16;

/**
 * Changes of a part's text, in document order, none overlapping; their new text as UTF-8. New
 * text is gathered into chunks and encoded a chunk at a time (one native encoding, not a loop per
 * change); a change that would leave the part's bytes as they are is no change and is dropped.
 */
export class PatchList {
  /** Where each change starts and ends in the original text. */
  private readonly startsList: number[] = [];
  private readonly endsList: number[] = [];
  /** Where each encoded change's new text ends in {@link buffer}. */
  private readonly textEndsList: number[] = [];
  /** The new text not yet encoded, and where each of its changes ends in it. */
  private pending = '';
  private readonly pendingEnds: number[] = [];
  private buffer = new Uint8Array(1 << 16);
  private used = 0;
  private readonly encoder = new TextEncoder();

  /** @param original the part's text, to drop the changes that change nothing */
  constructor(private readonly original?: PatchedText) {}

  get length(): number {
    this.flush();
    return this.startsList.length;
  }

  /** The changes, their new texts encoded one after the other in `bytes`. */
  get changes(): {
    readonly starts: readonly number[];
    readonly ends: readonly number[];
    readonly textEnds: readonly number[];
    readonly bytes: Uint8Array;
  } {
    this.flush();
    return {
      starts: this.startsList,
      ends: this.endsList,
      textEnds: this.textEndsList,
      bytes: this.buffer.subarray(0, this.used),
    };
  }

  /** Put `text` in place of `[start, end)` (after every change already added). */
  add(start: number, end: number, text: string): void {
    const o = this.original;
    // The same ASCII text is the same bytes (the text read one character per byte); other text
    // is compared as encoded, when its chunk is.
    if (o && text.length === end - start && o.xml.startsWith(text, start) && isAscii(text)) return;
    this.startsList.push(start);
    this.endsList.push(end);
    this.pending += text;
    this.pendingEnds.push(this.pending.length);
    if (this.pending.length >= CHUNK) this.flush();
  }

  /** The change `i` as a {@link Patch}. */
  patch(i: number): Patch {
    const { starts, ends, textEnds, bytes } = this.changes;
    return {
      start: starts[i]!,
      end: ends[i]!,
      text: new TextDecoder().decode(bytes.subarray(i === 0 ? 0 : textEnds[i - 1]!, textEnds[i]!)),
    };
  }

  private reserve(units: number): void {
    // At most 3 bytes per UTF-16 code unit.
    if (this.used + 3 * units <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(2 * this.buffer.length, this.used + 3 * units));
    bigger.set(this.buffer.subarray(0, this.used));
    this.buffer = bigger;
  }

  /** Encode the pending text. */
  private flush(): void {
    const text = this.pending;
    if (this.pendingEnds.length === 0) return;
    this.reserve(text.length);
    const first = this.textEndsList.length;
    const from = this.used;
    const written = this.encoder.encodeInto(text, this.buffer.subarray(from)).written;
    if (written === text.length) {
      // All ASCII: a change's bytes end where its text does.
      for (const e of this.pendingEnds) this.textEndsList.push(from + e);
      this.used = from + written;
    } else {
      this.encodeEach(text, first);
    }
    this.pending = '';
    this.pendingEnds.length = 0;
  }

  /** Encode the pending changes (from change `first` on) one by one, dropping those that change nothing. */
  private encodeEach(text: string, first: number): void {
    const o = this.original;
    let kept = first;
    let from = 0;
    for (let i = 0; i < this.pendingEnds.length; i++) {
      const piece = text.slice(from, this.pendingEnds[i]!);
      from = this.pendingEnds[i]!;
      const start = this.startsList[first + i]!;
      const end = this.endsList[first + i]!;
      const at = this.used;
      this.used += this.encoder.encodeInto(piece, this.buffer.subarray(at)).written;
      if (
        o &&
        this.used - at === end - start &&
        sameBytes(this.buffer, at, o.raw, o.offset + start, end - start)
      ) {
        this.used = at;
        continue;
      }
      this.startsList[kept] = start;
      this.endsList[kept] = end;
      this.textEndsList[kept] = this.used;
      kept++;
    }
    this.startsList.length = kept;
    this.endsList.length = kept;
  }
}

/**
 * A part's bytes with its changes made, handed out in pieces of the caller's size: the new part
 * is never whole in memory when it is deflated piece by piece (see `rewriteZip`).
 */
export interface SplicedPart {
  /** The new part's length in bytes. */
  readonly length: number;
  /**
   * The new part in pieces of `size` bytes (the last shorter), in `buffers` buffers taken in turn:
   * a piece is good until `buffers` more are asked for (the same buffer each time by default).
   */
  pieces(size: number, buffers?: number): Generator<Uint8Array>;
}

/**
 * `raw` (a part's bytes) with `head` (a change before all the others, if any) and `list` made:
 * their offsets are byte offsets from `offset` (past a byte-order mark, which is kept), as the
 * patcher finds them on the part's text read one character per byte (`byteText`). Every byte
 * outside the changes is copied as it was, invalid UTF-8 included.
 */
export function splicedPart(
  bytes: Uint8Array,
  offset: number,
  head: Patch | undefined,
  list: PatchList,
): SplicedPart {
  // A plain view of the part (a Node Buffer's own `subarray`, taken once per change, is slower).
  const raw = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { starts, ends, textEnds, bytes: texts } = list.changes;
  const headText = head ? new TextEncoder().encode(head.text) : undefined;
  const n = starts.length;
  let length = raw.length + texts.length;
  for (let k = 0; k < n; k++) length -= ends[k]! - starts[k]!;
  if (head) length += headText!.length - (head.end - head.start);
  return {
    length,
    *pieces(size, buffers = 1) {
      const pool: Uint8Array[] = [];
      const capacity = Math.max(1, Math.min(size, length));
      let turn = 0;
      // The next buffer in turn, made when first needed.
      const next = (): Uint8Array => {
        const b = (pool[turn] ??= new Uint8Array(capacity));
        turn = (turn + 1) % Math.max(1, buffers);
        return b;
      };
      let out = next();
      let used = 0;
      // Copying the raw bytes before change k (the rest after the last), or its new text; the
      // head is change -1.
      let k = head ? -1 : 0;
      let inText = false;
      let src = raw;
      let pos = 0;
      let end = head ? offset + head.start : n > 0 ? offset + starts[0]! : raw.length;
      for (;;) {
        const m = Math.min(end - pos, out.length - used);
        if (m < 16) for (let b = 0; b < m; b++) out[used + b] = src[pos + b]!;
        else out.set(src.subarray(pos, pos + m), used);
        used += m;
        pos += m;
        if (used === out.length) {
          yield out;
          out = next();
          used = 0;
        }
        if (pos < end) continue;
        if (!inText) {
          if (k === n) break;
          inText = true;
          if (k < 0) {
            src = headText!;
            pos = 0;
            end = headText!.length;
          } else {
            src = texts;
            pos = k === 0 ? 0 : textEnds[k - 1]!;
            end = textEnds[k]!;
          }
        } else {
          inText = false;
          src = raw;
          pos = offset + (k < 0 ? head!.end : ends[k]!);
          k++;
          end = k < n ? offset + starts[k]! : raw.length;
        }
      }
      if (used > 0) yield out.subarray(0, used);
    },
  };
}

/**
 * {@link splicedPart} in one piece.
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
  const part = splicedPart(raw, offset, head, list);
  const out = new Uint8Array(part.length);
  let at = 0;
  for (const piece of part.pieces(part.length)) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** Whether `a[i, i + n)` and `b[j, j + n)` are the same bytes. */
function sameBytes(a: Uint8Array, i: number, b: Uint8Array, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}
