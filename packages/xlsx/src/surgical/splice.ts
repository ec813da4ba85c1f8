/**
 * Make a part's changes in its UTF-8 bytes, without encoding the whole part again: the bytes
 * between the changes are copied as they were (`Uint8Array.set`), only the new text is encoded,
 * into one buffer of the exact size. The changes are found on the part's decoded text, so their
 * string offsets are turned into byte offsets as the copy goes.
 */
import type { Patch } from './sheet-patch.js';

const BOM = [0xef, 0xbb, 0xbf] as const;

/** The length of `text` in UTF-8 (a surrogate pair is one 4-byte character). */
export function utf8Length(text: string, start = 0, end = text.length): number {
  let n = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 2; // 4 bytes for the two code units
        i++;
      } else n += 2;
    } else n += 2;
  }
  return n;
}

/**
 * `raw` (a part's bytes) with `patches` made, or `undefined` when its text `xml` is not what
 * decoding `raw` as UTF-8 gives character for byte (invalid UTF-8, whose replacement characters
 * stand for fewer bytes than they encode to): then the caller encodes the patched text instead.
 * `xml` is `raw` decoded (a leading byte-order mark dropped, as `TextDecoder` drops it); the
 * patches are in order, none overlapping, in string offsets of `xml`.
 *
 * @example
 * const raw = new TextEncoder().encode('<a>đ</a>');
 * spliceUtf8(raw, '<a>đ</a>', [{ start: 3, end: 4, text: 'ê' }]); // the bytes of '<a>ê</a>'
 */
export function spliceUtf8(
  raw: Uint8Array,
  xml: string,
  patches: readonly Patch[],
): Uint8Array | undefined {
  const bom = raw[0] === BOM[0] && raw[1] === BOM[1] && raw[2] === BOM[2] ? 3 : 0;
  // One byte per character (ASCII, the usual sheet): string offsets are byte offsets.
  const ascii = xml.length + bom === raw.length;
  // The byte offset of each patch's start and end.
  const starts = new Array<number>(patches.length);
  const ends = new Array<number>(patches.length);
  let size = raw.length;
  let char = 0;
  let byte = bom;
  for (let i = 0; i < patches.length; i++) {
    const p = patches[i]!;
    if (ascii) {
      starts[i] = p.start + bom;
      ends[i] = p.end + bom;
    } else {
      byte += utf8Length(xml, char, p.start);
      starts[i] = byte;
      byte += utf8Length(xml, p.start, p.end);
      ends[i] = byte;
      char = p.end;
    }
    size += utf8Length(p.text) - (ends[i]! - starts[i]!);
  }
  if (!ascii && byte + utf8Length(xml, char, xml.length) !== raw.length) return undefined;
  const out = new Uint8Array(size);
  const encoder = new TextEncoder();
  let from = 0;
  let at = 0;
  for (let i = 0; i < patches.length; i++) {
    const start = starts[i]!;
    if (start > from) {
      out.set(raw.subarray(from, start), at);
      at += start - from;
    }
    const text = patches[i]!.text;
    let k = 0;
    // ASCII text byte by byte; from the first other character on, the encoder.
    for (; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) break;
      out[at++] = c;
    }
    if (k < text.length) at += encoder.encodeInto(text.slice(k), out.subarray(at)).written;
    from = ends[i]!;
  }
  out.set(raw.subarray(from), at);
  return out;
}
