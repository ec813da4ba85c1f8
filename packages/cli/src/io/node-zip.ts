/**
 * Node's zlib for the workbook readers and the surgical writer: one place, so that `validate`,
 * `fill` and the benchmark inflate and deflate the same way.
 */
import * as zlib from 'node:zlib';
import type { ZipCodec } from '@phuluc/xlsx';

/**
 * Node's raw inflate, stopped at `max` bytes (a part that inflates beyond it is refused), into one
 * buffer of the declared size (`chunkSize`: no chunks to copy together).
 */
export function inflateRaw(data: Uint8Array, max: number): Uint8Array {
  return zlib.inflateRawSync(data, {
    maxOutputLength: Math.max(1, max),
    chunkSize: Math.max(64, max),
  });
}

/** Node's `zlib.crc32` (Node 20.15 and later), when there is one. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, previous?: number) => number }).crc32;

/**
 * Rewritten parts are deflated at level 4: on the 100 000-row bench sheets both faster and smaller
 * than level 3 (zlib's lazy matching with a short chain), in about a third of level 6's time,
 * within 4% of the size ExcelJS wrote them at (docs/performance.md).
 */
const LEVEL = 4;

/** A piece ends with a sync flush (the stream goes on), the last with the stream's end. */
function pieceOptions(last: boolean): zlib.ZlibOptions {
  return {
    level: LEVEL,
    finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
  };
}

/**
 * Node's raw inflate and deflate for the surgical writer. A large part is deflated a piece at a
 * time, each piece on its own and ended by a sync flush (the last by the stream's end): the pieces
 * one after the other are one valid deflate stream, as pigz makes them, and the part is never
 * whole in memory.
 */
export const nodeCodec: ZipCodec = {
  inflateRaw,
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: LEVEL }),
  deflateRawPieces: () => (data, last) => zlib.deflateRawSync(data, pieceOptions(last)),
  // The same pieces off this thread, in Node's zlib thread pool (`writeCellsAsync`, fill).
  deflateRawPieceAsync: (data, last) =>
    new Promise((resolve, reject) =>
      zlib.deflateRaw(data, pieceOptions(last), (error, out) =>
        error ? reject(error) : resolve(out),
      ),
    ),
  ...(nativeCrc32 ? { crc32: nativeCrc32 } : {}),
  // A sheet read one character per byte: Buffer's decoding is several times TextDecoder's.
  latin1: (data) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1'),
};
