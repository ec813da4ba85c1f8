/**
 * The rows of a `<sheetData>` patched by searching its text, not by reading it tag by tag: the
 * fast way for the usual sheet, where a write of 100 000 cells must cost little more than
 * finding them.
 *
 * It holds only where the sheet data's text cannot hide markup (no comment, CDATA section or
 * processing instruction: then every `<row`, `</row>` and `<c r="…"` in the text is a tag) and no
 * cell's formula must be read (no shared or array formulas: see `mayHoldFormulaKinds`). Rows are
 * found by the `w` of `<row` and `</row>` (a letter rare in sheet XML, so the search stops at little
 * else), a written cell by its `<c r="REF"` within its row. Anything else it meets (a row without
 * a number, rows or cells out of order, a cell holding more than `<f>` and `<v>`, an entity in an
 * attribute it keeps) makes it give up, changing nothing: the caller then reads the sheet data
 * tag by tag, which patches such sheets or refuses them with the reason.
 */
import { parseCellRef } from '../fast/formula.js';
import { cellXml, type CellEdit } from './cell-xml.js';
import { NewCells, rowNumberOf, sortedKeys, widenedSpans, type EditRows } from './new-cells.js';
import type { PartText } from './part-text.js';
import { PatchList } from './splice.js';
import type { SheetPatchContext } from './sheet-patch.js';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const AMP = '&';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Where the next `<row` or `</row>` from `from` and before `limit` starts (the one is told from
 * the other by the `/` after its `<`), -1 when there is none. Found by its `w`, rare in sheet XML
 * (a search led by `<` stops at every tag); sure only where the text cannot hide markup.
 */
export function nextRowTag(xml: string, from: number, limit: number): number {
  for (let w = xml.indexOf('w', from); w >= 0 && w < limit; w = xml.indexOf('w', w + 1)) {
    if (xml.charCodeAt(w - 3) === LT && xml.startsWith('<row', w - 3)) return w - 3;
    if (xml.startsWith('</row>', w - 4)) return w - 4;
  }
  return -1;
}

/** The attributes of one start tag, read in place (offsets into the text), and where it ends. */
class StartTag {
  /** Where the tag's `>` is. */
  end = 0;
  selfClosing = false;
  private count = 0;
  private readonly nameStart: number[] = [];
  private readonly nameEnd: number[] = [];
  readonly valueStart: number[] = [];
  readonly valueEnd: number[] = [];

  /**
   * Read the attributes of the start tag whose name ends at `from`, up to `limit`; false when it
   * is not a well-formed start tag.
   */
  read(xml: string, from: number, limit: number): boolean {
    this.count = 0;
    let p = from;
    for (;;) {
      let c = xml.charCodeAt(p);
      const spaced = isSpace(c);
      while (isSpace(c)) c = xml.charCodeAt(++p);
      if (c === GT || (c === SLASH && xml.charCodeAt(p + 1) === GT)) {
        this.selfClosing = c === SLASH;
        this.end = this.selfClosing ? p + 1 : p;
        return this.end < limit;
      }
      if (!spaced) return false;
      const ns = p;
      // (`c === c`: not NaN, past the text's end.)
      while (c === c && c !== EQ && c !== GT && c !== SLASH && !isSpace(c)) c = xml.charCodeAt(++p);
      const ne = p;
      while (isSpace(c)) c = xml.charCodeAt(++p);
      if (c !== EQ || ne === ns) return false;
      c = xml.charCodeAt(++p);
      while (isSpace(c)) c = xml.charCodeAt(++p);
      if (c !== QUOT && c !== APOS) return false;
      const vs = p + 1;
      const ve = xml.indexOf(c === QUOT ? '"' : "'", vs);
      if (ve < 0 || ve >= limit) return false;
      const i = this.count++;
      this.nameStart[i] = ns;
      this.nameEnd[i] = ne;
      this.valueStart[i] = vs;
      this.valueEnd[i] = ve;
      p = ve + 1;
    }
  }

  /** The index of attribute `name`, -1 when the tag has none. */
  find(xml: string, name: string): number {
    for (let i = 0; i < this.count; i++) {
      const s = this.nameStart[i]!;
      if (this.nameEnd[i]! - s === name.length && xml.startsWith(name, s)) return i;
    }
    return -1;
  }
}

/** Where the cell's `<f>` is, when {@link cellContentEnd} found one. */
interface FormulaSpan {
  start: number;
  end: number;
}

/** What the direct patch made: the changes, the cells inserted and those with cell metadata. */
export interface DirectRows {
  readonly patches: PatchList;
  readonly inserted: readonly { row: number; col: number }[];
  /** Written cells with cell metadata (`cm`: a dynamic array formula), refused by the caller. */
  readonly metadata: readonly { row: number; col: number; ref: string }[];
}

/** Gives up (the caller reads tag by tag). */
class GiveUp {}
const GIVE_UP = new GiveUp();

class RowsPatch {
  readonly patches: PatchList;
  readonly metadata: { row: number; col: number; ref: string }[] = [];
  private readonly row = new StartTag();
  private readonly cell = new StartTag();
  private readonly formulaTag = new StartTag();
  /** For the cells read where one is inserted. */
  private readonly other = new StartTag();
  private readonly at = { col: 0, row: 0 };
  private readonly formula: FormulaSpan = { start: -1, end: -1 };
  private readonly xml: string;

  constructor(
    private readonly src: PartText,
    private readonly edits: EditRows,
    private readonly ctx: SheetPatchContext,
    private readonly fresh: NewCells,
    /** Where the `</sheetData>` starts: the rows are all before it. */
    private readonly close: number,
  ) {
    this.xml = src.xml;
    this.patches = new PatchList(src);
  }

  private emit(start: number, end: number, text: string): void {
    this.patches.add(start, end, text);
  }

  /** The original text of an attribute's value, as it goes into new XML. */
  private kept(tag: StartTag, i: number): string | undefined {
    if (i < 0) return undefined;
    const value = this.src.slice(tag.valueStart[i]!, tag.valueEnd[i]!);
    if (value.includes(AMP)) throw GIVE_UP;
    return value;
  }

  /**
   * The next `<row` from `from` (its `<`), -1 at the end of the sheet data; gives up at a `</row>`
   * first (a row left open).
   */
  private nextRow(from: number): number {
    const at = nextRowTag(this.xml, from, this.close);
    if (at >= 0 && this.xml.charCodeAt(at + 1) === SLASH) throw GIVE_UP;
    return at;
  }

  /** The `</row>` of the row whose start tag ends before `from`; gives up at a `<row` first. */
  private rowEnd(from: number): number {
    const at = nextRowTag(this.xml, from, this.close);
    if (at < 0 || this.xml.charCodeAt(at + 1) !== SLASH) throw GIVE_UP;
    return at;
  }

  run(from: number): void {
    const xml = this.xml;
    const { rows, targets } = this.edits;
    let next = 0;
    let previous = 0;
    const tag = this.row;
    for (let start = this.nextRow(from); start >= 0;) {
      if (!tag.read(xml, start + 4, this.close)) throw GIVE_UP;
      const r = tag.find(xml, 'r');
      if (r < 0) throw GIVE_UP;
      const number = rowNumberOf(xml, tag.valueStart[r]!, tag.valueEnd[r]!);
      if (!(number > previous)) throw GIVE_UP;
      previous = number;
      let added = '';
      for (; next < rows.length && rows[next]! < number; next++) {
        added += this.fresh.row(rows[next]!, targets[next]!);
      }
      if (added !== '') this.emit(start, start, added);
      const end = tag.selfClosing ? -1 : this.rowEnd(tag.end + 1);
      if (rows[next] === number) {
        this.patchRow(number, targets[next]!, start, end);
        next++;
      }
      start = this.nextRow(end < 0 ? tag.end + 1 : end + 6);
    }
    let added = '';
    for (; next < rows.length; next++) added += this.fresh.row(rows[next]!, targets[next]!);
    if (added !== '') this.emit(this.close, this.close, added);
  }

  /** Whether the row's start tag says `customFormat="1"` (or `"true"`): its style is its new cells'. */
  private customFormat(tag: StartTag): boolean {
    const i = tag.find(this.xml, 'customFormat');
    if (i < 0) return false;
    const start = tag.valueStart[i]!;
    const length = tag.valueEnd[i]! - start;
    return (
      (length === 1 && this.xml.charCodeAt(start) === 0x31) ||
      (length === 4 && this.xml.startsWith('true', start))
    );
  }

  /** Write the cells of row `number`, whose start tag (in {@link row}) starts at `start`. */
  private patchRow(
    number: number,
    targets: ReadonlyMap<number, CellEdit>,
    start: number,
    end: number,
  ): void {
    const xml = this.xml;
    const tag = this.row;
    const rowStyle = this.customFormat(tag) ? this.kept(tag, tag.find(xml, 's')) : undefined;
    const cols = sortedKeys(targets);
    const spans = tag.find(xml, 'spans');
    const spansStart = spans < 0 ? -1 : tag.valueStart[spans]!;
    const spansEnd = spans < 0 ? -1 : tag.valueEnd[spans]!;
    // Widen the row's spans to the cells written (a hint Excel keeps in step with the cells),
    // when written in double quotes (any other form is left alone).
    const widened =
      spans >= 0 && xml.charCodeAt(spansStart - 1) === QUOT
        ? widenedSpans(xml, spansStart, spansEnd, cols[0]!, cols[cols.length - 1]!)
        : undefined;
    const tagEnd = tag.end;
    if (end < 0) {
      let cells = '';
      for (const col of cols) cells += this.fresh.cell(number, col, targets.get(col)!, rowStyle);
      if (cells !== '') {
        const open =
          widened === undefined
            ? this.src.slice(start, tagEnd + 1)
            : this.src.slice(start, spansStart) + widened + this.src.slice(spansEnd, tagEnd + 1);
        this.emit(start, tagEnd + 1, `${open.replace(/\s*\/>$/, '>')}${cells}</row>`);
      } else if (widened !== undefined) {
        this.emit(spansStart, spansEnd, widened);
      }
      return;
    }
    if (widened !== undefined) this.emit(spansStart, spansEnd, widened);
    let from = tagEnd + 1;
    let checked = false;
    for (const col of cols) {
      const edit = targets.get(col)!;
      const ref = this.fresh.ref(number, col);
      const needle = `<c r="${ref}"`;
      const found = xml.slice(from, end).indexOf(needle);
      if (found >= 0) {
        from = this.replaceCell(number, col, ref, from + found, end, edit);
        continue;
      }
      // Not there: inserted before the first cell to its right, in a row whose cells are all in
      // order (else the reading tag by tag says which is not).
      if (!checked) {
        this.checkOrder(number, tagEnd + 1, end);
        checked = true;
      }
      const before = this.firstCellAfter(number, col, from, end);
      const text = this.fresh.cell(number, col, edit, rowStyle);
      if (text !== '') this.emit(before, before, text);
      from = before;
    }
  }

  /**
   * Replace the cell whose `<c r="REF"` starts at `start` (before `end`, its row's end tag); the
   * position after it.
   */
  private replaceCell(
    row: number,
    col: number,
    ref: string,
    start: number,
    end: number,
    edit: CellEdit,
  ): number {
    const xml = this.xml;
    const tag = this.cell;
    if (!tag.read(xml, start + 2, end)) throw GIVE_UP;
    const formula = this.formula;
    formula.start = -1;
    formula.end = -1;
    let after: number;
    if (tag.selfClosing) {
      after = tag.end + 1;
    } else {
      const close = this.cellContentEnd(tag.end + 1, end);
      after = close + 4;
    }
    if (tag.find(xml, 'cm') >= 0) this.metadata.push({ row, col, ref });
    // A new cached result for a cell that has no formula: nothing to refresh.
    if (edit.kind === 'result' && formula.start < 0) return after;
    const ph = this.kept(tag, tag.find(xml, 'ph'));
    this.emit(
      start,
      after,
      cellXml(ref, this.kept(tag, tag.find(xml, 's')), edit, {
        sharedIndex: this.ctx.sharedIndex,
        inlineStrings: this.ctx.inlineStrings,
        extra: ph !== undefined ? ` ph="${ph}"` : '',
        ...(formula.start >= 0 ? { formulaXml: this.src.slice(formula.start, formula.end) } : {}),
      }),
    );
    return after;
  }

  /**
   * Where the `</c>` of a cell whose content starts at `from` is, when it holds nothing but one
   * `<f>` and `<v>` elements with their text; notes the `<f>` in {@link formula}. Gives up on
   * anything else.
   */
  private cellContentEnd(from: number, end: number): number {
    const xml = this.xml;
    const formula = this.formula;
    for (let lt = xml.indexOf('<', from); lt >= 0 && lt < end; lt = xml.indexOf('<', lt + 1)) {
      const c = xml.charCodeAt(lt + 1);
      if (c === SLASH) {
        const name = xml.charCodeAt(lt + 2);
        if (xml.charCodeAt(lt + 3) !== GT) throw GIVE_UP;
        if (name === 0x63 /* c */) return lt;
        if (name === 0x66 /* f */) formula.end = lt + 4;
        else if (name !== 0x76 /* v */) throw GIVE_UP;
        continue;
      }
      if (c === 0x76 /* v */ && xml.charCodeAt(lt + 2) === GT) continue;
      if (c !== 0x66 /* f */ || formula.start >= 0) throw GIVE_UP;
      // `<f>`, or `<f …>` / `<f …/>` with its attributes read as a tag.
      formula.start = lt;
      if (xml.charCodeAt(lt + 2) === GT) continue;
      const f = this.formulaTag;
      if (!f.read(xml, lt + 2, end)) throw GIVE_UP;
      if (f.selfClosing) formula.end = f.end + 1;
      lt = f.end;
    }
    throw GIVE_UP;
  }

  /** The column of the cell whose `<c` starts at `at` (its `r`); gives up without one. */
  private columnAt(row: number, at: number, end: number, tag: StartTag): number {
    const xml = this.xml;
    if (!tag.read(xml, at + 2, end)) throw GIVE_UP;
    const r = tag.find(xml, 'r');
    if (r < 0 || !parseCellRef(xml, tag.valueStart[r]!, tag.valueEnd[r]!, this.at)) throw GIVE_UP;
    if (this.at.row !== row) throw GIVE_UP;
    return this.at.col;
  }

  /** Each `<c` of a row's content `[from, end)`, as its start. */
  private *cellStarts(from: number, end: number): Generator<number> {
    const xml = this.xml;
    for (let lt = xml.indexOf('<c', from); lt >= 0 && lt < end; lt = xml.indexOf('<c', lt + 2)) {
      const c = xml.charCodeAt(lt + 2);
      if (isSpace(c) || c === GT || c === SLASH) yield lt;
    }
  }

  /** Give up unless every cell of the row's content `[from, end)` has its reference, in order. */
  private checkOrder(row: number, from: number, end: number): void {
    let previous = 0;
    for (const at of this.cellStarts(from, end)) {
      const col = this.columnAt(row, at, end, this.other);
      if (col <= previous) throw GIVE_UP;
      previous = col;
    }
  }

  /**
   * Where the first cell right of column `col` from `from` starts, else the row's end tag. Gives
   * up on a cell of column `col` itself: it is there, written otherwise than `<c r="REF"` (its
   * `r` after another attribute, in single quotes, after more white space), and a new cell would
   * be a second one.
   */
  private firstCellAfter(row: number, col: number, from: number, end: number): number {
    for (const at of this.cellStarts(from, end)) {
      const c = this.columnAt(row, at, end, this.other);
      if (c === col) throw GIVE_UP;
      if (c > col) return at;
    }
    return end;
  }
}

/**
 * Patch the rows of the `<sheetData>` whose start tag ends at `from` and whose end tag starts at
 * `close`, by searching its text (see the module's comment). Undefined when it gives up, having
 * changed nothing; the caller then reads the rows tag by tag.
 */
export function patchRowsDirect(
  src: PartText,
  from: number,
  close: number,
  edits: EditRows,
  ctx: SheetPatchContext,
  fresh: NewCells,
): DirectRows | undefined {
  const inserted = fresh.inserted.length;
  const patch = new RowsPatch(src, edits, ctx, fresh, close);
  try {
    patch.run(from);
  } catch (e) {
    if (e !== GIVE_UP) throw e;
    fresh.inserted.length = inserted;
    return undefined;
  }
  return { patches: patch.patches, inserted: fresh.inserted, metadata: patch.metadata };
}
