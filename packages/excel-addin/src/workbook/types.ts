/**
 * One pane, two workbooks: the pane talks to this interface only. `OfficeWorkbook` drives the
 * running Excel through the Office adapter; `PreviewWorkbook` (browser preview) holds an .xlsx
 * file opened with ExcelJS in the page.
 */
import type {
  Cell,
  CellWrite,
  Grid,
  LayoutDefinition,
  MessageKey,
  Report,
  Severity,
  TemplateSheet,
  ValidateSheetOptions,
  FillOptions,
} from '@phuluc/rules';
import type { FillPlan } from '../engine/fill-plan.js';
import type { Detected, SheetShape } from '../engine/protocol.js';

/** A step of long work, for the pane's progress bar: rows done of total where known. */
export interface Progress {
  readonly phase: 'open' | 'read' | 'check' | 'fill' | 'mark' | 'write';
  readonly done?: number;
  readonly total?: number;
}

/** How a long piece of work reports and stops. */
export interface Work {
  /** Stop: the work rejects with an `AbortError` as soon as it can. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

/**
 * Runs the rules on a workbook's sheets off the page's thread: detect, validate, fill. The
 * preview's engine holds the workbook itself; Excel's sheets are read by the page and handed over.
 */
export interface Analyst {
  detect(sheet: string, layouts: readonly LayoutDefinition[], work?: Work): Promise<Detected>;
  validate(sheet: string, options: ValidateSheetOptions, work?: Work): Promise<Report>;
  /** The sheet's fill planned both ways and described; `check`: the validation's options. */
  fill(
    sheet: string,
    options: FillOptions,
    check: ValidateSheetOptions,
    work?: Work,
  ): Promise<FillPlan>;
  validateAll(options: ValidateSheetOptions, work?: Work): Promise<readonly Report[]>;
}

/** What the preview grid shows of a sheet: its shape, and its rows as they arrive. */
export interface SheetView extends SheetShape {
  /** Row `r` (0-based), or `undefined` while it is being fetched (the source's version bumps). */
  row(r: number): readonly (Cell | null | undefined)[] | undefined;
}

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
  /** The sheet as the rules' grid; `work` reports rows read and stops between blocks. */
  readSheet(sheet: string, work?: Work): Promise<Grid>;
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
  /** Runs the rules where the workbook lives (the preview's worker). Absent: the pane's engine. */
  readonly analyst?: Analyst;
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
  /** The sheet for the grid: its shape at once, its rows as they arrive. */
  viewOf(sheet: string): SheetView;
  marksOf(sheet: string): ReadonlyMap<string, Severity>;
  selection(): { readonly sheet: string; readonly cell: string } | null;
  /** The workbook as .xlsx bytes. */
  toBytes(): Promise<Uint8Array>;
  /** File name for the download: the original name with a suffix. */
  downloadName(): string;
  /** Let go of what the workbook holds (its worker) once another file replaces it. */
  dispose?(): void;
}
