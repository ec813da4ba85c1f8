import type { Cell } from '../grid/types.js';
import { isCellError } from '../grid/types.js';
import { Decimal, fromExcelNumber } from '../money/decimal.js';
import { MAX_EXACT, microsOf } from '../money/micros.js';
import { parseNumber, type Qualifier } from '../money/parse.js';
import type { ColumnDefinition } from '../annex/schema.js';
import { makeIssue } from './issue.js';
import type { Issue } from './types.js';

/** A numeric cell as the checks see it. */
export interface NumericCell {
  readonly value: Decimal;
  /** The number came from a formula's cached result. */
  readonly formula: boolean;
  /** The number was typed as text. */
  readonly fromText: boolean;
  readonly qualifier?: Qualifier;
  /** A percent stored the Excel way (0.0521 shown as 5,21%): `value` is already × 100. */
  readonly scaled?: boolean;
  /**
   * `value` × 10^6 as a safe integer, when it has at most six decimals (money/micros.ts): the
   * checks' fast paths add these and fall back to `value` when any cell lacks them.
   */
  readonly micros?: number;
}

/**
 * The micros of an Excel number as a cell holds it: × 100 for a ratio percent (`scaled`);
 * `undefined` when it has none (see money/micros.ts).
 */
export function numberMicros(n: number, scaled: boolean): number | undefined {
  const micros = microsOf(n);
  if (micros === undefined || !scaled) return micros;
  return Math.abs(micros * 100) < MAX_EXACT ? micros * 100 : undefined;
}

/**
 * A number cell whose `Decimal` is built only when a check asks for it: most cells of a large
 * sheet are only ever added through their micros.
 */
export class NumberCell implements NumericCell {
  readonly fromText = false;
  readonly micros: number | undefined;
  private decimal: Decimal | undefined;

  constructor(
    private readonly number: number,
    readonly formula: boolean,
    readonly scaled: true | undefined,
  ) {
    this.micros = numberMicros(number, scaled === true);
  }

  get value(): Decimal {
    if (this.decimal === undefined) {
      const d = fromExcelNumber(this.number);
      this.decimal = this.scaled ? d.times(100) : d;
    }
    return this.decimal;
  }
}

/** Whether a number format shows the value as a percentage (a `%` outside quotes and escapes). */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt || !numFmt.includes('%')) return false;
  // A sheet has a handful of formats over many cells: read each once.
  let known = percentFormats.get(numFmt);
  if (known === undefined) {
    known = readPercentFormat(numFmt);
    if (percentFormats.size >= 1000) percentFormats.clear();
    percentFormats.set(numFmt, known);
  }
  return known;
}

const percentFormats = new Map<string, boolean>();

function readPercentFormat(numFmt: string): boolean {
  const section = numFmt.split(';')[0] ?? '';
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .includes('%');
}

/** Whether a column's number is a percent stored as a ratio (in a % format), read × 100. */
export function isScaledPercent(column: ColumnDefinition, numFmt: string | undefined): boolean {
  return column.kind === 'percent' && isPercentFormat(numFmt);
}

/** A number cell as the checks see it: percent columns in % format hold ratios, read × 100. */
function numberCell(
  v: number,
  cell: Cell | undefined,
  o: ReadCellOptions,
  formula: boolean,
): NumericCell {
  return new NumberCell(v, formula, isScaledPercent(o.column, cell?.numFmt) || undefined);
}

/** Marks that mean "nothing here" in Vietnamese tables. */
const NOTHING = /^[-–—x.…]+$|^$/i;

/** Options for {@link readNumericCell}. */
export interface ReadCellOptions {
  readonly row: number;
  readonly col: number;
  readonly column: ColumnDefinition;
  readonly locale?: 'vi' | 'en';
  /** Severity of a number stored as text (info where nothing sums it). */
  readonly textSeverity: 'warning' | 'info';
  readonly issues: Issue[];
}

/**
 * Read a cell of a numeric column into an exact decimal, raising the cell-level issues
 * (error value, not a number, number stored as text, ambiguous number) on the way.
 * Empty cells and "-" read as null. Never throws.
 */
export function readNumericCell(cell: Cell | undefined, o: ReadCellOptions): NumericCell | null {
  const v = cell?.value;
  if (v === null || v === undefined) return null;
  const formula = Boolean(cell?.formula);
  if (typeof v === 'number' && Number.isFinite(v)) return numberCell(v, cell, o, formula);
  const column = { column: o.column.header, columnEn: o.column.headerEn };
  // What cannot be a number: an error value, an infinity or NaN, a boolean, unreadable text.
  const refuse = (code: 'cell/error-value' | 'cell/not-number', text: Record<string, string>) => {
    o.issues.push(
      makeIssue({ code, severity: 'error', row: o.row, col: o.col, text: { ...text, ...column } }),
    );
    return null;
  };
  if (isCellError(v)) return refuse('cell/error-value', { error: v.error });
  if (typeof v === 'number') return refuse('cell/not-number', { text: String(v) });
  if (typeof v === 'boolean') return refuse('cell/not-number', { text: v ? 'TRUE' : 'FALSE' });
  const text = String(v).trim();
  if (NOTHING.test(text)) return null;
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  const parsed = parseNumber(text, o.locale ? { locale: o.locale } : {});
  if (parsed.kind === 'invalid') return refuse('cell/not-number', { text: shown });
  if (parsed.kind === 'ambiguous') {
    o.issues.push(
      makeIssue({
        code: 'cell/ambiguous-number',
        severity: 'warning',
        row: o.row,
        col: o.col,
        text: { text: shown, ...column },
        numbers: {
          vi: parsed.vi.toString(),
          en: parsed.en.toString(),
          chosen: parsed.vi.toString(),
        },
        actual: parsed.vi.toString(),
      }),
    );
    return {
      value: parsed.vi,
      formula,
      fromText: true,
      ...(parsed.qualifier ? { qualifier: parsed.qualifier } : {}),
    };
  }
  if (!formula) {
    o.issues.push(
      makeIssue({
        code: 'cell/number-as-text',
        severity: o.textSeverity,
        row: o.row,
        col: o.col,
        text: { text: shown, ...column },
        numbers: { value: parsed.value.toString() },
        actual: parsed.value.toString(),
      }),
    );
  }
  return {
    value: parsed.value,
    formula,
    fromText: true,
    ...(parsed.qualifier ? { qualifier: parsed.qualifier } : {}),
  };
}

/** Decimal places a number format shows (`#,##0.000` → 3, `0%` → 0), or undefined for General. */
export function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  // A sheet has a handful of formats over many cells: read each once.
  if (formatPlaces.has(numFmt)) return formatPlaces.get(numFmt);
  const places = readFormatDecimals(numFmt);
  if (formatPlaces.size >= 1000) formatPlaces.clear();
  formatPlaces.set(numFmt, places);
  return places;
}

const formatPlaces = new Map<string, number | undefined>();

function readFormatDecimals(numFmt: string): number | undefined {
  if (/general/i.test(numFmt)) return undefined;
  const section = numFmt.split(';')[0] ?? '';
  const m = /[0#](?:[.,]([0#]+))?/.exec(section.replace(/"[^"]*"/g, ''));
  if (!m) return undefined;
  const dot = /\.([0#]+)/.exec(section.replace(/"[^"]*"/g, ''));
  return dot?.[1]?.length ?? 0;
}
