/**
 * The browser preview's workbook when it lives in the engine's Web Worker: ExcelJS parses, the
 * rules check and fill there. The page keeps what it shows — sheet names, each sheet's shape,
 * the rows in view (fetched in blocks as the grid scrolls), marks and the selection — so a
 * 20 000-row sheet never crosses to the page whole.
 */
import type { CellWrite, Grid, TemplateSheet } from '@phuluc/rules';
import type { Engine } from '../engine/client.js';
import type { Rows, SheetShape, WorkbookState } from '../engine/protocol.js';
import type { Analyst, PreviewSource, SheetView, Work } from '../workbook/types.js';
import { PreviewState } from './preview-state.js';

/** Rows fetched at a time for the grid. */
const BLOCK = 200;

const EMPTY_SHAPE: SheetShape = { rows: 0, cols: 0, merges: [] };

export class WorkerPreviewSource extends PreviewState implements PreviewSource {
  private sheets: readonly string[];
  private undoable: ReadonlySet<string>;
  private readonly shapes = new Map<string, SheetShape>();
  private readonly blocks = new Map<string, Map<number, Rows>>();
  private readonly fetching = new Set<string>();
  readonly analyst: Analyst;

  private constructor(
    private readonly engine: Engine,
    fileName: string,
    opened: WorkbookState & { readonly shapes: Readonly<Record<string, SheetShape>> },
  ) {
    super(fileName, opened.active);
    this.sheets = opened.sheets;
    this.undoable = new Set(opened.undoable);
    for (const [s, shape] of Object.entries(opened.shapes)) this.shapes.set(s, shape);
    const opts = (work: Work = {}) => (work.signal ? { signal: work.signal } : {});
    this.analyst = {
      detect: (sheet, layouts, work) =>
        engine.request({ op: 'detect', target: { sheet }, layouts }, opts(work)),
      validate: (sheet, options, work) => {
        work?.onProgress?.({ phase: 'check' });
        return engine.request({ op: 'validate', target: { sheet }, options }, opts(work));
      },
      fill: (sheet, options, check, work) => {
        work?.onProgress?.({ phase: 'fill' });
        return engine.request({ op: 'fill', target: { sheet }, options, check }, opts(work));
      },
      validateAll: (options, work) => {
        work?.onProgress?.({ phase: 'check' });
        return engine.request({ op: 'validateAll', options }, opts(work));
      },
    };
  }

  /** Open a file in the engine: its bytes move to the worker, only the shapes come back. */
  static async open(
    engine: Engine,
    file: Blob & { readonly name: string },
  ): Promise<WorkerPreviewSource> {
    const bytes = await file.arrayBuffer();
    const opened = await engine.request(
      { op: 'open', bytes, name: file.name },
      { transfer: [bytes] },
    );
    return new WorkerPreviewSource(engine, file.name, opened);
  }

  protected requireSheet(sheet: string): void {
    if (!this.sheets.includes(sheet)) {
      throw Object.assign(new Error(`no sheet ${sheet}`), { code: 'ItemNotFound' });
    }
  }

  private async mutate(call: Parameters<Engine['request']>[0] & { op: 'call' }): Promise<unknown> {
    const { result, state } = await this.engine.request(call);
    this.sheets = state.sheets;
    this.undoable = new Set(state.undoable);
    return result;
  }

  /** Forget a sheet's rows and shape after a change: the grid fetches them again. */
  private async refresh(sheet: string): Promise<void> {
    this.blocks.delete(sheet);
    this.shapes.set(sheet, await this.engine.request({ op: 'shape', sheet }));
    this.changed();
  }

  listSheetNames(): string[] {
    return [...this.sheets];
  }

  viewOf(sheet: string): SheetView {
    const shape = this.shapes.get(sheet) ?? EMPTY_SHAPE;
    return {
      ...shape,
      row: (r) => {
        const b = Math.floor(r / BLOCK);
        const rows = this.blocks.get(sheet)?.get(b);
        if (rows) return rows[r - b * BLOCK] ?? [];
        void this.fetch(sheet, b);
        return undefined;
      },
    };
  }

  private async fetch(sheet: string, block: number): Promise<void> {
    const key = `${sheet}\u0000${block}`;
    if (this.fetching.has(key)) return;
    this.fetching.add(key);
    try {
      const rows = await this.engine.request({
        op: 'rows',
        sheet,
        from: block * BLOCK,
        to: (block + 1) * BLOCK,
      });
      const map = this.blocks.get(sheet) ?? new Map<number, Rows>();
      map.set(block, rows);
      this.blocks.set(sheet, map);
      this.changed();
    } finally {
      this.fetching.delete(key);
    }
  }

  async listSheets(): Promise<string[]> {
    return [...this.sheets];
  }

  async readSheet(sheet: string): Promise<Grid> {
    return (await this.mutate({ op: 'call', method: 'readSheet', args: [sheet] })) as Grid;
  }

  async readAllSheets(): Promise<Grid[]> {
    return (await this.mutate({ op: 'call', method: 'readAllSheets', args: [] })) as Grid[];
  }

  async applyWrites(
    sheet: string,
    writes: readonly CellWrite[],
    mode: 'formula' | 'value',
  ): Promise<number> {
    const n = (await this.mutate({
      op: 'call',
      method: 'applyWrites',
      args: [sheet, writes, mode],
    })) as number;
    await this.refresh(sheet);
    return n;
  }

  async undoFill(sheet: string): Promise<number> {
    const n = (await this.mutate({ op: 'call', method: 'undoFill', args: [sheet] })) as number;
    await this.refresh(sheet);
    return n;
  }

  canUndoFill(sheet: string): boolean {
    return this.undoable.has(sheet);
  }

  async addTemplateSheet(template: TemplateSheet, name: string): Promise<string> {
    const added = (await this.mutate({
      op: 'call',
      method: 'addTemplateSheet',
      args: [template, name],
    })) as string;
    await this.refresh(added);
    this.setActive(added);
    this.changed();
    return added;
  }

  async toBytes(): Promise<Uint8Array> {
    return (await this.mutate({ op: 'call', method: 'toBytes', args: [] })) as Uint8Array;
  }

  dispose(): void {
    this.engine.dispose();
  }
}
