import ExcelJS from 'exceljs';
import { XlsxError } from './errors.js';
import { checkZip } from './inflation.js';
import { assertZip, containsAscii, whyUnreadable } from './sniff.js';

/** Bytes of an .xlsx file, as the browser (`ArrayBuffer`) or Node (`Uint8Array`, `Buffer`) holds them. */
export type WorkbookBytes = ArrayBuffer | Uint8Array;

function toUint8(bytes: WorkbookBytes): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/**
 * Open an .xlsx workbook from its bytes. Never throws a raw ExcelJS or zip error: anything that is
 * not a readable .xlsx becomes an {@link XlsxError} whose `code` says why (old .xls,
 * password-protected, not a zip, corrupt zip, empty, too large once inflated, a zip bomb: see
 * `LIMITS`).
 *
 * @example
 * const wb = await readWorkbook(await file.arrayBuffer());
 * for (const ws of wb.worksheets) console.log(ws.name);
 */
export async function readWorkbook(bytes: WorkbookBytes): Promise<ExcelJS.Workbook> {
  const data = toUint8(bytes);
  assertZip(data);
  // Sizes and compression ratios first: ExcelJS inflates every part into memory (limits.ts, inflation.ts).
  try {
    await checkZip(data);
  } catch (e) {
    throw whyUnreadable(e, data);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS' typings say Buffer; JSZip underneath takes any Uint8Array or ArrayBuffer.
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // A zip that opens but holds no workbook part (a .docx, a zipped folder) is "not an xlsx";
    // one whose directory cannot be read is a damaged or truncated file.
    if (!containsAscii(data, 'xl/')) throw new XlsxError('not-xlsx', detail);
    throw new XlsxError('corrupt-zip', detail);
  }
  if (wb.worksheets.length === 0 && !containsAscii(data, 'xl/workbook')) {
    throw new XlsxError('not-xlsx', 'no xl/workbook part');
  }
  return wb;
}

/**
 * Serialise a workbook to .xlsx bytes.
 *
 * @example
 * const bytes = await writeWorkbook(wb); // Uint8Array, ready for a Blob or fs.writeFile
 */
export async function writeWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
