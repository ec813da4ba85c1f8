/**
 * The Office adapter: Excel ranges ⇄ the rules' grid. Every function batches its reads and
 * writes around as few `context.sync()` calls as it can (see each function), never syncing
 * inside a loop except to read a used range too large for one request in row blocks.
 * Everything core needs only ExcelApi 1.7; merged areas (1.13), fill pattern/tint (1.9) and
 * notes (1.18) are used only where the host supports them.
 */
import type {
  Cell,
  CellValue,
  CellWrite,
  Grid,
  MergeRange,
  Severity,
  TemplateSheet,
} from '@phuluc/rules';
import { parseA1, toA1 } from '@phuluc/rules';

/** Whether the host supports a requirement set, e.g. `('ExcelApi', '1.13')`. */
export type SupportsFn = (set: string, version: string) => boolean;

/** Options shared by the adapter's functions. */
export interface AdapterOptions {
  /**
   * Largest number of cells read in one request. Each cell is read four times (values,
   * formulas, number formats, value types): 50 000 cells stay well under Excel on the web's
   * 5 MB payload limit even with long texts. Larger used ranges are read in row blocks.
   */
  readonly maxCellsPerSync?: number;
  /** Requirement-set test; default `Office.context.requirements.isSetSupported`. */
  readonly supports?: SupportsFn;
}

export const DEFAULT_MAX_CELLS_PER_SYNC = 50_000;

/** Requirement-set test of the running Office host (false outside Office). */
export function officeSupports(set: string, version: string): boolean {
  try {
    return (
      typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(set, version)
    );
  } catch {
    return false;
  }
}

function supportsOf(options: AdapterOptions): SupportsFn {
  return options.supports ?? officeSupports;
}

/** What {@link readSheet} found: the grid and the cells that already carry a note. */
export interface SheetRead {
  readonly grid: Grid;
  /** A1 addresses of cells with a note (ExcelApi 1.18; empty when notes are unsupported). */
  readonly noteCells: ReadonlySet<string>;
}

/** A1 address without sheet name or `$`: `"Sheet1!$C$8"` → `"C8"`. */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
}

/** The areas of a (multi-area) address such as `"'Phụ lục 1'!A1:C1, 'Phụ lục 1'!D4"`. */
export function parseAreas(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  const re = /!?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\s*(?=,|$)/g;
  for (const m of address.matchAll(re)) {
    const a = parseA1(`${m[1]}${m[2]}`);
    const b = m[3] && m[4] ? parseA1(`${m[3]}${m[4]}`) : a;
    if (!a || !b) continue;
    out.push({
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    });
  }
  return out;
}

/** One Excel cell (value, formula text, number format, value type) → a grid cell. */
export function toGridCell(
  value: unknown,
  formula: unknown,
  numFmt: unknown,
  type: string,
): Cell | null {
  const f =
    typeof formula === 'string' && formula.startsWith('=') && formula.length > 1
      ? formula.slice(1)
      : undefined;
  let v: CellValue;
  switch (type) {
    case 'Error':
      v = { error: String(value) };
      break;
    case 'Boolean':
      v = Boolean(value);
      break;
    case 'Double':
    case 'Integer':
      v = typeof value === 'number' ? value : Number(value);
      break;
    case 'String':
      v = String(value);
      break;
    case 'Empty':
      v = null;
      break;
    default:
      v =
        typeof value === 'number' || typeof value === 'boolean'
          ? value
          : typeof value === 'string' && value !== ''
            ? value
            : null;
  }
  if (v === null && f === undefined) return null;
  const cell: { value: CellValue; formula?: string; numFmt?: string } = { value: v };
  if (f !== undefined) cell.formula = f;
  if (typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General') cell.numFmt = numFmt;
  return cell;
}

interface Block {
  readonly range: Excel.Range;
  readonly firstRow: number;
}

/**
 * Read a worksheet's used range into the rules' grid.
 *
 * Syncs: one for the used range's address and size (and the sheet's notes), then one for all
 * values, formulas, number formats, value types, merged areas and note locations when the range
 * holds at most `maxCellsPerSync` cells; otherwise one per block of rows (merged areas and note
 * locations ride with the first block): at most ⌈rows ÷ block⌉ + 1.
 */
export async function readSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  options: AdapterOptions = {},
): Promise<SheetRead> {
  const supports = supportsOf(options);
  const maxCells = Math.max(1, options.maxCellsPerSync ?? DEFAULT_MAX_CELLS_PER_SYNC);
  const withNotes = supports('ExcelApi', '1.18');
  const withMerges = supports('ExcelApi', '1.13');

  sheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
  const notes = withNotes ? sheet.notes : undefined;
  notes?.load('items/content');
  await context.sync();

  if (used.isNullObject) {
    return { grid: { name: sheet.name, cells: [], merges: [] }, noteCells: new Set() };
  }
  const { rowIndex, columnIndex, rowCount, columnCount } = used;
  const blockRows = Math.max(1, Math.floor(maxCells / Math.max(1, columnCount)));
  const blocks: Block[] = [];
  if (rowCount <= blockRows) {
    blocks.push({ range: used, firstRow: 0 });
  } else {
    for (let start = 0; start < rowCount; start += blockRows) {
      const n = Math.min(blockRows, rowCount - start);
      blocks.push({
        range: sheet.getRangeByIndexes(rowIndex + start, columnIndex, n, columnCount),
        firstRow: start,
      });
    }
  }

  const merged = withMerges ? used.getMergedAreasOrNullObject() : undefined;
  merged?.load('isNullObject,address');
  const noteLocations = (notes?.items ?? []).map((n) => n.getLocation().load('address'));

  const cells: (Cell | null)[][] = Array.from({ length: rowIndex }, () => []);
  for (const block of blocks) {
    block.range.load('values,formulas,numberFormat,valueTypes');
    // Block reads must be separate requests: together they would exceed the payload limit.
    await context.sync();
    const { values, formulas, numberFormat, valueTypes } = block.range;
    for (let r = 0; r < values.length; r++) {
      const row: (Cell | null)[] = new Array(columnIndex).fill(null);
      for (let c = 0; c < columnCount; c++) {
        row.push(
          toGridCell(
            values[r]?.[c],
            formulas[r]?.[c],
            numberFormat[r]?.[c],
            String(valueTypes[r]?.[c] ?? ''),
          ),
        );
      }
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      cells[rowIndex + block.firstRow + r] = row;
    }
  }

  const merges =
    merged && !merged.isNullObject
      ? parseAreas(merged.address).filter((m) => m.bottom > m.top || m.right > m.left)
      : [];
  const noteCells = new Set(noteLocations.map((l) => localAddress(l.address)));
  return { grid: { name: sheet.name, cells, merges }, noteCells };
}

/** {@link readSheet}'s grid only. */
export async function readSheetGrid(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  options: AdapterOptions = {},
): Promise<Grid> {
  return (await readSheet(context, sheet, options)).grid;
}

/**
 * Text that Excel would take for a formula (or parse) when set through `Range.values`: a string
 * starting with `=`, `+`, `-`, `@` (or their full-width forms), a tab or a carriage return.
 */
const FORMULA_LIKE = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * The value to put in `Range.values` for a grid value so that text stays text: Office.js turns a
 * string "=1+1" set as a value into a formula. Text that looks like one gets Excel's quote prefix
 * (`'`), which Excel stores as "text" and does not show or return in `values`. Numbers and booleans
 * pass through.
 *
 * @example
 * safeValue('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 */
export function safeValue(value: string | number | boolean): string | number | boolean {
  return typeof value === 'string' && FORMULA_LIKE.test(value) ? `'${value}` : value;
}

/** Write fill results in one sync: formulas (`mode: 'formula'`, the default) or values. */
export async function applyWrites(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  writes: readonly CellWrite[],
  options: { readonly mode?: 'formula' | 'value' } = {},
): Promise<number> {
  const mode = options.mode ?? 'formula';
  for (const w of writes) {
    const range = sheet.getRange(w.cell);
    if (mode === 'formula' && w.formula) range.formulas = [[`=${w.formula.replace(/^=/, '')}`]];
    else range.values = [[w.value]];
  }
  await context.sync();
  return writes.length;
}

/** A cell as it was before {@link applyWritesUndoable} wrote it. */
export interface PreviousCell {
  readonly cell: string;
  /** `Range.formulas`: `"=SUM(C9:C12)"` for a formula, else the constant. */
  readonly formula: unknown;
  /** `Range.values`. */
  readonly value: unknown;
  /** `Range.valueTypes`: Empty, String, Double, Boolean, Error … */
  readonly type: string;
  readonly numberFormat: unknown;
}

/** What to put back to undo one fill, in the order the cells were written. */
export type FillUndo = readonly PreviousCell[];

/**
 * {@link applyWrites}, keeping what each cell held (formula, value, number format) so the fill
 * can be undone with {@link undoWrites}. Still ONE sync: the reads are queued before the writes
 * in the same batch, and a batch runs in order.
 */
export async function applyWritesUndoable(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  writes: readonly CellWrite[],
  options: { readonly mode?: 'formula' | 'value' } = {},
): Promise<{ readonly written: number; readonly undo: FillUndo }> {
  const mode = options.mode ?? 'formula';
  const before: { cell: string; range: Excel.Range }[] = [];
  const seen = new Set<string>();
  for (const w of writes) {
    if (seen.has(w.cell)) continue;
    seen.add(w.cell);
    const range = sheet.getRange(w.cell);
    range.load('formulas,values,valueTypes,numberFormat');
    before.push({ cell: w.cell, range });
  }
  for (const w of writes) {
    const range = sheet.getRange(w.cell);
    if (mode === 'formula' && w.formula) range.formulas = [[`=${w.formula.replace(/^=/, '')}`]];
    else range.values = [[w.value]];
  }
  await context.sync();
  const undo = before.map(({ cell, range }) => ({
    cell,
    formula: range.formulas[0]?.[0],
    value: range.values[0]?.[0],
    type: String(range.valueTypes[0]?.[0] ?? ''),
    numberFormat: range.numberFormat[0]?.[0],
  }));
  return { written: writes.length, undo };
}

/**
 * Put back every cell of a fill exactly as it was (formula, constant, text as text, error, empty,
 * number format), in ONE sync.
 */
export async function undoWrites(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  undo: FillUndo,
): Promise<number> {
  if (undo.length === 0) return 0;
  for (const prev of undo) {
    const range = sheet.getRange(prev.cell);
    const isFormula =
      typeof prev.formula === 'string' &&
      prev.formula.startsWith('=') &&
      prev.formula.length > 1 &&
      prev.formula !== prev.value;
    if (isFormula) range.formulas = [[prev.formula as string]];
    else if (prev.type === 'Empty' || prev.value === '' || prev.value === null)
      range.clear('Contents');
    else if (prev.type === 'Error') range.formulas = [[String(prev.value)]];
    else if (typeof prev.value === 'string') range.values = [[safeValue(prev.value)]];
    else if (typeof prev.value === 'number' || typeof prev.value === 'boolean')
      range.values = [[prev.value]];
    if (typeof prev.numberFormat === 'string') range.numberFormat = [[prev.numberFormat]];
  }
  await context.sync();
  return undo.length;
}

/** The fill colour of each severity's marks. */
export const MARK_COLORS: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/** A cell to mark. `note` is shown as a cell note where notes are supported. */
export interface Mark {
  readonly cell: string;
  readonly severity: Severity;
  readonly note?: string;
}

/** A marked cell's fill before it was marked, and whether we added its note. */
export interface PreviousFill {
  /** `null`: the cell had no fill (restored with `format.fill.clear()`). */
  readonly color: string | null;
  readonly pattern?: string;
  readonly patternColor?: string;
  readonly tintAndShade?: number;
  readonly noteAdded: boolean;
}

/** The marks on one sheet: what to restore. */
export type MarkState = ReadonlyMap<string, PreviousFill>;

function previousFill(fill: Excel.RangeFill, detailed: boolean): Omit<PreviousFill, 'noteAdded'> {
  if (detailed) {
    // tintAndShade is null for "No Fill" and a number for any fill, white included.
    const tint = fill.tintAndShade as number | null;
    if (tint === null || fill.pattern === 'None' || fill.color === null) return { color: null };
    const out: { color: string; pattern?: string; patternColor?: string; tintAndShade?: number } = {
      color: fill.color,
    };
    if (fill.pattern && fill.pattern !== 'Solid') {
      out.pattern = fill.pattern;
      if (fill.patternColor) out.patternColor = fill.patternColor;
    }
    if (tint !== 0) out.tintAndShade = tint;
    return out;
  }
  // ExcelApi < 1.9 reports "No Fill" as #FFFFFF: treat white as no fill.
  const color = fill.color;
  return { color: color === null || /^#?FFFFFF$/i.test(color) ? null : color };
}

function restoreFill(fill: Excel.RangeFill, prev: PreviousFill): void {
  if (prev.color === null) {
    fill.clear();
    return;
  }
  if (prev.pattern) fill.pattern = prev.pattern as Excel.FillPattern;
  fill.color = prev.color;
  if (prev.patternColor) fill.patternColor = prev.patternColor;
  if (prev.tintAndShade !== undefined) fill.tintAndShade = prev.tintAndShade;
}

/**
 * Mark cells with their severity's fill colour and (ExcelApi 1.18) a note, in ONE sync.
 * The previous fill of each newly marked cell is read in the same batch, before the new fill is
 * set (a batch runs in order). Cells already marked keep their original record; cells marked
 * before but not now are restored. Notes are added only to cells without one (`noteCells`).
 */
export async function markCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  marks: readonly Mark[],
  previous: MarkState = new Map(),
  options: AdapterOptions & { readonly noteCells?: ReadonlySet<string> } = {},
): Promise<MarkState> {
  const supports = supportsOf(options);
  const detailed = supports('ExcelApi', '1.9');
  const withNotes = supports('ExcelApi', '1.18');
  const wanted = new Map<string, Mark>();
  for (const m of marks) {
    const cell = localAddress(m.cell);
    const had = wanted.get(cell);
    if (!had || rank(m.severity) < rank(had.severity)) wanted.set(cell, { ...m, cell });
  }

  const reads = new Map<string, Excel.RangeFill>();
  const notesAdded = new Set<string>();
  // Cells marked before but not now: restore.
  for (const [cell, prev] of previous) {
    if (wanted.has(cell)) continue;
    const range = sheet.getRange(cell);
    restoreFill(range.format.fill, prev);
    if (prev.noteAdded) sheet.notes.getItem(cell).delete();
  }
  for (const [cell, mark] of wanted) {
    if (!previous.has(cell)) {
      const before = sheet.getRange(cell).format.fill;
      before.load(detailed ? 'color,pattern,patternColor,tintAndShade' : 'color');
      reads.set(cell, before);
    }
    sheet.getRange(cell).format.fill.color = MARK_COLORS[mark.severity];
    const prev = previous.get(cell);
    if (withNotes && mark.note && !prev && !options.noteCells?.has(cell)) {
      sheet.notes.add(cell, mark.note);
      notesAdded.add(cell);
    }
  }
  await context.sync();

  const state = new Map<string, PreviousFill>();
  for (const cell of wanted.keys()) {
    const prev = previous.get(cell);
    const fill = reads.get(cell);
    if (prev) state.set(cell, prev);
    else if (fill)
      state.set(cell, { ...previousFill(fill, detailed), noteAdded: notesAdded.has(cell) });
  }
  return state;
}

function rank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

/** Restore every marked cell's previous fill exactly and delete the notes we added, in ONE sync. */
export async function clearMarks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  state: MarkState,
): Promise<number> {
  if (state.size === 0) return 0;
  const withNotes: string[] = [];
  for (const [cell, prev] of state) {
    restoreFill(sheet.getRange(cell).format.fill, prev);
    if (prev.noteAdded) withNotes.push(cell);
  }
  // Deleting a note the user already removed fails: do it last so every fill is restored first.
  for (const cell of withNotes) sheet.notes.getItem(cell).delete();
  await context.sync();
  return state.size;
}

/** Activate the sheet and select one cell, in ONE sync. */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  cell: string,
): Promise<void> {
  sheet.activate();
  sheet.getRange(localAddress(cell)).select();
  await context.sync();
}

function excelAlign(a: 'left' | 'center' | 'right'): 'Left' | 'Center' | 'Right' {
  return a === 'left' ? 'Left' : a === 'center' ? 'Center' : 'Right';
}

/**
 * Add a new sheet from a template (cells, formulas, number formats, styles, merges, column
 * widths, frozen header rows, list validations where ExcelApi 1.8 is supported) in ONE sync.
 * `name` must be free (see {@link uniqueSheetName}).
 */
export async function addTemplateSheet(
  context: Excel.RequestContext,
  template: TemplateSheet,
  name: string,
  options: AdapterOptions = {},
): Promise<string> {
  const supports = supportsOf(options);
  const sheet = context.workbook.worksheets.add(name);
  const { grid } = template;
  grid.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const range = sheet.getRange(toA1(r, c));
      if (cell.numFmt) range.numberFormat = [[cell.numFmt]];
      if (cell.formula) range.formulas = [[`=${cell.formula.replace(/^=/, '')}`]];
      else if (cell.value !== null && typeof cell.value !== 'object')
        range.values = [[safeValue(cell.value)]];
      const s = cell.style;
      if (!s) return;
      if (s.bold) range.format.font.bold = true;
      if (s.italic) range.format.font.italic = true;
      if (s.fontSize) range.format.font.size = s.fontSize;
      if (s.wrap) range.format.wrapText = true;
      if (s.align) range.format.horizontalAlignment = excelAlign(s.align);
      if (s.border) {
        for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
          range.format.borders.getItem(edge).style = 'Continuous';
        }
      }
    });
  });
  for (const m of grid.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    sheet.getRange(`${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`).merge(false);
  }
  template.columnWidths.forEach((w, c) => {
    // Excel measures column width in points; one character of Calibri 11 is about 5.6 points.
    sheet.getRange(toA1(0, c)).format.columnWidth = Math.round(w * 5.6 + 4);
  });
  if (template.freezeRows > 0) sheet.freezePanes.freezeRows(template.freezeRows);
  if (supports('ExcelApi', '1.8')) {
    for (const v of template.validations) {
      sheet.getRange(v.range).dataValidation.rule = {
        list: { inCellDropDown: true, source: v.list.join(',') },
      };
    }
  }
  sheet.activate();
  await context.sync();
  return name;
}

/** A sheet name not yet in `taken`: `wanted`, else `wanted (2)`, `wanted (3)` … (31 chars max). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const clean =
    wanted
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Phu luc';
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
