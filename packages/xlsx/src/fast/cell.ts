/**
 * One `<c>` element as a grid cell, by the rules of ExcelJS' cell parser followed by
 * `readCell` (read.ts): the value by the cell's type, dates by its number format, formulas with
 * their cached result, shared formulas translated from their master, hyperlinks as their text.
 */
import type { Cell, CellValue } from '@phuluc/rules';
import { gridCell } from '../grid-cell.js';
import { slideFormula, type CellRef } from './formula.js';
import type { SharedStrings } from './shared-strings.js';
import type { CellFormat, CellFormats } from './styles.js';
import { decodeNamedEntitiesAgain, malformed } from './xml.js';

/** What a `<c>` element holds, as the sheet walker collects it. */
export interface RawCell {
  /** Whether it has an `r` attribute (not empty); then `col` and `refRow` are what it names. */
  hasRef: boolean;
  col: number;
  /** The row `r` names (the grid places the cell in its `<row>`'s row). */
  refRow: number;
  /** Whether an external hyperlink is on the cell (`<hyperlink ref>` is its `r`). */
  linked: boolean;
  /** `t`. */
  type: string | undefined;
  /** `s`, parsed as ExcelJS parses it (`NaN` when absent). */
  styleId: number;
  /** The text of `<f>`, `undefined` without any. */
  formula: string | undefined;
  /** `<f t>`, `<f ref>`, `<f si>`. */
  formulaType: string | undefined;
  formulaRef: string | undefined;
  sharedIndex: string | undefined;
  /** The text of `<v>` and of an inline string's `<t>`, `undefined` without any. */
  text: string | undefined;
  /** The runs of an inline rich-text string. */
  runs: string[] | undefined;
}

/** An empty {@link RawCell}, to be filled in. */
export function emptyRawCell(): RawCell {
  return {
    hasRef: false,
    col: 0,
    refRow: 0,
    linked: false,
    type: undefined,
    styleId: NaN,
    formula: undefined,
    formulaType: undefined,
    formulaRef: undefined,
    sharedIndex: undefined,
    text: undefined,
    runs: undefined,
  };
}

/** What the cells of one sheet are read with. */
export interface CellContext {
  readonly part: string;
  readonly sharedStrings: SharedStrings | undefined;
  readonly formats: CellFormats;
  readonly date1904: boolean;
}

/** A value as ExcelJS holds it, before the grid's conversion (`toCellValue`). */
type ExcelValue = number | string | boolean | { readonly error: string } | Date;

/**
 * A date as the grid holds it: `YYYY-MM-DD` without a time of day, the ISO string otherwise
 * (read.ts' `dateToGridValue`, which cannot be imported here without loading ExcelJS).
 */
function dateToGridValue(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** An Excel serial date as ExcelJS converts it (`utils.excelToDate`, to the millisecond, UTC). */
function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function toGridValue(v: ExcelValue | undefined): CellValue {
  if (v === undefined) return null;
  if (v instanceof Date) return dateToGridValue(v);
  return v;
}

/** A formula's cached result by the cell's type (ExcelJS parses numbers with `parseFloat`). */
function formulaResult(type: string | undefined, text: string): ExcelValue {
  switch (type) {
    case 'str':
      return decodeNamedEntitiesAgain(text);
    case 'b':
      return parseInt(text, 10) !== 0;
    case 'e':
      return { error: text };
    default:
      return parseFloat(text);
  }
}

interface SharedMaster {
  readonly at: CellRef | undefined;
  readonly formula: string | undefined;
}

/**
 * Reads the cells of one sheet, in document order (shared formulas refer back to their master).
 */
export class CellReader {
  /** Whether the cell last read holds something: a value (not `''`) or a formula. */
  used = false;
  private readonly masters = new Map<string | undefined, SharedMaster>();

  constructor(private readonly ctx: CellContext) {}

  /**
   * The grid cell of `raw`: a `Cell`, `null` for an empty cell that has a style (it clears the
   * position), or `undefined` for an element that ExcelJS does not keep at all (no value, no
   * style).
   */
  read(raw: RawCell): Cell | null | undefined {
    const ctx = this.ctx;
    // ExcelJS ignores style 0 (`s="0"`) and a style it cannot parse.
    const format = raw.styleId ? ctx.formats.at(raw.styleId) : undefined;
    const linked = raw.linked;
    let value: ExcelValue | undefined;
    let formula: string | undefined;
    if (raw.formula || raw.formulaType) {
      value = raw.text ? formulaResult(raw.type, raw.text) : undefined;
      if (value !== undefined && format?.isDate) {
        value = excelToDate(Number(value), ctx.date1904);
      }
      formula = this.formulaOf(raw);
      this.used = true;
    } else if (raw.text !== undefined || raw.runs) {
      value = this.plainValue(raw, format);
    } else if (!linked) {
      this.used = false;
      return raw.styleId ? null : undefined;
    }
    if (linked) {
      // A cell with an external hyperlink holds its text: no formula, '' for nothing.
      this.used = true;
      return gridCell(toGridValue(value ?? ''), undefined, shownFormat(format), format?.style);
    }
    return gridCell(toGridValue(value), formula, shownFormat(format), format?.style);
  }

  private plainValue(raw: RawCell, format: CellFormat | undefined): ExcelValue {
    const text = raw.runs ? raw.runs.join('') : (raw.text ?? '');
    this.used = true;
    switch (raw.type) {
      case 's':
        return this.sharedString(text);
      case 'str': {
        const s = decodeNamedEntitiesAgain(text);
        this.used = s !== '';
        return s;
      }
      case 'inlineStr':
        // Rich text counts as a value even when empty.
        this.used = raw.runs !== undefined || text !== '';
        return text;
      case 'b':
        return parseInt(text, 10) !== 0;
      case 'e':
        return { error: text };
      default: {
        const n = parseFloat(text);
        return format?.isDate ? excelToDate(n, this.ctx.date1904) : n;
      }
    }
  }

  private sharedString(text: string): ExcelValue {
    const index = parseInt(text, 10);
    const strings = this.ctx.sharedStrings;
    // Without sharedStrings.xml, ExcelJS keeps the index as the value.
    if (!strings) return index;
    const s = strings.texts[index];
    if (s === undefined) throw malformed(this.ctx.part, `no shared string ${text}`);
    this.used = s !== '' || strings.objects[index] === 1;
    return s;
  }

  /**
   * The formula of a formula cell without its `=`: its own text, or for a cell sharing a master's
   * formula (`<f t="shared" si>` without `ref`) the master's, translated to the cell.
   */
  private formulaOf(raw: RawCell): string | undefined {
    let formula = raw.formula;
    if (raw.formulaType === 'shared') {
      const at = raw.hasRef ? { col: raw.col, row: raw.refRow } : undefined;
      if (raw.formulaRef) {
        this.masters.set(raw.sharedIndex, { at, formula });
      } else if (!formula) {
        const master = this.masters.get(raw.sharedIndex);
        if (master?.at && master.formula && at) {
          formula = slideFormula(master.formula, master.at, at);
        }
      }
    }
    if (!formula) return undefined;
    return formula.charCodeAt(0) === 0x3d /* = */ ? formula.slice(1) : formula;
  }
}

/** A cell's number format as the grid keeps it: none for General. */
function shownFormat(format: CellFormat | undefined): string | undefined {
  return format?.numFmt === 'General' ? undefined : format?.numFmt;
}
