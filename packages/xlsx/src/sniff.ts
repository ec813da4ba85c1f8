import { XlsxError } from './errors.js';

/** What the first bytes of a file say it is. */
export type FileKind = 'empty' | 'zip' | 'ole2-encrypted' | 'ole2-xls' | 'ole2' | 'other';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether `needle`, encoded as UTF-16LE (how OLE2 directory entries name streams), occurs in `bytes`. */
export function containsUtf16(bytes: Uint8Array, needle: string): boolean {
  const pattern: number[] = [];
  for (const ch of needle) {
    const code = ch.charCodeAt(0);
    pattern.push(code & 0xff, code >> 8);
  }
  return indexOf(bytes, pattern) >= 0;
}

/** Whether an ASCII string occurs in `bytes`. */
export function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return (
    indexOf(
      bytes,
      [...needle].map((c) => c.charCodeAt(0)),
    ) >= 0
  );
}

function indexOf(bytes: Uint8Array, pattern: readonly number[]): number {
  const first = pattern[0];
  if (first === undefined) return 0;
  const head: number = first;
  const last = bytes.length - pattern.length;
  outer: for (let i = bytes.indexOf(head); i >= 0 && i <= last; i = bytes.indexOf(head, i + 1)) {
    for (let j = 1; j < pattern.length; j++) {
      if (bytes[i + j] !== pattern[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/**
 * Classify a file by its magic bytes. An OLE2 compound file (`D0 CF 11 E0 A1 B1 1A E1`) is either an
 * Excel 97–2003 workbook (a `Workbook` or `Book` stream) or an encrypted Office Open XML file
 * (an `EncryptedPackage` stream): the stream names are UTF-16LE in the directory.
 *
 * @example
 * sniffBytes(new Uint8Array([0x50, 0x4b, 3, 4])); // 'zip'
 */
export function sniffBytes(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b])) return 'zip';
  if (startsWith(bytes, OLE2_MAGIC)) {
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
      return 'ole2-encrypted';
    }
    if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book')) return 'ole2-xls';
    return 'ole2';
  }
  return 'other';
}

/**
 * Throw the `XlsxError` that says why bytes are not a zip (empty, password-protected, an old
 * .xls, another OLE2 file, anything else); return when they are one.
 */
export function assertZip(data: Uint8Array): void {
  switch (sniffBytes(data)) {
    case 'empty':
      throw new XlsxError('empty');
    case 'ole2-encrypted':
      throw new XlsxError('encrypted');
    case 'ole2-xls':
      throw new XlsxError('old-xls');
    case 'ole2':
      throw new XlsxError('ole2');
    case 'other':
      throw new XlsxError('not-xlsx');
    case 'zip':
      return;
  }
}

/**
 * The error for a zip whose directory cannot be read: a "zip" without any workbook part is no
 * .xlsx at all (`not-xlsx`); anything else stays as it was thrown.
 */
export function whyUnreadable(e: unknown, data: Uint8Array): unknown {
  if (e instanceof XlsxError && e.code === 'corrupt-zip' && !containsAscii(data, 'xl/'))
    return new XlsxError('not-xlsx', e.detail);
  return e;
}
