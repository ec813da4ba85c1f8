import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { piecesCodec } from './__tests__/helpers.js';
import { crc32 } from './crc32.js';
import { PatchList, splicedPart, spliceBytes } from './splice.js';
import { deflatePart, deflatePartAsync, type ZipDeflate } from './zip-writer.js';

/** Node's deflate, a part in pieces each ended by a sync flush, here or in zlib's thread pool. */
const pieces: ZipDeflate = piecesCodec;
const offThread: ZipDeflate = piecesCodec;

const concat = (chunks: readonly Uint8Array[]) => Buffer.concat(chunks.map((c) => Buffer.from(c)));

describe('crc32', () => {
  it('continues from the CRC-32 of the bytes before, as zlib.crc32', () => {
    const all = new TextEncoder().encode('123456789');
    expect(crc32(all)).toBe(0xcbf43926);
    expect(crc32(all.subarray(5), crc32(all.subarray(0, 5)))).toBe(0xcbf43926);
  });
});

describe('deflatePart: a spliced part deflated a piece at a time', () => {
  it('inflates to the part whole, with its CRC-32, for any piece size', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.tuple(fc.nat(3000), fc.string({ maxLength: 9 })), { maxLength: 8 }),
        fc.integer({ min: 1, max: 700 }),
        (raw, cuts, size) => {
          const list = new PatchList();
          for (const at of [...new Set(cuts.map(([a]) => Math.min(a, raw.length)))].sort(
            (a, b) => a - b,
          )) {
            list.add(at, at, cuts.find(([a]) => Math.min(a, raw.length) === at)![1]);
          }
          const whole = spliceBytes(raw, 0, undefined, list);
          const part = splicedPart(raw, 0, undefined, list);
          for (const codec of [pieces, { deflateRaw: pieces.deflateRaw }]) {
            const d = deflatePart(part, codec, size);
            const compressed = concat(d.chunks);
            expect(d.compressedSize).toBe(compressed.length);
            expect(d.size).toBe(whole.length);
            expect(d.crc).toBe(crc32(whole));
            expect(inflateRawSync(compressed).equals(Buffer.from(whole))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('off the thread, a few pieces at a time: the same bytes as piece by piece here', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 5000 }),
        fc.integer({ min: 1, max: 900 }),
        async (raw, size) => {
          const list = new PatchList();
          list.add(0, Math.min(3, raw.length), 'đầu');
          const part = splicedPart(raw, 0, undefined, list);
          const here = deflatePart(part, pieces, size);
          const there = await deflatePartAsync(part, offThread, size);
          expect(concat(there.chunks).equals(concat(here.chunks))).toBe(true);
          expect(there.crc).toBe(here.crc);
          expect(there.size).toBe(here.size);
          expect(there.compressedSize).toBe(here.compressedSize);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('fails as the first failing piece does, leaving no piece in flight unheard', async () => {
    const raw = new Uint8Array(10_000).fill(0x61);
    const part = splicedPart(raw, 0, undefined, new PatchList());
    let n = 0;
    const failing: ZipDeflate = {
      ...pieces,
      deflateRawPieceAsync: (d) => {
        const k = ++n;
        // Piece 2 fails at once, before piece 1 is done; the pieces after it fail later.
        if (k === 2) return Promise.reject(new Error('piece 2'));
        return new Promise((resolve, reject) =>
          setTimeout(
            () => (k > 2 ? reject(new Error(`piece ${k}`)) : resolve(deflateRawSync(d))),
            5,
          ),
        );
      },
    };
    await expect(deflatePartAsync(part, failing, 1000)).rejects.toThrow('piece 2');
    // Give the pieces still in flight time to fail: an unheard rejection would fail this file.
    await new Promise((resolve) => setTimeout(resolve, 30));
  });

  it('takes whole bytes made in another realm (a DOM, a worker) as whole bytes', () => {
    const foreign = runInNewContext('new Uint8Array([60, 97, 47, 62])') as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    const d = deflatePart(foreign, pieces);
    expect([...inflateRawSync(concat(d.chunks))]).toStrictEqual([60, 97, 47, 62]);
    expect(d.crc).toBe(crc32(new Uint8Array([60, 97, 47, 62])));
  });
});
