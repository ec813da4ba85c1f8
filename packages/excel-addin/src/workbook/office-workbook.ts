/**
 * {@link Workbook} over the running Excel, through the Office adapter. Marks and fills that can
 * be undone are kept in the workbook itself (a custom XML part, `office/state-store.ts`), so a
 * reloaded pane — or the workbook reopened tomorrow — can still clear the marks and undo the last
 * fill; a renamed sheet keeps them (matched by worksheet id), a deleted one drops them. Hidden and very hidden sheets are left out of every listing and of "check all sheets".
 */
import type { CellWrite, Grid, MessageKey, TemplateSheet } from '@phuluc/rules';
import {
  addTemplateSheet,
  applyWritesUndoable,
  clearMarks,
  markCells,
  officeSupports,
  readSheet,
  selectCell,
  uniqueSheetName,
  undoWrites,
  type AdapterOptions,
  type MarkState,
} from '../office/adapter.js';
import type { ExcelRunner, XlContext } from '../office/excel-api.js';
import { officeRunner } from '../office/office-runner.js';
import { StateStore } from '../office/state-store.js';
import {
  reconcileState,
  trimState,
  withSheet,
  type AddinState,
  type SheetState,
} from '../office/state.js';
import type { MarkRequest, Work, Workbook } from './types.js';

const NO_STATE: SheetState = { marks: [], fills: [] };

export class OfficeWorkbook implements Workbook {
  readonly kind = 'office' as const;
  private readonly noteCells = new Map<string, ReadonlySet<string>>();
  private readonly notices = new Map<string, MessageKey>();
  private readonly changedAtUndo = new Map<string, readonly string[]>();
  private hidden: readonly string[] = [];
  private ready: Promise<void> | undefined;
  /** Sheet name → worksheet id, as last listed. */
  private ids = new Map<string, string>();
  private readonly store = new StateStore();
  private readonly runner: ExcelRunner;
  private readonly options: AdapterOptions;

  /** `runner` defaults to Office.js's `Excel.run`; tests pass a fake. */
  constructor(runner?: ExcelRunner, options: AdapterOptions = {}) {
    this.runner = runner ?? officeRunner();
    this.options = { supports: officeSupports, ...options };
  }

  private run<T>(batch: (context: XlContext) => Promise<T>): Promise<T> {
    return this.runner.run(async (context) => {
      // Once per pane, and once only even when two batches start together.
      this.ready ??= this.init(context).catch((e: unknown) => {
        this.ready = undefined;
        throw e;
      });
      await this.ready;
      return batch(context);
    });
  }

  /** Read the remembered state, with the sheets' names and ids in the same sync, and match them. */
  private async init(context: XlContext): Promise<void> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id');
    await this.store.load(context);
    this.ids = new Map(sheets.items.map((w) => [w.name, w.id]));
    const { state, changed } = reconcileState(this.store.state, this.ids);
    if (changed) await this.store.save(context, state);
  }

  private sheetState(sheet: string): SheetState {
    return this.store.state[sheet] ?? NO_STATE;
  }

  private async save(context: XlContext, sheet: string, next: SheetState): Promise<void> {
    const id = this.ids.get(sheet);
    const { state } = trimState(withSheet(this.store.state, sheet, id ? { ...next, id } : next));
    await this.store.save(context, state);
  }

  /** Visible sheets in tab order; remembers the hidden ones. */
  private async sheetNames(context: XlContext): Promise<string[]> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility,items/id');
    await context.sync();
    const visible: string[] = [];
    const hidden: string[] = [];
    for (const s of sheets.items) (s.visibility === 'Visible' ? visible : hidden).push(s.name);
    this.ids = new Map(sheets.items.map((w) => [w.name, w.id]));
    this.hidden = hidden;
    return visible;
  }

  listSheets(): Promise<string[]> {
    return this.run((context) => this.sheetNames(context));
  }

  /** Hidden and very hidden sheets seen by the last listing: never read, never checked. */
  hiddenSheets(): readonly string[] {
    return this.hidden;
  }

  /** The state part is read here too: the pane asks this first, then `hasMarks`/`canUndoFill`. */
  activeSheet(): Promise<string> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
  }

  private async read(context: XlContext, name: string, work: Work = {}): Promise<Grid> {
    const read = await readSheet(context, context.workbook.worksheets.getItem(name), this.options, {
      ...(work.signal ? { signal: work.signal } : {}),
      onRows: (done, total) => work.onProgress?.({ phase: 'read', done, total }),
    });
    this.noteCells.set(name, read.noteCells);
    if (read.mergesSkipped) this.notices.set(name, 'pane.read.mergesSkipped');
    else this.notices.delete(name);
    return read.grid;
  }

  readSheet(name: string, work?: Work): Promise<Grid> {
    return this.run((context) => this.read(context, name, work));
  }

  /** What the last read of a sheet could not do, if anything. */
  readNotice(sheet: string): MessageKey | null {
    return this.notices.get(sheet) ?? null;
  }

  readAllSheets(): Promise<Grid[]> {
    return this.run(async (context) => {
      const names = await this.sheetNames(context);
      const grids: Grid[] = [];
      // Each sheet's read is sized on its own used range (byte budget).
      for (const name of names) grids.push(await this.read(context, name));
      return grids;
    });
  }

  applyWrites(
    sheet: string,
    writes: readonly CellWrite[],
    mode: 'formula' | 'value',
  ): Promise<number> {
    return this.run(async (context) => {
      const { written, undo } = await applyWritesUndoable(
        context,
        context.workbook.worksheets.getItem(sheet),
        writes,
        { ...this.options, mode },
      );
      if (undo.length > 0) {
        const s = this.sheetState(sheet);
        await this.save(context, sheet, { marks: s.marks, fills: [...s.fills, undo] });
      }
      return written;
    });
  }

  async undoFill(sheet: string): Promise<number> {
    return this.run(async (context) => {
      const s = this.sheetState(sheet);
      const last = s.fills[s.fills.length - 1];
      if (!last) return 0;
      const result = await undoWrites(
        context,
        context.workbook.worksheets.getItem(sheet),
        last,
        this.options,
      );
      this.changedAtUndo.set(sheet, result.changed);
      await this.save(context, sheet, { marks: s.marks, fills: s.fills.slice(0, -1) });
      return result.restored;
    });
  }

  /** Cells the last undo on this sheet left alone because they changed after the fill. */
  undoChanged(sheet: string): readonly string[] {
    return this.changedAtUndo.get(sheet) ?? [];
  }

  canUndoFill(sheet: string): boolean {
    return this.sheetState(sheet).fills.length > 0;
  }

  /** Whether Excel keeps its own undo history across our writes (ExcelApi 1.20). */
  excelUndoKept(): boolean {
    return this.options.supports?.('ExcelApi', '1.20') ?? false;
  }

  async markCells(sheet: string, marks: readonly MarkRequest[]): Promise<number> {
    return this.run(async (context) => {
      const s = this.sheetState(sheet);
      const state: MarkState = await markCells(
        context,
        context.workbook.worksheets.getItem(sheet),
        marks,
        new Map(s.marks),
        { ...this.options, noteCells: this.noteCells.get(sheet) ?? new Set() },
      );
      await this.save(context, sheet, { marks: [...state], fills: s.fills });
      return state.size;
    });
  }

  async clearMarks(sheet: string): Promise<number> {
    return this.run(async (context) => {
      const s = this.sheetState(sheet);
      if (s.marks.length === 0) return 0;
      const n = await clearMarks(
        context,
        context.workbook.worksheets.getItem(sheet),
        new Map(s.marks),
        this.options,
      );
      // The cells are restored (a note the user deleted is no failure): forget the marks.
      await this.save(context, sheet, { marks: [], fills: s.fills });
      return n;
    });
  }

  hasMarks(sheet: string): boolean {
    return this.sheetState(sheet).marks.length > 0;
  }

  /** The state as remembered in the workbook (tests, diagnostics). */
  rememberedState(): AddinState {
    return this.store.state;
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.run((context) =>
      selectCell(context, context.workbook.worksheets.getItem(sheet), cell),
    );
  }

  activateSheet(sheet: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    });
  }

  addTemplateSheet(template: TemplateSheet, name: string): Promise<string> {
    return this.run(async (context) => {
      const taken = context.workbook.worksheets;
      taken.load('items/name');
      await context.sync();
      const unique = uniqueSheetName(
        name,
        taken.items.map((s) => s.name),
      );
      return addTemplateSheet(context, template, unique, this.options);
    });
  }

  /**
   * Call `listener` with the sheet's name when the user activates a sheet. The event brings only
   * the sheet's id; its name is read in a new `Excel.run` (the subscribing context is finished).
   */
  onActiveSheetChanged(listener: (sheet: string) => void): () => void {
    let off: (() => Promise<void>) | undefined;
    let cancelled = false;
    void this.runner
      .onSheetActivated((worksheetId) => {
        void this.runner
          .run(async (context) => {
            const sheet = context.workbook.worksheets.getItem(worksheetId);
            sheet.load('name');
            await context.sync();
            return sheet.name;
          })
          .then((name) => {
            if (!cancelled) listener(name);
          })
          .catch(() => undefined);
      })
      .then((unsubscribe) => {
        if (cancelled) void unsubscribe().catch(() => undefined);
        else off = unsubscribe;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      void off?.().catch(() => undefined);
    };
  }
}
