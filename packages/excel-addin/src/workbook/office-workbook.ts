/** {@link Workbook} over the running Excel, through the Office adapter. */
import type { CellWrite, Grid, TemplateSheet } from '@phuluc/rules';
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
  type FillUndo,
  type MarkState,
} from '../office/adapter.js';
import type { MarkRequest, Workbook } from './types.js';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export class OfficeWorkbook implements Workbook {
  readonly kind = 'office' as const;
  private readonly marks = new Map<string, MarkState>();
  private readonly noteCells = new Map<string, ReadonlySet<string>>();
  /** Per sheet, the fills of this session that can still be undone, last on top. */
  private readonly fills = new Map<string, FillUndo[]>();
  private readonly run: Run;
  private readonly options: AdapterOptions;

  /** `run` defaults to `Excel.run`; tests pass a fake's. */
  constructor(run?: Run, options: AdapterOptions = {}) {
    this.run = run ?? ((batch) => Excel.run(batch));
    this.options = { supports: officeSupports, ...options };
  }

  private sheetNames(context: Excel.RequestContext): Promise<string[]> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    return context.sync().then(() => sheets.items.map((s) => s.name));
  }

  listSheets(): Promise<string[]> {
    return this.run((context) => this.sheetNames(context));
  }

  activeSheet(): Promise<string> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
  }

  readSheet(name: string): Promise<Grid> {
    return this.run(async (context) => {
      const read = await readSheet(
        context,
        context.workbook.worksheets.getItem(name),
        this.options,
      );
      this.noteCells.set(name, read.noteCells);
      return read.grid;
    });
  }

  readAllSheets(): Promise<Grid[]> {
    return this.run(async (context) => {
      const names = await this.sheetNames(context);
      const grids: Grid[] = [];
      for (const name of names) {
        // Each sheet's read is sized on its own used range (payload limit); two syncs a sheet.
        const read = await readSheet(
          context,
          context.workbook.worksheets.getItem(name),
          this.options,
        );
        this.noteCells.set(name, read.noteCells);
        grids.push(read.grid);
      }
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
        { mode },
      );
      if (undo.length > 0) this.fills.set(sheet, [...(this.fills.get(sheet) ?? []), undo]);
      return written;
    });
  }

  async undoFill(sheet: string): Promise<number> {
    const stack = this.fills.get(sheet) ?? [];
    const last = stack[stack.length - 1];
    if (!last) return 0;
    const n = await this.run((context) =>
      undoWrites(context, context.workbook.worksheets.getItem(sheet), last),
    );
    stack.pop();
    return n;
  }

  canUndoFill(sheet: string): boolean {
    return (this.fills.get(sheet)?.length ?? 0) > 0;
  }

  async markCells(sheet: string, marks: readonly MarkRequest[]): Promise<number> {
    const state = await this.run((context) =>
      markCells(context, context.workbook.worksheets.getItem(sheet), marks, this.marks.get(sheet), {
        ...this.options,
        noteCells: this.noteCells.get(sheet) ?? new Set(),
      }),
    );
    this.marks.set(sheet, state);
    return state.size;
  }

  async clearMarks(sheet: string): Promise<number> {
    const state = this.marks.get(sheet);
    if (!state || state.size === 0) return 0;
    const n = await this.run((context) =>
      clearMarks(context, context.workbook.worksheets.getItem(sheet), state),
    );
    this.marks.delete(sheet);
    return n;
  }

  hasMarks(sheet: string): boolean {
    return (this.marks.get(sheet)?.size ?? 0) > 0;
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
      const unique = uniqueSheetName(name, await this.sheetNames(context));
      return addTemplateSheet(context, template, unique, this.options);
    });
  }

  onActiveSheetChanged(listener: (sheet: string) => void): () => void {
    let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetActivatedEventArgs> | undefined;
    void this.run(async (context) => {
      handler = context.workbook.worksheets.onActivated.add(async (event) => {
        const sheet = context.workbook.worksheets.getItem(event.worksheetId);
        sheet.load('name');
        await context.sync();
        listener(sheet.name);
      });
      await context.sync();
    }).catch(() => undefined);
    return () => {
      const h = handler;
      if (!h) return;
      void Excel.run(h.context, async (context) => {
        h.remove();
        await context.sync();
      }).catch(() => undefined);
    };
  }
}
