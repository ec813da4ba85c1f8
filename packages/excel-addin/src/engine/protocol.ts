/**
 * What the pane asks its engine (a Web Worker, or the same code in the page where no worker
 * exists): open a workbook, read a window of rows, detect, validate, fill. Every message is
 * plain data (structured clone): grids, reports, fill results.
 */
import type {
  Cell,
  FillOptions,
  FillResult,
  Grid,
  LayoutDefinition,
  MergeRange,
  Report,
  ValidateSheetOptions,
} from '@phuluc/rules';
import type { FillPlan } from './fill-plan.js';

/**
 * A sheet held by the engine (the preview's workbook), a grid the page handed over earlier in
 * chunks (`put`, Excel's sheets), or a small grid sent whole.
 */
export type Target =
  { readonly sheet: string } | { readonly key: string } | { readonly grid: Grid };

/** A sheet's size and merged areas: what the virtualised grid needs before any row. */
export interface SheetShape {
  readonly rows: number;
  readonly cols: number;
  readonly merges: readonly MergeRange[];
}

/** The workbook's state after a change: what the page mirrors synchronously. */
export interface WorkbookState {
  readonly sheets: readonly string[];
  readonly active: string;
  /** Sheets with a fill that can be undone. */
  readonly undoable: readonly string[];
}

/** The preview workbook's methods the page may call through the engine. */
export type PreviewCall =
  | { readonly method: 'readSheet'; readonly args: readonly [string] }
  | { readonly method: 'readAllSheets'; readonly args: readonly [] }
  | {
      readonly method: 'applyWrites';
      readonly args: readonly [
        string,
        readonly FillResult['writes'][number][],
        'formula' | 'value',
      ];
    }
  | { readonly method: 'undoFill'; readonly args: readonly [string] }
  | { readonly method: 'addTemplateSheet'; readonly args: readonly [unknown, string] }
  | { readonly method: 'activateSheet'; readonly args: readonly [string] }
  | { readonly method: 'toBytes'; readonly args: readonly [] };

/** One request and the answer it gets. */
export type Request =
  | { readonly op: 'open'; readonly bytes: ArrayBuffer; readonly name: string }
  | ({ readonly op: 'call' } & PreviewCall)
  | {
      readonly op: 'put';
      readonly key: string;
      readonly name: string;
      /** Row of `rows[0]`; 0 starts the grid afresh. */
      readonly from: number;
      readonly rows: Rows;
      /** With the last chunk. */
      readonly merges?: Grid['merges'];
    }
  | { readonly op: 'shape'; readonly sheet: string }
  | { readonly op: 'rows'; readonly sheet: string; readonly from: number; readonly to: number }
  | {
      readonly op: 'detect';
      readonly target: Target;
      readonly layouts: readonly LayoutDefinition[];
    }
  | { readonly op: 'validate'; readonly target: Target; readonly options: ValidateSheetOptions }
  | {
      readonly op: 'fill';
      readonly target: Target;
      readonly options: FillOptions;
      /** The options the sheet is validated with: the open warnings the fill may roll up. */
      readonly check: ValidateSheetOptions;
    }
  | {
      readonly op: 'validateAll';
      /** Keys of grids put earlier; absent: every sheet of the preview's workbook. */
      readonly keys?: readonly string[];
      readonly options: ValidateSheetOptions;
    };

/** What detect answers. */
export interface Detected {
  readonly layout: string | null;
  readonly score: number;
  /** No cell of the sheet holds anything. */
  readonly empty: boolean;
  /** The closest layouts when none fits (the best two), by id. */
  readonly guesses: readonly { readonly id: string; readonly score: number }[];
}

/** A window of rows: `rows[i]` is row `from + i` (0-based), trailing empty cells dropped. */
export type Rows = readonly (readonly (Cell | null | undefined)[])[];

/** Answers, per operation. */
export interface Answers {
  open: WorkbookState & { readonly shapes: Readonly<Record<string, SheetShape>> };
  call: { readonly result: unknown; readonly state: WorkbookState };
  put: null;
  shape: SheetShape;
  rows: Rows;
  detect: Detected;
  validate: Report;
  fill: FillPlan;
  validateAll: readonly Report[];
}

/** A message to the worker. */
export interface Envelope {
  readonly id: number;
  readonly request: Request;
}

/** The worker's answer to one envelope. */
export type Reply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: {
        readonly message: string;
        readonly code?: string;
        readonly key?: string;
        readonly params?: unknown;
      };
    };
