import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isXlsxError, type XlsxErrorCode } from './errors.js';
import { readWorkbook, writeWorkbook } from './workbook.js';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(s: string): number[] {
  return [...s].flatMap((c) => [c.charCodeAt(0), 0]);
}

function ole2With(stream: string): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set(OLE2, 0);
  bytes.set(utf16(stream), 1024);
  return bytes;
}

async function codeOf(bytes: Uint8Array | ArrayBuffer): Promise<XlsxErrorCode | 'ok'> {
  try {
    await readWorkbook(bytes);
    return 'ok';
  } catch (e) {
    if (isXlsxError(e)) return e.code;
    throw e;
  }
}

async function sampleXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('PL01').getCell('A1').value = 'PHỤ LỤC SỐ 01';
  return writeWorkbook(wb);
}

describe('readWorkbook', () => {
  it('reads an xlsx from a Uint8Array and from an ArrayBuffer', async () => {
    const bytes = await sampleXlsx();
    const wb = await readWorkbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['PL01']);
    const copy = bytes.slice().buffer;
    expect((await readWorkbook(copy)).worksheets).toHaveLength(1);
  });

  it('tells each kind of unreadable file apart, with a message key', async () => {
    expect(await codeOf(new Uint8Array())).toBe('empty');
    expect(
      await codeOf(Uint8Array.from('TT;Du an;Tong\n1;DA2;3154\n', (c) => c.charCodeAt(0))),
    ).toBe('not-xlsx');
    expect(await codeOf(ole2With('EncryptedPackage'))).toBe('encrypted');
    expect(await codeOf(ole2With('Workbook'))).toBe('old-xls');
    expect(await codeOf(ole2With('Nothing'))).toBe('ole2');
    const full = await sampleXlsx();
    expect(await codeOf(full.slice(0, Math.floor(full.length * 0.6)))).toBe('corrupt-zip');
    try {
      await readWorkbook(ole2With('EncryptedPackage'));
    } catch (e) {
      expect(isXlsxError(e) && e.key).toBe('cli.input.encrypted');
    }
  });
});
