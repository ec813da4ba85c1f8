import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkZipDirectory } from '../limits.js';
import { codec, fixture, partText, rawRecords } from './__tests__/helpers.js';
import type { CellEdit } from './cell-xml.js';
import { patchSheet, type SheetEdits } from './sheet-patch.js';
import { applyPatches, PatchList, spliceUtf8, utf8Length, type Patch } from './splice.js';
import { writeCells } from './write-cells.js';
import { rewriteZip } from './zip-writer.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function listOf(patches: readonly Patch[]): PatchList {
  const list = new PatchList();
  for (const p of patches) list.add(p.start, p.end, p.text);
  return list;
}

/** Sorted, non-overlapping patches of `text` from random cut points. */
const withPatches = fc.string({ unit: 'grapheme', maxLength: 60 }).chain((text) =>
  fc
    .array(
      fc.tuple(
        fc.nat(text.length),
        fc.nat(text.length),
        fc.string({ unit: 'grapheme', maxLength: 8 }),
      ),
      { maxLength: 6 },
    )
    .map((cuts) => {
      const patches: Patch[] = [];
      let from = 0;
      for (const [a, b, t] of [...cuts].sort(
        (x, y) => Math.min(x[0], x[1]) - Math.min(y[0], y[1]),
      )) {
        let start = Math.max(from, Math.min(a, b));
        let end = Math.max(start, Math.max(a, b));
        // Never inside a surrogate pair (the scanner cuts at markup, which is ASCII).
        const inPair = (i: number) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]!);
        while (inPair(start)) start++;
        end = Math.max(start, end);
        while (inPair(end)) end++;
        if (start > text.length || end > text.length) continue;
        patches.push({ start, end, text: t });
        from = end;
      }
      return { text, patches };
    }),
);

describe('spliceUtf8: the new text in the part’s bytes, the rest copied', () => {
  it('gives the bytes of the patched text, for any text and patches (ASCII or not)', () => {
    fc.assert(
      fc.property(withPatches, fc.boolean(), ({ text, patches }, bom) => {
        const body = encoder.encode(text);
        const raw = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
        const xml = decoder.decode(raw);
        const out = spliceUtf8(raw, xml, undefined, listOf(patches));
        const expected = encoder.encode(applyPatches(xml, patches));
        expect(out).toBeDefined();
        // The byte-order mark is kept (the whole-text path used to drop it).
        expect(Buffer.from(out!.subarray(bom ? 3 : 0)).equals(Buffer.from(expected))).toBe(true);
        if (bom) expect([...out!.subarray(0, 3)]).toStrictEqual([0xef, 0xbb, 0xbf]);
      }),
      { numRuns: 500 },
    );
  });

  it('copies Vietnamese text around a written cell byte for byte, and encodes the new one', () => {
    const xml =
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Xã Đắk Hà</t></is></c><c r="B2"><v>1</v></c><c r="C2" t="inlineStr"><is><t>Tổng số</t></is></c></row>';
    const raw = encoder.encode(xml);
    const start = xml.indexOf('<c r="B2"');
    const end = xml.indexOf('<c r="C2"');
    const head = { start: 0, end: 0, text: '' };
    const out = spliceUtf8(
      raw,
      xml,
      head,
      listOf([{ start, end, text: '<c r="B2" t="inlineStr"><is><t>Huyện Mường Tè</t></is></c>' }]),
    );
    expect(decoder.decode(out)).toBe(
      xml.replace(
        '<c r="B2"><v>1</v></c>',
        '<c r="B2" t="inlineStr"><is><t>Huyện Mường Tè</t></is></c>',
      ),
    );
    // The bytes before and after the cell are the input's own.
    const before = encoder.encode(xml.slice(0, start)).length;
    expect(Buffer.from(out!.subarray(0, before)).equals(Buffer.from(raw.subarray(0, before)))).toBe(
      true,
    );
    const after = raw.length - encoder.encode(xml.slice(end)).length;
    expect(
      Buffer.from(out!.subarray(out!.length - (raw.length - after))).equals(
        Buffer.from(raw.subarray(after)),
      ),
    ).toBe(true);
  });

  it('declines bytes that are not valid UTF-8 where the text would not map back', () => {
    const bad = new Uint8Array([...encoder.encode('<a>đ'), 0xc3, ...encoder.encode('x</a>')]);
    // '<a>đ\ufffdx</a>': the replacement character counts 3 bytes for 1.
    const xml = decoder.decode(bad);
    const list = listOf([{ start: 0, end: 0, text: 'y' }]);
    expect(spliceUtf8(bad, xml, undefined, list)).toBeUndefined();
    // A lone bad byte among ASCII is one character for one byte: it is copied as it was.
    const lone = new Uint8Array([...encoder.encode('<a>'), 0xc3, ...encoder.encode('x</a>')]);
    const out = spliceUtf8(lone, decoder.decode(lone), undefined, list)!;
    expect([...out]).toStrictEqual([0x79, ...lone]);
  });

  it('counts UTF-8 lengths as the encoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(utf8Length(s)).toBe(encoder.encode(s).length);
      }),
    );
  });
});

/** A fixture with its first sheet's XML replaced by `xml` (as bytes: a byte-order mark may lead). */
function withSheet(name: string, xml: Uint8Array): Uint8Array {
  const bytes = fixture(name);
  return rewriteZip(
    bytes,
    checkZipDirectory(bytes),
    { replace: new Map([['xl/worksheets/sheet1.xml', xml]]), remove: new Set(), add: [] },
    codec.deflateRaw,
  );
}

const SHEET = (cells: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>${cells}</sheetData></worksheet>`;

describe('writeCells splices the sheet’s bytes: only the written cells change', () => {
  const cells =
    '<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t>Đơn vị: triệu đồng — Xã Nậm Pồ</t></is></c><c r="B1"><v>5</v></c><c r="C1" t="inlineStr"><is><t>Kế hoạch 2025 ✓ 𝔸</t></is></c></row>' +
    '<row r="2" spans="1:3"><c r="A2" t="inlineStr"><is><t>Huyện Mường Nhé</t></is></c><c r="B2"><f>B1*2</f><v>10</v></c></row>' +
    '<row r="3" spans="1:3"><c r="C3" t="inlineStr"><is><t>Ghi chú cuối</t></is></c></row>';
  const edits: SheetEdits = new Map<number, Map<number, CellEdit>>([
    [1, new Map<number, CellEdit>([[2, { kind: 'value', value: 'Thực hiện đạt 98%' }]])],
    [
      2,
      new Map<number, CellEdit>([
        [2, { kind: 'result', value: 12 }],
        [3, { kind: 'value', value: 'mới' }],
      ]),
    ],
    [3, new Map<number, CellEdit>([[1, { kind: 'value', value: 7.5 }]])],
  ]);

  for (const bom of [false, true]) {
    it(`multi-byte text around written cells${bom ? ', after a byte-order mark' : ''}`, () => {
      const body = encoder.encode(SHEET(cells));
      const input = withSheet(
        'number-formats.xlsx',
        bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body,
      );
      const out = writeCells(input, new Map([['PL01', edits]]), codec);
      const xmlIn = partText(input, 'xl/worksheets/sheet1.xml')!;
      const xmlOut = partText(out.bytes, 'xl/worksheets/sheet1.xml')!;
      // The whole-text path, made the old way (shared strings as the writer numbered them).
      const count = (partText(input, 'xl/sharedStrings.xml')!.match(/<si>/g) ?? []).length;
      let next = count;
      const expected = patchSheet(xmlIn.replace(/^\ufeff/, ''), edits, {
        part: 'xl/worksheets/sheet1.xml',
        sheet: 'PL01',
        tables: [],
        sharedIndex: () => next++,
        inlineStrings: false,
      });
      expect(xmlOut.replace(/^\ufeff/, '')).toBe(expected);
      expect(xmlOut).toContain('<t>Huyện Mường Nhé</t>');
      expect(xmlOut).toContain('<c r="B2"><f>B1*2</f><v>12</v></c>');
      // The shared strings appended, nothing renumbered.
      const sst = partText(out.bytes, 'xl/sharedStrings.xml')!;
      expect(sst).toContain('<si><t>Thực hiện đạt 98%</t></si><si><t>mới</t></si></sst>');
      // The bytes outside the written cells are the input's own, the byte-order mark included.
      const inflate = (b: Uint8Array) => {
        const e = checkZipDirectory(b).find((x) => x.name === 'xl/worksheets/sheet1.xml')!;
        const rec = rawRecords(b).get(e.name)!;
        const u16 = (i: number) => (rec[i] ?? 0) | ((rec[i + 1] ?? 0) << 8);
        return codec.inflateRaw(rec.subarray(30 + u16(26) + u16(28)), e.uncompressedSize);
      };
      const rawIn = inflate(input);
      const rawOut = inflate(out.bytes);
      const cut =
        encoder.encode(SHEET(cells).slice(0, SHEET(cells).indexOf('<c r="B1"'))).length +
        (bom ? 3 : 0);
      expect(Buffer.from(rawOut.subarray(0, cut)).equals(Buffer.from(rawIn.subarray(0, cut)))).toBe(
        true,
      );
      const tail = encoder.encode(SHEET(cells).slice(SHEET(cells).indexOf('<c r="C3"'))).length;
      expect(
        Buffer.from(rawOut.subarray(rawOut.length - tail)).equals(
          Buffer.from(rawIn.subarray(rawIn.length - tail)),
        ),
      ).toBe(true);
    });
  }
});
