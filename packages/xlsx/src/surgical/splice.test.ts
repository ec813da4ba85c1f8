import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkZipDirectory } from '../limits.js';
import { codec, fixture, partText, rawRecords } from './__tests__/helpers.js';
import type { CellEdit } from './cell-xml.js';
import { patchSheet, type SheetEdits } from './sheet-patch.js';
import { byteText } from './part-text.js';
import { PatchList, splicedPart, spliceBytes, type Patch } from './splice.js';

/** `xml` with `patches` (in order, none overlapping) made: what a splice of its bytes must give. */
function applyPatches(xml: string, patches: readonly Patch[]): string {
  const pieces: string[] = [];
  let from = 0;
  for (const p of patches) {
    pieces.push(xml.slice(from, p.start), p.text);
    from = p.end;
  }
  pieces.push(xml.slice(from));
  return pieces.join('');
}
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

/** The byte offset of string offset `i` of `text` in its UTF-8 bytes. */
const byteAt = (text: string, i: number) => encoder.encode(text.slice(0, i)).length;

describe('spliceBytes: the new text in the part’s bytes, the rest copied', () => {
  it('gives the bytes of the patched text, for any text and patches (ASCII or not)', () => {
    fc.assert(
      fc.property(withPatches, fc.boolean(), ({ text, patches }, bom) => {
        const body = encoder.encode(text);
        const raw = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
        const atBytes = patches.map((p) => ({
          start: byteAt(text, p.start),
          end: byteAt(text, p.end),
          text: p.text,
        }));
        const out = spliceBytes(raw, bom ? 3 : 0, undefined, listOf(atBytes));
        const expected = encoder.encode(applyPatches(text, patches));
        expect(Buffer.from(out.subarray(bom ? 3 : 0)).equals(Buffer.from(expected))).toBe(true);
        // The byte-order mark is kept.
        if (bom) expect([...out.subarray(0, 3)]).toStrictEqual([0xef, 0xbb, 0xbf]);
      }),
      { numRuns: 500 },
    );
  });

  it('hands the same bytes out in pieces of any size, a change before all the others included', () => {
    fc.assert(
      fc.property(withPatches, fc.integer({ min: 1, max: 40 }), ({ text, patches }, size) => {
        const raw = encoder.encode(text);
        const atBytes = patches.map((p) => ({
          start: byteAt(text, p.start),
          end: byteAt(text, p.end),
          text: p.text,
        }));
        // The first change as the head, the others in the list.
        const [head, ...rest] = atBytes;
        const part = splicedPart(raw, 0, head, listOf(rest));
        const pieces: number[] = [];
        for (const piece of part.pieces(size)) {
          expect(piece.length).toBeLessThanOrEqual(size);
          pieces.push(...piece);
        }
        const expected = encoder.encode(applyPatches(text, patches));
        expect(part.length).toBe(expected.length);
        expect(Buffer.from(pieces).equals(Buffer.from(expected))).toBe(true);
        expect(
          Buffer.from(spliceBytes(raw, 0, head, listOf(rest))).equals(Buffer.from(expected)),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('drops a change that leaves the bytes as they were, and only such a change', () => {
    fc.assert(
      fc.property(
        withPatches,
        fc.array(fc.boolean(), { maxLength: 6 }),
        ({ text, patches }, same) => {
          const raw = encoder.encode(text);
          // Some changes put back the very text they replace (no change at all).
          const changes = patches.map((p, i) => ({
            start: byteAt(text, p.start),
            end: byteAt(text, p.end),
            text: same[i] ? text.slice(p.start, p.end) : p.text,
          }));
          const list = new PatchList(byteText(raw));
          for (const c of changes) list.add(c.start, c.end, c.text);
          const real = changes.filter(
            (c) =>
              !Buffer.from(encoder.encode(c.text)).equals(
                Buffer.from(raw.subarray(c.start, c.end)),
              ),
          );
          expect(list.length).toBe(real.length);
          expect(
            Buffer.from(spliceBytes(raw, 0, undefined, list)).equals(
              Buffer.from(spliceBytes(raw, 0, undefined, listOf(changes))),
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('copies Vietnamese text around a written cell byte for byte, and encodes the new one', () => {
    const xml =
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Xã Đắk Hà</t></is></c><c r="B2"><v>1</v></c><c r="C2" t="inlineStr"><is><t>Tổng số</t></is></c></row>';
    const raw = encoder.encode(xml);
    // Found on the text read one character per byte, as the writer scans a part.
    const scanned = byteText(raw);
    const start = scanned.xml.indexOf('<c r="B2"');
    const end = scanned.xml.indexOf('<c r="C2"');
    const head = { start: 0, end: 0, text: '' };
    const out = spliceBytes(
      raw,
      scanned.offset,
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
    expect(Buffer.from(out.subarray(0, start)).equals(Buffer.from(raw.subarray(0, start)))).toBe(
      true,
    );
    const tail = raw.length - end;
    expect(
      Buffer.from(out.subarray(out.length - tail)).equals(Buffer.from(raw.subarray(end))),
    ).toBe(true);
  });

  it('copies bytes that are not valid UTF-8 as they were', () => {
    const bad = new Uint8Array([...encoder.encode('<a>đ'), 0xc3, ...encoder.encode('x</a>')]);
    const out = spliceBytes(bad, 0, undefined, listOf([{ start: 0, end: 0, text: 'y' }]));
    expect([...out]).toStrictEqual([0x79, ...bad]);
  });
});

describe('byteText: the part read one character per byte, its originals as UTF-8', () => {
  it('gives the original text of a span, and a change that keeps the bytes is none', () => {
    const xml = '<c r="A1"><f>\'Phụ lục 1\'!C5</f></c>';
    const raw = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(xml)]);
    const t = byteText(raw);
    expect(t.offset).toBe(3);
    expect(t.xml.length).toBe(raw.length - 3);
    const f = t.xml.indexOf('<f>');
    const end = t.xml.indexOf('</c>');
    expect(t.slice(f, end)).toBe("<f>'Phụ lục 1'!C5</f>");
    const list = new PatchList(t);
    list.add(f, end, "<f>'Phụ lục 1'!C5</f>");
    list.add(0, 3, '<c ');
    expect(list.length).toBe(0);
    list.add(f, end, "<f>'Phụ lục 2'!C5</f>");
    expect(list.length).toBe(1);
    // The byte-order mark kept, the rest the new text's bytes.
    const out = spliceBytes(raw, t.offset, undefined, list);
    expect([...out.subarray(0, 3)]).toStrictEqual([0xef, 0xbb, 0xbf]);
    expect(decoder.decode(out)).toBe(xml.replace('Phụ lục 1', 'Phụ lục 2'));
  });
});

/** A fixture with its first sheet's XML replaced by `xml` (as bytes: a byte-order mark may lead). */
function withSheet(name: string, xml: Uint8Array): Uint8Array {
  const bytes = fixture(name);
  return rewriteZip(
    bytes,
    checkZipDirectory(bytes),
    { replace: new Map([['xl/worksheets/sheet1.xml', xml]]), remove: new Set(), add: [] },
    codec,
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

describe('patchSheet steps over the cells it does not write', () => {
  const ctx = {
    part: 'xl/worksheets/sheet1.xml',
    sheet: 'PL01',
    tables: [],
    sharedIndex: () => 0,
    inlineStrings: true,
  };
  const write = (row: number, col: number, value: number): SheetEdits =>
    new Map([[row, new Map<number, CellEdit>([[col, { kind: 'value', value }]])]]);
  const sheet = (rows: string) =>
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

  it('writes the cell found by its text, the cells around it as they were', () => {
    const rows =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>' +
      '<row r="2"><c r="B2"><v>5</v></c><c r="A2"><v>4</v></c><c r="C2"><v>6</v></c><c r="D2"><f>A2</f><v>4</v></c></row>' +
      '<row r="3"/><row r="4"><c r="A4"><v>7</v></c></row>';
    // Row 2's cells before the written one are out of order: stepped over, kept as they are.
    expect(patchSheet(sheet(rows), write(2, 3, 60), ctx)).toBe(
      sheet(rows.replace('<c r="C2"><v>6</v></c>', '<c r="C2"><v>60</v></c>')),
    );
    // A cell that is not there goes before the first cell to its right, read tag by tag.
    expect(patchSheet(sheet(rows), write(1, 2, 20), ctx)).toBe(
      sheet(rows.replace('<c r="B1"><v>2</v></c>', '<c r="B1"><v>20</v></c>')),
    );
    expect(patchSheet(sheet(rows), write(4, 2, 8), ctx)).toBe(
      sheet(rows.replace('<c r="A4"><v>7</v></c>', '<c r="A4"><v>7</v></c><c r="B4"><v>8</v></c>')),
    );
  });

  it('replaces a written cell whole, whatever of <f>, <v> or an inline string it held; refuses any other child', () => {
    const rows =
      '<row r="1"><c r="A1"><f>B1*2</f><v>4</v></c><c r="B1" t="inlineStr"><is><t>Xã Nậm Pồ</t></is></c><c r="C1"><v>3</v></c></row>';
    expect(patchSheet(sheet(rows), write(1, 1, 5), ctx)).toBe(
      sheet(rows.replace('<c r="A1"><f>B1*2</f><v>4</v></c>', '<c r="A1"><v>5</v></c>')),
    );
    expect(patchSheet(sheet(rows), write(1, 2, 6), ctx)).toBe(
      sheet(
        rows.replace(
          '<c r="B1" t="inlineStr"><is><t>Xã Nậm Pồ</t></is></c>',
          '<c r="B1"><v>6</v></c>',
        ),
      ),
    );
    const odd = '<row r="1"><c r="A1"><v>4</v><extLst><ext uri="x"/></extLst></c></row>';
    expect(() => patchSheet(sheet(odd), write(1, 1, 5), ctx)).toThrow(/<extLst> in a cell/);
  });

  it('reads tag by tag where a comment or an unusual end tag could hide markup', () => {
    const commented =
      '<row r="1"><c r="A1"><v>1</v></c><!-- <c r="B1"><v>9</v></c> --><c r="C1"><v>3</v></c></row>';
    expect(patchSheet(sheet(commented), write(1, 2, 2), ctx)).toBe(
      sheet(commented.replace('--><c r="C1">', '--><c r="B1"><v>2</v></c><c r="C1">')),
    );
    const spaced =
      '<row r="1"><c r="A1"><v>1</v></c></row ><row r="2"><c r="A2"><v>2</v></c></row>';
    expect(patchSheet(sheet(spaced), write(1, 1, 10), ctx)).toBe(
      sheet(spaced.replace('<v>1</v>', '<v>10</v>')),
    );
    // A cell out of order after one inserted is refused, as before.
    const unordered = '<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row>';
    expect(() => patchSheet(sheet(unordered), write(1, 2, 2), ctx)).toThrow(/out of order/);
  });
});
