import { readFile, stat } from 'node:fs/promises';
import { isXlsxError, readWorkbook } from '@phuluc/xlsx';
import type ExcelJS from 'exceljs';
import { CliError } from '../errors.js';

/**
 * Read an input file's bytes, turning the usual failures (missing, a folder, no permission)
 * into {@link CliError}s. Never writes.
 */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new CliError('cli.error.is-directory', { file });
    return await readFile(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new CliError('cli.error.file-not-found', { file });
    if (code === 'EACCES' || code === 'EPERM')
      throw new CliError('cli.error.no-permission', { file });
    throw new CliError('cli.error.cannot-read', {
      file,
      reason: (e as Error).message ?? String(e),
    });
  }
}

/** Open the bytes as a workbook; an unreadable file becomes a {@link CliError} naming the file. */
export async function openWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  try {
    return await readWorkbook(bytes);
  } catch (e) {
    if (isXlsxError(e)) throw new CliError(e.key, { ...e.params, file });
    throw new CliError('cli.input.corrupt-zip', { file });
  }
}
