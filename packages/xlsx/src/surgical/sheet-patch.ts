/**
 * Change the `<c>` elements of the cells being written in one worksheet part, and nothing else:
 * every other byte of the part is kept. A cell that is not there is inserted in its row (a row
 * that is not there, among the rows), with its row's style (a row with `customFormat`), else its
 * column's, else none. Cells the writer cannot change without damaging something are refused
 * (`XlsxError`): a cell in an array formula, a header or totals cell of a table, the master of a
 * shared formula whose other cells stay, XML it does not expect around the cells it writes.
 */
import { a1, decodeRange } from '../a1.js';
import { XlsxError } from '../errors.js';
import { parseCellRef } from '../fast/formula.js';
import { Token, XmlReader } from '../fast/xml.js';
import { cellXml, type CellEdit } from './cell-xml.js';

/**
 * A table on the sheet: its name, its range, and how many header and totals rows it has; or a
 * pivot table (`pivot`), none of whose cells may be written.
 */
export interface SheetTable {
  readonly kind: 'table' | 'pivot';
  readonly name: string;
  readonly ref: string;
  readonly headerRows: number;
  readonly totalsRows: number;
}

/** The edits of one sheet: 1-based row → 1-based column → edit. */
export type SheetEdits = ReadonlyMap<number, ReadonlyMap<number, CellEdit>>;

/** What the patch of a sheet needs besides its XML and edits. */
export interface SheetPatchContext {
  readonly part: string;
  readonly sheet: string;
  readonly tables: readonly SheetTable[];
  /** The shared-string index of a text (appended when new). */
  readonly sharedIndex: (text: string) => number;
  /** Write text as inline strings (the workbook has no shared-strings part). */
  readonly inlineStrings: boolean;
}

interface Patch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function contains(r: Range, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

function unexpected(ctx: SheetPatchContext, detail: string, cell?: string): XlsxError {
  return new XlsxError('unexpected-xml', `${ctx.part}: ${detail}`, {
    part: ctx.part,
    detail: cell ? `${cell}: ${detail}` : detail,
    sheet: ctx.sheet,
    ...(cell ? { cell } : {}),
  });
}

/** A target cell as found in the sheet. */
interface Found {
  readonly row: number;
  readonly col: number;
  readonly ref: string;
  readonly edit: CellEdit;
  readonly start: number;
  readonly end: number;
  readonly style: string | undefined;
  readonly extra: string;
  readonly formulaXml: string | undefined;
  readonly sharedMaster: { si: string; ref: string } | undefined;
}

/** Shared formulas and array formulas of the sheet, for the refusals. */
class FormulaMap {
  readonly arrays: { range: Range; ref: string }[] = [];
  /** Shared-formula index → the cells (row, col) of its other cells. */
  readonly clones = new Map<string, { row: number; col: number }[]>();
}

/** Reads the cells of the sheet's `<sheetData>` and collects the patches. */
class SheetDataPatcher {
  readonly patches: Patch[] = [];
  readonly found: Found[] = [];
  readonly formulas = new FormulaMap();
  /** Cells inserted (not found), 1-based, for the dimension. */
  readonly inserted: { row: number; col: number }[] = [];

  constructor(
    private readonly x: XmlReader,
    private readonly edits: SheetEdits,
    private readonly ctx: SheetPatchContext,
    private readonly colStyles: readonly { min: number; max: number; style: string }[],
    /** Whether every cell's `<f>` must be read (the sheet has shared or array formulas). */
    private readonly readFormulas: boolean,
  ) {}

  private colStyle(col: number): string | undefined {
    for (const c of this.colStyles) if (col >= c.min && col <= c.max) return c.style;
    return undefined;
  }

  private newCell(row: number, col: number, edit: CellEdit, rowStyle: string | undefined): string {
    this.inserted.push({ row, col });
    return cellXml(a1(row - 1, col - 1), rowStyle ?? this.colStyle(col), edit, {
      sharedIndex: this.ctx.sharedIndex,
      inlineStrings: this.ctx.inlineStrings,
    });
  }

  private newCells(
    row: number,
    cols: ReadonlyMap<number, CellEdit>,
    skip: ReadonlySet<number>,
    rowStyle: string | undefined,
    before: number,
    after: number,
  ): string {
    let out = '';
    for (const col of [...cols.keys()].sort((a, b) => a - b)) {
      if (skip.has(col) || col <= after || col >= before) continue;
      const edit = cols.get(col)!;
      // A new cached result for a cell that has no formula: nothing to refresh.
      if (edit.kind === 'result') continue;
      out += this.newCell(row, col, edit, rowStyle);
    }
    return out;
  }

  /** Read the `<sheetData>` just opened. */
  read(): void {
    const x = this.x;
    const xml = x.xml;
    const open = { start: x.tagStart, end: x.position, selfClosing: x.selfClosing };
    const rowsSeen = new Set<number>();
    const rowStarts: { row: number; start: number }[] = [];
    let implicitRows = false;
    if (!open.selfClosing) {
      const depth = x.depth;
      let rowNumber = 0;
      for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
        if (t !== Token.Open) continue;
        if (!x.is('row')) throw unexpected(this.ctx, `<${x.name()}> in <sheetData>`);
        const r = x.attr('r');
        rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
        if (r === undefined) implicitRows = true;
        if (!(rowNumber >= 1)) throw unexpected(this.ctx, `bad row number "${r}"`);
        rowsSeen.add(rowNumber);
        rowStarts.push({ row: rowNumber, start: x.tagStart });
        this.readRow(rowNumber);
      }
    }
    const missing = [...this.edits.keys()].filter((r) => !rowsSeen.has(r)).sort((a, b) => a - b);
    const newRows = missing
      .map((r) => ({
        row: r,
        text: this.newCells(r, this.edits.get(r)!, new Set(), undefined, Infinity, 0),
      }))
      .filter((r) => r.text !== '')
      .map((r) => ({ row: r.row, text: `<row r="${r.row}">${r.text}</row>` }));
    if (newRows.length === 0) return;
    if (implicitRows) throw unexpected(this.ctx, 'rows without a number');
    if (open.selfClosing) {
      // <sheetData/>
      const tag = xml.slice(open.start, open.end).replace(/\s*\/>$/, '>');
      this.patches.push({
        start: open.start,
        end: open.end,
        text: `${tag}${newRows.map((r) => r.text).join('')}</${xml.slice(open.start + 1, open.start + 1 + 'sheetData'.length)}>`,
      });
      return;
    }
    const close = xml.lastIndexOf('<', x.position - 1);
    for (const r of newRows) {
      const next = rowStarts.find((s) => s.row > r.row);
      const at = next ? next.start : close;
      this.patches.push({ start: at, end: at, text: r.text });
    }
  }

  private readonly at = { col: 0, row: 0 };

  private readRow(row: number): void {
    const x = this.x;
    const xml = x.xml;
    const targets = this.edits.get(row);
    if (!targets && !this.readFormulas) {
      x.skipElement();
      return;
    }
    const rowStart = x.tagStart;
    const openEnd = x.position;
    const selfClosing = x.selfClosing;
    let rowStyle: string | undefined;
    if (targets) {
      const custom = x.attr('customFormat');
      if (custom === '1' || custom === 'true') rowStyle = x.attr('s');
    }
    // Where the row's cells are, kept only when the row has cells to write.
    const cols: number[] | undefined = targets ? [] : undefined;
    const starts: number[] = [];
    let allRefs = true;
    let found = 0;
    const depth = x.depth;
    const at = this.at;
    let col = 0;
    for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
      if (t !== Token.Open || x.depth !== depth + 1) continue;
      if (!x.is('c')) {
        x.skipElement();
        continue;
      }
      const start = x.tagStart;
      if (x.findAttr('r') && x.valueEnd > x.valueStart) {
        if (!parseCellRef(xml, x.valueStart, x.valueEnd, at) || at.row !== row) {
          throw unexpected(
            this.ctx,
            `cell reference "${xml.slice(x.valueStart, x.valueEnd)}" in row ${row}`,
          );
        }
        col = at.col;
      } else {
        col++;
        allRefs = false;
      }
      if (cols) {
        cols.push(col);
        starts.push(start);
      }
      const edit = targets?.get(col);
      if (edit === undefined) {
        if (this.readFormulas) this.readCellFormula(row, col);
        else x.skipElement();
        continue;
      }
      found++;
      this.readTarget(row, col, start, edit);
    }
    if (!targets || !cols || found === targets.size) return;
    const end = x.position;
    const seen = new Set(cols);
    const toInsert = [...targets.keys()].filter(
      (c) => !seen.has(c) && targets.get(c)!.kind !== 'result',
    );
    if (toInsert.length === 0) return;
    if (!allRefs) throw unexpected(this.ctx, `cells without a reference in row ${row}`);
    let startTag = xml.slice(rowStart, openEnd);
    const spans = /\sspans="(\d+):(\d+)"/.exec(startTag);
    if (spans) {
      const lo = Math.min(Number(spans[1]), ...toInsert);
      const hi = Math.max(Number(spans[2]), ...toInsert);
      startTag = startTag.replace(spans[0], ` spans="${lo}:${hi}"`);
    }
    if (selfClosing) {
      const inner = this.newCells(row, targets, seen, rowStyle, Infinity, 0);
      this.patches.push({
        start: rowStart,
        end: openEnd,
        text: `${startTag.replace(/\s*\/>$/, '>')}${inner}</row>`,
      });
      return;
    }
    if (startTag !== xml.slice(rowStart, openEnd)) {
      this.patches.push({ start: rowStart, end: openEnd, text: startTag });
    }
    // New cells go before the first cell to their right.
    let after = 0;
    cols.forEach((c, i) => {
      const text = this.newCells(row, targets, seen, rowStyle, c, after);
      if (text) this.patches.push({ start: starts[i]!, end: starts[i]!, text });
      after = c;
    });
    const close = xml.lastIndexOf('<', end - 1);
    const text = this.newCells(row, targets, seen, rowStyle, Infinity, after);
    if (text) this.patches.push({ start: close, end: close, text });
  }

  /** Note the shared or array formula of a cell that is not written. */
  private readCellFormula(row: number, col: number): void {
    const x = this.x;
    const depth = x.depth;
    for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
      if (t !== Token.Open || !x.is('f')) continue;
      this.noteFormula(row, col);
    }
  }

  /** At an `<f>`: note an array formula's range or a shared formula's other cell. */
  private noteFormula(row: number, col: number): { si: string; ref: string } | undefined {
    const x = this.x;
    const type = x.attr('t');
    const ref = x.attr('ref');
    if ((type === 'array' || type === 'dataTable') && ref) {
      const range = decodeRange(ref);
      if (range)
        this.formulas.arrays.push({
          range: {
            top: range.top + 1,
            left: range.left + 1,
            bottom: range.bottom + 1,
            right: range.right + 1,
          },
          ref,
        });
    }
    if (type === 'shared') {
      const si = x.attr('si') ?? '';
      if (ref) return { si, ref };
      const list = this.formulas.clones.get(si) ?? [];
      list.push({ row, col });
      this.formulas.clones.set(si, list);
    }
    return undefined;
  }

  private readTarget(row: number, col: number, start: number, edit: CellEdit): void {
    const x = this.x;
    const xml = x.xml;
    const ref = a1(row - 1, col - 1);
    const style = x.attr('s');
    if (x.attr('cm') !== undefined) {
      // Cell metadata: a dynamic array formula (or another feature the writer does not know).
      this.formulasArrayAt(row, col, ref);
    }
    const ph = x.attr('ph');
    const extra = ph !== undefined ? ` ph="${ph}"` : '';
    let formulaXml: string | undefined;
    let sharedMaster: { si: string; ref: string } | undefined;
    const depth = x.depth;
    for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
      if (t !== Token.Open || x.depth !== depth + 1) continue;
      if (x.is('f')) {
        const fStart = x.tagStart;
        sharedMaster = this.noteFormula(row, col);
        x.skipElement();
        formulaXml = xml.slice(fStart, x.position);
      } else if (x.is('v') || x.is('is')) {
        x.skipElement();
      } else {
        throw unexpected(this.ctx, `<${x.name()}> in a cell`, ref);
      }
    }
    this.found.push({
      row,
      col,
      ref,
      edit,
      start,
      end: x.position,
      style,
      extra,
      formulaXml,
      sharedMaster,
    });
  }

  private formulasArrayAt(row: number, col: number, ref: string): void {
    this.formulas.arrays.push({ range: { top: row, left: col, bottom: row, right: col }, ref });
  }
}

/** Refuse the writes that would damage the sheet; see the module's comment. */
function checkRefusals(p: SheetDataPatcher, edits: SheetEdits, ctx: SheetPatchContext): void {
  const written = (row: number, col: number): boolean => {
    const e = edits.get(row)?.get(col);
    return e !== undefined && e.kind !== 'result';
  };
  const tables = ctx.tables.map((t) => ({ t, range: decodeRange(t.ref) }));
  const canRefuse = p.formulas.arrays.length > 0 || tables.length > 0;
  for (const [row, cols] of canRefuse ? [...edits].sort(([a], [b]) => a - b) : []) {
    for (const [col, edit] of [...cols].sort(([a], [b]) => a - b)) {
      if (edit.kind === 'result') continue;
      const cell = a1(row - 1, col - 1);
      const array = p.formulas.arrays.find((a) => contains(a.range, row, col));
      if (array) {
        throw new XlsxError('array-formula', `${ctx.sheet}!${cell}`, {
          sheet: ctx.sheet,
          cell,
          range: array.ref,
        });
      }
      for (const { t, range } of tables) {
        if (!range) continue;
        const r = row - 1;
        if (t.kind === 'pivot' && contains(range, r, col - 1)) {
          throw new XlsxError('pivot-table', `${ctx.sheet}!${cell}`, {
            sheet: ctx.sheet,
            cell,
            table: t.name,
          });
        }
        const inHeader = r >= range.top && r < range.top + t.headerRows;
        const inTotals = r > range.bottom - t.totalsRows && r <= range.bottom;
        if ((inHeader || inTotals) && col - 1 >= range.left && col - 1 <= range.right) {
          throw new XlsxError('table-header', `${ctx.sheet}!${cell}`, {
            sheet: ctx.sheet,
            cell,
            table: t.name,
          });
        }
      }
    }
  }
  for (const f of p.found) {
    if (!f.sharedMaster || !written(f.row, f.col)) continue;
    const clones = p.formulas.clones.get(f.sharedMaster.si) ?? [];
    if (clones.some((c) => !written(c.row, c.col))) {
      const cell = a1(f.row - 1, f.col - 1);
      throw new XlsxError('shared-formula', `${ctx.sheet}!${cell}`, {
        sheet: ctx.sheet,
        cell,
        range: f.sharedMaster.ref,
      });
    }
  }
}

/** Widen the `<dimension ref>` to the inserted cells (Excel reads past it anyway; kept honest). */
function dimensionPatch(
  dimension: { start: number; end: number; ref: string } | undefined,
  inserted: readonly { row: number; col: number }[],
): Patch | undefined {
  if (!dimension || inserted.length === 0) return undefined;
  const range = decodeRange(dimension.ref);
  if (!range) return undefined;
  let { top, left, bottom, right } = range;
  for (const c of inserted) {
    top = Math.min(top, c.row - 1);
    bottom = Math.max(bottom, c.row - 1);
    left = Math.min(left, c.col - 1);
    right = Math.max(right, c.col - 1);
  }
  const ref =
    top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  return ref === dimension.ref
    ? undefined
    : { start: dimension.start, end: dimension.end, text: ref };
}

/**
 * Whether the sheet may hold shared, array or data-table formulas, or cell metadata (dynamic
 * arrays): then every cell's formula is read, for the refusals. `indexOf` over the whole part
 * (fast); a false positive only costs time.
 */
function mayHoldFormulaKinds(xml: string): boolean {
  return (
    xml.includes('shared') ||
    xml.includes('array') ||
    xml.includes('dataTable') ||
    xml.includes(' cm=')
  );
}

/**
 * The worksheet XML with the edits made, every other byte as it was. Throws `XlsxError`
 * ('unexpected-xml', 'array-formula', 'table-header', 'shared-formula') instead of damaging.
 *
 * @example
 * patchSheet(xml, new Map([[9, new Map([[3, { kind: 'value', value: 4623 }]])]]), ctx);
 */
export function patchSheet(xml: string, edits: SheetEdits, ctx: SheetPatchContext): string {
  const x = new XmlReader(xml, ctx.part);
  const colStyles: { min: number; max: number; style: string }[] = [];
  let dimension: { start: number; end: number; ref: string } | undefined;
  let patcher: SheetDataPatcher | undefined;
  const readFormulas = mayHoldFormulaKinds(xml);
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open) continue;
    if (x.depth === 1) {
      if (!x.is('worksheet')) throw unexpected(ctx, `<${x.name()}> is not a worksheet`);
      continue;
    }
    if (x.depth !== 2) continue;
    if (x.is('dimension') && x.findAttr('ref')) {
      dimension = {
        start: x.valueStart,
        end: x.valueEnd,
        ref: xml.slice(x.valueStart, x.valueEnd),
      };
      x.skipElement();
    } else if (x.is('cols')) {
      const depth = x.depth;
      for (let c = x.nextInside(depth); c !== Token.End; c = x.nextInside(depth)) {
        if (c !== Token.Open || !x.is('col')) continue;
        const style = x.attr('style');
        if (style !== undefined && style !== '0') {
          colStyles.push({
            min: Number(x.attr('min') ?? 0),
            max: Number(x.attr('max') ?? 0),
            style,
          });
        }
      }
    } else if (x.is('sheetData')) {
      if (patcher) throw unexpected(ctx, 'two <sheetData>');
      patcher = new SheetDataPatcher(x, edits, ctx, colStyles, readFormulas);
      patcher.read();
    } else {
      x.skipElement();
    }
  }
  if (!patcher) throw unexpected(ctx, 'no <sheetData>');
  checkRefusals(patcher, edits, ctx);
  const patches: Patch[] = [];
  for (const f of patcher.found) {
    const edit = f.edit;
    if (edit.kind === 'result' && f.formulaXml === undefined) continue;
    patches.push({
      start: f.start,
      end: f.end,
      text: cellXml(f.ref, f.style, edit, {
        sharedIndex: ctx.sharedIndex,
        inlineStrings: ctx.inlineStrings,
        extra: f.extra,
        ...(f.formulaXml !== undefined ? { formulaXml: f.formulaXml } : {}),
      }),
    });
  }
  patches.push(...patcher.patches);
  const dim = dimensionPatch(dimension, patcher.inserted);
  if (dim) patches.push(dim);
  // In document order (the found cells are; insertions and the dimension are merged in), an
  // insertion before a replacement that starts at the same place.
  if (patches.length > patcher.found.length) {
    patches.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  }
  const pieces: string[] = [];
  let from = 0;
  for (const p of patches) {
    pieces.push(xml.slice(from, p.start), p.text);
    from = p.end;
  }
  pieces.push(xml.slice(from));
  return pieces.join('');
}
