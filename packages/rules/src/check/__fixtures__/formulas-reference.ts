// PRE-OPTIMISATION REFERENCE — not used by the rules themselves.
// The formula checks of check/formulas.ts exactly as they were before their speed-up, copied
// verbatim at commit 0ac6966, with the formula helpers they called taken from the reference copy
// of formula/refs.ts. The equivalence test (check/formulas.equivalence.test.ts) runs these and
// the current checks on many sheets and wants identical issue lists.
import { toA1 } from '../../grid/a1.js';
import { getCell, gridSize } from '../../grid/grid.js';
import {
  additiveRefsReference as additiveRefs,
  externalBooksReference as externalBooks,
  toR1C1Reference as toR1C1,
} from '../../formula/__fixtures__/refs-reference.js';
import { makeIssue } from '../issue.js';
import { shortLabel, type ModelRow, type SheetModel } from '../model.js';
import { crossfootEquations, rowList, summableKeys } from '../sums.js';
import type { Issue } from '../types.js';

/** Formulas that read another workbook: the figures change when that file does, or break when it moves. */
export function checkExternalRefs(m: SheetModel, issues: Issue[]): void {
  const { rows, cols } = gridSize(m.grid);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const f = getCell(m.grid, r, c)?.formula;
      if (!f || !f.includes('[')) continue;
      const books = externalBooks(f);
      if (books.length)
        issues.push(
          makeIssue({
            code: 'formula/external-ref',
            severity: 'warning',
            row: r,
            col: c,
            text: { formula: f, books: books.join(', ') },
          }),
        );
    }
  }
}

function descendants(m: SheetModel, i: number, out = new Set<number>()): Set<number> {
  for (const c of (m.rows[i] as ModelRow).children) {
    out.add((m.rows[c] as ModelRow).row);
    descendants(m, c, out);
  }
  return out;
}

/** A total's SUM leaves out a child row, or takes in a grandchild or a "Trong đó" row. */
export function checkOmittedRows(m: SheetModel, issues: Issue[]): void {
  const ofWhich = new Set(m.rows.filter((x) => x.ofWhich || x.isOfWhichHeading).map((x) => x.row));
  const keys = summableKeys(m);
  m.rows.forEach((parent, i) => {
    if (parent.children.length === 0) return;
    const childRows = new Map(
      parent.children.map((c) => [(m.rows[c] as ModelRow).row, m.rows[c] as ModelRow]),
    );
    // The rows below this one, walked only when a formula adds a row that is not a child.
    let below: Set<number> | undefined;
    for (const key of keys) {
      const col = m.columns.get(key) as number;
      const formula = getCell(m.grid, parent.row, col)?.formula;
      if (!formula) continue;
      const refs = additiveRefs(formula);
      if (!refs || refs.cells.some((c) => c.col !== col)) continue;
      const refRows = new Set(refs.cells.map((c) => c.row));
      const omitted = [...childRows.keys()].filter(
        (r) => !refRows.has(r) && childRows.get(r)?.values.get(key),
      );
      const doubled = [...refRows].filter(
        (r) => (!childRows.has(r) && (below ??= descendants(m, i)).has(r)) || ofWhich.has(r),
      );
      if (omitted.length === 0 && doubled.length === 0) continue;
      const detail = [
        omitted.length
          ? { vi: `bỏ sót dòng ${rowList(omitted)}`, en: `leaves out row(s) ${rowList(omitted)}` }
          : null,
        doubled.length
          ? {
              vi: `cộng cả dòng ${rowList(doubled)} (dòng cháu hoặc dòng "Trong đó")`,
              en: `also adds row(s) ${rowList(doubled)} (grandchildren or "of which" rows)`,
            }
          : null,
      ].filter((d): d is { vi: string; en: string } => d !== null);
      issues.push(
        makeIssue({
          code: 'formula/omits-row',
          severity: 'error',
          row: parent.row,
          col,
          text: {
            label: shortLabel(parent),
            formula,
            detail: detail.map((d) => d.vi).join('; '),
            detailEn: detail.map((d) => d.en).join('; '),
            rows: rowList([...childRows.keys()]),
          },
        }),
      );
    }
  });
}

interface Derived {
  readonly row: number;
  readonly col: number;
  readonly group: string;
}

/** The cells a layout derives: sub-totals and totals, cross-foot totals, rates, reductions. */
function derivedCells(m: SheetModel): Derived[] {
  const out: Derived[] = [];
  const seen = new Set<number>();
  const width = Math.max(0, ...m.columns.values()) + 1;
  const add = (row: number, col: number, group: string) => {
    const id = row * width + col;
    if (!seen.has(id)) {
      seen.add(id);
      out.push({ row, col, group });
    }
  };
  const targets = crossfootEquations(m).map((eq) => ({
    ...eq,
    col: m.columns.get(eq.target) as number,
    group: `crossfoot:${eq.target}`,
  }));
  const foot = summableKeys(m).map((key) => ({
    col: m.columns.get(key) as number,
    group: `foot:${key}`,
  }));
  for (const x of m.rows) {
    // A parent's total belongs with the other parents' sums (its siblings for "typed where they
    // have formulas"), before the row's cross-foot.
    if (x.children.length) for (const f of foot) add(x.row, f.col, f.group);
    for (const eq of targets) {
      if (eq.parts.some((p) => x.values.get(p))) add(x.row, eq.col, eq.group);
    }
    for (const r of m.layout.rates)
      if (m.columns.has(r.rate) && x.values.get(r.count) && x.values.get(r.base))
        add(x.row, m.columns.get(r.rate) as number, `rate:${r.rate}`);
    for (const d of m.layout.differences)
      if (m.columns.has(d.result) && x.values.get(d.from) && x.values.get(d.to))
        add(x.row, m.columns.get(d.result) as number, `diff:${d.result}`);
  }
  return out;
}

/** A total, sub-total or rate typed as a number where its siblings (or the layout) have formulas. */
export function checkHardcodedTotals(m: SheetModel, issues: Issue[]): void {
  const cells = derivedCells(m);
  const columns = [...m.columns.values()];
  const sheetHasFormulas = m.rows.some((x) =>
    columns.some((c) => getCell(m.grid, x.row, c)?.formula),
  );
  if (!sheetHasFormulas) return; // a typed or scanned copy: no formula to expect
  const groups = new Map<string, Derived[]>();
  for (const d of cells) {
    const members = groups.get(d.group);
    if (members) members.push(d);
    else groups.set(d.group, [d]);
  }
  for (const members of groups.values()) {
    const withFormula = members.filter((d) => getCell(m.grid, d.row, d.col)?.formula).length;
    const typed = members.filter((d) => {
      const cell = getCell(m.grid, d.row, d.col);
      return cell && !cell.formula && typeof cell.value === 'number';
    }).length;
    for (const d of members) {
      const cell = getCell(m.grid, d.row, d.col);
      if (!cell || cell.formula || typeof cell.value !== 'number') continue;
      // Warned of where the typed cells are the exceptions: formulas as many at least.
      const siblingsHave = withFormula > 0 && withFormula >= typed;
      issues.push(
        makeIssue({
          code: 'formula/hardcoded-total',
          severity: siblingsHave ? 'warning' : 'info',
          row: d.row,
          col: d.col,
          messageKey: siblingsHave
            ? 'issue.formula/hardcoded-total'
            : 'issue.formula/hardcoded-total.expected',
          actual: String(cell.value),
        }),
      );
    }
  }
}

/** A formula cell with its formula in relative R1C1 form. */
interface FormulaCell {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  readonly r1c1: string;
}

function flagOutliers(
  m: SheetModel,
  issues: Issue[],
  cells: readonly FormulaCell[],
  scope: 'row' | 'column',
): void {
  if (cells.length < 3) return;
  const counts = new Map<string, number>();
  for (const c of cells) counts.set(c.r1c1, (counts.get(c.r1c1) ?? 0) + 1);
  const [pattern, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
  if (count < 2 || count * 2 <= cells.length) return;
  const example = cells.find((c) => c.r1c1 === pattern) as (typeof cells)[number];
  for (const c of cells) {
    if (c.r1c1 === pattern) continue;
    issues.push(
      makeIssue({
        code: 'formula/inconsistent',
        severity: 'warning',
        row: c.row,
        col: c.col,
        messageKey:
          scope === 'row' ? 'issue.formula/inconsistent.row' : 'issue.formula/inconsistent',
        text: {
          formula: c.formula,
          example: example.formula,
          exampleCell: toA1(example.row, example.col),
          count,
          total: cells.length,
        },
      }),
    );
  }
}

/** A formula that breaks the pattern of its column (leaf rows) or its row (a total's SUMs), in relative R1C1 form. */
export function checkInconsistentFormulas(m: SheetModel, issues: Issue[]): void {
  // A row's SUMs compare with each other; cross-foot totals and reductions have formulas of their own.
  const targets = new Set([
    ...crossfootEquations(m).map((e) => e.target),
    ...m.layout.differences.map((d) => d.result),
  ]);
  const leaves = m.rows.filter((x) => x.children.length === 0 && !x.isTotal && !x.ofWhich);
  for (const [key, col] of m.columns) {
    const kind = m.defs.get(key)?.kind;
    if (kind !== 'money' && kind !== 'count' && kind !== 'percent') continue;
    const cells: FormulaCell[] = [];
    for (const x of leaves) {
      const formula = getCell(m.grid, x.row, col)?.formula;
      if (formula) cells.push({ row: x.row, col, formula, r1c1: toR1C1(formula, x.row, col) });
    }
    flagOutliers(m, issues, cells, 'column');
  }
  const sumCols = summableKeys(m)
    .filter((k) => !targets.has(k))
    .map((k) => m.columns.get(k) as number);
  for (const x of m.rows) {
    if (x.children.length === 0) continue;
    const cells: FormulaCell[] = [];
    for (const col of sumCols) {
      const formula = getCell(m.grid, x.row, col)?.formula;
      if (formula) cells.push({ row: x.row, col, formula, r1c1: toR1C1(formula, x.row, col) });
    }
    flagOutliers(m, issues, cells, 'row');
  }
}

/** Every formula check. */
export function checkFormulasReference(m: SheetModel, issues: Issue[]): void {
  checkExternalRefs(m, issues);
  checkOmittedRows(m, issues);
  checkHardcodedTotals(m, issues);
  checkInconsistentFormulas(m, issues);
}
