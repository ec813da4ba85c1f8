/**
 * Files the fast reader cannot read: the same `XlsxError` codes as `readWorkbook`, never a raw
 * error, and a zip whose part inflates beyond what it declares stopped at the declared size.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../workbook.js';
import {
  codeOf,
  codesOf,
  handMadeXlsx,
  inflateRaw,
  openFast,
  sheetXml,
} from './__tests__/helpers.js';
import { openXlsx } from './index.js';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function ole2With(stream: string): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set(OLE2, 0);
  bytes.set(
    [...stream].flatMap((c) => [c.charCodeAt(0), 0]),
    1024,
  );
  return bytes;
}

async function sampleXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('PL01').getCell('A1').value = 'PHỤ LỤC SỐ 01';
  return writeWorkbook(wb);
}

/** Where `name`'s central directory record is in a zip. */
function centralRecord(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = new TextEncoder().encode(name);
  for (let p = 0; p + 46 <= zip.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const len = view.getUint16(p + 28, true);
    const found = zip.subarray(p + 46, p + 46 + len);
    if (len === encoded.length && found.every((b, i) => b === encoded[i])) return p;
  }
  throw new Error(`no ${name}`);
}

describe('files the fast reader refuses, as readWorkbook does', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['a text file', Uint8Array.from('TT;Du an\n1;DA2\n', (c) => c.charCodeAt(0)), 'not-xlsx'],
    ['a password-protected workbook', ole2With('EncryptedPackage'), 'encrypted'],
    ['an Excel 97-2003 workbook', ole2With('Workbook'), 'old-xls'],
    ['another OLE2 file', ole2With('Nothing'), 'ole2'],
    ['"PK" and nothing else', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]), 'not-xlsx'],
  ] as const)('%s', async (_, bytes, code) => {
    expect(await codesOf(bytes)).toEqual({ exceljs: code, fast: code });
  });

  it('a truncated workbook', async () => {
    const full = await sampleXlsx();
    for (const keep of [0.3, 0.6, 0.9]) {
      const cut = full.slice(0, Math.floor(full.length * keep));
      expect(await codesOf(cut)).toEqual({ exceljs: 'corrupt-zip', fast: 'corrupt-zip' });
    }
  });

  it('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await codesOf(bytes)).toEqual({ exceljs: 'not-xlsx', fast: 'not-xlsx' });
  });

  it('a zip without xl/workbook.xml', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', sheetXml(''));
    expect(
      await codeOf(async () => openFast(await zip.generateAsync({ type: 'uint8array' }))),
    ).toBe('not-xlsx');
  });

  it('malformed XML, in the workbook, the shared strings, the styles or a sheet', async () => {
    const broken = [
      ['xl/workbook.xml', '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></workbook>'],
      ['xl/sharedStrings.xml', '<sst><si><t>a</si></sst>'],
      ['xl/styles.xml', '<styleSheet><cellXfs><xf numFmtId="1"></cellXfs>'],
      ['xl/worksheets/sheet1.xml', sheetXml('<row r="1"><c r="A1"><v>1</v></row>')],
      ['xl/worksheets/sheet1.xml', sheetXml('<row r="1"><c r="A1"><v>&nbsp;</v></c></row>')],
      ['xl/worksheets/sheet1.xml', sheetXml('<row r="1"><c r="A1" s=1><v>1</v></c></row>')],
      [
        'xl/worksheets/sheet1.xml',
        sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -5),
      ],
      ['xl/worksheets/sheet1.xml', ''],
    ];
    for (const [part, xml] of broken) {
      const bytes = await handMadeXlsx(sheetXml(''), { [part!]: xml! });
      expect(await codesOf(bytes), `${part}: ${xml}`).toEqual({
        exceljs: 'corrupt-zip',
        fast: 'corrupt-zip',
      });
    }
  });

  it('well-formed XML that ExcelJS cannot read either', async () => {
    const sheets = [
      '<row r="1"><c r="a1"><v>1</v></c></row>',
      '<row r="x"><c r="A1"><v>1</v></c></row>',
      '<row r="1"><c r="A1" t="s"><v>7</v></c></row>',
      '<row r="1"><c r="A1" s="5"><v>1</v></c></row>',
    ];
    for (const data of sheets) {
      const bytes = await handMadeXlsx(sheetXml(data), {
        'xl/sharedStrings.xml': '<sst><si><t>a</t></si></sst>',
        'xl/styles.xml': '<styleSheet><fonts><font/></fonts></styleSheet>',
      });
      expect(await codesOf(bytes), data).toEqual({ exceljs: 'corrupt-zip', fast: 'corrupt-zip' });
    }
    const merged = await handMadeXlsx(
      sheetXml('', {
        after: '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
      }),
    );
    expect(await codesOf(merged)).toEqual({ exceljs: 'corrupt-zip', fast: 'corrupt-zip' });
  });

  it('a part that inflates beyond the size it declares: a zip bomb, stopped there', async () => {
    const bytes = await handMadeXlsx(
      sheetXml(`<row r="1"><c r="A1"><v>${'1'.repeat(5000)}</v></c></row>`),
    );
    const at = centralRecord(bytes, 'xl/worksheets/sheet1.xml');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setUint32(at + 24, 1000, true); // declared uncompressed size
    let largest = 0;
    const book = openXlsx(bytes, (data, max) => {
      largest = Math.max(largest, max);
      return inflateRaw(data, max);
    });
    expect(await codeOf(() => book.readSheet(0))).toBe('zip-bomb');
    expect(largest).toBeLessThan(5000);
  });

  it('a part whose deflate data is damaged', async () => {
    const bytes = await handMadeXlsx(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const local = view.getUint32(centralRecord(bytes, 'xl/worksheets/sheet1.xml') + 42, true);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    bytes.fill(0xff, data, data + 8);
    expect(await codeOf(() => openFast(bytes).readSheet(0))).toBe('corrupt-zip');
  });

  it('never throws anything but an XlsxError on a damaged workbook', async () => {
    const full = await sampleXlsx();
    for (let i = 0; i < 200; i++) {
      const bytes = full.slice();
      const at = (i * 7919) % bytes.length;
      bytes[at] = bytes[at]! ^ (1 + (i % 255));
      await codeOf(() => {
        const book = openFast(bytes);
        book.sheets.forEach((_, n) => book.readSheet(n));
      });
    }
  });

  it('an index that is not a sheet', async () => {
    expect(() => openFast(new Uint8Array(0))).toThrow(/empty/);
    const book = openFast(await sampleXlsx());
    expect(() => book.readSheet(1)).toThrow(RangeError);
  });
});
