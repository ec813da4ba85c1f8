import { sumDecimals } from '../money/sum.js';
import { Decimal } from '../money/decimal.js';
import { MAX_EXACT } from '../money/micros.js';
import { makeIssue } from './issue.js';
import { shortLabel, type ModelRow, type SheetModel } from './model.js';
import type { NumericCell } from './read-cell.js';
import type { SheetNumbers } from './row-values.js';
import { roundingTolerance } from './tolerance.js';
import type { Issue } from './types.js';

/** Keys that add up down a column: money and counts. */
export function summableKeys(m: SheetModel): string[] {
  return [...m.columns.keys()].filter((k) => {
    const kind = m.defs.get(k)?.kind;
    return kind === 'money' || kind === 'count';
  });
}

/** "9–12" or "9, 11, 14": 1-based sheet rows, compact. */
export function rowList(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b).map((r) => r + 1);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * The exact sum, in micros, of the cells `list[k] × scale + offset` of the sheet's numbers (a
 * negative `list[k]` is no cell): `null` when every cell is empty, `undefined` when the fast path
 * cannot say (a number without micros, or a sum that could pass 2^53 and lose exactness). Only
 * "this sum equals its total" is decided from it; anything else goes through the `Decimal` path,
 * which words the issues. No cell is made, and no row fetched: row i of the model holds cells
 * `i × width` on (`SheetModel.numbers`). The foot's walk down a column ({@link columnMicrosSum});
 * sums across a row are relations, checked by relations/evaluate.ts.
 */
function microsSum(
  numbers: SheetNumbers,
  list: readonly number[],
  scale: number,
  offset: number,
): number | null | undefined {
  let sum = 0;
  let magnitude = 0;
  let any = false;
  for (let k = 0; k < list.length; k++) {
    const at = list[k] as number;
    if (at < 0) continue;
    const m = numbers.micros(at * scale + offset);
    if (m === null) continue;
    if (m === undefined) return undefined;
    any = true;
    sum += m;
    magnitude += m < 0 ? -m : m;
  }
  if (magnitude > MAX_EXACT) return undefined;
  return any ? sum : null;
}

/** {@link microsSum} of the column at `slot` over the rows of the model at `rows`. */
function columnMicrosSum(
  numbers: SheetNumbers,
  rows: readonly number[],
  slot: number,
): number | null | undefined {
  return slot < 0 ? null : microsSum(numbers, rows, numbers.width, slot);
}

/** Whether the fast path confirms that a total equals the sum of its parts (see microsSum). */
function addsUp(total: number | null | undefined, sum: number | null | undefined): boolean {
  return sum === null || (sum !== undefined && total !== undefined && sum === total);
}

function compare(
  m: SheetModel,
  issues: Issue[],
  at: { row: number; col: number },
  actual: NumericCell,
  expected: Decimal,
  parts: ReadonlyArray<NumericCell | null>,
  key: string,
  failure: (diff: Decimal) => Issue,
): void {
  const diff = actual.value.minus(expected);
  if (diff.isZero()) return;
  const tol = roundingTolerance([actual, ...parts], m.shown.get(key) ?? 0, m.options.tolerance);
  if (diff.abs().lte(tol)) {
    issues.push(
      makeIssue({
        code: 'sum/rounding',
        severity: 'info',
        ...at,
        numbers: { diff: diff.abs().toString(), tolerance: tol.toString() },
        expected: expected.toString(),
        actual: actual.value.toString(),
      }),
    );
    return;
  }
  issues.push(failure(diff));
}

/** Foot: each parent row (and the total row) equals the sum of its children, column by column. */
export function checkFoot(m: SheetModel, issues: Issue[]): void {
  const signFree = new Set(m.layout.differences.map((d) => d.result));
  const parents = m.rows.filter((x) => x.children.length > 0);
  for (const key of summableKeys(m)) {
    const col = m.columns.get(key) as number;
    const def = m.defs.get(key);
    const slot = m.slots.get(key) ?? -1;
    for (let i = 0; i < parents.length; i++) {
      const parent = parents[i] as ModelRow;
      const total = parent.values.microsAt(slot);
      if (total === null) continue;
      // Fast path: the children's micros add up to the parent's exactly (the usual case).
      if (addsUp(total, columnMicrosSum(m.numbers, parent.children, slot))) continue;
      const actual = parent.values.get(key) as NumericCell;
      const kids = parent.children.map((i) => m.rows[i] as ModelRow);
      const parts = kids.map((k) => k.values.get(key) ?? null);
      if (parts.every((p) => p === null)) continue;
      const expected = sumDecimals(parts.map((p) => p?.value ?? 0));
      // A reduction may be written as 24 or as −24 (domain.md §7: "64 → 40 (−24)").
      if (signFree.has(key) && actual.value.eq(expected.negated())) continue;
      compare(m, issues, { row: parent.row, col }, actual, expected, parts, key, (diff) =>
        makeIssue({
          code: 'sum/foot',
          severity: 'error',
          row: parent.row,
          col,
          text: {
            label: shortLabel(parent),
            rows: rowList(kids.map((k) => k.row)),
            column: m.names?.get(key) ?? def?.header ?? key,
            columnEn: m.names?.get(key) ?? def?.headerEn ?? key,
          },
          numbers: { diff: diff.abs().toString() },
          expected: expected.toString(),
          actual: actual.value.toString(),
        }),
      );
    }
  }
}

/** The cross-foot equations that apply to this sheet, as column keys (or physical columns from the index row). */
export function crossfootEquations(m: SheetModel): Array<{ target: string; parts: string[] }> {
  const present = (k: string) => m.columns.has(k);
  const out: Array<{ target: string; parts: string[] }> = [];
  const seen = new Set<string>();
  const add = (target: string, parts: string[]) => {
    const id = `${target}=${[...parts].sort().join('+')}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push({ target, parts });
    }
  };
  // The sheet's own column-index row ("3=4+5") says what its totals add up: it overrides the
  // layout's equation for the same total (a memo column such as "không tính vào tổng" stays out).
  const keyOfCol = new Map([...m.columns.entries()].map(([k, c]) => [c, k]));
  const sheetTargets = new Set<string>();
  for (const eq of m.detection.top.indexEquations) {
    const target = keyOfCol.get(eq.target);
    const parts = eq.parts.map((c) => keyOfCol.get(c));
    if (target && parts.every((p): p is string => p !== undefined)) {
      add(target, parts);
      sheetTargets.add(target);
    }
  }
  // A layout's equation the header tree contradicts (its parts under a group with a total of its
  // own) is not this sheet's arithmetic: the tree's own relations check those columns instead.
  const allowed = (target: string, part: string) =>
    !m.allows || m.allows(m.columns.get(target) as number, m.columns.get(part) as number);
  for (const eq of m.layout.crossfoot) {
    if (!present(eq.target) || sheetTargets.has(eq.target)) continue;
    // A part the sheet lacks may be present as its own parts (NSTW as ĐTPT + sự nghiệp).
    const parts = eq.parts.flatMap((p) => {
      if (present(p)) return [p];
      const sub = m.layout.crossfoot.find((e) => e.target === p);
      return sub ? sub.parts.filter(present) : [];
    });
    if (parts.length >= (eq.minParts ?? 2) && parts.every((p) => allowed(eq.target, p)))
      add(eq.target, parts);
  }
  return out;
}
