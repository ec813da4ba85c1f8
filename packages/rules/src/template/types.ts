import type { Grid } from '../grid/types.js';

/** Options for {@link buildTemplate}. */
export interface TemplateOptions {
  readonly year?: number;
  /** Unit of the money columns: `trieu` (triệu đồng, default) or `dong`. */
  readonly unit?: 'trieu' | 'dong';
  /** Number of empty data rows. */
  readonly rows?: number;
}

/** A list data-validation on an A1 range, e.g. project codes on `B8:B30`. */
export interface DataValidationSpec {
  readonly range: string;
  readonly list: readonly string[];
}

/** A new annex sheet, ready for an adapter to write: cells, formulas, merges, formats and styles. */
export interface TemplateSheet {
  readonly grid: Grid;
  /** Column widths in characters. */
  readonly columnWidths: readonly number[];
  readonly validations: readonly DataValidationSpec[];
  /** Rows above this index stay visible when scrolling. */
  readonly freezeRows: number;
}
