/**
 * Read parts of a zip, synchronously, with the inflate function the caller brings (Node's zlib,
 * the browser's own): no dependency and no Node-only API here. The directory is checked first
 * with `checkZipDirectory` (limits.ts: part count, declared sizes, compression ratios, methods);
 * each part is then inflated on demand, never beyond the size the directory declares for it.
 */
import { XlsxError } from '../errors.js';
import { checkZipDirectory, LIMITS } from '../limits.js';

/**
 * Inflate raw deflate data (no zlib or gzip header). Must throw a `RangeError` when the output
 * would be longer than `maxOutputBytes` (at least 1), and another error when the data is corrupt.
 *
 * @example
 * // Node: one output buffer of the expected size (`chunkSize`) saves copying chunks together.
 * const inflateRaw: InflateRaw = (d, max) =>
 *   zlib.inflateRawSync(d, { maxOutputLength: max, chunkSize: Math.max(64, max) });
 */
export type InflateRaw = (data: Uint8Array, maxOutputBytes: number) => Uint8Array;

/** The parts of a zip, by name (without a leading `/`), in the order of its directory. */
export interface ZipArchive {
  readonly names: readonly string[];
  /** The declared uncompressed size of a part; `undefined` when there is no such part. */
  size(name: string): number | undefined;
  /** The inflated bytes of a part; `undefined` when there is no such part. */
  read(name: string): Uint8Array | undefined;
  /** A part decoded as UTF-8 (a byte-order mark dropped); `undefined` when there is no such part. */
  text(name: string): string | undefined;
}

interface Part {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly offset: number;
}

const LOCAL = 0x04034b50;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (u16(b, i) + u16(b, i + 2) * 0x10000) >>> 0;
}

function corrupt(detail: string): XlsxError {
  return new XlsxError('corrupt-zip', detail);
}

function inflatePart(bytes: Uint8Array, part: Part, inflateRaw: InflateRaw): Uint8Array {
  const at = part.offset;
  if (u32(bytes, at) !== LOCAL) throw corrupt(`${part.name}: no local header`);
  if (u16(bytes, at + 6) & 1) throw corrupt(`${part.name}: encrypted zip entry`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + part.compressedSize;
  if (end > bytes.length) throw corrupt(`${part.name}: truncated`);
  const data = bytes.subarray(start, end);
  if (part.method === 0) {
    if (part.compressedSize !== part.uncompressedSize) throw corrupt(`${part.name}: bad size`);
    return data;
  }
  let out: Uint8Array;
  try {
    out = inflateRaw(data, Math.max(1, part.uncompressedSize));
  } catch (e) {
    if (e instanceof RangeError) throw bomb(part);
    throw corrupt(`${part.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (out.length > part.uncompressedSize) throw bomb(part);
  if (out.length < part.uncompressedSize) throw corrupt(`${part.name}: shorter than declared`);
  return out;
}

function bomb(part: Part): XlsxError {
  const ratio = Math.round(part.uncompressedSize / Math.max(1, part.compressedSize));
  return new XlsxError(
    'zip-bomb',
    `${part.name} inflates beyond its declared ${part.uncompressedSize} bytes`,
    { ratio: `> ${ratio}:1`, limit: `${LIMITS.maxCompressionRatio}:1` },
  );
}

/**
 * Open a zip: check its directory against `LIMITS` (throws `XlsxError` 'corrupt-zip',
 * 'too-large' or 'zip-bomb'), then read parts on demand. Directory entries are left out; a
 * leading `/` is dropped from names, as ExcelJS does.
 *
 * @example
 * const zip = openZip(bytes, (d, max) => zlib.inflateRawSync(d, { maxOutputLength: max }));
 * zip.text('xl/workbook.xml');
 */
export function openZip(bytes: Uint8Array, inflateRaw: InflateRaw): ZipArchive {
  const parts = new Map<string, Part>();
  for (const e of checkZipDirectory(bytes)) {
    const name = e.name.startsWith('/') ? e.name.slice(1) : e.name;
    if (!name.endsWith('/')) parts.set(name, { ...e, name });
  }
  const decoder = new TextDecoder('utf-8');
  const read = (name: string): Uint8Array | undefined => {
    const part = parts.get(name);
    return part && inflatePart(bytes, part, inflateRaw);
  };
  return {
    names: [...parts.keys()],
    size: (name) => parts.get(name)?.uncompressedSize,
    read,
    text(name) {
      const data = read(name);
      return data && decoder.decode(data);
    },
  };
}
