import { openXlsx, type XlsxReader } from '@phuluc/xlsx/fast';
import { inputError } from '../errors.js';
import { inflateRaw } from './node-zip.js';

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
