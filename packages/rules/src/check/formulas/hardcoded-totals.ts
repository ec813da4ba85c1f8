import { makeIssue } from '../issue.js';
import { type ModelRow, type SheetModel } from '../model.js';
import { crossfootEquations, summableKeys } from '../sums.js';
import type { Issue } from '../types.js';
import { SheetFormulas, numberAt } from './sheet-formulas.js';

/**
 * The derived cells of one kind — a column's sub-totals and totals, a cross-foot total, a rate, a
 * reduction — as the hard-coded check needs them: whether any has a formula, and the ones typed
 * as numbers.
 */
interface DerivedGroup {
  /** Whether any of the group's cells holds a formula. */
  withFormula: boolean;
  /** How many of the group's cells hold a formula. */
  formulas: number;
  /** The group's cells that hold a typed number, in sheet order. */
  readonly typed: Array<{ readonly row: number; readonly col: number; readonly value: number }>;
  /** Whether the group has a cell yet: groups come in the order of their first cell. */
  listed: boolean;
}

/** A rule of the layout that derives a cell of some rows: a cross-foot, a rate, a reduction. */
interface DerivationRule {
  /** The column of the cells it derives. */
  readonly col: number;
  readonly group: DerivedGroup;
  /**
   * It derives the cell of a row with a number in any of these columns (`any`: a cross-foot's
   * parts), or in all of them (a rate's count and base, a reduction's two years): see
   * {@link derives}. Data, not a function made per sheet.
   */
  readonly keys: readonly string[];
  readonly any: boolean;
  /** Whether no rule after it (in the order they are tried on a row) derives cells of its column. */
  last: boolean;
}

/** The groups of derived cells, and the rules that derive them in the order they are tried on a row. */
function derivationRules(m: SheetModel): {
  foot: Array<{ readonly col: number; readonly group: DerivedGroup }>;
  rules: DerivationRule[];
} {
  const byName = new Map<string, DerivedGroup>();
  const group = (name: string): DerivedGroup => {
    let g = byName.get(name);
    if (!g) byName.set(name, (g = { withFormula: false, formulas: 0, typed: [], listed: false }));
    return g;
  };
  const column = (key: string) => m.columns.get(key) as number;
  const rule = (
    col: number,
    name: string,
    keys: readonly string[],
    any: boolean,
  ): DerivationRule => ({ col, group: group(name), keys, any, last: true });
  // A parent row's sums, then each row's cross-foot totals, rates and reductions.
  const foot = summableKeys(m).map((key) => ({ col: column(key), group: group(`foot:${key}`) }));
  const rules: DerivationRule[] = [
    ...crossfootEquations(m).map((eq) =>
      rule(column(eq.target), `crossfoot:${eq.target}`, eq.parts, true),
    ),
    ...m.layout.rates
      .filter((r) => m.columns.has(r.rate))
      .map((r) => rule(column(r.rate), `rate:${r.rate}`, [r.count, r.base], false)),
    ...m.layout.differences
      .filter((d) => m.columns.has(d.result))
      .map((d) => rule(column(d.result), `diff:${d.result}`, [d.from, d.to], false)),
  ];
  rules.forEach((r, k) => (r.last = !rules.slice(k + 1).some((later) => later.col === r.col)));
  return { foot, rules };
}

/** Whether a rule derives the cell of row `x`: a number in any (or all) of its columns. */
function derives(rule: DerivationRule, x: ModelRow): boolean {
  const { keys, any } = rule;
  for (let k = 0; k < keys.length; k++) if (x.values.has(keys[k] as string) === any) return any;
  return !any;
}

/**
 * The groups of cells a layout derives (sub-totals and totals, cross-foot totals, rates,
 * reductions), in the order of their first cell. A cell two rules derive belongs to the first.
 */
function derivedGroups(m: SheetModel, formulas: SheetFormulas): DerivedGroup[] {
  const cells = new DerivedCells(m, formulas);
  for (let i = 0; i < m.rows.length; i++) cells.row(i);
  return cells.groups;
}

/** {@link derivedGroups}, one row at a time. */
class DerivedCells {
  /** The groups with a cell, in the order of their first cell. */
  readonly groups: DerivedGroup[] = [];
  private readonly foot: ReadonlyArray<{ readonly col: number; readonly group: DerivedGroup }>;
  private readonly rules: readonly DerivationRule[];
  /** The row of the model whose cell of each sheet column was last given to a group. */
  private readonly takenBy: Int32Array;

  constructor(
    private readonly m: SheetModel,
    private readonly formulas: SheetFormulas,
  ) {
    ({ foot: this.foot, rules: this.rules } = derivationRules(m));
    this.takenBy = new Int32Array(Math.max(0, ...m.columns.values()) + 1).fill(-1);
  }

  /** Give the derived cells of row `i` of the model to their groups. */
  row(i: number): void {
    const { formulas, foot, rules, takenBy } = this;
    // A parent's total belongs with the other parents' sums (its siblings for "typed where they
    // have formulas"), before the row's cross-foot.
    if (formulas.isParent(i))
      for (let k = 0; k < foot.length; k++) {
        const f = foot[k] as { col: number; group: DerivedGroup };
        if (takenBy[f.col] !== i) this.add(i, f.col, f.group);
      }
    for (let k = 0; k < rules.length; k++) {
      const rule = rules[k] as DerivationRule;
      const { col, group: g, last } = rule;
      // Whether the rule derives this row's cell (a look at the row's figures) is worth asking
      // only when the answer can change something: a cell that is neither a formula nor a number,
      // or a formula in a group known to have formulas, adds nothing to a group already listed —
      // unless a later rule of the same column would take the cell instead.
      if (last && g.listed) {
        if (formulas.has(i, col)) {
          if (g.withFormula) {
            // Counted without asking whether the rule derives it: a formula where the group's
            // cells are is one of them.
            if (takenBy[col] !== i) g.formulas++;
            continue;
          }
        } else if (numberAt(this.m.grid, formulas.sheetRow[i] as number, col) === undefined)
          continue;
      }
      if (takenBy[col] !== i && derives(rule, this.m.rows[i] as ModelRow)) this.add(i, col, g);
    }
  }

  private add(i: number, col: number, g: DerivedGroup): void {
    this.takenBy[col] = i;
    if (this.formulas.has(i, col)) {
      g.withFormula = true;
      g.formulas++;
    } else {
      const row = this.formulas.sheetRow[i] as number;
      const value = numberAt(this.m.grid, row, col);
      if (value !== undefined) g.typed.push({ row, col, value });
    }
    if (!g.listed) {
      g.listed = true;
      this.groups.push(g);
    }
  }
}

/**
 * A total, sub-total or rate typed as a number where its siblings have formulas (a warning: the
 * typed ones are the exceptions), or where the layout expects one (a note: most of the group is
 * typed, as in a sheet whose totals are typed and only the grand total is a formula).
 */
export function checkHardcodedTotals(
  m: SheetModel,
  issues: Issue[],
  formulas: SheetFormulas = new SheetFormulas(m),
): void {
  if (!formulas.inTable) return; // a typed or scanned copy: no formula to expect
  for (const g of derivedGroups(m, formulas)) {
    // The typed cells stand out from their siblings only where the formulas are as many at least.
    const exceptions = g.withFormula && g.formulas >= g.typed.length;
    for (const d of g.typed) {
      issues.push(
        makeIssue({
          code: 'formula/hardcoded-total',
          severity: exceptions ? 'warning' : 'info',
          row: d.row,
          col: d.col,
          messageKey: exceptions
            ? 'issue.formula/hardcoded-total'
            : 'issue.formula/hardcoded-total.expected',
          actual: String(d.value),
        }),
      );
    }
  }
}
