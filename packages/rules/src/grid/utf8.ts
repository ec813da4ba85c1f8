/**
 * Text to bytes and back for the label folding in normalize.ts: the runtime's `TextEncoder` and
 * `TextDecoder` where it has them (Node, browsers, Office's web views), plain code where not. The
 * rules package reads no files; it only borrows the codecs, and works without them.
 */

/** Writes text as UTF-8 into a buffer, as `TextEncoder.encodeInto` does. */
export interface Utf8Encoder {
  encodeInto(text: string, into: Uint8Array): { written?: number };
}

/** Makes a string of ASCII bytes. */
export interface AsciiDecoder {
  decode(bytes: Uint8Array): string;
}

/**
 * UTF-8 of `text` into `into` (which must hold 3 bytes per UTF-16 unit), as `encodeInto` writes
 * it: a lone surrogate becomes U+FFFD. Returns the bytes written.
 */
export function encodeUtf8Into(text: string, into: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      into[n++] = c;
      continue;
    }
    if (c < 0x800) {
      into[n++] = 0xc0 | (c >> 6);
      into[n++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        into[n++] = 0xf0 | (cp >> 18);
        into[n++] = 0x80 | ((cp >> 12) & 0x3f);
        into[n++] = 0x80 | ((cp >> 6) & 0x3f);
        into[n++] = 0x80 | (cp & 0x3f);
        i++;
        continue;
      }
      c = 0xfffd;
    }
    into[n++] = 0xe0 | (c >> 12);
    into[n++] = 0x80 | ((c >> 6) & 0x3f);
    into[n++] = 0x80 | (c & 0x3f);
  }
  return n;
}

type Globals = {
  TextEncoder?: new () => Utf8Encoder;
  TextDecoder?: new (label: string) => AsciiDecoder;
};

/**
 * The runtime's `TextEncoder`, or {@link encodeUtf8Into}. The native one reads a string at
 * native speed whatever V8 holds it as (labels read from .xlsx are slices of a larger string,
 * which `charCodeAt` reads at half speed).
 */
export const utf8Encoder: Utf8Encoder = (() => {
  const Encoder = (globalThis as Globals).TextEncoder;
  if (Encoder) return new Encoder();
  return { encodeInto: (text, into) => ({ written: encodeUtf8Into(text, into) }) };
})();

/** `String.fromCharCode` over the bytes: what {@link asciiDecoder} is without a `TextDecoder`. */
export function decodeAscii(bytes: Uint8Array): string {
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/**
 * A UTF-8 `TextDecoder` (ASCII is UTF-8, and the runtimes decode UTF-8 fastest), or
 * {@link decodeAscii}: a string from bytes faster than `String.fromCharCode`.
 */
export const asciiDecoder: AsciiDecoder = (() => {
  const Decoder = (globalThis as Globals).TextDecoder;
  if (Decoder) {
    try {
      return new Decoder('utf-8');
    } catch {
      // No decoder after all: fall through.
    }
  }
  return { decode: decodeAscii };
})();
