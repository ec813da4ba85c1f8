/**
 * {@link PreviewSource}: an .xlsx file opened in the browser with ExcelJS (through @phuluc/xlsx).
 * This module is loaded with a dynamic `import()` only when the user opens a file, so ExcelJS
 * stays out of the pane's initial JavaScript. Marks are shown in the page's grid only: the
 * workbook you download holds your figures and the filled cells, never our highlight colours.
 */
import type { CellWrite, Grid, TemplateSheet } from '@phuluc/rules';
import {
  applyWrites,
  ExcelJS as ExcelJSRuntime,
  insertSheets,
  LISTS_SHEET,
  readWorkbook,
  worksheetToGrid,
  writeCells,
  writeTemplate,
  writeWorkbook,
  type ExcelJS,
  type SheetEdits,
  type SheetToInsert,
} from '@phuluc/xlsx';
import type { PreviewSource, SheetView } from '../workbook/types.js';
import { browserCodec } from './browser-codec.js';
import { gridView } from './sheet-view.js';
import { sheetEdits } from './cell-edits.js';
import { PreviewState } from './preview-state.js';

type ExcelWorkbook = InstanceType<typeof ExcelJS.Workbook>;
type ExcelCellValue = ExcelJS.CellValue;

export class PreviewWorkbook extends PreviewState implements PreviewSource {
  private readonly grids = new Map<string, Grid>();
  /** Per sheet, the fills that can still be undone: each cell's ExcelJS value before, last on top. */
  private readonly fills = new Map<string, Map<string, ExcelCellValue>[]>();
  /** Per sheet, every cell a fill touched, with the value the file had: what the download writes. */
  private readonly touched = new Map<string, Map<string, ExcelCellValue>>();
  /** Sheets added from a template (not in the file), in order, with the name each got. */
  private readonly added: { template: TemplateSheet; name: string }[] = [];
  /** Whether the file itself has phuluc's list sheet (a template's drop-down lists). */
  private readonly fileHasLists: boolean;

  /**
   * @param wb the workbook as ExcelJS read it
   * @param fileName the file's name
   * @param original the file's bytes: the download writes the filled cells into them surgically
   *   (every other part kept byte for byte); without them it is ExcelJS' own serialisation
   */
  constructor(
    private readonly wb: ExcelWorkbook,
    fileName: string,
    private readonly original?: Uint8Array,
  ) {
    super(fileName, visibleSheets(wb)[0] ?? '');
    this.fileHasLists = wb.getWorksheet(LISTS_SHEET) !== undefined;
  }

  private names(): string[] {
    return visibleSheets(this.wb);
  }

  protected requireSheet(sheet: string): void {
    this.worksheet(sheet);
  }

  private worksheet(name: string) {
    const ws = this.wb.getWorksheet(name);
    if (!ws) throw Object.assign(new Error(`no sheet ${name}`), { code: 'ItemNotFound' });
    return ws;
  }

  listSheetNames(): string[] {
    return this.names();
  }

  gridOf(sheet: string): Grid {
    let grid = this.grids.get(sheet);
    if (!grid) {
      grid = worksheetToGrid(this.worksheet(sheet));
      this.grids.set(sheet, grid);
    }
    return grid;
  }

  viewOf(sheet: string): SheetView {
    return gridView(this.gridOf(sheet));
  }

  async listSheets(): Promise<string[]> {
    return this.names();
  }

  async readSheet(sheet: string): Promise<Grid> {
    return this.gridOf(sheet);
  }

  async readAllSheets(): Promise<Grid[]> {
    return this.names().map((n) => this.gridOf(n));
  }

  async applyWrites(
    sheet: string,
    writes: readonly CellWrite[],
    mode: 'formula' | 'value',
  ): Promise<number> {
    const ws = this.worksheet(sheet);
    // Keep what every cell fill may change held before: the written cells, and the clones of
    // shared formulas (applyWrites gives them their own formula when their master is written).
    const before = new Map<string, ExcelCellValue>();
    for (const w of writes) {
      const cell = ws.getCell(w.row + 1, w.col + 1);
      if (!before.has(cell.address)) before.set(cell.address, cell.value);
    }
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as { sharedFormula?: string } | null;
        if (v && typeof v === 'object' && v.sharedFormula && !before.has(cell.address))
          before.set(cell.address, cell.value);
      }),
    );
    const result = applyWrites(ws, writes, { mode });
    if (result.written > 0) this.fills.set(sheet, [...(this.fills.get(sheet) ?? []), before]);
    const touched = this.touched.get(sheet) ?? new Map<string, ExcelCellValue>();
    for (const [address, value] of before) if (!touched.has(address)) touched.set(address, value);
    this.touched.set(sheet, touched);
    this.grids.delete(sheet);
    this.changed();
    return result.written;
  }

  async undoFill(sheet: string): Promise<number> {
    const stack = this.fills.get(sheet) ?? [];
    const last = stack.pop();
    if (!last) return 0;
    const ws = this.worksheet(sheet);
    // Masters before clones: a clone refers to its master's shared formula.
    const entries = [...last].sort(([, a], [, b]) => Number(isClone(a)) - Number(isClone(b)));
    for (const [address, value] of entries) ws.getCell(address).value = value;
    this.grids.delete(sheet);
    this.changed();
    return last.size;
  }

  canUndoFill(sheet: string): boolean {
    return (this.fills.get(sheet)?.length ?? 0) > 0;
  }

  async addTemplateSheet(template: TemplateSheet, name: string): Promise<string> {
    const ws = writeTemplate(this.wb, template, name);
    this.added.push({ template, name: ws.name });
    this.setActive(ws.name);
    this.changed();
    return ws.name;
  }

  /**
   * The workbook to download. With the file's bytes, it is written surgically: sheets added from
   * a template are inserted as new parts (their formats appended to the styles), the filled cells
   * are written into their sheets, and every other part of the file (charts, pivot tables, macros,
   * comments, formats …) comes back byte for byte. A write that cannot be made safely throws an
   * `XlsxError` (nothing is downloaded). Without the bytes (a workbook built in memory), ExcelJS
   * writes it.
   */
  async toBytes(): Promise<Uint8Array> {
    if (!this.original) return writeWorkbook(this.wb);
    let bytes = this.original;
    if (this.added.length > 0) bytes = insertSheets(bytes, ...(await this.donor()), browserCodec);
    const edits = new Map<string, SheetEdits>();
    for (const [sheet, touched] of this.touched) {
      const ws = this.wb.getWorksheet(sheet);
      if (ws) edits.set(sheet, sheetEdits(ws, touched));
    }
    return writeCells(bytes, edits, browserCodec).bytes;
  }

  /**
   * A workbook holding the added template sheets as they were added (ExcelJS writes it), and the
   * sheets to take from it: each template, and its drop-down lists under a name the file does not
   * have.
   */
  private async donor(): Promise<[Uint8Array, SheetToInsert[]]> {
    const donor = new ExcelJSRuntime.Workbook();
    for (const { template, name } of this.added) writeTemplate(donor, template, name);
    const sheets: SheetToInsert[] = this.added.map(({ name }) => ({ donorSheet: name, name }));
    if (donor.getWorksheet(LISTS_SHEET)) {
      let lists: string = LISTS_SHEET;
      for (let n = 2; this.fileHasLists && this.wb.getWorksheet(lists); n++) {
        lists = `${LISTS_SHEET}${n}`;
      }
      sheets.push({ donorSheet: LISTS_SHEET, name: lists, hidden: true });
    }
    return [await writeWorkbook(donor), sheets];
  }
}

/** The sheets a user sees: visible ones, phuluc's list sheet left out. */
function visibleSheets(wb: ExcelWorkbook): string[] {
  return wb.worksheets
    .filter((ws) => ws.state === 'visible' && ws.name !== LISTS_SHEET)
    .map((ws) => ws.name);
}

function isClone(v: ExcelCellValue): boolean {
  return typeof v === 'object' && v !== null && 'sharedFormula' in v;
}

/** Open a file the user picked. Throws an `XlsxError` (with a message key) for non-.xlsx files. */
export async function openPreviewWorkbook(
  file: Blob & { readonly name: string },
): Promise<PreviewWorkbook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return new PreviewWorkbook(await readWorkbook(bytes), file.name, bytes);
}
