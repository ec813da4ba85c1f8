import { readWorkbook } from '@phuluc/xlsx';
import type ExcelJS from 'exceljs';
import { inputError } from '../errors.js';

/** Open the bytes as an ExcelJS workbook (fill); an unreadable file becomes a {@link CliError} naming the file. */
export async function openWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  try {
    return await readWorkbook(bytes);
  } catch (e) {
    throw inputError(e, file);
  }
}
