/**
 * What every part of the Office adapter shares: requirement-set tests, A1 addresses, one Excel
 * cell → one grid cell, and text written so that it stays text.
 */
import type { Cell, CellValue, Grid, MergeRange } from '@phuluc/rules';
import { parseA1 } from '@phuluc/rules';

/** Whether the host supports a requirement set, e.g. `('ExcelApi', '1.13')`. */
export type SupportsFn = (set: string, version: string) => boolean;

/** Options shared by the adapter's functions. */
export interface AdapterOptions {
  /** Requirement-set test; default `Office.context.requirements.isSetSupported`. */
  readonly supports?: SupportsFn;
  /**
   * Largest request or response in bytes (default 4 MB: `REQUEST_BUDGET_BYTES` of blocks.ts); reads are
   * split into row blocks and writes into several syncs to stay under it.
   */
  readonly budgetBytes?: number;
}

/** Requirement-set test of the running Office host (false outside Office). */
export function officeSupports(set: string, version: string): boolean {
  try {
    return (
      typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(set, version)
    );
  } catch {
    return false;
  }
}

/** The options' requirement-set test, or the running host's. */
export function supportsOf(options: AdapterOptions): SupportsFn {
  return options.supports ?? officeSupports;
}

/** What `readSheet` found: the grid and the cells that already carry a note. */
export interface SheetRead {
  readonly grid: Grid;
  /** A1 addresses of cells with a note (ExcelApi 1.18; empty when notes are unsupported). */
  readonly noteCells: ReadonlySet<string>;
  /**
   * True when a single row holds more merged areas than Excel returns (512): the grid then has no
   * merged areas, which the pane says.
   */
  readonly mergesSkipped: boolean;
}

/** A1 address without sheet name or `$`: `"Sheet1!$C$8"` → `"C8"`. */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
}

/** The areas of a (multi-area) address such as `"'Phụ lục 1'!A1:C1, 'Phụ lục 1'!D4"`. */
export function parseAreas(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  const re = /!?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\s*(?=,|$)/g;
  for (const m of address.matchAll(re)) {
    const a = parseA1(`${m[1]}${m[2]}`);
    const b = m[3] && m[4] ? parseA1(`${m[3]}${m[4]}`) : a;
    if (!a || !b) continue;
    out.push({
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    });
  }
  return out;
}

/** One Excel cell (value, formula text, number format, value type) → a grid cell. */
export function toGridCell(
  value: unknown,
  formula: unknown,
  numFmt: unknown,
  type: string,
): Cell | null {
  const f =
    typeof formula === 'string' && formula.startsWith('=') && formula.length > 1
      ? formula.slice(1)
      : undefined;
  let v: CellValue;
  switch (type) {
    case 'Error':
      v = { error: String(value) };
      break;
    case 'Boolean':
      v = Boolean(value);
      break;
    case 'Double':
    case 'Integer':
      v = typeof value === 'number' ? value : Number(value);
      break;
    case 'String':
      v = String(value);
      break;
    case 'Empty':
      v = null;
      break;
    default:
      v =
        typeof value === 'number' || typeof value === 'boolean'
          ? value
          : typeof value === 'string' && value !== ''
            ? value
            : null;
  }
  if (v === null && f === undefined) return null;
  const cell: { value: CellValue; formula?: string; numFmt?: string } = { value: v };
  if (f !== undefined) cell.formula = f;
  if (typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General') cell.numFmt = numFmt;
  return cell;
}

/**
 * Text that Excel would take for a formula (or parse) when set through `Range.values`: a string
 * starting with `=`, `+`, `-`, `@` (or their full-width forms), a tab or a carriage return.
 */
const FORMULA_LIKE = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * The value to put in `Range.values` for a grid value so that text stays text: Office.js turns a
 * string "=1+1" set as a value into a formula. Text that looks like one gets Excel's quote prefix
 * (`'`), which Excel stores as "text" and does not show or return in `values`. Numbers and booleans
 * pass through.
 *
 * @example
 * safeValue('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 */
export function safeValue(value: string | number | boolean): string | number | boolean {
  return typeof value === 'string' && FORMULA_LIKE.test(value) ? `'${value}` : value;
}

/**
 * Text entered so that it stays text whatever it looks like ("1.469", "TRUE", "=x", "01"):
 * always with Excel's quote prefix, which Excel does not show or return in `values`.
 *
 * @example
 * asText('1.469'); // "'1.469"
 */
export function asText(text: string): string {
  return `'${text}`;
}
