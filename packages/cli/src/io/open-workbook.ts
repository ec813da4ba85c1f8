import { isXlsxError, readWorkbook } from '@phuluc/xlsx';
import type ExcelJS from 'exceljs';
import { CliError } from '../errors.js';

/** Open the bytes as an ExcelJS workbook (fill); an unreadable file becomes a {@link CliError} naming the file. */
export async function openWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  try {
    return await readWorkbook(bytes);
  } catch (e) {
    if (isXlsxError(e)) throw new CliError(e.key, { ...e.params, file });
    throw new CliError('cli.input.corrupt-zip', { file });
  }
}
