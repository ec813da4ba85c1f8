import { toA1 } from '../../grid/a1.js';
import { R1C1Patterns } from '../../formula/patterns.js';
import { makeIssue } from '../issue.js';
import { type SheetModel } from '../model.js';
import { crossfootEquations, summableKeys } from '../sums.js';
import type { Issue } from '../types.js';
import { SheetFormulas, isNumericColumn } from './sheet-formulas.js';

/** Formula cells that should share one R1C1 form: a column's leaf rows, or a total row's sums. */
interface FormulaCells {
  readonly length: number;
  formula(k: number): string;
  row(k: number): number;
  col(k: number): number;
}

/** The formulas of a column in the leaf rows. */
class LeafCells implements FormulaCells {
  /** The rows of the model of the cells, found when first asked for (only to report). */
  private rows: number[] | undefined;

  constructor(
    private readonly formulas: SheetFormulas,
    private readonly column: number,
    readonly length: number,
  ) {}

  private modelRow(k: number): number {
    this.rows ??= this.formulas.leafRows(this.column);
    return this.rows[k] as number;
  }

  formula(k: number): string {
    return this.formulas.at(this.modelRow(k), this.column) as string;
  }

  row(k: number): number {
    return this.formulas.sheetRow[this.modelRow(k)] as number;
  }

  col(): number {
    return this.column;
  }
}

/** Some cells of one sheet row, all of them formulas. */
class RowCells implements FormulaCells {
  constructor(
    private readonly sheetRow: number,
    private readonly cols: readonly number[],
    private readonly formulas: readonly string[],
  ) {}

  get length(): number {
    return this.cols.length;
  }

  formula(k: number): string {
    return this.formulas[k] as string;
  }

  row(): number {
    return this.sheetRow;
  }

  col(k: number): number {
    return this.cols[k] as number;
  }
}

/** The cells' formulas numbered by their R1C1 form. */
function patternsOf(cells: FormulaCells): R1C1Patterns {
  const patterns = new R1C1Patterns(cells.length);
  for (let k = 0; k < cells.length; k++) patterns.add(cells.formula(k), cells.row(k), cells.col(k));
  return patterns;
}

/** Flag the cells whose formula breaks the R1C1 form most of them share (`patterns`: numbered already). */
function flagOutliers(
  issues: Issue[],
  cells: FormulaCells,
  scope: 'row' | 'column',
  patterns?: R1C1Patterns,
): void {
  const total = cells.length;
  if (total < 3) return;
  const numbered = patterns ?? patternsOf(cells);
  const pattern = numbered.commonest();
  const count = numbered.count(pattern);
  if (count < 2 || count * 2 <= total) return;
  const example = numbered.first(pattern);
  for (let k = 0; k < total; k++) {
    if (numbered.numberOf(k) === pattern) continue;
    issues.push(
      makeIssue({
        code: 'formula/inconsistent',
        severity: 'warning',
        row: cells.row(k),
        col: cells.col(k),
        messageKey:
          scope === 'row' ? 'issue.formula/inconsistent.row' : 'issue.formula/inconsistent',
        text: {
          formula: cells.formula(k),
          example: cells.formula(example),
          exampleCell: toA1(cells.row(example), cells.col(example)),
          count,
          total,
        },
      }),
    );
  }
}

/** A formula that breaks the pattern of its column (leaf rows) or its row (a total's SUMs), in relative R1C1 form. */
export function checkInconsistentFormulas(
  m: SheetModel,
  issues: Issue[],
  formulas: SheetFormulas = new SheetFormulas(m),
  sumTargets: readonly string[] = [],
): void {
  // A row's SUMs compare with each other; cross-foot totals (the layout's, the index row's, and
  // those the relations found, such as a disbursed group's "Tổng số") and reductions have
  // formulas of their own.
  const targets = new Set([
    ...crossfootEquations(m).map((e) => e.target),
    ...m.layout.differences.map((d) => d.result),
    ...sumTargets,
  ]);
  for (const [key, col] of m.columns) {
    if (!isNumericColumn(m, key)) continue;
    // Numbered as the sheet was read (see SheetFormulas).
    const patterns = formulas.leafPatterns(col);
    if (patterns)
      flagOutliers(issues, new LeafCells(formulas, col, patterns.length), 'column', patterns);
  }
  const sumCols = summableKeys(m)
    .filter((k) => !targets.has(k))
    .map((k) => m.columns.get(k) as number);
  for (let p = 0; p < formulas.parents.length; p++) {
    const i = formulas.parents[p] as number;
    // Fewer than 3 sums in the row: nothing to compare (and nothing to collect). All of them
    // `SUM(C9:C18)` of their own column's children, as a sub-total's nearly always are: one form.
    let sums = 0;
    let canonical = 0;
    for (let k = 0; k < sumCols.length; k++) {
      const col = sumCols[k] as number;
      if (!formulas.has(i, col)) continue;
      sums++;
      if (formulas.isCanonicalSum(i, col)) canonical++;
    }
    if (sums < 3 || canonical === sums) continue;
    const cols: number[] = [];
    const texts: string[] = [];
    for (const col of sumCols) {
      const formula = formulas.at(i, col);
      if (formula) {
        cols.push(col);
        texts.push(formula);
      }
    }
    flagOutliers(issues, new RowCells(formulas.sheetRow[i] as number, cols, texts), 'row');
  }
}
