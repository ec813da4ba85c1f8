import { describe, expect, it } from 'vitest';
import { isXlsxError } from '../errors.js';
import { zipEntries } from '../limits.js';
import { readWorkbook } from '../workbook.js';
import type { CellEdit } from './cell-xml.js';
import {
  codec,
  corpus,
  editsOf,
  expectOnlyEdited,
  fixture,
  gridOf,
  partText,
  piecesCodec,
  rawRecords,
  withoutCells,
} from './__tests__/helpers.js';
import { writeCells, writeCellsAsync } from './write-cells.js';

// What fill writes into the corpus' annex (the budget at A1:E4 whose "Tổng số" column is empty),
// plus a text in a new cell (a shared string appended) and a number in a new row.
const WRITES: ReadonlyArray<readonly [number, number, CellEdit]> = [
  [1, 2, { kind: 'formula', formula: 'SUM(C3:C4)', value: 4623 }],
  [2, 2, { kind: 'formula', formula: 'D3+E3', value: 3154 }],
  [3, 2, { kind: 'formula', formula: 'D4+E4', value: 1469 }],
  [5, 1, { kind: 'value', value: 'Ghi chú: số liệu đã điền & kiểm tra <lần 2>' }],
  [11, 0, { kind: 'value', value: 12.5 }],
];
const REFS = ['C2', 'C3', 'C4', 'B6', 'A12'];

/** Parts that may change, and how each may differ from what it was. */
function expectAllowedChange(name: string, before: string, after: string): void {
  if (name === 'xl/workbook.xml') {
    const back = after.includes('<calcPr fullCalcOnLoad="1"/>')
      ? after.replace('<calcPr fullCalcOnLoad="1"/>', '')
      : after.replace(' fullCalcOnLoad="1"', '');
    expect(
      back === before || after.replace(/fullCalcOnLoad="1"/, 'fullCalcOnLoad="0"') === before,
    ).toBe(true);
  } else if (name === 'xl/sharedStrings.xml') {
    // New items appended before </sst>, the counts raised; nothing renumbered.
    const items = (s: string) => s.match(/<si>.*?<\/si>/gs) ?? [];
    expect(items(after).slice(0, items(before).length)).toStrictEqual(items(before));
    expect(items(after).length).toBe(items(before).length + 1);
  } else if (name === 'xl/_rels/workbook.xml.rels') {
    expect(after).toBe(before.replace(/<Relationship [^>]*calcChain[^>]*\/>/, ''));
  } else if (name === '[Content_Types].xml') {
    expect(after).toBe(before.replace(/<Override [^>]*calcChain[^>]*\/>/, ''));
  } else {
    throw new Error(`${name} changed`);
  }
}

describe('the feature corpus: a write changes only the cells written', () => {
  for (const name of corpus()) {
    it(name, async () => {
      const input = fixture(name);
      const edits = editsOf(WRITES);
      const { bytes, changedParts, removedParts } = writeCells(
        input,
        new Map([['PL01', edits]]),
        codec,
      );

      // Every part but the written sheet (and what must follow) comes back byte for byte, in order.
      const names = zipEntries(input).map((e) => e.name);
      expect(zipEntries(bytes).map((e) => e.name)).toStrictEqual(
        names.filter((n) => !removedParts.includes(n)),
      );
      // The calculation chain is dropped (Excel rebuilds it) and Excel recalculates on open.
      expect(removedParts).toStrictEqual(
        names.includes('xl/calcChain.xml') ? ['xl/calcChain.xml'] : [],
      );
      expect(partText(bytes, 'xl/workbook.xml')).toMatch(/<calcPr[^>]* fullCalcOnLoad="1"/);
      const [rawIn, rawOut] = [rawRecords(input), rawRecords(bytes)];
      for (const part of names) {
        if (changedParts.includes(part) || removedParts.includes(part)) continue;
        expect(Buffer.from(rawOut.get(part)!).equals(Buffer.from(rawIn.get(part)!)), part).toBe(
          true,
        );
      }
      const sheetPart = 'xl/worksheets/sheet1.xml';
      expect(changedParts).toContain(sheetPart);
      for (const part of changedParts) {
        if (part !== sheetPart)
          expectAllowedChange(part, partText(input, part)!, partText(bytes, part)!);
      }

      // The sheet's XML differs only in the written cells.
      const [xmlIn, xmlOut] = [partText(input, sheetPart)!, partText(bytes, sheetPart)!];
      expect(withoutCells(xmlOut, REFS)).toBe(withoutCells(xmlIn, REFS));

      // Deflated in pieces, here or off the thread (what fill does): the same parts, and the two
      // ways the same bytes.
      const pieces = writeCells(input, new Map([['PL01', edits]]), piecesCodec);
      const offThread = await writeCellsAsync(input, new Map([['PL01', edits]]), piecesCodec);
      expect(Buffer.from(offThread.bytes).equals(Buffer.from(pieces.bytes))).toBe(true);
      expect(offThread.changedParts).toStrictEqual(changedParts);
      for (const part of names) {
        if (removedParts.includes(part)) continue;
        expect(partText(pieces.bytes, part), part).toBe(partText(bytes, part));
      }
      expectOnlyEdited(gridOf(input, 'PL01'), gridOf(bytes, 'PL01'), edits);

      // The content type of the package (.xlsm, .xltx) is the input's.
      expect(partText(bytes, '[Content_Types].xml')).toMatch(
        name.endsWith('.xlsm')
          ? /macroEnabled\.main\+xml/
          : name.endsWith('.xltx')
            ? /template\.main\+xml/
            : /sheet\.main\+xml/,
      );

      // ExcelJS opens it (when it opens the input) and sees the written cells.
      let wb;
      try {
        wb = await readWorkbook(input);
      } catch {
        wb = undefined;
      }
      if (wb) {
        const out = await readWorkbook(bytes);
        const ws = out.getWorksheet('PL01')!;
        expect(ws.getCell('C2').formula).toBe('SUM(C3:C4)');
        expect(ws.getCell('C2').result).toBe(4623);
        expect(ws.getCell('B6').value).toBe(WRITES[3]![2].value);
        expect(ws.getCell('A12').value).toBe(12.5);
      }
    });
  }
});

describe('refuses rather than damage, naming the cell', () => {
  const refused = (name: string, list: ReadonlyArray<readonly [number, number, CellEdit]>) => {
    try {
      writeCells(fixture(name), new Map([['PL01', editsOf(list)]]), codec);
    } catch (e) {
      if (isXlsxError(e)) return e;
      throw e;
    }
    throw new Error('not refused');
  };
  const value = (v: number): CellEdit => ({ kind: 'value', value: v });

  it('a cell in an array formula', () => {
    const e = refused('array-formula.xlsx', [[10, 10, value(1)]]);
    expect([e.code, e.params]).toStrictEqual([
      'array-formula',
      { sheet: 'PL01', cell: 'K11', range: 'K10:K11' },
    ]);
  });
  it("a table's header cell (not its body)", () => {
    const e = refused('table.xlsx', [[0, 2, value(1)]]);
    expect([e.code, e.params]).toStrictEqual([
      'table-header',
      { sheet: 'PL01', cell: 'C1', table: 'PhanBo' },
    ]);
    expect(
      writeCells(fixture('table.xlsx'), new Map([['PL01', editsOf([[1, 2, value(1)]])]]), codec)
        .changedParts,
    ).toContain('xl/worksheets/sheet1.xml');
  });
  it('a cell of a pivot table', () => {
    const e = refused('lo-pivot.xlsx', [[13, 11, value(1)]]);
    expect([e.code, e.params]).toStrictEqual([
      'pivot-table',
      { sheet: 'PL01', cell: 'L14', table: 'TongHop' },
    ]);
  });
  it('a shared-formula master whose other cells stay; both together are written', () => {
    const e = refused('shared-formulas.xlsx', [[2, 5, value(1)]]);
    expect([e.code, e.params]).toStrictEqual([
      'shared-formula',
      { sheet: 'PL01', cell: 'F3', range: 'F3:F4' },
    ]);
    const both = editsOf([
      [2, 5, value(1)],
      [3, 5, value(2)],
    ]);
    const out = writeCells(fixture('shared-formulas.xlsx'), new Map([['PL01', both]]), codec).bytes;
    expectOnlyEdited(gridOf(fixture('shared-formulas.xlsx'), 'PL01'), gridOf(out, 'PL01'), both);
    // A new cached result under the master keeps the shared formula as it is.
    const result = editsOf([[2, 5, { kind: 'result', value: 7 }]]);
    const kept = writeCells(
      fixture('shared-formulas.xlsx'),
      new Map([['PL01', result]]),
      codec,
    ).bytes;
    expect(partText(kept, 'xl/worksheets/sheet1.xml')).toContain(
      '<c r="F3"><f t="shared" ref="F3:F4" si="0">D3*2</f><v>7</v></c>',
    );
  });
  it('strict OOXML, lying content types, duplicate parts, unexpected XML in a written cell', () => {
    const write = [[1, 2, value(1)]] as const;
    expect(refused('refuse-strict.xlsx', write).code).toBe('strict-ooxml');
    expect(refused('refuse-content-types.xlsx', write).params).toStrictEqual({
      part: 'xl/worksheets/sheet1.xml',
    });
    expect(refused('refuse-duplicate-part.xlsx', write).code).toBe('duplicate-part');
    const e = refused('refuse-unexpected-xml.xlsx', write);
    expect([e.code, e.params.cell]).toStrictEqual(['unexpected-xml', 'C2']);
  });
  it('an encrypted package, an empty file, a zip bomb: the reader’s own codes', () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptedPackage';
    [...name].forEach((ch, i) => (ole[100 + i * 2] = ch.charCodeAt(0)));
    expect(() => writeCells(ole, new Map(), codec)).toThrow(
      expect.objectContaining({ code: 'encrypted' }),
    );
    expect(() => writeCells(new Uint8Array(0), new Map(), codec)).toThrow(
      expect.objectContaining({ code: 'empty' }),
    );
  });
});

describe('nothing to write', () => {
  it('returns the input itself', () => {
    const input = fixture('chart.xlsx');
    expect(writeCells(input, new Map([['PL01', new Map()]]), codec).bytes).toBe(input);
  });
});
