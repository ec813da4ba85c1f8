import type { Grid } from '../grid/types.js';
import { detectLayout, type Detection } from '../annex/detect.js';
import type { CheckName, LayoutDefinition } from '../annex/schema.js';
import { buildModel, type SheetModel } from '../check/model.js';
import type { Issue, ValidateOptions } from '../check/types.js';
import { treeAllows } from './header-tree.js';
import { footedColumns } from './engine.js';
import { isInferredKey, readStructure, type SheetStructure } from './structure.js';

/** The checks of each kind of layout, when the layout does not name its own. */
export const DEFAULT_CHECKS: Record<LayoutDefinition['kind'], readonly CheckName[]> = {
  budget: ['cells', 'foot', 'crossfoot', 'formulas', 'catalog', 'unit-suspect', 'counterpart'],
  poverty: ['cells', 'foot', 'crossfoot', 'formulas', 'rates', 'targets'],
  service: ['cells', 'foot', 'crossfoot', 'formulas', 'rates', 'service'],
};

/** A sheet read once for validation and fill alike. */
export interface ReadSheet {
  readonly detection: Detection;
  /** Undefined when the sheet has no layout and no numeric column: nothing to read. */
  readonly structure?: SheetStructure;
  /** The rows, their hierarchy and figures, every numeric column included. */
  readonly model?: SheetModel;
  /** The checks the layout asks for (a sheet no layout fits: the foot). */
  readonly checks: readonly CheckName[];
  /** Columns no layout names whose figures do not foot (see `footedColumns`). */
  readonly unfooted: ReadonlySet<string>;
}

/** What {@link readSheet} needs beyond the checks' options. */
export interface ReadSheetOptions extends ValidateOptions {
  readonly layouts?: readonly LayoutDefinition[];
}

/**
 * Read a sheet for the relation engine: detect its layout (or use the one forced), read its
 * structure (header tree, numeric columns, each named as written) and its rows into one model.
 * Columns no layout names take part in the layout's checks only where they foot. Cell-level
 * issues found while reading go to `issues`.
 */
export function readSheet(grid: Grid, options: ReadSheetOptions, issues: Issue[]): ReadSheet {
  const detection = detectLayout(grid, {
    ...(options.layout ? { layout: options.layout } : {}),
    ...(options.layouts ? { layouts: options.layouts } : {}),
    ...(options.period ? { period: options.period } : {}),
  });
  const structure = readStructure(grid, detection);
  if (!structure) return { detection, checks: [], unfooted: new Set() };
  const layout = structure.fit.layout;
  const checks: readonly CheckName[] = detection.fit
    ? (layout.checks ?? DEFAULT_CHECKS[layout.kind])
    : (layout.checks ?? ['foot']);
  const read = buildModel(
    grid,
    { ...detection, fit: structure.fit, firstDataRow: structure.firstDataRow },
    options,
    issues,
  );
  const { footed, unsupported } = footedColumns(read);
  const columns = new Map([...read.columns].filter(([k]) => !isInferredKey(k) || footed.has(k)));
  const tree = structure.tree;
  const model: SheetModel = {
    ...read,
    columns,
    names: structure.names,
    allows: (target, part) => treeAllows(tree, target, part),
  };
  return { detection, structure, model, checks, unfooted: unsupported };
}
