/**
 * Rewrite a zip, copying every entry that does not change byte for byte (its local header, its
 * compressed data and its data descriptor, raw) and deflating only the parts that do. Entries keep
 * their order; new parts go at the end; the central directory is written again with the new
 * offsets. No Node-only API: the caller brings the deflate function.
 */
import { corrupt, type ZipEntryInfo } from '../limits.js';
import { crc32 } from './crc32.js';
import type { SplicedPart } from './splice.js';

/** Raw deflate (no zlib or gzip header), e.g. Node's `zlib.deflateRawSync` or fflate's `deflateSync`. */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

/**
 * One raw deflate stream fed in pieces: each call deflates the next piece and returns what it
 * adds to the stream; `last` ends it. E.g. with Node, each piece deflated on its own and ended by
 * a sync flush (`zlib.deflateRawSync(piece, { finishFlush: last ? Z_FINISH : Z_SYNC_FLUSH })`):
 * the pieces one after the other are one valid stream.
 */
export type DeflateRawPiece = (data: Uint8Array, last: boolean) => Uint8Array;

/** How the zip writer deflates and checks the parts it writes. */
export interface ZipDeflate {
  readonly deflateRaw: DeflateRaw;
  /**
   * A new deflate stream for one part, when there is one: then a spliced part is deflated a
   * piece at a time and is never whole in memory (faster, and far less memory, for a large sheet).
   */
  readonly deflateRawPieces?: () => DeflateRawPiece;
  /**
   * Raw deflate of one piece on its own, off the calling thread (Node's `zlib.deflateRaw` runs in
   * its thread pool), ended by a sync flush (`last`: by the stream's end): pieces so deflated one
   * after the other are one valid stream. With it, {@link rewriteZipAsync} deflates a part's pieces
   * side by side while the caller's thread splices and checks the next.
   */
  readonly deflateRawPieceAsync?: (data: Uint8Array, last: boolean) => Promise<Uint8Array>;
  /** CRC-32 of `data`, continued from `previous` (the CRC-32 of the bytes before), as Node's `zlib.crc32`. */
  readonly crc32?: (data: Uint8Array, previous?: number) => number;
}

/** How many pieces of a part are deflated at once off the thread: a few megabytes in flight. */
const IN_FLIGHT = 4;

/** A new part's bytes: whole, or spliced from the old part's and handed out in pieces. */
export type PartBytes = Uint8Array | SplicedPart;

/**
 * Whether a part's bytes are whole. Told by their kind, not `instanceof`: bytes made in another
 * realm (a test's DOM, a worker, an iframe) are not instances of this realm's `Uint8Array`.
 */
function isWhole(data: PartBytes): data is Uint8Array {
  return ArrayBuffer.isView(data);
}

/** The size of the pieces a spliced part is deflated in: a megabyte stays in the CPU's caches. */
const PIECE = 1 << 20;

/** What changes in the zip: parts replaced, parts removed, parts added (at the end, in order). */
export interface ZipChanges {
  readonly replace: ReadonlyMap<string, PartBytes>;
  readonly remove: ReadonlySet<string>;
  readonly add: ReadonlyArray<readonly [string, Uint8Array]>;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const DESCRIPTOR = 0x08074b50;
const MAX32 = 0xffffffff;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (u16(b, i) + u16(b, i + 2) * 0x10000) >>> 0;
}

/** A growing byte buffer. */
class Out {
  private chunks: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function header(size: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(size);
  return { bytes, view: new DataView(bytes.buffer) };
}

/** Where each central-directory record is, in directory order (the entries' order). */
function centralRecords(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): number[] {
  if (entries.length === 0) return [];
  // The directory starts where the first record is; zipEntries already checked every signature.
  const eocd = findEocd(bytes);
  let p = u32(bytes, eocd + 16);
  if (p === MAX32 || u32(bytes, p) !== CENTRAL) p = findDirectoryStart(bytes, eocd, entries.length);
  const at: number[] = [];
  for (let n = 0; n < entries.length; n++) {
    if (u32(bytes, p) !== CENTRAL) throw corrupt('bad central directory');
    at.push(p);
    p += 46 + u16(bytes, p + 28) + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return at;
}

function findEocd(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) return i;
  }
  throw corrupt('no end of central directory');
}

/** ZIP64: the directory's offset is in the ZIP64 record, 20 + 56 bytes before the EOCD. */
function findDirectoryStart(bytes: Uint8Array, eocd: number, count: number): number {
  const rec = u32(bytes, eocd - 20 + 8) + u32(bytes, eocd - 20 + 12) * 0x1_0000_0000;
  const p = u32(bytes, rec + 48) + u32(bytes, rec + 52) * 0x1_0000_0000;
  if (count > 0 && u32(bytes, p) !== CENTRAL) throw corrupt('bad central directory');
  return p;
}

/** The length of an entry's local record: header, name, extra, data and data descriptor. */
function localRecordLength(bytes: Uint8Array, e: ZipEntryInfo, zip64: boolean): number {
  const at = e.offset;
  if (u32(bytes, at) !== LOCAL) throw corrupt(`${e.name}: no local header`);
  let end = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28) + e.compressedSize;
  if (u16(bytes, at + 6) & 0x8) {
    const signed = u32(bytes, end) === DESCRIPTOR ? 4 : 0;
    end += signed + (zip64 ? 20 : 12);
  }
  if (end > bytes.length) throw corrupt(`${e.name}: truncated`);
  return end - at;
}

/** The extra field of a central record without its ZIP64 block (id 0x0001). */
function extraWithoutZip64(extra: Uint8Array): Uint8Array {
  const kept: number[] = [];
  for (let e = 0; e + 4 <= extra.length;) {
    const id = u16(extra, e);
    const len = u16(extra, e + 2);
    if (id !== 0x0001)
      for (let i = e; i < Math.min(extra.length, e + 4 + len); i++) kept.push(extra[i]!);
    e += 4 + len;
  }
  return new Uint8Array(kept);
}

interface Central {
  readonly madeBy: number;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly name: Uint8Array;
  readonly extra: Uint8Array;
  readonly comment: Uint8Array;
  readonly internal: number;
  readonly external: number;
  readonly offset: number;
}

function centralRecord(c: Central): Uint8Array {
  const { bytes, view } = header(46 + c.name.length + c.extra.length + c.comment.length);
  view.setUint32(0, CENTRAL, true);
  view.setUint16(4, c.madeBy, true);
  view.setUint16(6, 20, true);
  view.setUint16(8, c.flags, true);
  view.setUint16(10, c.method, true);
  view.setUint16(12, c.time, true);
  view.setUint16(14, c.date, true);
  view.setUint32(16, c.crc, true);
  view.setUint32(20, c.compressedSize, true);
  view.setUint32(24, c.uncompressedSize, true);
  view.setUint16(28, c.name.length, true);
  view.setUint16(30, c.extra.length, true);
  view.setUint16(32, c.comment.length, true);
  view.setUint16(36, c.internal, true);
  view.setUint32(38, c.external, true);
  view.setUint32(42, c.offset, true);
  bytes.set(c.name, 46);
  bytes.set(c.extra, 46 + c.name.length);
  bytes.set(c.comment, 46 + c.name.length + c.extra.length);
  return bytes;
}

function localHeader(c: Central): Uint8Array {
  const { bytes, view } = header(30 + c.name.length);
  view.setUint32(0, LOCAL, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, c.flags, true);
  view.setUint16(8, c.method, true);
  view.setUint16(10, c.time, true);
  view.setUint16(12, c.date, true);
  view.setUint32(14, c.crc, true);
  view.setUint32(18, c.compressedSize, true);
  view.setUint32(22, c.uncompressedSize, true);
  view.setUint16(26, c.name.length, true);
  view.setUint16(28, 0, true);
  bytes.set(c.name, 30);
  return bytes;
}

/** A part deflated: its compressed bytes (in pieces), CRC-32 and length. */
export interface Deflated {
  readonly chunks: Uint8Array[];
  readonly compressedSize: number;
  readonly crc: number;
  readonly size: number;
}

/**
 * Deflate a part whole, or a spliced part piece by piece (of `pieceSize` bytes) when the codec
 * has a stream.
 */
export function deflatePart(data: PartBytes, codec: ZipDeflate, pieceSize = PIECE): Deflated {
  const checksum = codec.crc32 ?? crc32;
  let whole: Uint8Array;
  if (isWhole(data)) {
    whole = data;
  } else if (codec.deflateRawPieces && data.length > 0) {
    const push = codec.deflateRawPieces();
    const chunks: Uint8Array[] = [];
    let crc = 0;
    let seen = 0;
    let compressedSize = 0;
    for (const piece of data.pieces(pieceSize)) {
      seen += piece.length;
      crc = checksum(piece, crc);
      const chunk = push(piece, seen === data.length);
      chunks.push(chunk);
      compressedSize += chunk.length;
    }
    return { chunks, compressedSize, crc, size: data.length };
  } else {
    whole = new Uint8Array(data.length);
    let at = 0;
    for (const piece of data.pieces(data.length)) {
      whole.set(piece, at);
      at += piece.length;
    }
  }
  const deflated = codec.deflateRaw(whole);
  return {
    chunks: [deflated],
    compressedSize: deflated.length,
    crc: checksum(whole),
    size: whole.length,
  };
}

/**
 * {@link deflatePart}, the pieces deflated off the thread when the codec can
 * (`deflateRawPieceAsync`), a few at a time, while this thread splices and checks the next; the
 * same bytes as {@link deflatePart} with a codec whose pieces are deflated the same way.
 */
export async function deflatePartAsync(
  data: PartBytes,
  codec: ZipDeflate,
  pieceSize = PIECE,
): Promise<Deflated> {
  const deflate = codec.deflateRawPieceAsync;
  if (!deflate || isWhole(data) || data.length === 0) {
    return deflatePart(data, codec, pieceSize);
  }
  const checksum = codec.crc32 ?? crc32;
  const chunks: Uint8Array[] = [];
  const inFlight: Promise<Uint8Array>[] = [];
  let crc = 0;
  let seen = 0;
  // A piece's buffer is written again only once its deflate is done: one more buffer than pieces
  // in flight, taken in turn.
  for (const piece of data.pieces(pieceSize, IN_FLIGHT + 1)) {
    seen += piece.length;
    crc = checksum(piece, crc);
    const pending = deflate(piece, seen === data.length);
    // Heard now (a piece may fail before its turn comes); its failure is thrown when awaited, and
    // those of the pieces after the first to fail go with it.
    pending.catch(() => undefined);
    inFlight.push(pending);
    if (inFlight.length >= IN_FLIGHT) chunks.push(await inFlight.shift()!);
  }
  while (inFlight.length > 0) chunks.push(await inFlight.shift()!);
  let compressedSize = 0;
  for (const c of chunks) compressedSize += c.length;
  return { chunks, compressedSize, crc, size: data.length };
}

/** The replaced and added parts deflated, by name and in order. */
interface DeflatedChanges {
  readonly replace: ReadonlyMap<string, Deflated>;
  readonly add: readonly Deflated[];
}

/** Describe a deflated part; flags keep only UTF-8 names (bit 11). */
function freshEntry(
  name: Uint8Array,
  deflated: Deflated,
  like: Omit<
    Central,
    'crc' | 'compressedSize' | 'uncompressedSize' | 'offset' | 'method' | 'flags' | 'name'
  > & { flags: number },
  offset: number,
): { local: Uint8Array; chunks: Uint8Array[]; central: Central } {
  const central: Central = {
    ...like,
    flags: like.flags & 0x0800,
    method: 8,
    name,
    crc: deflated.crc,
    compressedSize: deflated.compressedSize,
    uncompressedSize: deflated.size,
    offset,
  };
  return { local: localHeader(central), chunks: deflated.chunks, central };
}

/** The DOS time and date of now, for added parts. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * Write `bytes` (a zip whose directory `entries` lists, as `checkZipDirectory` returns it) again
 * with `changes`: untouched entries copied raw, in their order, replaced parts deflated anew in
 * their place, removed parts left out, added parts deflated at the end. The archive comment is
 * kept. Throws `corrupt-zip` on a record that does not add up.
 *
 * @example
 * rewriteZip(bytes, checkZipDirectory(bytes), { replace: new Map([['xl/worksheets/sheet1.xml', xml]]), remove: new Set(), add: [] }, { deflateRaw: deflateRawSync });
 */
export function rewriteZip(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  changes: ZipChanges,
  codec: ZipDeflate,
): Uint8Array {
  const deflated: DeflatedChanges = {
    replace: new Map([...changes.replace].map(([name, data]) => [name, deflatePart(data, codec)])),
    add: changes.add.map(([, data]) => deflatePart(data, codec)),
  };
  return assembleZip(bytes, entries, changes, deflated);
}

/**
 * {@link rewriteZip}, the written parts deflated off the thread where the codec can
 * ({@link deflatePartAsync}): the same bytes.
 */
export async function rewriteZipAsync(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  changes: ZipChanges,
  codec: ZipDeflate,
): Promise<Uint8Array> {
  const replace = new Map<string, Deflated>();
  for (const [name, data] of changes.replace)
    replace.set(name, await deflatePartAsync(data, codec));
  const add: Deflated[] = [];
  for (const [, data] of changes.add) add.push(await deflatePartAsync(data, codec));
  return assembleZip(bytes, entries, changes, { replace, add });
}

/** The new zip: {@link rewriteZip} with its parts already deflated. */
function assembleZip(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  changes: ZipChanges,
  deflated: DeflatedChanges,
): Uint8Array {
  const records = centralRecords(bytes, entries);
  const out = new Out();
  const central: Uint8Array[] = [];
  const encoder = new TextEncoder();
  entries.forEach((e, i) => {
    const name = e.name.startsWith('/') ? e.name.slice(1) : e.name;
    if (changes.remove.has(name)) return;
    const p = records[i]!;
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const rawExtra = bytes.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    const zip64 =
      u32(bytes, p + 20) === MAX32 || u32(bytes, p + 24) === MAX32 || u32(bytes, p + 42) === MAX32;
    const base = {
      madeBy: u16(bytes, p + 4),
      flags: u16(bytes, p + 8),
      time: u16(bytes, p + 12),
      date: u16(bytes, p + 14),
      extra: zip64 ? extraWithoutZip64(rawExtra) : rawExtra,
      comment: bytes.subarray(
        p + 46 + nameLen + extraLen,
        p + 46 + nameLen + extraLen + commentLen,
      ),
      internal: u16(bytes, p + 36),
      external: u32(bytes, p + 38),
    };
    const replacement = deflated.replace.get(name);
    if (replacement !== undefined) {
      const fresh = freshEntry(
        rawName,
        replacement,
        { ...base, extra: new Uint8Array(0) },
        out.length,
      );
      central.push(centralRecord(fresh.central));
      out.push(fresh.local);
      for (const chunk of fresh.chunks) out.push(chunk);
      return;
    }
    const offset = out.length;
    out.push(bytes.subarray(e.offset, e.offset + localRecordLength(bytes, e, zip64)));
    if (zip64) {
      central.push(
        centralRecord({
          ...base,
          method: e.method,
          name: rawName,
          crc: u32(bytes, p + 16),
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
          offset,
        }),
      );
    } else {
      // The record as it was, with its new offset.
      // A copy (a Node Buffer's slice would share the input's memory).
      const record = new Uint8Array(bytes.subarray(p, p + 46 + nameLen + extraLen + commentLen));
      new DataView(record.buffer, record.byteOffset, record.byteLength).setUint32(42, offset, true);
      central.push(record);
    }
  });
  const now = dosNow();
  changes.add.forEach(([name], k) => {
    const fresh = freshEntry(
      encoder.encode(name),
      deflated.add[k]!,
      {
        madeBy: 20,
        flags: 0x0800,
        ...now,
        extra: new Uint8Array(0),
        comment: new Uint8Array(0),
        internal: 0,
        external: 0,
      },
      out.length,
    );
    central.push(centralRecord(fresh.central));
    out.push(fresh.local);
    for (const chunk of fresh.chunks) out.push(chunk);
  });
  const directoryStart = out.length;
  for (const c of central) out.push(c);
  const eocdAt = findEocd(bytes);
  const comment = bytes.subarray(eocdAt + 22, eocdAt + 22 + u16(bytes, eocdAt + 20));
  const { bytes: eocd, view } = header(22 + comment.length);
  view.setUint32(0, EOCD, true);
  view.setUint16(8, central.length, true);
  view.setUint16(10, central.length, true);
  view.setUint32(12, out.length - directoryStart, true);
  view.setUint32(16, directoryStart, true);
  view.setUint16(20, comment.length, true);
  eocd.set(comment, 22);
  out.push(eocd);
  return out.bytes();
}
