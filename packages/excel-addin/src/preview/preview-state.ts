/**
 * What the browser preview shows of a workbook beside its cells, the same wherever the workbook
 * lives (the page, or the engine's Web Worker): the active sheet, the selection, each sheet's
 * marks, and the listeners the grid and the pane re-render on. {@link PreviewWorkbook} and
 * {@link WorkerPreviewSource} build on it and say which sheets exist.
 */
import type { Severity } from '@phuluc/rules';
import type { MarkRequest } from '../workbook/types.js';
import { SheetMarks } from './sheet-marks.js';

export abstract class PreviewState {
  readonly kind = 'preview' as const;
  protected active: string;
  private selected: { sheet: string; cell: string } | null = null;
  private readonly marks = new SheetMarks();
  private readonly listeners = new Set<() => void>();
  private readonly sheetListeners = new Set<(sheet: string) => void>();
  private revision = 0;

  constructor(
    readonly fileName: string,
    active: string,
  ) {
    this.active = active;
  }

  /** Throw an `ItemNotFound` error when the workbook has no sheet `sheet`. */
  protected abstract requireSheet(sheet: string): void;

  /** Tell the listeners something they show changed. */
  protected changed(): void {
    this.revision++;
    for (const l of this.listeners) l();
  }

  /** Make `sheet` the active one, telling the sheet listeners when it is another. */
  protected setActive(sheet: string): void {
    this.requireSheet(sheet);
    if (sheet === this.active) return;
    this.active = sheet;
    for (const l of this.sheetListeners) l(sheet);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  version(): number {
    return this.revision;
  }

  currentSheet(): string {
    return this.active;
  }

  async activeSheet(): Promise<string> {
    return this.active;
  }

  marksOf(sheet: string): ReadonlyMap<string, Severity> {
    return this.marks.of(sheet);
  }

  selection(): { sheet: string; cell: string } | null {
    return this.selected;
  }

  async markCells(sheet: string, marks: readonly MarkRequest[]): Promise<number> {
    const n = this.marks.set(sheet, marks);
    this.changed();
    return n;
  }

  async clearMarks(sheet: string): Promise<number> {
    const n = this.marks.clear(sheet);
    this.changed();
    return n;
  }

  hasMarks(sheet: string): boolean {
    return this.marks.has(sheet);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.setActive(sheet);
    this.selected = { sheet, cell };
    this.changed();
  }

  async activateSheet(sheet: string): Promise<void> {
    this.setActive(sheet);
    this.changed();
  }

  onActiveSheetChanged(listener: (sheet: string) => void): () => void {
    this.sheetListeners.add(listener);
    return () => this.sheetListeners.delete(listener);
  }

  /** The downloaded file's name: the file's, with `-phuluc` before its extension (kept). */
  downloadName(): string {
    const m = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(this.fileName);
    const base = m ? this.fileName.slice(0, m.index) : this.fileName;
    return `${base}-phuluc.${m ? m[1]!.toLowerCase() : 'xlsx'}`;
  }
}
