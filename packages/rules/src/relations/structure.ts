import type { Cell, Grid } from '../grid/types.js';
import { isCellError } from '../grid/types.js';
import { getCell, gridSize } from '../grid/grid.js';
import { parseNumber } from '../money/parse.js';
import type { Detection, LayoutFit } from '../annex/detect.js';
import type { ColumnDefinition, ColumnKind, LayoutDefinition } from '../annex/schema.js';
import { TOTAL_LABELS } from '../annex/layouts/common.js';
import { ttLevel } from '../check/rows.js';
import { MAX_HEADER_COLS, readHeaderTree, writtenHeader, type HeaderTree } from './header-tree.js';
import type { ColumnInfo } from './infer.js';

/** Rows of the data read to tell which columns are numeric: enough to see, bounded on any sheet. */
const SAMPLE_ROWS = 2000;

/** The prefix of the model keys of columns no layout names: `_c3` is column D (never a layout key). */
const INFERRED_KEY = '_c';

/** Whether a model key stands for a column no layout names. */
export function isInferredKey(key: string): boolean {
  return key.startsWith(INFERRED_KEY);
}

/** What the relation engine reads of a sheet before its rows: the header tree and its columns. */
export interface SheetStructure {
  readonly tree: HeaderTree;
  /** The fit the model is read with: the layout's, widened by the numeric columns it does not name. */
  readonly fit: LayoutFit;
  /** Each column's key and role, by physical column (undefined: not numeric). */
  readonly infos: ReadonlyArray<ColumnInfo | undefined>;
  /** Physical column of every key. */
  readonly cols: ReadonlyMap<string, number>;
  /** Each key's header as the sheet writes it. */
  readonly names: ReadonlyMap<string, string>;
  /** Numeric columns the structure could not read (past {@link MAX_HEADER_COLS}). */
  readonly notRead: readonly number[];
  /** The physical columns that hold numbers (a layout's or not). */
  readonly numericCols: readonly number[];
  /** The first data row the model is read from. */
  readonly firstDataRow: number;
}

interface ColumnSample {
  numbers: number;
  texts: number;
  yearLike: number;
  wholeNonNegative: number;
}

const NUMBER_START = /^[-+−–(]?\s*\d/;

/** Whether a cell holds a number: typed, a formula's result, or text that reads as one. */
function numberOf(cell: Cell | undefined): number | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    // Only text that starts like a number is parsed: labels and notes are most of a sheet's text.
    if (t === '' || t.length > 40 || !NUMBER_START.test(t)) return undefined;
    const p = parseNumber(t);
    return p.kind === 'number' ? p.value.toNumber() : undefined;
  }
  return undefined;
}

/** Count what each column of the data holds. */
function sampleColumns(grid: Grid, first: number, cols: number): ColumnSample[] {
  const out = Array.from({ length: cols }, () => ({
    numbers: 0,
    texts: 0,
    yearLike: 0,
    wholeNonNegative: 0,
  }));
  // Rows spread over the whole table, at most SAMPLE_ROWS of them: a column whose figures start
  // late is still seen, and a large sheet costs no more than a small one.
  const rows = gridSize(grid).rows;
  const step = Math.max(1, Math.floor((rows - first) / SAMPLE_ROWS));
  for (let r = first; r < rows; r += step) {
    const row = grid.cells[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(cols, row.length); c++) {
      const cell = row[c] ?? undefined;
      if (!cell) continue;
      const s = out[c] as ColumnSample;
      const n = numberOf(cell);
      if (n !== undefined) {
        s.numbers++;
        if (Number.isInteger(n) && n >= 1900 && n <= 2100) s.yearLike++;
        if (Number.isInteger(n) && n >= 0) s.wholeNonNegative++;
      } else if (isCellError(cell.value)) s.numbers++;
      else if (typeof cell.value === 'string' && cell.value.trim() !== '') {
        // Dashes and "x" stand for nothing in a numeric column.
        if (!/^[-–—x.…]+$/i.test(cell.value.trim())) s.texts++;
      }
    }
  }
  return out;
}

/** A column holds numbers: most of what it holds, at least two, and not only years. */
function isNumericSample(s: ColumnSample): boolean {
  return s.numbers >= 2 && s.numbers >= 4 * s.texts && s.yearLike < s.numbers;
}

const RATE_WORDS = /\b(ty le|ti le|phan tram)\b|%/;
const COUNT_WORDS = /\b(so ho|ho ngheo|ho can ngheo|so nguoi|nhan khau|lao dong|so xa|so thon)\b/;
const TT_WORDS = /^(tt|stt|so tt|so thu tu|thu tu)$/;

/** The displayed name of column `c`: its innermost header, or the whole path when that repeats. */
function displayName(tree: HeaderTree, c: number, leafCounts: ReadonlyMap<string, number>): string {
  const path = tree.paths[c] ?? [];
  const leaf = path[path.length - 1];
  if (!leaf) return '';
  return (leafCounts.get(leaf.norm) ?? 0) > 1 ? writtenHeader(tree, c) : leaf.text;
}

/**
 * The whole header block a layout's header rows end: a layout may match on the sub-headers alone
 * ("Tổng số", "NSTW"), while the groups over them ("Giải ngân đến 30/9") are what tell the
 * relations apart.
 */
function wholeHeader(detection: Detection, fit: LayoutFit): number[] {
  const last = fit.headerRows[fit.headerRows.length - 1];
  let best = [...fit.headerRows];
  if (last === undefined) return best;
  for (const w of detection.top.headerWindows)
    if (w[w.length - 1] === last && w.length > best.length) best = [...w];
  return best;
}

/** The header rows to read when no layout fits: the block just above the first data row. */
function headerRowsAbove(grid: Grid, detection: Detection): number[] {
  const best = detection.candidates.find((c) => c.headerRows.length > 0);
  if (best) return [...best.headerRows];
  const first = detection.top.firstNumericRow;
  const out: number[] = [];
  for (let r = first - 1; r >= 0 && out.length < 3; r--) {
    if (r === detection.top.indexRow) continue;
    if (r === detection.top.unitRow || detection.top.titleRows.includes(r)) break;
    const row = grid.cells[r];
    if (!row || row.every((c) => !c || c.value === null || String(c.value).trim() === '')) break;
    out.unshift(r);
  }
  return out;
}

/**
 * Read the structure the relation engine needs: the header tree over the layout's header rows
 * (or, when no layout fits, over the rows above the data), which columns hold numbers, and for
 * each a key, a role and its header as written. Numeric columns the layout does not name get a
 * key of their own ({@link isInferredKey}), so that the model reads them and every relation can
 * name them. Returns undefined when the sheet has no numeric column to read.
 */
export function readStructure(grid: Grid, detection: Detection): SheetStructure | undefined {
  const given = detection.fit;
  const headerRows = given ? wholeHeader(detection, given) : headerRowsAbove(grid, detection);
  const first = given
    ? detection.firstDataRow
    : Math.max((headerRows[headerRows.length - 1] ?? -1) + 1, (detection.top.indexRow ?? -1) + 1);
  const { cols: width } = gridSize(grid);
  const cols = Math.min(width, MAX_HEADER_COLS);
  const tree = readHeaderTree(grid, headerRows);
  const samples = sampleColumns(grid, first, cols);
  const leafCounts = new Map<string, number>();
  for (const path of tree.paths) {
    const leaf = path[path.length - 1];
    if (leaf) leafCounts.set(leaf.norm, (leafCounts.get(leaf.norm) ?? 0) + 1);
  }

  const layout = given?.layout;
  const columns = new Map(given?.columns ?? []);
  const keyOfCol = new Map([...columns].map(([k, c]) => [c, k]));
  const defs = new Map((layout?.columns ?? []).map((d) => [d.key, d]));
  if (!given) {
    // No layout: the TT and label columns by their headers and contents.
    const tt = tree.paths.findIndex((p) => TT_WORDS.test(p[p.length - 1]?.norm ?? ''));
    const ttCol = tt >= 0 ? tt : ttLike(grid, first, 0) ? 0 : -1;
    if (ttCol >= 0) columns.set('tt', ttCol);
    const label = samples.findIndex((s, c) => c !== ttCol && s.texts >= 2 && s.texts >= s.numbers);
    if (label >= 0) columns.set('label', label);
    for (const [k, c] of columns) keyOfCol.set(c, k);
  }

  const infos: Array<ColumnInfo | undefined> = new Array(cols).fill(undefined);
  const extra: ColumnDefinition[] = [];
  const names = new Map<string, string>();
  const numericCols: number[] = [];
  for (let c = 0; c < cols; c++) {
    const known = keyOfCol.get(c);
    const def = known ? defs.get(known) : undefined;
    const name = displayName(tree, c, leafCounts);
    if (known) {
      if (name) names.set(known, name);
      if (def && (def.kind === 'money' || def.kind === 'count' || def.kind === 'percent')) {
        infos[c] = { key: known, role: def.kind === 'percent' ? 'rate' : 'value' };
        numericCols.push(c);
      } else if (
        known !== 'tt' &&
        known !== 'label' &&
        isNumericSample(samples[c] as ColumnSample)
      ) {
        // Figures in a column the layout reads as text ("Ghi chú" holding amounts): not checked,
        // and the report says so.
        numericCols.push(c);
      }
      continue;
    }
    const s = samples[c] as ColumnSample;
    if (!isNumericSample(s)) continue;
    const pathText = (tree.paths[c] ?? []).map((n) => n.norm).join(' ');
    const kind: ColumnKind = RATE_WORDS.test(pathText)
      ? 'percent'
      : (COUNT_WORDS.test(pathText) || detection.top.unit === 'households') &&
          s.wholeNonNegative === s.numbers
        ? 'count'
        : 'money';
    const key = `${INFERRED_KEY}${c}`;
    const header = name || `cột ${c + 1}`;
    extra.push({
      key,
      header,
      headerEn: header,
      kind,
      required: false,
      patterns: [{ all: [[key]] }],
    });
    columns.set(key, c);
    names.set(key, header);
    infos[c] = { key, role: kind === 'percent' ? 'rate' : 'value' };
    numericCols.push(c);
  }
  const notRead: number[] = [];
  if (width > cols) {
    const more = sampleColumns(grid, first, width).slice(cols);
    more.forEach((s, i) => {
      if (isNumericSample(s)) notRead.push(cols + i);
    });
  }
  if (numericCols.length === 0 && !given) return undefined;
  const base: LayoutDefinition = layout ?? genericLayout(detection);
  const fit: LayoutFit = given
    ? {
        ...given,
        layout: {
          ...base,
          // Each column as the sheet names it, so every message does ("NSTW", not the layout's
          // "Ngân sách trung ương").
          columns: [...base.columns.map((d) => asWritten(d, names.get(d.key))), ...extra],
        },
        columns,
      }
    : {
        layout: {
          ...base,
          columns: [...genericColumns(columns), ...extra],
        },
        score: 0,
        headerRows,
        columns,
        paths: [],
        missing: [],
        strength: 0,
      };
  return { tree, fit, infos, cols: columns, names, notRead, numericCols, firstDataRow: first };
}

/** A layout's column named as the sheet writes it (in both languages: it is the sheet's text). */
function asWritten(def: ColumnDefinition, name: string | undefined): ColumnDefinition {
  return name ? { ...def, header: name, headerEn: name } : def;
}

/** Whether column `c`'s data look like TT numbering (I, 1, 1.1, a, -). */
function ttLike(grid: Grid, first: number, c: number): boolean {
  let codes = 0;
  let others = 0;
  const last = Math.min(gridSize(grid).rows, first + 200);
  for (let r = first; r < last; r++) {
    const v = getCell(grid, r, c)?.value;
    if (v === null || v === undefined || v === '') continue;
    if (ttLevel(String(v)) !== null) codes++;
    else others++;
  }
  return codes >= 2 && codes > others;
}

/** The layout a sheet no layout fits is read with: its TT and label columns, and its figures. */
function genericLayout(detection: Detection): LayoutDefinition {
  const unit = detection.top.unit;
  return {
    id: 'inferred',
    kind: unit === 'households' || unit === 'percent' ? 'poverty' : 'budget',
    title: {
      vi: 'Bảng số liệu (cấu trúc suy ra từ tiêu đề cột)',
      en: 'Table (structure read from its headers)',
    },
    titleHints: [],
    columns: [],
    crossfoot: [],
    rates: [],
    differences: [],
    flows: [],
    ofWhich: [],
    leftOf: [],
    totalLabels: TOTAL_LABELS,
    checks: ['foot'],
  };
}

function genericColumns(columns: ReadonlyMap<string, number>): ColumnDefinition[] {
  const out: ColumnDefinition[] = [];
  if (columns.has('tt'))
    out.push({
      key: 'tt',
      header: 'TT',
      headerEn: 'No.',
      kind: 'code',
      required: false,
      patterns: [{ all: [['tt']] }],
    });
  if (columns.has('label'))
    out.push({
      key: 'label',
      header: 'Nội dung',
      headerEn: 'Item',
      kind: 'text',
      required: false,
      patterns: [{ all: [['noi dung']] }],
    });
  return out;
}
