import { isCellError, type Cell, type Grid } from '../grid/types.js';
import { parseNumber } from '../money/parse.js';
import { cellText, getCell, gridSize, isEmptyCell } from '../grid/grid.js';
import { normalizeText } from '../grid/normalize.js';
import type { Detection } from '../annex/detect.js';
import type { ColumnDefinition, LayoutDefinition } from '../annex/schema.js';
import type { SheetUnit } from '../annex/header.js';
import type { Decimal } from '../money/decimal.js';
import { MICROS_PLACES, microsPlaces } from '../money/micros.js';
import { isUnknownProject, ProjectMatcher } from '../catalog/match.js';
import {
  formatDecimals,
  isScaledPercent,
  NumberCell,
  readNumericCell,
  type NumericCell,
} from './read-cell.js';
import { isTotalLabel, rowShape, ttLevel, type RowShape } from './rows.js';
import { SheetNumbers, storedRowValues, type RowValues, type StoredRow } from './row-values.js';
import type { Issue, ValidateOptions } from './types.js';
import { makeIssue } from './issue.js';

/** One data row of an annex, with its place in the hierarchy and its numbers. */
export interface ModelRow {
  /** 0-based sheet row. */
  readonly row: number;
  readonly tt: string;
  readonly label: string;
  /**
   * The label normalised ({@link normalizeText}) once a check asks for it: read it with
   * {@link normalizedLabel}. Most labels are never folded whole (see rowShape).
   */
  labelNorm: string | undefined;
  level: number | null;
  readonly isTotal: boolean;
  readonly isOfWhichHeading: boolean;
  ofWhich: boolean;
  parent: number | null;
  readonly children: readonly number[];
  /** Numbers by column key (null: empty or unreadable). */
  readonly values: RowValues;
}

/** Shared by the rows that have no children (most rows): never written. */
const NO_CHILDREN: readonly number[] = Object.freeze([]);

/**
 * A {@link ModelRow} as buildModel makes it: a plain object (see `storedRowValues`) whose numbers
 * stay in the sheet's store. The row is its own {@link RowValues}, and shares one empty children
 * list until it has a child, so that a 100k-row sheet is 100k long-lived objects rather than
 * three times that.
 */
type Row = Omit<ModelRow, 'children' | 'values'> &
  RowValues &
  StoredRow & { children: readonly number[]; values: RowValues };

/** A new row of the model. */
function newRow(
  store: SheetNumbers,
  base: number,
  row: number,
  tt: string,
  label: string,
  shape: RowShape,
): Row {
  const { get, micros, microsAt, has, all } = storedRowValues;
  // One literal, built whole: every row has the same fields in the same order.
  const x: Row = {
    row,
    tt,
    label,
    labelNorm: undefined,
    level: shape.level,
    isTotal: shape.isTotal,
    isOfWhichHeading: shape.isOfWhichHeading,
    ofWhich: shape.isOfWhichSelf,
    parent: null,
    children: NO_CHILDREN,
    store,
    base,
    values: NO_VALUES,
    get,
    micros,
    microsAt,
    has,
    all,
  };
  x.values = x;
  return x;
}

/** What a row's `values` holds for the instant before it is the row itself. */
const NO_VALUES: RowValues = storedRowValues as unknown as RowValues;

/** Add rows (indices in the model) to a row's children. */
function addChildren(x: Row, ids: readonly number[]): void {
  const children = x.children === NO_CHILDREN ? [] : (x.children as number[]);
  for (const i of ids) children.push(i);
  x.children = children;
}

/** Add one row to a row's children. */
function addChild(x: Row, i: number): void {
  if (x.children === NO_CHILDREN) x.children = [i];
  else (x.children as number[]).push(i);
}

/** Everything the checks need to know about a sheet, read once. */
export interface SheetModel {
  readonly grid: Grid;
  readonly layout: LayoutDefinition;
  readonly detection: Detection;
  readonly columns: ReadonlyMap<string, number>;
  readonly defs: ReadonlyMap<string, ColumnDefinition>;
  readonly rows: readonly ModelRow[];
  /** Index of the total row in {@link SheetModel.rows}, or null. */
  readonly total: number | null;
  /** Rows with no parent (other than the total row). */
  readonly roots: readonly number[];
  readonly unit: SheetUnit;
  /**
   * The rows' numbers: row i of {@link SheetModel.rows} holds cells `i × width` to
   * `i × width + width − 1` (what its `values` read), so a check can read them by row index.
   */
  readonly numbers: SheetNumbers;
  /** The slot of each numeric column, for `RowValues.microsAt`. */
  readonly slots: ReadonlyMap<string, number>;
  /** Decimal places each numeric column shows. */
  readonly shown: ReadonlyMap<string, number>;
  /** Percent columns whose cells hold ratios in a % format (0.0521 shown as 5,21%). */
  readonly ratioColumns: ReadonlySet<string>;
  readonly options: ValidateOptions;
  /** Each column's header as the sheet writes it, for messages (set once the structure is read). */
  readonly names?: ReadonlyMap<string, string>;
  /**
   * Whether the sheet's header tree lets column `part` add into column `target` (physical
   * columns; see relations/header-tree.ts `treeAllows`). Unset: anything goes.
   */
  readonly allows?: (target: number, part: number) => boolean;
}

function numericKeys(
  layout: LayoutDefinition,
  columns: ReadonlyMap<string, number>,
): ColumnDefinition[] {
  return layout.columns.filter(
    (c) => columns.has(c.key) && (c.kind === 'money' || c.kind === 'count' || c.kind === 'percent'),
  );
}

/** Whether a cell of a numeric column holds something numeric: a number, a formula, an error, or number-like text. */
function numericish(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.formula) return true;
  const v = cell.value;
  if (typeof v === 'number' || isCellError(v)) return true;
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return t !== '' && (/^[-–—x.…]+$/i.test(t) || parseNumber(t).kind !== 'invalid');
}

/**
 * A line that closes an annex, not a row of it: the place and date ("Mường Chà, ngày 15 tháng 3
 * năm 2024", "Ngày … tháng … năm …") or a signature block ("Người lập biểu", "KT. Chủ tịch",
 * "TM. Ủy ban nhân dân", "Thủ trưởng đơn vị", "Nơi nhận:"). Read from the folded text.
 */
const CLOSING_LINE =
  /(?:^|\s)ngay(?:\s+\d{1,2})?\s+thang\b|\sngay$|^(?:nguoi lap(?: bieu)?|kt chu tich|tm (?:uy ban|ubnd|ban)|pho chu tich|chu tich ubnd|thu truong(?: don vi| co quan)?|ke toan truong|giam doc|noi nhan|xac nhan)\b/;

/** Whether a label is a line that closes an annex ({@link CLOSING_LINE}). */
export function isClosingLine(label: string): boolean {
  return label !== '' && CLOSING_LINE.test(normalizeText(label));
}

/** A grand total's label: "Tổng cộng", "Tổng số", "Toàn huyện" (not a bare "Cộng" of a group). */
const GRAND_TOTAL = /^(?:tong|toan)\b/;

/** What {@link TableEnd.read} says of a row. */
const IN_TABLE = 0; // the table goes on to this row (and through the rows held before it)
const HELD = 1; // the row is the table's only if a later row is
const ENDED = 2; // the table ended before this row

/**
 * Where the table ends, read row by row as buildModel reads the rows. The table goes on through
 * rows with numbers in its numeric columns, a TT value or a total's label; it ends before a row
 * whose numeric columns hold two or more texts (a second table's header, a signature block:
 * "Người lập biểu", "Chủ tịch"), and at a blank row followed by a row with nothing numeric (a date
 * line, a footnote). A row read while the end is not yet known (a blank row, a row with a note
 * only) is held until a later row says the table goes on.
 */
class TableEnd {
  private end: number;
  private sawBlank = false;
  /** A grand total came after rows of the table: a blank row after it ends the table. */
  private closed = false;
  private readonly cols: number;

  constructor(
    private readonly grid: Grid,
    private readonly first: number,
    private readonly numericCols: readonly number[],
    private readonly ttCol: number | undefined,
    private readonly labelCol: number | undefined,
    private readonly totalLabels: readonly string[],
  ) {
    this.end = first - 1;
    this.cols = gridSize(grid).cols;
  }

  /** What row `r` is, read after the rows above it. */
  read(r: number): typeof IN_TABLE | typeof HELD | typeof ENDED {
    const grid = this.grid;
    let texts = 0;
    let numbers = false;
    // The texts count only in a row without numbers: the first number says enough.
    for (const c of this.numericCols) {
      const cell = getCell(grid, r, c);
      if (numericish(cell)) {
        numbers = true;
        break;
      }
      if (!isEmptyCell(cell)) texts++;
    }
    if (numbers) {
      // A row with numbers is the table's, whatever its TT and label say (most rows) — but for a
      // date or signature line whose figures are a date (no TT: read only then).
      // (Most rows have a TT: "-", "1", "I" — told from the cell's value without making a text.)
      const ttValue = this.ttCol !== undefined ? getCell(grid, r, this.ttCol)?.value : undefined;
      const tt =
        ttValue === undefined || ttValue === null
          ? ''
          : typeof ttValue === 'string'
            ? ttValue.trim()
            : cellText(getCell(grid, r, this.ttCol as number)).trim();
      if (tt === '' && this.labelCol !== undefined) {
        const label = cellText(getCell(grid, r, this.labelCol)).trim();
        if (this.end >= this.first && label !== '') {
          // The label folded once for both questions (a table's rows mostly have a TT).
          const norm = normalizeText(label);
          if (CLOSING_LINE.test(norm)) return ENDED;
          if (GRAND_TOTAL.test(norm)) this.closed = isTotalLabel(norm, this.totalLabels);
        }
      }
      this.end = r;
      this.sawBlank = false;
      return IN_TABLE;
    }
    let blank = texts === 0;
    for (let c = 0; c < this.cols && blank; c++)
      if (!isEmptyCell(getCell(grid, r, c))) blank = false;
    if (blank) {
      // A blank row after the grand total that closes the table: what follows is not the table's.
      if (this.closed) return ENDED;
      if (this.end >= this.first) this.sawBlank = true;
      return HELD;
    }
    if (texts >= 2 && this.end >= this.first) return ENDED;
    const tt = this.ttCol !== undefined ? cellText(getCell(grid, r, this.ttCol)).trim() : '';
    const label =
      this.labelCol !== undefined ? cellText(getCell(grid, r, this.labelCol)).trim() : '';
    if (this.end >= this.first && tt === '' && isClosingLine(label)) return ENDED;
    const tableLike = ttLevel(tt) !== null || isTotalLabel(normalizeText(label), this.totalLabels);
    if (this.sawBlank && !tableLike) return ENDED;
    this.sawBlank = false;
    if (tableLike || tt !== '' || label !== '') {
      this.end = r;
      return IN_TABLE;
    }
    return HELD;
  }
}

/**
 * The rows from `from` on that hold figures (two or more numbers) the table did not read — not a
 * date or signature line: another table, rows past a grand total. Undefined when there are none.
 */
function figuresBelow(
  grid: Grid,
  from: number,
  to: number,
  labelCol: number | undefined,
): { from: number; to: number } | undefined {
  let found: { from: number; to: number } | undefined;
  for (let r = from; r < to; r++) {
    const row = grid.cells[r];
    if (!row) continue;
    let numbers = 0;
    for (const cell of row) if (typeof cell?.value === 'number' || cell?.formula) numbers++;
    if (numbers < 2) continue;
    if (labelCol !== undefined && isClosingLine(cellText(getCell(grid, r, labelCol)).trim()))
      continue;
    if (found) found.to = r;
    else found = { from: r, to: r };
  }
  return found;
}

/** Decimal places a typed number has, up to 6. */
function placesOf(v: NumericCell): number {
  return v.micros !== undefined ? microsPlaces(v.micros) : Math.min(v.value.decimalPlaces(), 6);
}

/** 10^k for k = 0…6. */
const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/**
 * {@link placesOf} a plain number (a ratio percent read × 100 when `scaled`; `micros`: its
 * `numberMicros`), without a cell, when it is more than `known`; -1 when it is not. Most numbers
 * of a column have no more decimals than the most seen so far, and one remainder of their micros
 * says so.
 */
function morePlaces(n: number, micros: number | undefined, scaled: boolean, known: number): number {
  if (known >= MICROS_PLACES) return -1;
  if (micros === undefined) return placesOf(new NumberCell(n, false, scaled || undefined));
  // At most `known` places: the micros end in 6 − known zeros.
  if (known >= 0 && micros % (POWERS_OF_TEN[MICROS_PLACES - known] as number) === 0) return -1;
  return microsPlaces(micros);
}

/**
 * Read a sheet into rows with levels, parents and numbers, raising cell-level issues.
 * A row's parent is the nearest row above with a smaller level; unnumbered rows sit under
 * the row above them; "Trong đó" rows are kept out of their parent's sum; the total row's
 * children are the rows that have no other parent.
 */
export function buildModel(
  grid: Grid,
  detection: Detection,
  options: ValidateOptions,
  issues: Issue[],
): SheetModel {
  const fit = detection.fit;
  if (!fit) throw new Error('buildModel needs a layout');
  const layout = fit.layout;
  const columns = fit.columns;
  const defs = new Map(layout.columns.map((c) => [c.key, c]));
  const numeric = numericKeys(layout, columns);
  const ttCol = columns.get('tt');
  const labelCol = columns.get('label');
  const first = detection.firstDataRow;
  const table = new TableEnd(
    grid,
    first,
    numeric.map((d) => columns.get(d.key) as number),
    ttCol,
    labelCol,
    layout.totalLabels,
  );
  const gridRows = gridSize(grid).rows;
  const textSeverity = layout.kind === 'service' ? 'info' : 'warning';

  const rows: Row[] = [];
  const slots = new Map(numeric.map((def, slot) => [def.key, slot]));
  const numbers = new SheetNumbers(Math.max(0, gridRows - first), slots);
  // Per column slot: the most decimals typed, and shown by a number format (-1: none seen).
  const typedPlaces = new Int8Array(numeric.length).fill(-1);
  const fmtPlaces = new Int8Array(numeric.length).fill(-1);
  const ratioColumns = new Set<string>();
  const numericCols = numeric.map((def) => ({
    def,
    key: def.key,
    col: columns.get(def.key) as number,
    // The last number format seen in the column and what it says: a column's cells share a few.
    numFmt: null as string | undefined | null,
    scaled: false,
    shows: undefined as number | undefined,
  }));
  // One options object, updated per cell (readNumericCell keeps nothing of it).
  const read: {
    row: number;
    col: number;
    column: ColumnDefinition;
    locale?: 'vi' | 'en';
    textSeverity: 'warning' | 'info';
    issues: Issue[];
  } = {
    row: 0,
    col: 0,
    column: numeric[0] as ColumnDefinition,
    ...(options.locale ? { locale: options.locale } : {}),
    textSeverity,
    issues,
  };
  // Each row as the table's end allows: rows held (see TableEnd) are read once a later row
  // says the table goes on through them, and dropped when it ends.
  const held: number[] = [];
  let endedAt = gridRows;
  for (let r = first; r < gridRows; r++) {
    const verdict = table.read(r);
    if (verdict === ENDED) {
      endedAt = r;
      break;
    }
    if (verdict === HELD) {
      held.push(r);
      continue;
    }
    if (held.length > 0) {
      // Indexed: a `for … of` here made an iterator for every row of the table.
      for (let k = 0; k < held.length; k++) readRow(held[k] as number);
      held.length = 0;
    }
    readRow(r);
  }

  /** Read sheet row `r` into the model (a row with nothing in it adds nothing). */
  function readRow(r: number): void {
    const tt = ttCol !== undefined ? cellText(getCell(grid, r, ttCol)).trim() : '';
    const label = labelCol !== undefined ? cellText(getCell(grid, r, labelCol)).trim() : '';
    // The row's cells go where the row will be if it is kept (a skipped row is overwritten).
    const base = rows.length * numericCols.length;
    let any = tt !== '' || label !== '';
    for (let slot = 0; slot < numericCols.length; slot++) {
      const column = numericCols[slot] as (typeof numericCols)[number];
      const cell = getCell(grid, r, column.col);
      const numFmt = cell?.numFmt;
      if (numFmt !== column.numFmt) {
        column.numFmt = numFmt;
        column.scaled = isScaledPercent(column.def, numFmt);
        column.shows = formatDecimals(numFmt);
      }
      const scaled = column.scaled;
      if (scaled) ratioColumns.add(column.key);
      const value = cell?.value;
      let typed = -1;
      if (typeof value === 'number' && Number.isFinite(value)) {
        // A plain number (the usual cell): held as a double, no object, no issue to raise.
        const formula = Boolean(cell?.formula);
        const micros = numbers.setNumber(base + slot, value, formula, scaled);
        if (!formula) typed = morePlaces(value, micros, scaled, typedPlaces[slot] as number);
        any = true;
      } else {
        read.row = r;
        read.col = column.col;
        read.column = column.def;
        const v = readNumericCell(cell, read);
        numbers.setCell(base + slot, v);
        if (!isEmptyCell(cell)) any = true;
        if (v && !v.formula) typed = placesOf(v);
      }
      if (typed > (typedPlaces[slot] as number)) typedPlaces[slot] = typed;
      const f = column.shows;
      if (f !== undefined && f > (fmtPlaces[slot] as number)) fmtPlaces[slot] = f;
    }
    if (!any) return;
    const shape = rowShape(tt, label, layout.totalLabels);
    rows.push(newRow(numbers, base, r, tt, label, shape));
  }

  const below = figuresBelow(grid, endedAt, gridRows, labelCol);
  if (below) {
    const lastRow = rows.length > 0 ? (rows[rows.length - 1] as Row).row : first;
    issues.push(
      makeIssue({
        code: 'table/rows-not-read',
        severity: 'warning',
        row: below.from,
        col: 0,
        text: {
          rows: below.from === below.to ? `${below.from + 1}` : `${below.from + 1}–${below.to + 1}`,
          end: `${lastRow + 1}`,
        },
      }),
    );
  }

  // Budget rows named only by project or sub-project get the catalogue's levels.
  if (layout.kind === 'budget' && rows.every((x) => x.level === null || x.isTotal)) {
    const matcher = new ProjectMatcher();
    const byPeriod = options.period ? { period: options.period } : {};
    for (const x of rows) {
      if (x.isTotal) continue;
      const m = matcher.match(x.label, byPeriod);
      if (m && !isUnknownProject(m)) x.level = m.subproject ? 3 : 2;
    }
  }

  linkRows(rows);
  // Indexed loops over the rows: `map` then `filter` made two arrays as long as the sheet.
  const roots: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const x = rows[i] as Row;
    if (!x.isTotal && x.parent === null && !x.ofWhich && !x.isOfWhichHeading) roots.push(i);
  }
  const total = linkTotals(rows, roots);

  const shown = new Map<string, number>();
  numeric.forEach((def, slot) => {
    const fmt = fmtPlaces[slot] as number;
    const typed = typedPlaces[slot] as number;
    shown.set(def.key, fmt >= 0 ? fmt : typed >= 0 ? typed : def.kind === 'percent' ? 2 : 0);
  });
  const sheetUnit = detection.top.unit;
  return {
    grid,
    layout,
    detection,
    columns,
    defs,
    rows,
    total,
    roots,
    unit: sheetUnit ?? (layout.kind === 'budget' ? 'trieu' : 'other'),
    numbers,
    slots,
    shown,
    ratioColumns,
    options,
  };
}

/**
 * Give the total rows their children. One total row (first or last) adds the top-level rows.
 * Several: each total row that closes a group ("Cộng" after the group's items) adds that group's
 * rows — the items of the group's header row, or the top-level rows since the previous total —
 * and the last total ("Tổng cộng (I+II)") adds those sub-totals. Returns the grand total's index.
 */
function linkTotals(rows: Row[], roots: readonly number[]): number | null {
  const totals: number[] = [];
  for (let i = 0; i < rows.length; i++) if ((rows[i] as Row).isTotal) totals.push(i);
  const first = totals[0];
  if (first === undefined) return null;
  if (totals.length === 1 || roots.every((i) => i > first)) {
    // One total, or a grand total on top: it adds the top-level rows.
    addChildren(rows[first] as Row, roots);
    return first;
  }
  const subtotals: number[] = [];
  let grand: number | null = null;
  let start = 0;
  for (const t of totals) {
    const segment = roots.filter((i) => i >= start && i < t);
    start = t + 1;
    if (segment.length === 0) {
      // Nothing since the last sub-total: a grand total over the sub-totals.
      addChildren(rows[t] as Row, subtotals);
      grand = t;
      continue;
    }
    // A group header with no figures of its own ("I. Huyện A"): its items are what the sub-total
    // adds, and the header is a heading only — no sum of its own for the checks or for fill to
    // write (the sub-total below carries it).
    const header = segment.length === 1 ? (rows[segment[0] as number] as Row) : undefined;
    if (header && header.children.length > 0 && header.values.all().every((v) => v === null)) {
      addChildren(rows[t] as Row, header.children);
      header.children = NO_CHILDREN;
    } else addChildren(rows[t] as Row, segment);
    subtotals.push(t);
  }
  return grand ?? (totals[totals.length - 1] as number);
}

/**
 * Give each row its parent, and mark the rows of "Trong đó" blocks: the unnumbered or bulleted
 * rows that follow a "Trong đó:" row, up to the next numbered row.
 */
function linkRows(rows: Row[]): void {
  const stack: number[] = [];
  let ofWhich = false;
  // Level of the last row numbered by its TT or label: unnumbered rows after it are its children,
  // and siblings of each other (not a chain).
  let anchor = 0;
  for (let i = 0; i < rows.length; i++) {
    const x = rows[i] as ModelRow;
    if (x.isTotal) {
      stack.length = 0;
      ofWhich = false;
      anchor = 0;
      continue;
    }
    if (ofWhich) {
      // The block goes on through unnumbered and bulleted rows ("-", "+"), up to a numbered one.
      if ((x.tt === '' || /^[-–—+*]$/.test(x.tt)) && !x.isOfWhichHeading) x.ofWhich = true;
      else ofWhich = false;
    }
    const level = x.level ?? anchor + 1;
    if (x.level !== null) anchor = x.level;
    x.level = level;
    while (
      stack.length &&
      ((rows[stack[stack.length - 1] as number] as ModelRow).level ?? 0) >= level
    )
      stack.pop();
    const parent = stack.length ? (stack[stack.length - 1] as number) : null;
    x.parent = parent;
    if (x.isOfWhichHeading) {
      ofWhich = true;
      x.ofWhich = true;
      continue;
    }
    if (x.ofWhich) continue;
    if (parent !== null) addChild(rows[parent] as Row, i);
    stack.push(i);
  }
}

/** The numeric value of a row's column, or null. */
export function valueOf(x: ModelRow | undefined, key: string): Decimal | null {
  return x?.values.get(key)?.value ?? null;
}

/** A row's label normalised ({@link normalizeText}), folded when first asked for and kept. */
export function normalizedLabel(x: ModelRow): string {
  return (x.labelNorm ??= normalizeText(x.label));
}

/** Normalised label, for message parameters and catalogue matching. */
export function shortLabel(x: ModelRow): string {
  const l = x.label || x.tt || `#${x.row + 1}`;
  return l.length > 60 ? `${l.slice(0, 57)}…` : l;
}
