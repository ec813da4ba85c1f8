/**
 * Test helpers for the fast reader: Node's inflate, the comparison with ExcelJS, and workbooks
 * written by hand (part by part) for what ExcelJS itself never writes.
 */
import JSZip from 'jszip';
import { inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import { isXlsxError, type XlsxErrorCode } from '../../errors.js';
import { sheetTooLarge } from '../../limits.js';
import { worksheetToGrid } from '../../read.js';
import { readWorkbook } from '../../workbook.js';
import { openXlsx, type InflateRaw, type XlsxReader } from '../index.js';

/** Raw inflate as the CLI gives it. */
export const inflateRaw: InflateRaw = (data, max) => inflateRawSync(data, { maxOutputLength: max });

/** Open with the fast reader and Node's inflate. */
export function openFast(bytes: Uint8Array): XlsxReader {
  return openXlsx(bytes, inflateRaw);
}

/**
 * Read `bytes` with ExcelJS (`readWorkbook`, `sheetTooLarge`, `worksheetToGrid`) and with the
 * fast reader, and expect the same sheets (names, states) and, sheet by sheet, the same grid or
 * the same too-large extent.
 */
export async function expectSameAsExcelJS(bytes: Uint8Array): Promise<XlsxReader> {
  const wb = await readWorkbook(bytes);
  const fast = openFast(bytes);
  expect(fast.sheets.map(({ name, state }) => ({ name, state }))).toStrictEqual(
    wb.worksheets.map(({ name, state }) => ({ name, state })),
  );
  wb.worksheets.forEach((ws, i) => {
    const big = sheetTooLarge(ws);
    expect(fast.readSheet(i), ws.name).toStrictEqual(
      big ? { tooLarge: big } : { grid: worksheetToGrid(ws) },
    );
  });
  return fast;
}

/** The `XlsxError` code a call throws, or `'ok'`. */
export async function codeOf(read: () => unknown): Promise<XlsxErrorCode | 'ok'> {
  try {
    await read();
    return 'ok';
  } catch (e) {
    if (isXlsxError(e)) return e.code;
    throw e;
  }
}

/** What ExcelJS and the fast reader (opening, then reading every sheet) make of `bytes`. */
export async function codesOf(
  bytes: Uint8Array,
): Promise<{ exceljs: XlsxErrorCode | 'ok'; fast: XlsxErrorCode | 'ok' }> {
  return {
    exceljs: await codeOf(async () => {
      const wb = await readWorkbook(bytes);
      wb.worksheets.forEach((ws) => worksheetToGrid(ws));
    }),
    fast: await codeOf(() => {
      const book = openFast(bytes);
      book.sheets.forEach((_, i) => book.readSheet(i));
    }),
  };
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${NS_REL}/worksheet`;

/** A worksheet part around `sheetData` (the inside of `<sheetData>`). */
export function sheetXml(sheetData: string, { before = '', after = '' } = {}): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${before}` +
    `<sheetData>${sheetData}</sheetData>${after}</worksheet>`
  );
}

/** A workbook part listing `sheets` (`<sheet>` elements), with `workbookPr` attributes. */
export function workbookXml(sheets: string, workbookPr = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr ${workbookPr}/>` +
    `<sheets>${sheets}</sheets></workbook>`
  );
}

/** A relationships part: `[Id, Target, Type?]`, worksheets by default. */
export function relsXml(rels: ReadonlyArray<readonly [string, string, string?]>): string {
  const items = rels
    .map(([id, target, type = REL_WORKSHEET]) => {
      const mode = type === REL_WORKSHEET ? '' : ' TargetMode="External"';
      return `<Relationship Id="${id}" Type="${type}" Target="${target}"${mode}/>`;
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `${items}</Relationships>`
  );
}

/** The type of a hyperlink relationship. */
export const REL_HYPERLINK = `${NS_REL}/hyperlink`;

/**
 * An .xlsx written part by part: one sheet `S` at xl/worksheets/sheet1.xml holding `sheet`
 * (a whole part, see {@link sheetXml}), and any other `parts` (which replace the defaults).
 */
export async function handMadeXlsx(
  sheet: string,
  parts: Readonly<Record<string, string | Uint8Array>> = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  const all: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/></Types>`,
    'xl/workbook.xml': workbookXml('<sheet name="S" sheetId="1" r:id="rId1"/>'),
    'xl/_rels/workbook.xml.rels': relsXml([['rId1', 'worksheets/sheet1.xml']]),
    'xl/worksheets/sheet1.xml': sheet,
    ...parts,
  };
  for (const [name, data] of Object.entries(all)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
