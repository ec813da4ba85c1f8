/**
 * Change the `<c>` elements of the cells being written in one worksheet part, and nothing else:
 * every other byte of the part is kept. A cell that is not there is inserted in its row (a row
 * that is not there, among the rows), with its row's style (a row with `customFormat`), else its
 * column's, else none. Cells the writer cannot change without damaging something are refused
 * (`XlsxError`): a cell in an array formula, a header or totals cell of a table, the master of a
 * shared formula whose other cells stay, XML it does not expect around the cells it writes.
 *
 * The rows are patched by searching their text where that is sure (`rows-direct.ts`), else read
 * here tag by tag (`SheetDataPatcher`), which makes every refusal with its reason.
 */
import { a1, decodeRange } from '../a1.js';
import { XlsxError } from '../errors.js';
import { parseCellRef } from '../fast/formula.js';
import { attributeValue, Token, XmlReader } from '../fast/xml.js';
import { cellXml, type CellEdit } from './cell-xml.js';
import {
  NewCells,
  rowNumberOf,
  sortedKeys,
  editRows,
  widenedSpans,
  type ColumnStyle,
  type EditRows,
} from './new-cells.js';
import { byteText, isAscii, type PartText } from './part-text.js';
import { nextRowTag, patchRowsDirect } from './rows-direct.js';
import { PatchList, spliceBytes, type Patch } from './splice.js';

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

/** A written cell that is the master of a shared formula, for the refusals. */
interface SharedMaster {
  readonly row: number;
  readonly col: number;
  readonly si: string;
  readonly ref: string;
}

/** Shared formulas and array formulas of the sheet, for the refusals. */
class FormulaMap {
  readonly arrays: { range: Range; ref: string }[] = [];
  /** Shared-formula index → the cells (row, col) of its other cells. */
  readonly clones = new Map<string, { row: number; col: number }[]>();
}

/**
 * Reads the sheet's `<sheetData>` once and notes its changes as it goes, in document order: each
 * change (a cell replaced, a cell or a row inserted, a row's `spans` widened) is a {@link Patch}
 * of the original; the text between them is not copied here (the caller splices the part's bytes
 * or text once). Nothing per unchanged cell is kept.
 */
class SheetDataPatcher {
  /** The changes, in document order, none overlapping. */
  readonly patches: PatchList;
  readonly formulas = new FormulaMap();
  readonly masters: SharedMaster[] = [];
  private readonly at = { col: 0, row: 0 };
  private nextRow = 0;

  constructor(
    private readonly x: XmlReader,
    /** The part's text, for what goes from the original into new XML. */
    private readonly src: PartText,
    /** The rows with edits, in order. */
    private readonly byRow: EditRows,
    private readonly ctx: SheetPatchContext,
    /** New cells and rows, and the cells inserted. */
    private readonly fresh: NewCells,
    /** Whether every cell's `<f>` must be read (the sheet has shared or array formulas). */
    private readonly readFormulas: boolean,
    /**
     * Whether the sheet data holds no comment, CDATA section or processing instruction, which
     * could hide markup: then a row's cells can be stepped over by searching its text.
     */
    private readonly plain: boolean,
  ) {
    this.patches = new PatchList(src);
  }

  /** Put `text` in place of the original `[start, end)`. */
  private emit(start: number, end: number, text: string): void {
    // A cell written as it was is no change (add drops it).
    this.patches.add(start, end, text);
  }

  /** The new rows numbered below `row` (all the rest without one), not yet written. */
  private newRowsBefore(row: number): string {
    let out = '';
    const { rows, targets } = this.byRow;
    for (; this.nextRow < rows.length && rows[this.nextRow]! < row; this.nextRow++) {
      out += this.fresh.row(rows[this.nextRow]!, targets[this.nextRow]!);
    }
    return out;
  }

  /** Read the `<sheetData>` just opened. */
  read(): void {
    const x = this.x;
    const xml = x.xml;
    const openStart = x.tagStart;
    const openEnd = x.position;
    if (x.selfClosing) {
      const rows = this.newRowsBefore(Infinity);
      if (rows === '') return;
      const tag = this.src.slice(openStart, openEnd).replace(/\s*\/>$/, '>');
      this.emit(openStart, openEnd, `${tag}${rows}</sheetData>`);
      return;
    }
    const depth = x.depth;
    let rowNumber = 0;
    for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
      if (t !== Token.Open) continue;
      if (!x.is('row')) throw unexpected(this.ctx, `<${x.name()}> in <sheetData>`);
      const r = x.findAttr('r') ? rowNumberOf(xml, x.valueStart, x.valueEnd) : undefined;
      const previous = rowNumber;
      rowNumber = r === undefined ? rowNumber + 1 : r;
      if (!(rowNumber >= 1)) {
        const written = x.findAttr('r') ? this.src.slice(x.valueStart, x.valueEnd) : '';
        throw unexpected(this.ctx, `bad row number "${written}"`);
      }
      if (rowNumber <= previous) throw unexpected(this.ctx, `rows out of order at ${rowNumber}`);
      const rows = this.newRowsBefore(rowNumber);
      if (rows !== '') {
        if (r === undefined) throw unexpected(this.ctx, 'rows without a number');
        this.emit(x.tagStart, x.tagStart, rows);
      }
      const mine = this.byRow.rows[this.nextRow] === rowNumber;
      this.readRow(rowNumber, mine ? this.byRow.targets[this.nextRow++] : undefined);
    }
    const rows = this.newRowsBefore(Infinity);
    if (rows !== '') {
      const close = xml.lastIndexOf('<', x.position - 1);
      this.emit(close, close, rows);
    }
  }

  private readRow(row: number, targets: ReadonlyMap<number, CellEdit> | undefined): void {
    const x = this.x;
    const xml = x.xml;
    if (!targets) {
      if (!this.readFormulas) {
        // Nothing in the row changes: straight to its end tag when it is found by its text (see
        // rowEnd); else each child as skipElement would, the usual cell's stepped over quickly.
        const depth = x.depth;
        const end = this.rowEnd();
        if (end >= 0) x.skipTo(end);
        for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
          if (t === Token.Open) x.skipLeafElement();
        }
        return;
      }
      const depth = x.depth;
      let col = 0;
      for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
        if (t !== Token.Open || x.depth !== depth + 1) continue;
        if (!x.is('c')) {
          x.skipElement();
          continue;
        }
        col = this.cellColumn(row, col);
        this.readCellFormula(row, col);
      }
      return;
    }
    const rowStart = x.tagStart;
    const openEnd = x.position;
    const custom = x.attr('customFormat');
    const rowStyle = custom === '1' || custom === 'true' ? this.kept('s') : undefined;
    const cols = sortedKeys(targets);
    // Widen the row's spans to the cells written (a hint Excel keeps in step with the cells).
    const spans = this.spansPatch(cols[0]!, cols[cols.length - 1]!);
    if (x.selfClosing) {
      let cells = '';
      for (const col of cols) cells += this.fresh.cell(row, col, targets.get(col)!, rowStyle);
      x.skipElement();
      if (cells !== '') {
        let startTag = this.src.slice(rowStart, openEnd);
        if (spans) {
          startTag =
            startTag.slice(0, spans.start - rowStart) +
            spans.text +
            startTag.slice(spans.end - rowStart);
        }
        this.emit(rowStart, openEnd, `${startTag.replace(/\s*\/>$/, '>')}${cells}</row>`);
      } else if (spans) {
        this.emit(spans.start, spans.end, spans.text);
      }
      return;
    }
    if (spans) this.emit(spans.start, spans.end, spans.text);
    const depth = x.depth;
    let next = 0;
    let col = 0;
    // Straight to each written cell while it is found by its text (the cells before it stay as
    // they are); from a cell not there on (it is inserted before the first cell to its right),
    // tag by tag. Not where every cell's formula is read (see readFormulas).
    const end = this.readFormulas ? -1 : this.rowEnd();
    let jump = end >= 0;
    for (;;) {
      if (jump && next < cols.length) {
        const at = this.findCell(row, cols[next]!, end);
        if (at >= 0) x.skipTo(at);
        else jump = false;
      }
      const t = x.nextInside(depth);
      if (t === Token.End) break;
      if (t !== Token.Open || x.depth !== depth + 1) continue;
      if (!x.is('c')) {
        x.skipElement();
        continue;
      }
      const start = x.tagStart;
      const previous = col;
      col = this.cellColumn(row, col);
      const hasRef = this.hasRef;
      if (col <= previous) throw unexpected(this.ctx, `cells out of order in row ${row}`);
      // New cells go before the first cell to their right.
      let cells = '';
      while (next < cols.length && cols[next]! < col) {
        cells += this.fresh.cell(row, cols[next]!, targets.get(cols[next]!)!, rowStyle);
        next++;
      }
      if (cells !== '') {
        if (!hasRef) throw unexpected(this.ctx, `cells without a reference in row ${row}`);
        this.emit(start, start, cells);
      }
      if (next < cols.length && cols[next] === col) {
        next++;
        this.readTarget(row, col, start, targets.get(col)!);
        // The row's last written cell was there: the cells after it stay as they are. (Not after
        // a cell inserted: a cell out of order further on could be the same cell, refused below.)
        if (jump && next === cols.length) x.skipTo(end);
      } else if (this.readFormulas) {
        this.readCellFormula(row, col);
      } else {
        x.skipLeafElement();
      }
    }
    let cells = '';
    for (; next < cols.length; next++) {
      cells += this.fresh.cell(row, cols[next]!, targets.get(cols[next]!)!, rowStyle);
    }
    if (cells !== '') {
      const close = xml.lastIndexOf('<', x.position - 1);
      this.emit(close, close, cells);
    }
  }

  /**
   * Where the end tag of the row just opened starts, found by its text: the first `</row>`, with
   * no `<row` before it but the row's own. -1 when the sheet data is not {@link plain}, or the row
   * is written another way: then it is read tag by tag. (Searched by its `w`, rare in sheet XML:
   * a search led by `<` stops at every tag.)
   */
  private rowEnd(): number {
    if (!this.plain || this.x.selfClosing) return -1;
    const xml = this.x.xml;
    const at = nextRowTag(xml, this.x.position, xml.length);
    return at >= 0 && xml.charCodeAt(at + 1) === 0x2f /* / */ ? at : -1;
  }

  /**
   * Where the `<c r="…">` of the cell at `row`, `col` starts in the row being read, searched for in
   * its text from here to its end tag at `end` ({@link rowEnd}); -1 when it is not there.
   */
  private findCell(row: number, col: number, end: number): number {
    const x = this.x;
    const from = x.position;
    const at = x.xml.slice(from, end).indexOf(`<c r="${this.fresh.ref(row, col)}"`);
    return at < 0 ? -1 : from + at;
  }

  /**
   * The patch that widens the `spans="lo:hi"` of the `<row>` just opened to `[first, last]`, if it
   * must be (a `spans` of two numbers in double quotes; any other form is left alone).
   */
  private spansPatch(first: number, last: number): Patch | undefined {
    const x = this.x;
    if (!x.findAttr('spans')) return undefined;
    const xml = x.xml;
    const start = x.valueStart;
    const end = x.valueEnd;
    // In double quotes (any other form is left alone).
    if (xml.charCodeAt(start - 1) !== 0x22 /* " */) return undefined;
    const text = widenedSpans(xml, start, end, first, last);
    return text === undefined ? undefined : { start, end, text };
  }

  /** Whether the cell last read by {@link cellColumn} has an `r`. */
  private hasRef = true;

  /** The column of the `<c>` just opened: its `r`, or the one after `previous` without one. */
  private cellColumn(row: number, previous: number): number {
    const x = this.x;
    this.hasRef = x.findAttr('r') && x.valueEnd > x.valueStart;
    if (!this.hasRef) return previous + 1;
    const at = this.at;
    if (!parseCellRef(x.xml, x.valueStart, x.valueEnd, at) || at.row !== row) {
      throw unexpected(
        this.ctx,
        `cell reference "${this.src.slice(x.valueStart, x.valueEnd)}" in row ${row}`,
      );
    }
    return at.col;
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
      if (range) {
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

  /**
   * Where the end tag of the `<c>` just opened starts, when the cell holds nothing but `<f>` and
   * `<v>` elements (with their text): found by its text, every `<` on the way checked. -1 for a
   * cell that closes itself or holds anything else (an inline string, another element).
   */
  private plainCellEnd(): number {
    const x = this.x;
    if (x.selfClosing) return -1;
    const xml = x.xml;
    for (let lt = xml.indexOf('<', x.position); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
      const c = xml.charCodeAt(lt + 1);
      const name = c === 0x2f /* / */ ? xml.charCodeAt(lt + 2) : c;
      if (c === 0x2f && name === 0x63 /* c */ && xml.charCodeAt(lt + 3) === 0x3e) return lt;
      // `<f>`, `<f t="…">`, `<v>`, `</f>`, `</v>`, `<f/>`: one letter, then the tag goes on or ends.
      if (name !== 0x66 /* f */ && name !== 0x76 /* v */) return -1;
      const next = xml.charCodeAt(lt + (c === 0x2f ? 3 : 2));
      if (next !== 0x3e /* > */ && next !== 0x20 && next !== 0x2f) return -1;
    }
    return -1;
  }

  /** An attribute of the tag just opened that goes into new XML, as the original has it. */
  private kept(name: string): string | undefined {
    const x = this.x;
    const value = x.attr(name);
    // Read one character per byte, a value is its original when it is ASCII (as styles are).
    if (value === undefined || isAscii(value) || !x.findAttr(name)) return value;
    return attributeValue(this.src.slice(x.valueStart, x.valueEnd), this.ctx.part);
  }

  /** The `<c>` just opened is written: read what it keeps and put its new XML in its place. */
  private readTarget(row: number, col: number, start: number, edit: CellEdit): void {
    const x = this.x;
    const ref = this.fresh.ref(row, col);
    const style = this.kept('s');
    if (x.attr('cm') !== undefined) {
      // Cell metadata: a dynamic array formula (or another feature the writer does not know).
      this.formulas.arrays.push({ range: { top: row, left: col, bottom: row, right: col }, ref });
    }
    const ph = this.kept('ph');
    const extra = ph !== undefined ? ` ph="${ph}"` : '';
    let formulaXml: string | undefined;
    const depth = x.depth;
    // A value or a formula replaces the whole cell, whose `<f>` and `<v>` need no reading: they
    // are stepped over to the cell's end tag when that is all the cell holds (anything else is
    // read tag by tag, and refused below as before).
    if (edit.kind !== 'result' && this.plain && !this.readFormulas) {
      const end = this.plainCellEnd();
      if (end >= 0) x.skipTo(end);
    }
    for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
      if (t !== Token.Open || x.depth !== depth + 1) continue;
      if (x.is('f')) {
        const fStart = x.tagStart;
        // A shared or array formula needs its words in the part (see readFormulas).
        const master = this.readFormulas ? this.noteFormula(row, col) : undefined;
        if (master) this.masters.push({ row, col, ...master });
        x.skipElement();
        formulaXml = this.src.slice(fStart, x.position);
      } else if (x.is('v') || x.is('is')) {
        x.skipElement();
      } else {
        throw unexpected(this.ctx, `<${x.name()}> in a cell`, ref);
      }
    }
    // A new cached result for a cell that has no formula: nothing to refresh.
    if (edit.kind === 'result' && formulaXml === undefined) return;
    this.emit(
      start,
      x.position,
      cellXml(ref, style, edit, {
        sharedIndex: this.ctx.sharedIndex,
        inlineStrings: this.ctx.inlineStrings,
        extra,
        ...(formulaXml !== undefined ? { formulaXml } : {}),
      }),
    );
  }
}

const LT = 0x3c;

/** What the writes of a sheet's rows met that can refuse them. */
interface RefusalFacts {
  readonly formulas: FormulaMap;
  readonly masters: readonly SharedMaster[];
}

/** Refuse the writes that would damage the sheet; see the module's comment. */
function checkRefusals(p: RefusalFacts, edits: SheetEdits, ctx: SheetPatchContext): void {
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
  for (const m of p.masters) {
    if (!written(m.row, m.col)) continue;
    const clones = p.formulas.clones.get(m.si) ?? [];
    if (clones.some((c) => !written(c.row, c.col))) {
      const cell = a1(m.row - 1, m.col - 1);
      throw new XlsxError('shared-formula', `${ctx.sheet}!${cell}`, {
        sheet: ctx.sheet,
        cell,
        range: m.ref,
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
 * Whether the sheet may hold shared, array or data-table formulas: then every cell's formula is
 * read, for the refusals. `indexOf` over the whole part; a false positive only costs time. The
 * searches are for parts of the words whose first letter is rare in sheet XML (`hared`, `array`,
 * `Table`): V8 looks for a short needle by its first character, and `s`, `d` and a space are on
 * every row. Cell metadata (`cm`, a dynamic array) is checked on each written cell itself.
 */
function mayHoldFormulaKinds(xml: string): boolean {
  return xml.includes('hared') || xml.includes('array') || xml.includes('Table');
}

/**
 * Whether `<` and `mark` (`!`: a comment, CDATA section or declaration; `?`: a processing
 * instruction) come together anywhere after `from`. Searched by the mark, rare in sheet XML.
 */
function markupAfter(xml: string, mark: '!' | '?', from: number): boolean {
  for (let i = xml.indexOf(mark, from); i >= 0; i = xml.indexOf(mark, i + 1)) {
    if (xml.charCodeAt(i - 1) === LT) return true;
  }
  return false;
}

/** What {@link patchSheetXml} found to change in a worksheet part. */
export interface SheetPatches {
  /** The `<dimension>`'s change, before all the others, if it changes. */
  readonly head: Patch | undefined;
  /** The changes in `<sheetData>`, in document order, none overlapping (string offsets). */
  readonly list: PatchList;
}

/**
 * The changes the edits make to a worksheet part, every other byte to be kept as it was (the
 * caller splices them in: `spliceBytes` on the part's bytes, or {@link patchSheet} on its text).
 * Throws `XlsxError` ('unexpected-xml', 'array-formula', 'table-header', 'shared-formula')
 * instead of damaging.
 */
export function patchSheetXml(
  src: PartText,
  edits: SheetEdits,
  ctx: SheetPatchContext,
  /** `direct: false` reads the rows tag by tag even where their text could be searched (tests). */
  options: { readonly direct?: boolean } = {},
): SheetPatches {
  const xml = src.xml;
  const x = new XmlReader(xml, ctx.part);
  const colStyles: ColumnStyle[] = [];
  let dimension: { start: number; end: number; ref: string } | undefined;
  let data: { start: number; patches: PatchList; facts: RefusalFacts } | undefined;
  const readFormulas = mayHoldFormulaKinds(xml);
  const byRow = editRows(edits);
  const fresh = new NewCells(ctx, colStyles);
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
        const style = x.findAttr('style')
          ? attributeValue(src.slice(x.valueStart, x.valueEnd), ctx.part)
          : undefined;
        if (style !== undefined && style !== '0') {
          colStyles.push({
            min: Number(x.attr('min') ?? 0),
            max: Number(x.attr('max') ?? 0),
            style,
          });
        }
      }
    } else if (x.is('sheetData')) {
      if (data) throw unexpected(ctx, 'two <sheetData>');
      const start = x.tagStart;
      const plain = !markupAfter(xml, '!', start) && !markupAfter(xml, '?', start);
      // The usual sheet: its rows patched by searching their text; else (or where that gives
      // up) read tag by tag.
      const close = xml.lastIndexOf('</sheetData>');
      const direct =
        options.direct !== false && plain && !readFormulas && !x.selfClosing && close >= x.position
          ? patchRowsDirect(src, x.position, close, byRow, ctx, fresh)
          : undefined;
      if (direct) {
        const formulas = new FormulaMap();
        for (const { row, col, ref } of direct.metadata) {
          formulas.arrays.push({ range: { top: row, left: col, bottom: row, right: col }, ref });
        }
        data = { start, patches: direct.patches, facts: { formulas, masters: [] } };
        x.skipTo(close);
      } else {
        const patcher = new SheetDataPatcher(x, src, byRow, ctx, fresh, readFormulas, plain);
        patcher.read();
        data = { start, patches: patcher.patches, facts: patcher };
      }
    } else {
      x.skipElement();
    }
  }
  if (!data) throw unexpected(ctx, 'no <sheetData>');
  checkRefusals(data.facts, edits, ctx);
  const list = data.patches;
  if (list.length === 0) return { head: undefined, list };
  const dim = dimensionPatch(dimension, fresh.inserted);
  // <dimension> comes before <sheetData> (the schema's order); anywhere else it is left alone.
  return { head: dim && dim.end <= data.start ? dim : undefined, list };
}

/**
 * The worksheet XML with the edits made, every other byte as it was. Throws `XlsxError`
 * ('unexpected-xml', 'array-formula', 'table-header', 'shared-formula') instead of damaging.
 *
 * @example
 * patchSheet(xml, new Map([[9, new Map([[3, { kind: 'value', value: 4623 }]])]]), ctx);
 */
export function patchSheet(
  xml: string,
  edits: SheetEdits,
  ctx: SheetPatchContext,
  options: { readonly direct?: boolean } = {},
): string {
  const text = byteText(new TextEncoder().encode(xml));
  const { head, list } = patchSheetXml(text, edits, ctx, options);
  return new TextDecoder().decode(spliceBytes(text.raw, text.offset, head, list));
}
