/**
 * `xl/styles.xml`: what a cell's style index (`<c s="…">`) means for the grid, its number format
 * and its {@link CellStyle}, resolved the way ExcelJS resolves them: from `cellXfs` only (the
 * `apply…` attributes and `cellStyleXfs` are ignored), a font's `<b>` and `<i>` whatever their
 * `val`, a border when one of its four sides has a `style`.
 */
import type { CellStyle } from '@phuluc/rules';
import { malformed, Token, XmlReader } from './xml.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** How cells of one style show in the grid. */
export interface CellFormat {
  /** The number format, as ExcelJS names it (builtin ids mapped to their format code). */
  readonly numFmt?: string;
  /** Whether ExcelJS reads numbers in this format as dates. */
  readonly isDate: boolean;
  readonly style?: CellStyle;
}

/** The cell formats of a workbook, by style index. */
export interface CellFormats {
  /**
   * The format of style index `s`; `undefined` for an index with no format. Throws `corrupt-zip`
   * where ExcelJS fails to resolve the index (styles.xml without the lists it refers to).
   */
  at(s: number): CellFormat | undefined;
}

/** A workbook without styles.xml: no cell has a format. */
export const NO_FORMATS: CellFormats = { at: () => undefined };

/** Excel's builtin number formats, by id, as ExcelJS names them (locale-specific ids left out). */
const BUILTIN_NUM_FMTS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * Whether a number format shows a date or a time, by ExcelJS' rule (`utils.isDateFmt`): a date
 * or time letter outside brackets and quotes.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

interface Font {
  readonly bold: boolean;
  readonly italic: boolean;
}

interface Xf {
  readonly numFmtId: number;
  readonly fontId: number;
  readonly fillId: number;
  readonly borderId: number;
  readonly horizontal?: string;
  readonly wrap: boolean;
}

/** What the lists of styles.xml hold; a list is `undefined` when absent or empty. */
interface StyleLists {
  numFmts: Map<number, string>;
  fonts?: readonly (Font | null)[];
  fills?: readonly unknown[];
  /** `true` when a side has a style; `null` where ExcelJS' parser lost the entry. */
  borders?: readonly (boolean | null)[];
  cellXfs?: readonly (Xf | null)[];
}

const BORDER_SIDES = new Set(['left', 'right', 'top', 'bottom', 'diagonal']);
const BOXED_SIDES = new Set(['left', 'right', 'top', 'bottom']);

/**
 * Read the items of the list element just opened, `readItem` being called at each item's open
 * tag. An element other than `item` ends the list there (ExcelJS' list parser stops at it); so
 * does `readItem` returning `'stop'`, the item itself then being kept as `null`. `undefined` for
 * an empty list, which ExcelJS does not keep.
 */
function readList<T>(
  x: XmlReader,
  item: string,
  readItem: (x: XmlReader) => T | 'stop',
): (T | null)[] | undefined {
  const items: (T | null)[] = [];
  const depth = x.depth;
  let collecting = true;
  for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
    if (t !== Token.Open || x.depth !== depth + 1) continue;
    if (collecting && x.is(item)) {
      const value = readItem(x);
      if (value === 'stop') {
        items.push(null);
        collecting = false;
      } else {
        items.push(value);
      }
    } else {
      collecting = false;
      x.skipElement();
    }
  }
  return items.length > 0 ? items : undefined;
}

function readFont(x: XmlReader): Font {
  const depth = x.depth;
  let bold = false;
  let italic = false;
  for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
    if (t === Token.Open && x.depth === depth + 1) {
      if (x.is('b')) bold = true;
      else if (x.is('i')) italic = true;
    }
  }
  return { bold, italic };
}

/**
 * Whether a border has a styled side. ExcelJS' border parser loses its place at an element it
 * does not know (`<vertical/>`, anything inside a side but `<color>`): the entry is then lost
 * and so are the borders after it (`'stop'`).
 */
function readBorder(x: XmlReader): boolean | 'stop' {
  const depth = x.depth;
  let boxed = false;
  for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
    if (t !== Token.Open) continue;
    if (x.depth === depth + 1) {
      if (!BORDER_SIDES.has(x.name())) return skipRest(x, depth);
      if (BOXED_SIDES.has(x.name()) && x.attr('style')) boxed = true;
    } else if (x.depth === depth + 2 && !x.is('color')) {
      return skipRest(x, depth);
    }
  }
  return boxed;
}

/** Read on to the end of the element opened at `depth`. */
function skipRest(x: XmlReader, depth: number): 'stop' {
  while (x.nextInside(depth) !== Token.End);
  return 'stop';
}

function readXf(x: XmlReader): Xf {
  const ids = {
    numFmtId: parseInt(x.attr('numFmtId') ?? '', 10),
    fontId: parseInt(x.attr('fontId') ?? '', 10),
    fillId: parseInt(x.attr('fillId') ?? '', 10),
    borderId: parseInt(x.attr('borderId') ?? '', 10),
  };
  let horizontal: string | undefined;
  let wrapText: string | undefined;
  const depth = x.depth;
  for (let t = x.nextInside(depth); t !== Token.End; t = x.nextInside(depth)) {
    // The last <alignment> counts.
    if (t === Token.Open && x.depth === depth + 1 && x.is('alignment')) {
      horizontal = x.attr('horizontal');
      wrapText = x.attr('wrapText');
    }
  }
  const wrap = wrapText === '1' || wrapText === 'true';
  return horizontal ? { ...ids, horizontal, wrap } : { ...ids, wrap };
}

function readNumFmt(x: XmlReader, part: string): [number, string] {
  const code = x.attr('formatCode');
  if (code === undefined) throw malformed(part, 'numFmt without formatCode');
  // ExcelJS drops the backslash of escaped characters: `#,##0\ "đ"` reads as `#,##0 "đ"`.
  return [parseInt(x.attr('numFmtId') ?? '', 10), code.replace(/[\\](.)/g, '$1')];
}

function readLists(xml: string, part: string): StyleLists | undefined {
  const x = new XmlReader(xml, part);
  const lists: StyleLists = { numFmts: new Map() };
  let isStyleSheet = false;
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open) continue;
    if (x.depth === 1) {
      isStyleSheet = x.is('styleSheet');
    } else if (x.depth === 2) {
      if (x.is('numFmts')) {
        const entries = readList(x, 'numFmt', (r) => readNumFmt(r, part)) ?? [];
        lists.numFmts = new Map(entries.filter((e) => e !== null));
      } else if (x.is('fonts')) lists.fonts = readList(x, 'font', readFont);
      else if (x.is('fills')) lists.fills = readList(x, 'fill', () => true);
      else if (x.is('borders')) lists.borders = readList(x, 'border', readBorder);
      else if (x.is('cellXfs')) lists.cellXfs = readList(x, 'xf', readXf);
      else x.skipElement();
    }
  }
  // ExcelJS builds no style model at all when the root is not <styleSheet>.
  return isStyleSheet ? lists : undefined;
}

/** ExcelJS looks any id an xf gives (0 included) up in its list, and fails when there is none. */
function checkList(items: readonly unknown[] | undefined, id: number, what: string, part: string) {
  if (items === undefined && !Number.isNaN(id)) {
    throw malformed(part, `a cell format refers to ${what} that styles.xml does not have`);
  }
}

function formatOf(xf: Xf, lists: StyleLists, part: string): CellFormat {
  checkList(lists.fonts, xf.fontId, 'fonts', part);
  checkList(lists.fills, xf.fillId, 'fills', part);
  checkList(lists.borders, xf.borderId, 'borders', part);
  const format: Writable<CellFormat> = { isDate: false };
  if (xf.numFmtId) {
    const numFmt = lists.numFmts.get(xf.numFmtId) || BUILTIN_NUM_FMTS[xf.numFmtId];
    if (numFmt) {
      format.numFmt = numFmt;
      format.isDate = isDateFormat(numFmt);
    }
  }
  const style: Writable<CellStyle> = {};
  const font = lists.fonts?.[xf.fontId];
  if (font?.bold) style.bold = true;
  if (font?.italic) style.italic = true;
  const h = xf.horizontal;
  if (h === 'left' || h === 'center' || h === 'right') style.align = h;
  if (xf.wrap) style.wrap = true;
  if (lists.borders?.[xf.borderId]) style.border = true;
  if (Object.keys(style).length > 0) format.style = style;
  return format;
}

/**
 * Read styles.xml. Throws `corrupt-zip` when it is not well-formed XML; a structure ExcelJS
 * cannot use only fails (in {@link CellFormats.at}) once a cell refers to it, as in ExcelJS.
 */
export function parseStyles(xml: string, part: string): CellFormats {
  const lists = readLists(xml, part);
  const cache: (CellFormat | undefined)[] = [];
  return {
    at(s) {
      const xfs = lists?.cellXfs;
      if (!lists || !xfs) throw malformed(part, `no cell format ${s}`);
      const xf = xfs[s];
      if (!xf) return undefined;
      return (cache[s] ??= formatOf(xf, lists, part));
    },
  };
}
