import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiDecoder, decodeAscii, encodeUtf8Into, utf8Encoder } from './utf8.js';

describe('encodeUtf8Into (the encoder where the runtime has no TextEncoder)', () => {
  it('writes what TextEncoder writes, lone surrogates included', () => {
    const native = new TextEncoder();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40, unit: 'binary' }),
          fc.string({ maxLength: 40, unit: 'grapheme' }),
          fc.constantFrom('Tiểu dự án 1', '\ud800', 'a\udc00b', '😀đ'),
        ),
        (text) => {
          const into = new Uint8Array(text.length * 3);
          const n = encodeUtf8Into(text, into);
          expect([...into.subarray(0, n)]).toEqual([...native.encode(text)]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with the encoder the fold uses', () => {
    const text = 'Hỗ trợ phát triển sản xuất';
    const a = new Uint8Array(100);
    const b = new Uint8Array(100);
    expect(utf8Encoder.encodeInto(text, a).written).toBe(encodeUtf8Into(text, b));
    expect(a).toEqual(b);
  });
});

describe('decodeAscii (the decoder where the runtime has no TextDecoder)', () => {
  it('reads ASCII bytes as the runtime decoder does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ max: 127, maxLength: 200 }), (bytes) => {
        expect(decodeAscii(bytes)).toBe(asciiDecoder.decode(bytes));
      }),
    );
  });
});
