import type { Grid } from '../grid/types.js';
import { matchPhrase, phraseText } from './phrases.js';
import { headerPaths, matchColumns, type ColumnMap } from './columns.js';
import { readSheetTop, type SheetTop } from './header.js';
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

/** Whether a fit beats the best so far: a higher score, or the same score with stronger header matches. */
function isBetterFit(candidate: LayoutFit, best: LayoutFit | undefined): boolean {
  return (
    !best ||
    candidate.score > best.score ||
    (candidate.score === best.score && candidate.strength > best.strength)
  );
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
  for (const headerRows of top.headerWindows) {
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
  for (const headerRows of top.headerWindows) {
    const paths = headerPaths(grid, headerRows);
    const { map, fit } = readByPlace(layout, matchColumns(layout, paths));
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
 * A layout's columns read by where they sit ({@link LayoutDefinition.leftOf}): a column matched
 * as `key` to the right of `of` is `otherwise` (when nothing else is).
 */
function readByPlace(
  layout: LayoutDefinition,
  matched: { map: ColumnMap; fit: number },
): { map: ColumnMap; fit: number } {
  if (layout.leftOf.length === 0) return matched;
  const map = new Map(matched.map);
  for (const rule of layout.leftOf) {
    const col = map.get(rule.key);
    const of = map.get(rule.of);
    if (col === undefined || of === undefined || col < of || map.has(rule.otherwise)) continue;
    map.delete(rule.key);
    map.set(rule.otherwise, col);
  }
  return { map, fit: matched.fit };
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
