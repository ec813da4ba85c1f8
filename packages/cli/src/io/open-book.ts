import { inflateRawSync } from 'node:zlib';
import { openXlsx, type XlsxReader } from '@phuluc/xlsx/fast';
import { inputError } from '../errors.js';

/** Node's raw inflate, stopped at `max` bytes (a part that inflates beyond it is refused). */
function inflateRaw(data: Uint8Array, max: number): Uint8Array {
  return inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
}

/**
 * Open an .xlsx for reading only (validate, plan), with the fast reader: no ExcelJS, sheets read
 * on demand. An unreadable file becomes a {@link CliError} naming the file.
 */
export function openBook(bytes: Uint8Array, file: string): XlsxReader {
  try {
    return openXlsx(bytes, inflateRaw);
  } catch (e) {
    throw inputError(e, file);
  }
}
