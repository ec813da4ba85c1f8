/**
 * One pane, two workbooks: the pane talks to this interface only. `OfficeWorkbook` drives the
 * running Excel through the Office adapter; `PreviewWorkbook` (browser preview) holds an .xlsx
 * file opened with ExcelJS in the page.
 */
import type { CellWrite, Grid, MessageKey, Severity, TemplateSheet } from '@phuluc/rules';

/** A cell to mark with its severity's colour and, where supported, a note. */
export interface MarkRequest {
  readonly cell: string;
  readonly severity: Severity;
  readonly note?: string;
}

export interface Workbook {
  readonly kind: 'office' | 'preview';
  /** Sheet names in tab order (hidden helper sheets excluded). */
  listSheets(): Promise<string[]>;
  /** The sheet the user is looking at. */
  activeSheet(): Promise<string>;
  readSheet(sheet: string): Promise<Grid>;
  /** Every sheet of {@link listSheets}, read as few times as possible. */
  readAllSheets(): Promise<Grid[]>;
  /** Write fill results; returns the number of cells written. */
  applyWrites(
    sheet: string,
    writes: readonly CellWrite[],
    mode: 'formula' | 'value',
  ): Promise<number>;
  /**
   * Undo the last {@link applyWrites} on this sheet not yet undone: every cell it wrote gets back
   * its previous number format and content — except cells changed since the fill, which
   * {@link undoChanged} lists. Returns the number of cells restored.
   */
  undoFill(sheet: string): Promise<number>;
  /** Cells the last {@link undoFill} of this sheet left alone: changed after the fill. */
  undoChanged?(sheet: string): readonly string[];
  /** Whether the sheet has a fill to undo (remembered in the workbook for Excel). */
  canUndoFill(sheet: string): boolean;
  /** Whether Excel's own undo (Ctrl+Z) survives our writes: ExcelApi 1.20. Absent: no Excel. */
  excelUndoKept?(): boolean;
  /** Hidden and very hidden sheets, left out of {@link listSheets} and {@link readAllSheets}. */
  hiddenSheets?(): readonly string[];
  /** What the last read of a sheet could not do (e.g. merged areas), as a catalogue message. */
  readNotice?(sheet: string): MessageKey | null;
  /** Mark cells (replacing this sheet's earlier marks); returns the number of cells marked. */
  markCells(sheet: string, marks: readonly MarkRequest[]): Promise<number>;
  /** Restore every marked cell's previous format; returns how many were restored. */
  clearMarks(sheet: string): Promise<number>;
  /** Whether the sheet carries marks of ours. */
  hasMarks(sheet: string): boolean;
  /** Show and select one cell (activating its sheet). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Make a sheet the active one. */
  activateSheet(sheet: string): Promise<void>;
  /** Insert a new sheet built from a template; returns its (unique) name. */
  addTemplateSheet(template: TemplateSheet, name: string): Promise<string>;
  /** Call `listener` when the user switches sheets; returns an unsubscribe function. */
  onActiveSheetChanged?(listener: (sheet: string) => void): () => void;
}

/** What the preview grid needs beyond {@link Workbook}: a snapshot to render and a download. */
export interface PreviewSource extends Workbook {
  readonly kind: 'preview';
  readonly fileName: string;
  /** Re-render when this changes (useSyncExternalStore). */
  subscribe(listener: () => void): () => void;
  version(): number;
  currentSheet(): string;
  /** {@link Workbook.listSheets}, synchronously. */
  listSheetNames(): string[];
  gridOf(sheet: string): Grid;
  marksOf(sheet: string): ReadonlyMap<string, Severity>;
  selection(): { readonly sheet: string; readonly cell: string } | null;
  /** The workbook as .xlsx bytes. */
  toBytes(): Promise<Uint8Array>;
  /** File name for the download: the original name with a suffix. */
  downloadName(): string;
}
