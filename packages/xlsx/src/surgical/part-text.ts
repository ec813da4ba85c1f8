/**
 * A part's XML as the sheet patcher scans it. Read from the part's bytes, it is one character per
 * byte (a byte-per-character decoding, far cheaper than UTF-8's for a 30 MB sheet): markup is
 * ASCII, so tags, names and attribute offsets read the same, and every offset is a byte offset the
 * splice can use as it is. What goes from the original into new XML (a cell's `<f>`, a row's start
 * tag, a style) is read back from the bytes as UTF-8, so nothing outside ASCII is ever garbled.
 */

/** The text the patcher scans, the bytes it was read from, and the original text of any span. */
export interface PartText {
  /** The text scanned, one character per byte: markup at its own offsets. */
  readonly xml: string;
  /** The part's bytes. */
  readonly raw: Uint8Array;
  /** Where `xml` starts in `raw` (3 past a byte-order mark, else 0). */
  readonly offset: number;
  /** The original text of `xml[start, end)`, as it goes into new XML. */
  slice(start: number, end: number): string;
}

/** Decodes bytes one character per byte (Node's `latin1Slice`, or a `TextDecoder`). */
export type ByteDecoder = (bytes: Uint8Array) => string;

let portableDecoder: { decode(bytes: Uint8Array): string } | undefined;

/**
 * One character per byte, with the platform's `TextDecoder`: 'latin1' is windows-1252 in browsers
 * and ISO-8859-1 in Node, both single-byte, which is all the offsets need.
 */
const portable: ByteDecoder = (bytes) =>
  (portableDecoder ??= new TextDecoder('latin1')).decode(bytes);

const utf8 = new TextDecoder('utf-8');

/** Whether a string is all ASCII. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** A part's bytes as {@link PartText}: offsets in `xml` are byte offsets past a byte-order mark. */
export function byteText(raw: Uint8Array, decode: ByteDecoder = portable): PartText {
  const offset = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  const xml = decode(offset === 0 ? raw : raw.subarray(offset));
  return {
    xml,
    raw,
    offset,
    slice(start, end) {
      const s = xml.slice(start, end);
      return isAscii(s) ? s : utf8.decode(raw.subarray(offset + start, offset + end));
    },
  };
}
