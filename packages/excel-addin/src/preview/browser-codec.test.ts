import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { browserCodec } from './browser-codec.js';

describe('browserCodec', () => {
  it('deflates a part fed in pieces into one stream that inflates to the whole part', () => {
    const part = new TextEncoder().encode(
      Array.from(
        { length: 40_000 },
        (_, i) => `<row r="${i + 1}"><c r="C${i + 1}"><v>${i * 1.37}</v></c></row>`,
      ).join(''),
    );
    const push = browserCodec.deflateRawPieces!();
    const piece = new Uint8Array(100_000);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < part.length; at += piece.length) {
      // The writer hands every piece out in the same buffer.
      const n = Math.min(piece.length, part.length - at);
      piece.set(part.subarray(at, at + n));
      chunks.push(push(piece.subarray(0, n), at + n === part.length));
    }
    const stream = Buffer.concat(chunks.map((c) => Buffer.from(c)));
    expect(inflateRawSync(stream).equals(Buffer.from(part))).toBe(true);
  });
});
