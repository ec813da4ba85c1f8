/**
 * A worksheet part as the rules' {@link Grid}, in one pass over its XML: the same grid that
 * `worksheetToGrid` builds from the sheet ExcelJS reads, or the sheet's used extent when it is
 * beyond `LIMITS` (then no grid is built).
 */
import type { Cell, Grid, MergeRange } from '@phuluc/rules';
import { decodeRange } from '../a1.js';
import { LIMITS, type SheetTooLarge } from '../limits.js';
import { CellReader, emptyRawCell, type CellContext, type RawCell } from './cell.js';
import { MAX_COLUMN, parseCellRef } from './formula.js';
import { readRun } from './shared-strings.js';
import { malformed, Token, XmlReader } from './xml.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A sheet read as a grid, or why it is not. */
export type SheetRead = { readonly grid: Grid } | { readonly tooLarge: SheetTooLarge };

/** What a sheet is read with, besides its XML. */
export interface SheetContext extends CellContext {
  readonly name: string;
  /**
   * The relationship ids of the sheet's rels part; read only when the sheet has external
   * hyperlinks (ExcelJS fails on a hyperlink whose relationship is missing).
   */
  readonly relationshipIds: () => ReadonlySet<string>;
}

/** `'1'` or `'true'`, ExcelJS' `parseBoolean` of an attribute. */
function isTrue(attr: string | undefined): boolean {
  return attr === '1' || attr === 'true';
}

/**
 * The element `<name …>` after the cells, read with `read`. Merges and hyperlinks come after the
 * cells in a sheet but decide how the cells read, so they are read first.
 */
function readElement(xml: string, part: string, name: string, read: (x: XmlReader) => void): void {
  // They follow <sheetData> (the schema's order, which Excel enforces).
  const from = Math.max(0, xml.lastIndexOf('</sheetData>'));
  for (let at = xml.indexOf(`<${name}`, from); at >= 0; at = xml.indexOf(`<${name}`, at + 1)) {
    // The whole name: `<hyperlinks>`, not `<hyperlinksX>`.
    if (/[\s/>]/.test(xml.charAt(at + name.length + 1))) {
      const x = new XmlReader(xml, part, at);
      x.next();
      read(x);
      return;
    }
  }
}

/** Each child `<item>` of the element just opened. */
function eachChild(x: XmlReader, item: string, visit: () => void): void {
  const depth = x.depth;
  for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
    if (t === Token.Open && x.depth === depth + 1 && x.is(item)) visit();
  }
}

/** The merged areas, 0-based, sorted; throws on overlapping areas as ExcelJS does. */
function readMerges(xml: string, part: string): MergeRange[] {
  const merges: MergeRange[] = [];
  readElement(xml, part, 'mergeCells', (x) =>
    eachChild(x, 'mergeCell', () => {
      const ref = x.attr('ref') ?? '';
      const range = decodeRange(ref);
      if (!range) throw malformed(part, `bad merged range "${ref}"`);
      merges.push(range);
    }),
  );
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  for (let i = 0; i < merges.length; i++) {
    const a = merges[i]!;
    for (let j = i + 1; j < merges.length && merges[j]!.top <= a.bottom; j++) {
      const b = merges[j]!;
      if (b.left <= a.right && b.right >= a.left) {
        throw malformed(part, 'overlapping merged cells');
      }
    }
  }
  return merges;
}

/** The `ref` of each external hyperlink (one with a relationship). */
function readHyperlinks(xml: string, ctx: SheetContext): Set<string> {
  const refs = new Set<string>();
  readElement(xml, ctx.part, 'hyperlinks', (x) =>
    eachChild(x, 'hyperlink', () => {
      const rId = x.attr('r:id');
      if (!rId) return;
      if (!ctx.relationshipIds().has(rId)) {
        throw malformed(ctx.part, `hyperlink to a missing relationship ${rId}`);
      }
      const ref = x.attr('ref');
      if (ref !== undefined) refs.add(ref);
    }),
  );
  return refs;
}

/** The hidden columns, 0-based, as ExcelJS builds its columns from `<col min max>`. */
function hiddenColumns(
  cols: ReadonlyArray<{ min: number; max: number; hidden: boolean }>,
): number[] {
  const hidden: number[] = [];
  let next = 1;
  for (const col of [...cols].sort((a, b) => a.min - b.min)) {
    // A range overlapping the previous ones only applies from where they end.
    if (next < col.min) next = col.min;
    const last = Math.min(col.max, MAX_COLUMN);
    for (; next <= last; next++) if (col.hidden) hidden.push(next - 1);
  }
  return hidden;
}

/** The rows of a sheet being built, and its used extent. */
class SheetBuilder {
  /** 0-based rows; `undefined` where no `<row>` was. */
  rows: (Cell | null)[][] = [];
  readonly hiddenRows = new Set<number>();
  usedRows = 0;
  usedCols = 0;
  /** Whether the grid is still being built: not once the sheet is known to be too large. */
  building = true;
  /** Where the merged areas' top-left cells are (`row * 16385 + col`, 1-based) → used. */
  readonly masters = new Map<number, boolean>();
  /** The last row with such a cell. */
  private readonly lastMasterRow: number;

  constructor(readonly merges: readonly MergeRange[]) {
    for (const m of merges) this.masters.set((m.top + 1) * 16385 + m.left + 1, false);
    this.lastMasterRow = merges.reduce((last, m) => Math.max(last, m.top + 1), 0);
  }

  /** Count the cell at 1-based `row`, `col` in the used extent: it holds something. */
  use(row: number, col: number): void {
    if (row > this.usedRows) this.usedRows = row;
    if (col > this.usedCols) this.usedCols = col;
    if (row <= this.lastMasterRow && this.masters.has(row * 16385 + col)) {
      this.masters.set(row * 16385 + col, true);
    }
    if (this.building && (this.usedRows > LIMITS.maxRows || this.usedCols > LIMITS.maxCols)) {
      this.building = false;
      this.rows = [];
    }
  }

  /** Put `cell` at 1-based `col` of `row`: `null` clears what is there. */
  static place(row: (Cell | null)[], col: number, cell: Cell | null): void {
    const i = col - 1;
    if (i < row.length) {
      row[i] = cell;
    } else if (cell) {
      while (row.length < i) row.push(null);
      row.push(cell);
    }
  }

  /** A merged area counts to its far corner when its top-left cell holds something. */
  extentWithMerges(): { rows: number; cols: number } {
    let rows = this.usedRows;
    let cols = this.usedCols;
    for (const m of this.merges) {
      if (this.masters.get((m.top + 1) * 16385 + m.left + 1)) {
        rows = Math.max(rows, m.bottom + 1);
        cols = Math.max(cols, m.right + 1);
      }
    }
    return { rows, cols };
  }

  /** The cells, covered cells of merged areas emptied, trailing nulls and empty rows trimmed. */
  cells(): (Cell | null)[][] {
    const rows = this.rows;
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
        const row = rows[r];
        if (!row) continue;
        const from = r === m.top ? m.left + 1 : m.left;
        for (let c = from; c <= m.right && c < row.length; c++) row[c] = null;
        trimNulls(row);
      }
    }
    let end = rows.length;
    while (end > 0 && (rows[end - 1]?.length ?? 0) === 0) end--;
    const cells: (Cell | null)[][] = new Array(end);
    for (let r = 0; r < end; r++) cells[r] = rows[r] ?? [];
    return cells;
  }
}

function trimNulls(row: (Cell | null)[]): void {
  while (row.length > 0 && row[row.length - 1] === null) row.pop();
}

/**
 * Walks `<sheetData>`: rows by their `r` (or, without one, the row after the previous one), cells
 * by their `r` column (or, without one, the column after the previous cell).
 */
class SheetDataReader {
  private readonly raw: RawCell = emptyRawCell();
  private readonly at = { col: 0, row: 0 };
  private rowNumber = 0;

  constructor(
    private readonly x: XmlReader,
    private readonly cells: CellReader,
    private readonly sheet: SheetBuilder,
    private readonly hyperlinks: ReadonlySet<string>,
    private readonly part: string,
  ) {}

  /** Read the `<sheetData>` just opened. */
  read(): void {
    const x = this.x;
    const depth = x.depth;
    let open = true;
    for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
      if (t !== Token.Open || x.depth !== depth + 1) continue;
      // ExcelJS stops reading rows at anything else.
      if (open && x.is('row')) this.readRow();
      else {
        open = false;
        x.skipElement();
      }
    }
  }

  private readRow(): void {
    const x = this.x;
    const r = x.attr('r');
    const number = r === undefined ? this.rowNumber + 1 : parseInt(r, 10);
    if (Number.isNaN(number)) throw malformed(this.part, `bad row number "${r}"`);
    this.rowNumber = number;
    const sheet = this.sheet;
    // ExcelJS keeps no row numbered below 1; a later <row> with the same number replaces one.
    const kept = number >= 1;
    if (kept) {
      if (isTrue(x.attr('hidden'))) sheet.hiddenRows.add(number - 1);
      else sheet.hiddenRows.delete(number - 1);
    }
    const cells: (Cell | null)[] = [];
    const depth = x.depth;
    let col = 0;
    for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
      if (t !== Token.Open || x.depth !== depth + 1 || !x.is('c')) continue;
      col = this.readCellElement(col);
      const cell = this.cells.read(this.raw);
      if (cell === undefined) continue;
      if (kept && this.cells.used) sheet.use(number, col);
      if (kept && sheet.building) SheetBuilder.place(cells, col, cell);
    }
    if (kept && sheet.building) {
      trimNulls(cells);
      sheet.rows[number - 1] = cells;
    }
  }

  /** Collect the `<c>` just opened into `this.raw`; returns its column. */
  private readCellElement(previousCol: number): number {
    const x = this.x;
    const raw = this.raw;
    raw.type = x.attr('t');
    const s = x.attr('s');
    raw.styleId = s ? parseInt(s, 10) : NaN;
    raw.formula = raw.formulaType = raw.formulaRef = raw.sharedIndex = undefined;
    raw.text = undefined;
    raw.runs = undefined;
    // ExcelJS takes an empty `r` as none.
    raw.hasRef = x.findAttr('r') && x.valueEnd > x.valueStart;
    raw.linked = false;
    if (raw.hasRef) {
      const at = this.at;
      // Read the reference in place; decode it first only when it holds an entity.
      if (!parseCellRef(x.xml, x.valueStart, x.valueEnd, at)) {
        const ref = x.attr('r')!;
        if (!parseCellRef(ref, 0, ref.length, at)) {
          throw malformed(this.part, `bad cell reference "${ref}"`);
        }
      }
      raw.col = at.col;
      raw.refRow = at.row;
      raw.linked = this.hyperlinks.size > 0 && this.hyperlinks.has(x.attr('r')!);
    } else {
      raw.col = previousCol + 1;
    }
    // Text goes to the <f>, <v> or <t> last opened, until it closes (ExcelJS' cell parser).
    let target: 'f' | 'v' | undefined;
    const depth = x.depth;
    for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
      if (t === Token.Text) {
        if (target === 'f') raw.formula = (raw.formula ?? '') + x.text();
        else if (target === 'v' && !raw.runs) raw.text = (raw.text ?? '') + x.text();
      } else if (t === Token.Open) {
        if (x.is('v') || x.is('t')) {
          const text = x.textOnly();
          target = text === undefined ? 'v' : undefined;
          if (text && !raw.runs) raw.text = (raw.text ?? '') + text;
        } else if (x.is('f')) {
          raw.formulaType = x.attr('t');
          raw.formulaRef = x.attr('ref');
          raw.sharedIndex = x.attr('si');
          const text = x.textOnly();
          target = text === undefined ? 'f' : undefined;
          if (text) raw.formula = (raw.formula ?? '') + text;
        } else if (x.is('r')) {
          if (raw.text !== undefined) throw malformed(this.part, 'a rich-text run after text');
          (raw.runs ??= []).push(readRun(x));
        } else if (x.is('rPh')) {
          // Phonetic runs are not part of the text (ExcelJS loses its place in the sheet here).
          x.skipElement();
        }
      } else if (x.is('v') || x.is('t') || x.is('f') || x.is('is')) {
        target = undefined;
      }
    }
    return raw.col;
  }
}

/**
 * Read a worksheet part. Throws `XlsxError` 'corrupt-zip' where ExcelJS fails to read it
 * (malformed XML, a bad cell reference, a shared string or style that does not exist,
 * overlapping merged areas).
 */
export function parseSheet(xml: string, ctx: SheetContext): SheetRead {
  const part = ctx.part;
  const merges = readMerges(xml, part);
  const hyperlinks = readHyperlinks(xml, ctx);
  const cells = new CellReader(ctx);
  const sheet = new SheetBuilder(merges);
  const cols: { min: number; max: number; hidden: boolean }[] = [];
  const x = new XmlReader(xml, part);
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open) continue;
    if (x.depth === 1) {
      if (!x.is('worksheet')) throw malformed(part, `<${x.name()}> is not a worksheet`);
    } else if (x.is('sheetData')) {
      new SheetDataReader(x, cells, sheet, hyperlinks, part).read();
    } else if (x.is('cols')) {
      eachChild(x, 'col', () =>
        cols.push({
          min: parseInt(x.attr('min') || '0', 10),
          max: parseInt(x.attr('max') || '0', 10),
          hidden: isTrue(x.attr('hidden')),
        }),
      );
    } else {
      x.skipElement();
    }
  }
  const extent = sheet.extentWithMerges();
  if (!sheet.building || extent.rows > LIMITS.maxRows || extent.cols > LIMITS.maxCols) {
    return { tooLarge: { ...extent, maxRows: LIMITS.maxRows, maxCols: LIMITS.maxCols } };
  }
  const grid: Writable<Grid> = { name: ctx.name, cells: sheet.cells(), merges };
  const hiddenRows = [...sheet.hiddenRows].sort((a, b) => a - b);
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  const hiddenCols = hiddenColumns(cols);
  if (hiddenCols.length > 0) grid.hiddenCols = hiddenCols;
  return { grid };
}
