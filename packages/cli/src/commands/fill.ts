import ExcelJS from 'exceljs';
import {
  type LayoutDefinition,
  fillSheet,
  listLayouts,
  tooLargeReport,
  t,
  type CellValue,
  type CellWrite,
  type FillConflict,
  type FillResult,
} from '@phuluc/rules';
import {
  applyWrites,
  recalculate,
  sheetTooLarge,
  worksheetToGrid,
  writeWorkbook,
} from '@phuluc/xlsx';
import type { FillArgs, Lang } from '../args.js';
import { checkOutput, writeFileAtomic } from '../io/atomic-write.js';
import { useColor, type Io } from '../io/console.js';
import { readInputFile } from '../io/input.js';
import { openWorkbook } from '../io/open-workbook.js';
import { loadLayouts } from '../io/layout-file.js';
import { progress, PROGRESS_MIN_ROWS } from '../io/progress.js';
import { palette, type Palette } from '../render/color.js';
import { renderJson } from '../render/json.js';
import { showValue } from '../render/numbers.js';
import { selectSheets } from '../sheets.js';

/** Writes listed one by one per sheet before the rest are only counted. */
const MAX_LISTED_WRITES = 40;

type Worksheet = ExcelJS.Worksheet;

/** What fill did to one sheet. */
export interface SheetFill {
  readonly result: FillResult;
  /** Cells actually written (conflicts are left alone without --overwrite-cells). */
  readonly written: readonly string[];
  /** Why the sheet was left as it was (too large, unreadable), in the output's language. */
  readonly notFilled?: string;
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

function isNoop(ws: Worksheet, w: CellWrite, mode: 'formula' | 'value'): boolean {
  const cell = ws.findCell(w.row + 1, w.col + 1);
  if (!cell) return false;
  if (mode === 'formula' && w.formula) {
    return cell.formula === w.formula.replace(/^=/, '') && cell.result === w.value;
  }
  return cell.type !== ExcelJS.ValueType.Formula && cell.value === w.value;
}

/**
 * Fill one worksheet: run the rules' fill, write its cells, recompute the cached results of the
 * sheet's formulas, and repeat (at most {@link MAX_PASSES} times) while the rules find more to
 * write, so a total over rewritten parts is caught too.
 */
export function fillWorksheet(
  ws: Worksheet,
  args: FillArgs,
  before: Map<string, ExcelJS.CellValue> = new Map(),
  layouts?: readonly LayoutDefinition[],
): SheetFill {
  const mode = args.values ? 'value' : 'formula';
  const writes = new Map<string, CellWrite>();
  const conflicts = new Map<string, FillConflict>();
  const written = new Set<string>();
  let first: FillResult | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = fillSheet(worksheetToGrid(ws), {
      mode,
      overwrite: args.overwriteCells,
      ...(args.template ? { layout: args.template } : {}),
      ...(layouts ? { layouts } : {}),
    });
    first ??= result;
    if (result.layout === null) break;
    for (const c of result.conflicts) if (!conflicts.has(c.cell)) conflicts.set(c.cell, c);
    // Without --overwrite-cells a conflicting cell is never written, whatever the rules return.
    const conflicting = new Set(result.conflicts.map((c) => c.cell));
    const todo = result.writes.filter(
      (w) => (args.overwriteCells || !conflicting.has(w.cell)) && !isNoop(ws, w, mode),
    );
    if (todo.length === 0) break;
    // What each cell held before fill first touched it, to put the sheet back on failure.
    for (const w of todo) {
      const cell = ws.getCell(w.row + 1, w.col + 1);
      const covered = cell.type === ExcelJS.ValueType.Merge && cell.master !== cell;
      if (!covered && !before.has(cell.address)) before.set(cell.address, cell.value);
    }
    const applied = applyWrites(ws, todo, { mode });
    const skipped = new Set(applied.skipped);
    for (const w of todo) {
      if (skipped.has(w.cell)) continue;
      writes.set(w.cell, w);
      written.add(w.cell);
    }
    recalculate(ws);
  }
  const result: FillResult = {
    sheet: ws.name,
    layout: first?.layout ?? null,
    writes: [...writes.values()],
    conflicts: [...conflicts.values()],
  };
  return { result, written: [...written] };
}

/**
 * {@link fillWorksheet}, never throwing: a sheet beyond the size limits is not filled; a sheet
 * whose fill fails is put back as it was (every cell fill touched gets its previous value) and
 * reported, and the other sheets are still filled.
 */
export function fillWorksheetSafely(
  ws: Worksheet,
  args: FillArgs,
  layouts?: readonly LayoutDefinition[],
): SheetFill {
  const skipped = (reason: string): SheetFill => ({
    result: { sheet: ws.name, layout: null, writes: [], conflicts: [] },
    written: [],
    notFilled: reason,
  });
  const big = sheetTooLarge(ws);
  if (big) {
    const issue = tooLargeReport(ws.name, big).issues[0];
    return skipped(issue ? issue.message[args.lang] : 'too large');
  }
  const before = new Map<string, ExcelJS.CellValue>();
  try {
    return fillWorksheet(ws, args, before, layouts);
  } catch (e) {
    for (const [address, value] of before) ws.getCell(address).value = value;
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 200);
    return skipped(reason ?? '');
  }
}

/**
 * Fill a workbook's bytes (`--sheet`, or every sheet) and return the filled workbook's bytes with
 * what was done per sheet. Shared by `phuluc fill` and `POST /v1/fill`. `onStart` sees the
 * sheets before they are filled and may return a per-sheet callback (a progress bar).
 */
export async function fillWorkbook(
  bytes: Uint8Array,
  args: FillArgs,
  layouts: readonly LayoutDefinition[],
  onStart: (sheets: readonly Worksheet[]) => (name: string, i: number, n: number) => void = () =>
    () => {},
): Promise<{ output: Uint8Array; fills: SheetFill[] }> {
  const wb = await openWorkbook(bytes, args.file);
  const sheets = selectSheets(wb.worksheets, args.sheet);
  const onSheet = onStart(sheets);
  const fills = sheets.map((ws, i) => {
    onSheet(ws.name, i + 1, sheets.length);
    return fillWorksheetSafely(ws, args, layouts);
  });
  // ExcelJS never calculates: phuluc recomputed what it could; Excel recomputes the rest on open.
  wb.calcProperties.fullCalcOnLoad = true;
  return { output: await writeWorkbook(wb), fills };
}

/**
 * `phuluc fill FILE -o OUT`: compute every derived cell (totals, cross-foots, rates, reductions)
 * of each annex sheet and write them into a copy of the workbook. The input is never written;
 * OUT is written atomically and only replaced with `--overwrite`.
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
    bar = progress(io, args.lang, sheets.reduce((n, ws) => n + ws.rowCount, 0) > PROGRESS_MIN_ROWS);
    return (name, i, n) => bar?.sheet(name, i, n);
  });
  bar?.done();
  await writeFileAtomic(args.output, output, target);
  if (args.format === 'json') io.stdout.write(renderFillJson(args, fills));
  else io.stdout.write(renderText(args, fills, palette(useColor(io.stdout, io.env))));
  return 0;
}
