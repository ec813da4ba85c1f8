/**
 * Limits on what phuluc opens, checked BEFORE the bytes reach ExcelJS (which inflates every part
 * of the zip into memory) and before a sheet becomes a grid. They keep a hostile or broken file
 * from exhausting memory or time; each is documented in SECURITY.md at the repository root.
 *
 * The zip checks read the central directory (declared sizes, cheap) and then inflate the parts
 * that could inflate beyond what they declare, counting bytes and stopping at the declared size
 * (a zip can lie about its sizes; deflate can expand about 1 032 times). No Node-only API: this
 * runs in the browser preview too.
 */
import type ExcelJS from 'exceljs';
import { XlsxError } from './errors.js';

/** The limits, in one place. */
export const LIMITS = {
  /** Sum of the uncompressed sizes of all parts of the .xlsx (declared, and actually inflated). */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Compression ratio above which a large part is taken for a zip bomb. */
  maxCompressionRatio: 100,
  /** A part smaller than this (uncompressed) is never judged by its ratio. */
  ratioMinBytes: 10 * 1024 * 1024,
  /** Parts in the zip (an annex workbook has a few dozen). */
  maxZipEntries: 10_000,
  /** Last used row of a sheet (a cell holding a value or a formula). */
  maxRows: 200_000,
  /** Last used column of a sheet (column ALL). */
  maxCols: 1_000,
} as const;

/** Deflate's largest possible expansion (a 258-byte match per ~2 bits, rounded up). */
export const DEFLATE_MAX_RATIO = 1032;

/** One part of a zip as its central directory declares it. */
export interface ZipEntryInfo {
  readonly name: string;
  /** 0 stored, 8 deflate; anything else is not something Excel writes. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Where the part's local header starts in the zip. */
  readonly offset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (u16(b, i) + u16(b, i + 2) * 0x10000) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
}

/** A `corrupt-zip` error with its detail. */
export function corrupt(detail: string): XlsxError {
  return new XlsxError('corrupt-zip', detail);
}

/**
 * The entries of a zip's central directory (ZIP64 included), without inflating anything.
 * Throws `corrupt-zip` when there is no readable directory.
 *
 * @example
 * zipEntries(bytes).reduce((n, e) => n + e.uncompressedSize, 0); // declared total
 */
export function zipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  // End of central directory: 22 bytes plus a comment of up to 65 535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== EOCD64_LOCATOR) throw corrupt('no zip64 locator');
    const rec = u64(bytes, loc + 8);
    if (rec + 56 > bytes.length || u32(bytes, rec) !== EOCD64) throw corrupt('no zip64 record');
    count = u64(bytes, rec + 32);
    offset = u64(bytes, rec + 48);
  }
  if (count > LIMITS.maxZipEntries) {
    throw new XlsxError('too-large', `${count} zip entries`, {
      size: `${count} phần / parts`,
      limit: `${LIMITS.maxZipEntries} phần / parts`,
    });
  }
  const out: ZipEntryInfo[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) throw corrupt('bad central directory');
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    let offset = u32(bytes, p + 42);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      // ZIP64 extended information: the 8-byte values, in this order, of the fields set to -1.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = u64(bytes, f);
            f += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, f);
            f += 8;
          }
          if (offset === 0xffffffff) offset = u64(bytes, f);
          break;
        }
        e += 4 + len;
      }
    }
    out.push({ name, method, compressedSize, uncompressedSize, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Bytes as megabytes, for messages. */
export function mb(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Refuse a zip whose parts declare too much data in all or inflate suspiciously well.
 * Returns the entries for `checkInflation` (inflation.ts).
 */
export function checkZipDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const entries = zipEntries(bytes);
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > LIMITS.maxUncompressedBytes) {
    throw new XlsxError('too-large', `${total} bytes uncompressed`, {
      size: mb(total),
      limit: mb(LIMITS.maxUncompressedBytes),
    });
  }
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8 && e.uncompressedSize > 0) {
      throw corrupt(`unsupported compression method ${e.method} in ${e.name}`);
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > LIMITS.ratioMinBytes && ratio > LIMITS.maxCompressionRatio) {
      throw new XlsxError('zip-bomb', `${e.name}: ${Math.round(ratio)}:1`, {
        ratio: `${Math.round(ratio)}:1`,
        limit: `${LIMITS.maxCompressionRatio}:1`,
      });
    }
  }
  return entries;
}

/** The used extent of a sheet: its last row and column holding a value or a formula (1-based). */
export interface SheetExtent {
  readonly rows: number;
  readonly cols: number;
}

/**
 * The last row and column of a worksheet that hold something (a value or a formula), read from
 * ExcelJS' sparse rows without building a grid. Formatting alone does not count.
 */
export function sheetExtent(ws: ExcelJS.Worksheet): SheetExtent {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let last = 0;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.value !== null && cell.value !== undefined && cell.value !== '') last = col;
    });
    if (last > 0) {
      rows = rowNumber;
      if (last > cols) cols = last;
    }
  });
  return { rows, cols };
}

/** What is too large about a sheet, or `null` when it is within {@link LIMITS}. */
export interface SheetTooLarge extends SheetExtent {
  readonly maxRows: number;
  readonly maxCols: number;
}

/**
 * Whether a worksheet is too large to check: more used rows than {@link LIMITS.maxRows} or more
 * used columns than {@link LIMITS.maxCols}. Call it before `worksheetToGrid`.
 *
 * @example
 * const big = sheetTooLarge(ws);
 * if (big) console.log(`${ws.name}: ${big.rows} × ${big.cols}`);
 */
export function sheetTooLarge(ws: ExcelJS.Worksheet): SheetTooLarge | null {
  // ExcelJS' own bounds (the last row, the widest row) are cheap: only look closer when they
  // are over the limits (formatting alone can extend them).
  if (ws.rowCount <= LIMITS.maxRows && ws.columnCount <= LIMITS.maxCols) return null;
  const extent = sheetExtent(ws);
  if (extent.rows <= LIMITS.maxRows && extent.cols <= LIMITS.maxCols) return null;
  return { ...extent, maxRows: LIMITS.maxRows, maxCols: LIMITS.maxCols };
}
