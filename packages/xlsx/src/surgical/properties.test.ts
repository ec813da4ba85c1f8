import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { isCoveredByMerge, type CellValue, type Grid } from '@phuluc/rules';
import { describe, expect, it } from 'vitest';
import { isXlsxError } from '../errors.js';
import { openXlsx } from '../fast/index.js';
import { zipEntries } from '../limits.js';
import type { CellEdit } from './cell-xml.js';
import {
  codec,
  corpus,
  editsOf,
  expectOnlyEdited,
  externallyLinked,
  fixture,
  gridOf,
  rawRecords,
} from './__tests__/helpers.js';
import { writeCells } from './write-cells.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'examples');

/** Real workbooks: the corpus (XlsxWriter, LibreOffice) and the bundled examples (ExcelJS). */
const BOOKS: { name: string; bytes: Uint8Array; sheet: string; grid: Grid; linked: Set<string> }[] =
  [
    ...corpus().map((name) => ({ name, bytes: fixture(name) })),
    ...readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.xlsx'))
      .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(EXAMPLES, name))) })),
  ].map((b) => {
    const sheet = openXlsx(b.bytes, codec.inflateRaw).sheets[0]!.name;
    return { ...b, sheet, grid: gridOf(b.bytes, sheet), linked: externallyLinked(b.bytes) };
  });

const REFUSALS = new Set(['array-formula', 'table-header', 'pivot-table', 'shared-formula']);

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    ' đầu dòng',
    'cuối dòng ',
    '_x0041_',
    'a\r\nb\tc',
    '=SUM(A1:A2)',
    '<&>"\'',
    '\u0001\u001f',
  ),
);
const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.integer(),
  text,
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!', '#VALUE!').map((error) => ({ error })),
);
const edit: fc.Arbitrary<CellEdit> = fc.oneof(
  value.map((v) => ({ kind: 'value' as const, value: v })),
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })
    .filter((n) => !Object.is(n, -0))
    .map((v) => ({ kind: 'formula' as const, formula: 'A1+1', value: v })),
);

describe('random writes into real workbooks', () => {
  it('change exactly the cells written, and no other part', () => {
    fc.assert(
      fc.property(
        fc.nat(BOOKS.length - 1),
        fc.uniqueArray(fc.tuple(fc.nat(40), fc.nat(12), edit), {
          minLength: 1,
          maxLength: 8,
          selector: ([r, c]) => `${r}:${c}`,
        }),
        (i, writes) => {
          const book = BOOKS[i]!;
          // A cell with an external hyperlink reads back as its text alone (as in ExcelJS): its
          // written formula is checked by the corpus tests, not through the reader.
          const list = writes.filter(
            ([r, c]) =>
              !isCoveredByMerge(book.grid, r, c) &&
              !book.linked.has(`${String.fromCharCode(65 + c)}${r + 1}`),
          );
          if (list.length === 0) return;
          const edits = editsOf(list);
          let out;
          try {
            out = writeCells(book.bytes, new Map([[book.sheet, edits]]), codec);
          } catch (e) {
            // A refusal names a cell that was written.
            if (isXlsxError(e) && REFUSALS.has(e.code)) {
              expect(
                list.some(([r, c]) => e.params.cell === `${String.fromCharCode(65 + c)}${r + 1}`),
              ).toBe(true);
              return;
            }
            throw e;
          }
          expectOnlyEdited(book.grid, gridOf(out.bytes, book.sheet), edits);
          const [rawIn, rawOut] = [rawRecords(book.bytes), rawRecords(out.bytes)];
          for (const e of zipEntries(book.bytes)) {
            if (out.changedParts.includes(e.name) || out.removedParts.includes(e.name)) continue;
            expect(
              Buffer.from(rawOut.get(e.name)!).equals(Buffer.from(rawIn.get(e.name)!)),
              `${book.name} ${e.name}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
