import type { Grid } from '../grid/types.js';
import { cellText, getCell, gridSize } from '../grid/grid.js';
import { matchPhrase, phraseText } from './phrases.js';
import { headerPaths, matchColumns, type ColumnMap } from './columns.js';
import { parseUnitLine, readSheetTop, type SheetTop } from './header.js';
import { TOTAL_LABELS } from './layouts/common.js';
import { normalizeText } from '../grid/normalize.js';
import { isTotalLabel } from '../check/rows.js';
import { BUILT_IN_LAYOUTS } from './layouts/index.js';
import { BUDGET_MATRIX } from './layouts/budget-matrix.js';
import { matchMatrix, type MatrixColumn } from './matrix.js';
import type { LayoutDefinition } from './schema.js';
import type { LayoutId } from './types.js';

/** How one layout fits a sheet. */
export interface LayoutFit {
  readonly layout: LayoutDefinition;
  /** 0–1. */
  readonly score: number;
  readonly headerRows: readonly number[];
  readonly columns: ColumnMap;
  readonly paths: readonly string[];
  readonly missing: readonly string[];
  /** Sum of the columns' match strengths: breaks ties between header blocks. */
  readonly strength: number;
  /** For a unit × project matrix: the project columns and their header cells. */
  readonly matrix?: readonly MatrixColumn[];
}

/** The layout chosen for a sheet, with what was read of the sheet's top. */
export interface Detection {
  /** The best fit, or null when nothing fits well enough. */
  readonly fit: LayoutFit | null;
  /** Every layout's fit, best first. */
  readonly candidates: readonly LayoutFit[];
  readonly top: SheetTop;
  /** The first data row (0-based), below the header and the column-index row. */
  readonly firstDataRow: number;
}

/** Options for {@link detectLayout}. */
export interface DetectOptions {
  /** Use this layout whatever the scores. */
  readonly layout?: LayoutId | string;
  /** Layouts to choose from; the built-in ones by default. */
  readonly layouts?: readonly LayoutDefinition[];
  /** Programme period of the catalogue used to read project headers. */
  readonly period?: string;
}

/** A fit below this is no fit. */
export const MIN_SCORE = 0.5;
const MAX_HEADER_ROWS = 3;

/**
 * A row that belongs to the data, never to a header: it holds a number that is neither a year
 * nor a small index, or a formula, or it is a sparse row labelled like a total ("Toàn xã" with its
 * figures still empty).
 */
function isDataRow(grid: Grid, r: number, cols: number): boolean {
  let texts = 0;
  let totalLabel = false;
  let firstText: string | undefined;
  for (let c = 0; c < cols; c++) {
    const cell = getCell(grid, r, c);
    if (cell?.formula) return true;
    const v = cell?.value;
    if (
      typeof v === 'number' &&
      !(Number.isInteger(v) && ((v >= 0 && v <= 60) || (v >= 1900 && v <= 2100)))
    )
      return true;
    if (typeof v === 'string' && v.trim()) {
      texts++;
      firstText ??= v.trim();
      if (!totalLabel && isTotalLabel(normalizeText(v), TOTAL_LABELS)) totalLabel = true;
    }
  }
  // A group row with no figures yet: "I | Huyện A", "1 | Dự án 2".
  const numbered =
    firstText !== undefined && /^(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ]|[-–—+*])[.)]?$/.test(firstText);
  return (totalLabel && texts <= 2) || (numbered && texts <= 3);
}

/** A row that carries a unit line ("Đơn vị tính: triệu đồng"): part of the title block, never a header. */
function hasUnitLine(grid: Grid, r: number, cols: number): boolean {
  for (let c = 0; c < cols; c++) {
    const v = getCell(grid, r, c)?.value;
    if (typeof v === 'string' && v.length < 80 && parseUnitLine(v)) return true;
  }
  return false;
}

function isBlankRow(grid: Grid, r: number, cols: number): boolean {
  for (let c = 0; c < cols; c++) if (cellText(getCell(grid, r, c)).trim() !== '') return false;
  return true;
}

/** Rows that may end a header block: just above the index row or the first numbers. */
function headerEnds(grid: Grid, top: SheetTop): number[] {
  const { rows, cols } = gridSize(grid);
  const anchor = top.indexRow ?? (top.firstNumericRow >= 0 ? top.firstNumericRow : -1);
  if (anchor < 0) return Array.from({ length: Math.min(rows, 30) }, (_, i) => i);
  const ends: number[] = [];
  for (let r = anchor - 1; r >= 0 && ends.length < 2; r--) {
    if (!isBlankRow(grid, r, cols) && !isDataRow(grid, r, cols)) ends.push(r);
  }
  if (top.indexRow !== undefined && top.firstNumericRow > top.indexRow + 1) {
    // An index row may sit above a second header row; rare, but try the row above the numbers too.
    ends.push(top.firstNumericRow - 1);
  }
  return ends;
}

/** Whether a fit beats the best so far: a higher score, or the same score with stronger header matches. */
function isBetterFit(candidate: LayoutFit, best: LayoutFit | undefined): boolean {
  return (
    !best ||
    candidate.score > best.score ||
    (candidate.score === best.score && candidate.strength > best.strength)
  );
}

/** Header blocks to try: 1 to 3 rows ending just above the data. */
export function headerWindows(grid: Grid, top: SheetTop): number[][] {
  const { cols } = gridSize(grid);
  const out: number[][] = [];
  for (const end of headerEnds(grid, top)) {
    for (let depth = 1; depth <= MAX_HEADER_ROWS; depth++) {
      const headerRows: number[] = [];
      for (let r = end; r >= 0 && headerRows.length < depth; r--) {
        if (r === top.unitRow || r === top.indexRow) break;
        if (isBlankRow(grid, r, cols) || isDataRow(grid, r, cols) || hasUnitLine(grid, r, cols))
          break;
        headerRows.unshift(r);
      }
      if (headerRows.length < depth) break;
      out.push(headerRows);
    }
  }
  return out;
}

function hintScore(top: SheetTop, layout: LayoutDefinition): number {
  const hints = phraseText(top.titleText);
  return Math.min(1, layout.titleHints.filter((h) => matchPhrase(hints, h) > 0).length / 2);
}

function fitMatrix(
  grid: Grid,
  top: SheetTop,
  base: LayoutDefinition,
  period: string | undefined,
): LayoutFit {
  let best: LayoutFit | undefined;
  const required = base.columns.filter((c) => c.required).length;
  for (const headerRows of headerWindows(grid, top)) {
    const m = matchMatrix(grid, headerRows, base, period);
    if (!m) continue;
    const codes = new Set(m.projects.map((p) => p.code)).size;
    const score =
      0.6 * ((required - m.missing.length) / required) +
      0.3 * Math.min(1, codes / 2) +
      0.1 * hintScore(top, base);
    const candidate: LayoutFit = {
      layout: m.layout,
      score: Math.round(score * 1000) / 1000,
      headerRows,
      columns: m.columns,
      paths: headerPaths(grid, headerRows),
      missing: m.missing,
      strength: m.fit,
      matrix: m.projects,
    };
    if (isBetterFit(candidate, best)) best = candidate;
  }
  return (
    best ?? {
      layout: base,
      score: 0,
      headerRows: [],
      columns: new Map(),
      paths: [],
      missing: base.columns.filter((c) => c.required).map((c) => c.key),
      strength: 0,
    }
  );
}

function fitLayout(grid: Grid, top: SheetTop, layout: LayoutDefinition): LayoutFit {
  let best: LayoutFit | undefined;
  const required = layout.columns.filter((c) => c.required).map((c) => c.key);
  const numericKeys = layout.columns.filter((c) => c.kind !== 'text' && c.kind !== 'code').length;
  const hints = hintScore(top, layout);
  for (const headerRows of headerWindows(grid, top)) {
    const paths = headerPaths(grid, headerRows);
    const { map, fit } = matchColumns(layout, paths);
    const missing = required.filter((k) => !map.has(k));
    const numeric = layout.columns.filter(
      (c) => c.kind !== 'text' && c.kind !== 'code' && map.has(c.key),
    ).length;
    const score =
      0.6 * ((required.length - missing.length) / Math.max(1, required.length)) +
      0.25 * Math.min(1, numeric / Math.max(1, Math.min(3, numericKeys))) +
      0.1 * hints +
      0.05 * Math.min(1, fit / 10);
    const candidate: LayoutFit = {
      layout,
      score: Math.round(score * 1000) / 1000,
      headerRows,
      columns: map,
      paths,
      missing,
      strength: fit,
    };
    if (isBetterFit(candidate, best)) best = candidate;
  }
  return (
    best ?? {
      layout,
      score: 0,
      headerRows: [],
      columns: new Map(),
      paths: [],
      missing: required,
      strength: 0,
    }
  );
}

const MONEY_UNITS = new Set(['dong', 'nghin', 'trieu', 'ty']);

/**
 * A fit whose layout contradicts the sheet's own unit line (targets of households or percentages
 * in a sheet "Đơn vị tính: triệu đồng", a budget in a sheet of households) counts half: the sheet
 * says what it holds more surely than a header word does.
 */
function withUnit(top: SheetTop, fit: LayoutFit): LayoutFit {
  const unit = top.unit;
  if (!unit) return fit;
  const money = MONEY_UNITS.has(unit);
  const conflict =
    (money && fit.layout.kind !== 'budget') ||
    ((unit === 'households' || unit === 'percent') && fit.layout.kind === 'budget');
  return conflict ? { ...fit, score: Math.round(fit.score * 500) / 1000 } : fit;
}

/**
 * Find the layout that best fits a sheet, with its header rows and the column of each key.
 * The caller can force a layout with `options.layout`.
 *
 * @example
 * const d = detectLayout(grid);
 * d.fit?.layout.id; // 'budget-allocation'
 * d.fit?.columns.get('total'); // 2 (column C)
 */
export function detectLayout(grid: Grid, options: DetectOptions = {}): Detection {
  const top = readSheetTop(grid);
  const layouts = options.layouts ?? BUILT_IN_LAYOUTS;
  const candidates = layouts
    .filter((l) => !options.layout || l.id === options.layout)
    .map((l) =>
      withUnit(
        top,
        l.id === BUDGET_MATRIX.id
          ? fitMatrix(grid, top, l, options.period)
          : fitLayout(grid, top, l),
      ),
    )
    .sort((a, b) => b.score - a.score);
  const first = candidates[0];
  // A layout the sheet was not told to use, that lacks one of its required columns, is a guess:
  // the sheet is read by its own structure instead, and the layout stays the closest candidate.
  const fit =
    first && (options.layout || (first.score >= MIN_SCORE && first.missing.length === 0))
      ? first
      : null;
  const lastHeader = fit?.headerRows[fit.headerRows.length - 1] ?? -1;
  let firstDataRow = Math.max(lastHeader + 1, (top.indexRow ?? -1) + 1);
  if (fit === null && top.firstNumericRow >= 0) firstDataRow = top.firstNumericRow;
  return { fit, candidates, top, firstDataRow };
}
