import {
  type LayoutDefinition,
  fillSheet,
  listLayouts,
  t,
  type Cell,
  type CellValue,
  type CellWrite,
  type FillConflict,
  type FillResult,
  type Grid,
  isCoveredByMerge,
} from '@phuluc/rules';
import { isXlsxError } from '@phuluc/xlsx/fast';
import {
  recalculateGrid,
  writeCellsAsync,
  type CellEdit,
  type MutableCells,
  type SheetEdits,
} from '@phuluc/xlsx/surgical';
import type { FillArgs, Lang } from '../args.js';
import { inputError } from '../errors.js';
import { checkOutput, writeFileAtomic } from '../io/atomic-write.js';
import { useColor, type Io } from '../io/console.js';
import { readInputFile } from '../io/input.js';
import { openBook } from '../io/open-book.js';
import { loadLayouts } from '../io/layout-file.js';
import { nodeCodec } from '../io/node-zip.js';
import { progress, PROGRESS_MIN_BYTES } from '../io/progress.js';
import { readSheetSafely } from '../read-sheet.js';
import { palette, type Palette } from '../render/color.js';
import { renderJson } from '../render/json.js';
import { showValue } from '../render/numbers.js';
import { selectSheets } from '../sheets.js';

/** Writes listed one by one per sheet before the rest are only counted. */
const MAX_LISTED_WRITES = 40;

/** What fill did to one sheet. */
export interface SheetFill {
  readonly result: FillResult;
  /** Cells actually written (conflicts are left alone without --overwrite-cells). */
  readonly written: readonly string[];
  /** Why the sheet was left as it was (too large, unreadable), in the output's language. */
  readonly notFilled?: string;
  /**
   * What goes into the sheet's part: the written cells, and the formulas whose cached result
   * changed because of them (their formula kept). 1-based row → 1-based column → edit.
   */
  readonly edits: SheetEdits;
}

function shownExisting(v: CellValue, lang: Lang): string {
  if (v === null) return '∅';
  if (typeof v === 'number') return showValue(String(v), lang);
  if (typeof v === 'object') return v.error;
  return JSON.stringify(v);
}

function renderText(args: FillArgs, fills: readonly SheetFill[], p: Palette): string {
  const { lang } = args;
  const layouts = listLayouts();
  const lines: string[] = [
    p.bold(t('cli.fill.header', { file: args.file, output: args.output }, lang)),
  ];
  for (const fill of fills) {
    const { result, written } = fill;
    lines.push('');
    if (fill.notFilled !== undefined) {
      lines.push(
        p.bold(
          t('cli.fill.sheet-not-filled', { sheet: result.sheet, reason: fill.notFilled }, lang),
        ),
      );
      continue;
    }
    if (result.layout === null) {
      lines.push(p.bold(t('cli.fill.sheet-skipped', { sheet: result.sheet }, lang)));
      continue;
    }
    const title = layouts.find((l) => l.id === result.layout)?.title[lang] ?? result.layout;
    lines.push(
      p.bold(t('cli.validate.sheet', { sheet: result.sheet, layout: result.layout, title }, lang)),
    );
    const writtenSet = new Set(written);
    const conflictCells = new Set(result.conflicts.map((c) => c.cell));
    const writes = result.writes.filter(
      (w) => writtenSet.has(w.cell) && !conflictCells.has(w.cell),
    );
    if (writes.length === 0 && result.conflicts.length === 0) {
      lines.push(`  ${p.green(t('cli.fill.nothing', {}, lang))}`);
    }
    const width = Math.max(
      0,
      ...writes.map((w) => w.cell.length),
      ...result.conflicts.map((c) => c.cell.length),
    );
    for (const w of writes.slice(0, MAX_LISTED_WRITES)) {
      const value = showValue(w.text, lang);
      const what = w.formula && !args.values ? `=${w.formula} → ${value}` : value;
      lines.push(
        `  ${w.cell.padEnd(width)}  ${p.green(t('cli.fill.write', { what, role: t(`cli.fill.role.${w.role}`, {}, lang) }, lang))}`,
      );
    }
    if (writes.length > MAX_LISTED_WRITES) {
      lines.push(
        `  ${p.dim(t('cli.fill.more-writes', { count: writes.length - MAX_LISTED_WRITES }, lang))}`,
      );
    }
    for (const c of result.conflicts) {
      const params = {
        existing: c.existingFormula ? `=${c.existingFormula}` : shownExisting(c.existing, lang),
        computed: showValue(c.write.text, lang),
      };
      const key = writtenSet.has(c.cell)
        ? 'cli.fill.conflict-overwritten'
        : 'cli.fill.conflict-kept';
      lines.push(`  ${c.cell.padEnd(width)}  ${p.yellow(t(key, params, lang))}`);
    }
  }
  const writes = fills.reduce((n, f) => n + f.written.length, 0);
  const kept = fills.reduce(
    (n, f) => n + f.result.conflicts.filter((c) => !f.written.includes(c.cell)).length,
    0,
  );
  lines.push('', t('cli.fill.summary', { writes, output: args.output, conflicts: kept }, lang));
  if (kept > 0) lines.push(p.yellow(t('cli.fill.hint-overwrite-cells', {}, lang)));
  return `${lines.join('\n')}\n`;
}

/** The JSON report of a fill (`FillJsonSchema` in `@phuluc/rules`). */
export function renderFillJson(args: FillArgs, fills: readonly SheetFill[]): string {
  return renderJson({
    file: args.file,
    output: args.output,
    sheets: fills.map(({ result, written, notFilled }) => ({
      sheet: result.sheet,
      template: result.layout,
      ...(notFilled !== undefined ? { error: notFilled } : {}),
      writes: result.writes
        .filter((w) => written.includes(w.cell))
        .map((w) => ({
          cell: w.cell,
          role: w.role,
          ...(w.formula && !args.values ? { formula: w.formula } : {}),
          value: w.text,
        })),
      conflicts: result.conflicts.map((c) => ({
        cell: c.cell,
        existing: c.existing,
        ...(c.existingFormula ? { existingFormula: c.existingFormula } : {}),
        computed: c.write.text,
        written: written.includes(c.cell),
      })),
    })),
    summary: {
      writes: fills.reduce((n, f) => n + f.written.length, 0),
      conflicts: fills.reduce((n, f) => n + f.result.conflicts.length, 0),
    },
  });
}

/** Fill passes per sheet: a second pass catches totals whose parts the first pass rewrote. */
const MAX_PASSES = 3;

function isNoop(cells: MutableCells, w: CellWrite, mode: 'formula' | 'value'): boolean {
  const cell = cells[w.row]?.[w.col];
  if (!cell) return false;
  if (mode === 'formula' && w.formula) {
    return cell.formula === w.formula.replace(/^=/, '') && cell.value === w.value;
  }
  return !cell.formula && cell.value === w.value;
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    return a.error === b.error;
  }
  return (a ?? null) === (b ?? null);
}

/** The edits of a filled grid: the written cells and the refreshed cached results. */
function editsOf(
  before: Grid,
  cells: MutableCells,
  written: ReadonlySet<string>,
  writtenAt: ReadonlyMap<string, [number, number]>,
  refreshed: ReadonlySet<number>,
): SheetEdits {
  const edits = new Map<number, Map<number, CellEdit>>();
  const put = (row: number, col: number, edit: CellEdit): void => {
    const r = edits.get(row + 1) ?? new Map<number, CellEdit>();
    r.set(col + 1, edit);
    edits.set(row + 1, r);
  };
  for (const cell of written) {
    const [row, col] = writtenAt.get(cell)!;
    const now = cells[row]?.[col];
    const value = now?.value ?? null;
    put(
      row,
      col,
      now?.formula ? { kind: 'formula', formula: now.formula, value } : { kind: 'value', value },
    );
  }
  for (const k of refreshed) {
    const row = Math.floor(k / 16384);
    const col = k % 16384;
    const now = cells[row]?.[col];
    if (!now?.formula || edits.get(row + 1)?.has(col + 1)) continue;
    if (sameValue(before.cells[row]?.[col]?.value, now.value)) continue;
    put(row, col, { kind: 'result', value: now.value });
  }
  return edits;
}

/**
 * Fill one sheet's grid: run the rules' fill, write its cells into a copy of the grid, recompute
 * the cached results of the sheet's formulas, and repeat (at most {@link MAX_PASSES} times) while
 * the rules find more to write, so a total over rewritten parts is caught too. The grid itself is
 * not changed; what to write into the file is the result's `edits`.
 */
export function fillGrid(
  grid: Grid,
  args: FillArgs,
  layouts?: readonly LayoutDefinition[],
): SheetFill {
  const mode = args.values ? 'value' : 'formula';
  const cells: MutableCells = grid.cells.map((r) => [...r]);
  const writes = new Map<string, CellWrite>();
  const conflicts = new Map<string, FillConflict>();
  const written = new Set<string>();
  const writtenAt = new Map<string, [number, number]>();
  const refreshed = new Set<number>();
  let first: FillResult | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = fillSheet(
      { ...grid, cells },
      {
        mode,
        overwrite: args.overwriteCells,
        ...(args.template ? { layout: args.template } : {}),
        ...(layouts ? { layouts } : {}),
      },
    );
    first ??= result;
    if (result.layout === null) break;
    for (const c of result.conflicts) if (!conflicts.has(c.cell)) conflicts.set(c.cell, c);
    // Without --overwrite-cells a conflicting cell is never written, whatever the rules return.
    const conflicting = new Set(result.conflicts.map((c) => c.cell));
    const todo = result.writes.filter(
      (w) => (args.overwriteCells || !conflicting.has(w.cell)) && !isNoop(cells, w, mode),
    );
    if (todo.length === 0) break;
    for (const w of todo) {
      if (isCoveredByMerge(grid, w.row, w.col)) continue;
      const row = (cells[w.row] ??= []);
      while (row.length < w.col) row.push(null);
      const old: Cell | null | undefined = row[w.col];
      const formula = mode === 'formula' && w.formula ? w.formula.replace(/^=/, '') : undefined;
      const { formula: _dropped, ...kept } = old ?? { value: null };
      row[w.col] = { ...kept, value: w.value, ...(formula ? { formula } : {}) };
      writes.set(w.cell, w);
      written.add(w.cell);
      writtenAt.set(w.cell, [w.row, w.col]);
    }
    for (const [row, col] of recalculateGrid(cells)) refreshed.add(row * 16384 + col);
  }
  const result: FillResult = {
    sheet: grid.name,
    layout: first?.layout ?? null,
    writes: [...writes.values()],
    conflicts: [...conflicts.values()],
  };
  return {
    result,
    written: [...written],
    edits: editsOf(grid, cells, written, writtenAt, refreshed),
  };
}

function notFilled(sheet: string, reason: string): SheetFill {
  return {
    result: { sheet, layout: null, writes: [], conflicts: [] },
    written: [],
    notFilled: reason,
    edits: new Map(),
  };
}

/**
 * {@link fillGrid}, never throwing: a sheet whose fill fails is left exactly as it was (none of
 * its cells is written) and reported, and the other sheets are still filled.
 */
export function fillGridSafely(
  grid: Grid,
  args: FillArgs,
  layouts?: readonly LayoutDefinition[],
): SheetFill {
  try {
    return fillGrid(grid, args, layouts);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 200);
    return notFilled(grid.name, reason ?? '');
  }
}

/**
 * Fill a workbook's bytes (`--sheet`, or every sheet) and return the filled workbook's bytes,
 * written surgically, with what was done per sheet. Shared by `phuluc fill` and
 * `POST /v1/fill`. `onStart` sees the sheets before they are filled and may return a per-sheet
 * callback (a progress bar). A write that cannot be made without damage throws the CLI error
 * that says so.
 */
export async function fillWorkbook(
  bytes: Uint8Array,
  args: FillArgs,
  layouts: readonly LayoutDefinition[],
  onStart: (
    sheets: ReadonlyArray<{ readonly name: string; readonly bytes: number }>,
  ) => (name: string, i: number, n: number) => void = () => () => {},
): Promise<{ output: Uint8Array; fills: SheetFill[] }> {
  const book = openBook(bytes, args.file);
  const sheets = selectSheets(
    book.sheets.map((s, index) => ({ ...s, index })),
    args.sheet,
  );
  const onSheet = onStart(sheets);
  const fills = sheets.map((s, i) => {
    onSheet(s.name, i + 1, sheets.length);
    const read = readSheetSafely(book, s.index, args.file);
    return 'grid' in read
      ? fillGridSafely(read.grid, args, layouts)
      : notFilled(s.name, read.report.issues[0]?.message[args.lang] ?? '');
  });
  try {
    const edits = new Map(fills.map((f) => [f.result.sheet, f.edits]));
    return { output: (await writeCellsAsync(bytes, edits, nodeCodec)).bytes, fills };
  } catch (e) {
    if (isXlsxError(e)) throw inputError(e, args.file);
    throw e;
  }
}

/**
 * `phuluc fill FILE -o OUT`: compute every derived cell (totals, cross-foots, rates, reductions)
 * of each annex sheet and write them into a copy of the workbook, surgically: only the written
 * cells (and the cached results of formulas over them) change; every other part of the file is
 * copied byte for byte. A write that cannot be made without damage is refused (exit 2, nothing
 * written). The input is never written; OUT is written atomically and only replaced with
 * `--overwrite`.
 *
 * @returns 0 (conflicts are reported, not failures).
 */
export async function fillCommand(args: FillArgs, io: Io): Promise<number> {
  const target = { overwrite: args.overwrite, input: args.file };
  await checkOutput(args.output, target);
  const layouts = await loadLayouts(args.layoutFile, args.template);
  const bytes = await readInputFile(args.file);
  let bar: ReturnType<typeof progress> | undefined;
  const { output, fills } = await fillWorkbook(bytes, args, layouts, (sheets) => {
    bar = progress(io, args.lang, sheets.reduce((n, s) => n + s.bytes, 0) > PROGRESS_MIN_BYTES);
    return (name, i, n) => bar?.sheet(name, i, n);
  });
  bar?.done();
  await writeFileAtomic(args.output, output, target);
  if (args.format === 'json') io.stdout.write(renderFillJson(args, fills));
  else io.stdout.write(renderText(args, fills, palette(useColor(io.stdout, io.env))));
  return 0;
}
