/**
 * Marks: cells coloured by severity (and, ExcelApi 1.18, a note of ours), each cell's previous
 * fill kept so that clearing restores it exactly. Cells of one colour are set as rectangles;
 * previous fills are read per rectangle with `getCellProperties`; requests stay under the budget.
 */
import type { Severity } from '@phuluc/rules';
import { parseA1, toA1 } from '@phuluc/rules';
import {
  ACTION_BYTES,
  jsonBytes,
  PATH_BYTES,
  rectangles,
  rectCells,
  RequestBudget,
  REQUEST_BUDGET_BYTES,
  splitRect,
  type Rect,
} from './blocks.js';
import { localAddress, supportsOf, type AdapterOptions } from './cells.js';
import type { XlContext, XlFill, XlNote, XlResult, XlWorksheet } from './excel-api.js';

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

/** The marks on one sheet: what to restore, by A1 address. */
export type MarkState = ReadonlyMap<string, PreviousFill>;

/** Bytes `getCellProperties` returns for one cell's fill (JSON). */
const FILL_PROPERTIES_BYTES = 140;

function rank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

function positions(cells: Iterable<string>): { row: number; col: number }[] {
  return [...cells].map((c) => parseA1(c)!).filter(Boolean);
}

function address(r: Rect): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

type Fill = Omit<PreviousFill, 'noteAdded'>;

function describe(color: string, pattern: unknown, patternColor: unknown, tint: unknown): Fill {
  const out: { color: string; pattern?: string; patternColor?: string; tintAndShade?: number } = {
    color,
  };
  if (typeof pattern === 'string' && pattern !== 'Solid' && pattern !== 'None') {
    out.pattern = pattern;
    if (typeof patternColor === 'string') out.patternColor = patternColor;
  }
  if (typeof tint === 'number' && tint !== 0) out.tintAndShade = tint;
  return out;
}

/**
 * The fill shared by every cell of a loaded `RangeFill`, or null when that is not certain: Excel
 * reports a null color when the cells' colours differ, and a null tintAndShade both for "No Fill"
 * and when the cells differ. A number means a real fill (white included) shared by every cell.
 */
export function fillOfRange(fill: XlFill): Fill | null {
  const color: string | null = fill.color;
  const tint: number | null = fill.tintAndShade;
  if (color === null || tint === null) return null;
  return describe(color, fill.pattern, fill.patternColor, tint);
}

/** One cell's loaded `RangeFill`: its fill, "No Fill" when tintAndShade is null. */
function fillOfCell(fill: XlFill): Fill {
  return fillOfRange(fill) ?? { color: null };
}

/**
 * One cell's fill as `getCellProperties` reports it, or null when it reads white: Excel reports
 * "No Fill" exactly as a white fill there (office-js issue #6218), so such a cell is asked again
 * through its `RangeFill`.
 */
export function previousFillOf(props: Excel.CellProperties | undefined): Fill | null {
  const f = props?.format?.fill;
  if (f?.pattern === 'None') return { color: null };
  if (!f?.color || /^#?FFFFFF$/i.test(f.color)) return null;
  return describe(f.color, f.pattern, f.patternColor, f.tintAndShade);
}

/**
 * Queue the restoration of previous fills: cells that had none are cleared by rectangles; cells
 * with the same previous fill are set together by rectangles.
 */
async function restoreFills(
  budget: RequestBudget,
  sheet: XlWorksheet,
  cells: ReadonlyMap<string, PreviousFill>,
): Promise<void> {
  const groups = new Map<string, { fill: PreviousFill; cells: string[] }>();
  for (const [cell, fill] of cells) {
    const key =
      fill.color === null
        ? 'none'
        : JSON.stringify([fill.color, fill.pattern, fill.patternColor, fill.tintAndShade]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { fill, cells: [] }));
    g.cells.push(cell);
  }
  for (const { fill: prev, cells: list } of groups.values()) {
    for (const rect of rectangles(positions(list))) {
      await budget.reserve(PATH_BYTES * 3 + ACTION_BYTES * 4 + 80);
      const fill = sheet.getRange(address(rect)).format.fill;
      if (prev.color === null) {
        fill.clear();
        continue;
      }
      if (prev.pattern) fill.pattern = prev.pattern;
      fill.color = prev.color;
      if (prev.patternColor) fill.patternColor = prev.patternColor;
      if (prev.tintAndShade !== undefined) fill.tintAndShade = prev.tintAndShade;
    }
  }
}

/**
 * Delete the notes we added on `cells`, those the user has not deleted already: the request
 * queued so far also asks which are still there (`getItemOrNullObject`), then one more deletes
 * them (none when all are gone). Ends with everything synced.
 */
async function deleteOurNotes(
  budget: RequestBudget,
  sheet: XlWorksheet,
  cells: readonly string[],
): Promise<void> {
  const probes: XlNote[] = [];
  for (const cell of cells) {
    await budget.reserve(PATH_BYTES * 2 + ACTION_BYTES * 2 + jsonBytes(cell), 40);
    const note = sheet.notes.getItemOrNullObject(cell);
    note.load('isNullObject');
    probes.push(note);
  }
  await budget.flush();
  for (const note of probes) {
    if (note.isNullObject) continue;
    await budget.reserve(ACTION_BYTES);
    note.delete();
  }
  await budget.flush();
}

/**
 * Mark cells with their severity's fill colour and (ExcelApi 1.18) a note. The previous fill of
 * each newly marked cell is read first: per rectangle where its cells share a real fill, per cell
 * otherwise (and once more, through its RangeFill, for a cell that reads white: it may be No Fill). Cells already
 * marked keep their original record; cells marked before but not now are restored. Notes are
 * added only to cells without one (`noteCells`).
 * Syncs: one to read, one to ask again the cells that read white, one to write (one more to
 * delete our notes of cells no longer marked; more past the byte budget).
 */
export async function markCells(
  context: XlContext,
  sheet: XlWorksheet,
  marks: readonly Mark[],
  previous: MarkState = new Map(),
  options: AdapterOptions & { readonly noteCells?: ReadonlySet<string> } = {},
): Promise<MarkState> {
  const supports = supportsOf(options);
  const withNotes = supports('ExcelApi', '1.18');
  const budgetBytes = options.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const wanted = new Map<string, Mark>();
  for (const m of marks) {
    const cell = localAddress(m.cell);
    const had = wanted.get(cell);
    if (!had || rank(m.severity) < rank(had.severity)) wanted.set(cell, { ...m, cell });
  }

  const budget = new RequestBudget(context, budgetBytes);
  // Cells marked before but not now: restore.
  const gone = new Map([...previous].filter(([cell]) => !wanted.has(cell)));
  await restoreFills(budget, sheet, gone);

  // Previous fills of the newly marked cells, read before they are coloured: each rectangle's
  // shared fill, and each cell's fill for rectangles whose cells differ.
  const fresh = [...wanted.keys()].filter((cell) => !previous.has(cell));
  const reads: { rect: Rect; fill: XlFill; props: XlResult<Excel.CellProperties[][]> }[] = [];
  const maxCells = Math.max(1, Math.floor(budgetBytes / 2 / FILL_PROPERTIES_BYTES));
  for (const rect of rectangles(positions(fresh)).flatMap((r) => splitRect(r, maxCells))) {
    await budget.reserve(
      PATH_BYTES * 3 + ACTION_BYTES * 2 + 200,
      rectCells(rect) * FILL_PROPERTIES_BYTES + 200,
    );
    const range = sheet.getRange(address(rect));
    const fill = range.format.fill;
    fill.load('color,pattern,patternColor,tintAndShade');
    const props = range.getCellProperties({
      format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } },
    });
    reads.push({ rect, fill, props });
  }
  await budget.flush();
  const before = new Map<string, Fill>();
  const white: string[] = [];
  for (const { rect, fill, props } of reads) {
    const shared = fillOfRange(fill);
    for (let row = rect.top; row <= rect.bottom; row++)
      for (let col = rect.left; col <= rect.right; col++) {
        const cell = toA1(row, col);
        const own = shared ?? previousFillOf(props.value[row - rect.top]?.[col - rect.left]);
        if (own) before.set(cell, own);
        else white.push(cell);
      }
  }
  // A cell reading white may be white or No Fill: only its own RangeFill tells (tintAndShade null
  // for No Fill). A range's RangeFill cannot: its tintAndShade is null too when its cells differ.
  const asked: { cell: string; fill: XlFill }[] = [];
  for (const cell of white) {
    await budget.reserve(PATH_BYTES * 3 + ACTION_BYTES + jsonBytes(cell), 120);
    const fill = sheet.getRange(cell).format.fill;
    fill.load('color,pattern,patternColor,tintAndShade');
    asked.push({ cell, fill });
  }
  await budget.flush();
  for (const { cell, fill } of asked) before.set(cell, fillOfCell(fill));

  for (const severity of ['error', 'warning', 'info'] as const) {
    const cells = [...wanted.values()].filter((m) => m.severity === severity).map((m) => m.cell);
    for (const rect of rectangles(positions(cells))) {
      await budget.reserve(PATH_BYTES * 3 + ACTION_BYTES + 40);
      sheet.getRange(address(rect)).format.fill.color = MARK_COLORS[severity];
    }
  }
  const notesAdded = new Set<string>();
  if (withNotes) {
    for (const mark of wanted.values()) {
      if (!mark.note || previous.has(mark.cell) || options.noteCells?.has(mark.cell)) continue;
      await budget.reserve(PATH_BYTES * 2 + ACTION_BYTES + jsonBytes([mark.cell, mark.note]));
      sheet.notes.add(mark.cell, mark.note);
      notesAdded.add(mark.cell);
    }
  }
  await deleteOurNotes(
    budget,
    sheet,
    [...gone].filter(([, p]) => p.noteAdded).map(([cell]) => cell),
  );

  const state = new Map<string, PreviousFill>();
  for (const cell of wanted.keys()) {
    const prev = previous.get(cell);
    if (prev) state.set(cell, prev);
    else
      state.set(cell, {
        ...(before.get(cell) ?? { color: null }),
        noteAdded: notesAdded.has(cell),
      });
  }
  return state;
}

/**
 * Restore every marked cell's previous fill exactly and delete the notes we added — those still
 * there: a note the user deleted is no error. Returns the number of cells restored; the caller
 * drops the marks' state once this resolves.
 * Syncs: one to restore fills and see which of our notes remain, one more to delete those.
 */
export async function clearMarks(
  context: XlContext,
  sheet: XlWorksheet,
  state: MarkState,
  options: AdapterOptions = {},
): Promise<number> {
  if (state.size === 0) return 0;
  const budgetBytes = options.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const budget = new RequestBudget(context, budgetBytes);
  await restoreFills(budget, sheet, state);
  await deleteOurNotes(
    budget,
    sheet,
    [...state].filter(([, p]) => p.noteAdded).map(([cell]) => cell),
  );
  return state.size;
}
