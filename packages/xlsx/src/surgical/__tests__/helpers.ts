/**
 * Test helpers for the surgical writer: Node's codec, the corpus, and the checks that a write
 * changed what it meant to and nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Cell, Grid } from '@phuluc/rules';
import { expect } from 'vitest';
import { openXlsx } from '../../fast/index.js';
import { zipEntries, type ZipEntryInfo } from '../../limits.js';
import type { CellEdit } from '../cell-xml.js';
import type { SheetEdits } from '../sheet-patch.js';
import type { ZipCodec } from '../write-cells.js';

/** Node's raw inflate and deflate, as the CLI brings them. */
export const codec: ZipCodec = {
  inflateRaw: (d, max) => inflateRawSync(d, { maxOutputLength: Math.max(1, max) }),
  deflateRaw: (d) => deflateRawSync(d),
};

const flush = (last: boolean) => ({
  finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
});

/** Node's codec that deflates a written part in pieces, here or in zlib's thread pool (as the CLI's). */
export const piecesCodec: ZipCodec = {
  ...codec,
  deflateRawPieces: () => (d, last) => deflateRawSync(d, flush(last)),
  deflateRawPieceAsync: (d, last) =>
    new Promise((resolve, reject) =>
      deflateRaw(d, flush(last), (e, out) => (e ? reject(e) : resolve(out))),
    ),
};

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');

/** The committed corpus: every workbook the writer must write into (not the `refuse-*` ones). */
export function corpus(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => /\.(xlsx|xlsm|xltx)$/.test(f) && !f.startsWith('refuse-'))
    .sort();
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** The raw bytes of each entry's local record (header, compressed data), by name. */
export function rawRecords(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const e of zipEntries(bytes))
    out.set(e.name, bytes.subarray(e.offset, e.offset + recordLength(bytes, e)));
  return out;
}

function recordLength(bytes: Uint8Array, e: ZipEntryInfo): number {
  const u16 = (i: number) => (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8);
  return 30 + u16(e.offset + 26) + u16(e.offset + 28) + e.compressedSize;
}

/** A part's text. */
export function partText(bytes: Uint8Array, name: string): string | undefined {
  const e = zipEntries(bytes).find((x) => x.name === name);
  if (!e) return undefined;
  const u16 = (i: number) => (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8);
  const start = e.offset + 30 + u16(e.offset + 26) + u16(e.offset + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  return new TextDecoder().decode(e.method === 0 ? data : inflateRawSync(data));
}

/**
 * The A1 references of the first sheet's cells that carry an external hyperlink (`<hyperlink
 * ref="G8" r:id="…">`): the reader, as ExcelJS, reads such a cell as its text alone — a formula
 * written there reads back as its result.
 */
export function externallyLinked(bytes: Uint8Array): Set<string> {
  const workbook = partText(bytes, 'xl/workbook.xml') ?? '';
  const rels = partText(bytes, 'xl/_rels/workbook.xml.rels') ?? '';
  const id = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target =
    id && new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels);
  const targetAlt =
    id && new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  const path = (target || targetAlt)?.[1];
  if (!path) return new Set();
  const sheet = partText(bytes, path.startsWith('/') ? path.slice(1) : `xl/${path}`) ?? '';
  const refs = new Set<string>();
  for (const m of sheet.matchAll(/<hyperlink\b[^>]*>/g))
    if (/\br:id="/.test(m[0])) {
      const ref = /\bref="([A-Z]+\d+)"/.exec(m[0])?.[1];
      if (ref) refs.add(ref);
    }
  return refs;
}

/** Edits from `[sheet-relative 0-based row, col, edit]` triples. */
export function editsOf(list: ReadonlyArray<readonly [number, number, CellEdit]>): SheetEdits {
  const edits = new Map<number, Map<number, CellEdit>>();
  for (const [row, col, edit] of list) {
    const r = edits.get(row + 1) ?? new Map<number, CellEdit>();
    r.set(col + 1, edit);
    edits.set(row + 1, r);
  }
  return edits;
}

/** A grid of the first sheet named `sheet`, read with the fast reader. */
export function gridOf(bytes: Uint8Array, sheet: string): Grid {
  const book = openXlsx(bytes, codec.inflateRaw);
  const i = book.sheets.findIndex((s) => s.name === sheet);
  const read = book.readSheet(i);
  if (!('grid' in read)) throw new Error('too large');
  return read.grid;
}

function at(grid: Grid, row: number, col: number): Cell | null {
  return grid.cells[row]?.[col] ?? null;
}

/**
 * Expect `after` to be `before` with the edits made: the edited cells hold their new value (and
 * formula), every other cell is exactly as it was (value, formula, number format, style), and the
 * merged areas and hidden rows and columns are the same.
 */
export function expectOnlyEdited(before: Grid, after: Grid, edits: SheetEdits): void {
  const rows = Math.max(before.cells.length, after.cells.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(before.cells[r]?.length ?? 0, after.cells[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const edit = edits.get(r + 1)?.get(c + 1);
      const b = at(before, r, c);
      const a = at(after, r, c);
      if (!edit) {
        expect(a, `cell ${r + 1}:${c + 1}`).toStrictEqual(b);
        continue;
      }
      expect(a?.value ?? null, `value of ${r + 1}:${c + 1}`).toStrictEqual(edit.value);
      if (edit.kind === 'formula') expect(a?.formula).toBe(edit.formula);
      if (edit.kind === 'result') expect(a?.formula).toBe(b?.formula);
      if (edit.kind === 'value') expect(a?.formula).toBeUndefined();
      // A written cell keeps its number format and style (an emptied one has no grid cell).
      if (b && edit.value !== null && (b.numFmt !== undefined || b.style !== undefined)) {
        expect(a?.numFmt).toBe(b.numFmt);
        expect(a?.style).toStrictEqual(b.style);
      }
    }
  }
  expect(after.merges).toStrictEqual(before.merges);
  expect(after.hiddenRows).toStrictEqual(before.hiddenRows);
  expect(after.hiddenCols).toStrictEqual(before.hiddenCols);
}

/** `xml` without the `<c>` elements of the given A1 references, and without empty rows. */
export function withoutCells(xml: string, refs: readonly string[]): string {
  let out = xml;
  for (const ref of refs) {
    out = out.replace(new RegExp(`<c r="${ref}"(?:[^>]*?/>|[^>]*?>.*?</c>)`), '');
  }
  return out
    .replace(/<row r="\d+"\/>|<row r="\d+"><\/row>/g, '')
    .replace(/\sspans="\d+:\d+"/g, '')
    .replace(/<dimension ref="[^"]*"\/>/, '');
}
