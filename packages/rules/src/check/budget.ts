import { isUnknownProject, ProjectMatcher, type MatchOptions } from '../catalog/match.js';
import { cellText, getCell, mergeAt } from '../grid/grid.js';
import { normalizeText } from '../grid/normalize.js';
import { getCatalog, DEFAULT_PERIOD } from '../catalog/registry.js';
import { Decimal, toDecimal } from '../money/decimal.js';
import { MICROS_PER_UNIT } from '../money/micros.js';
import { roundHalfUp } from '../money/round.js';
import { t } from '../messages/catalog.js';
import { makeIssue } from './issue.js';
import { normalizedLabel, shortLabel, valueOf, type ModelRow, type SheetModel } from './model.js';
import type { NumericCell } from './read-cell.js';
import type { SheetNumbers } from './row-values.js';
import type { Issue } from './types.js';

const INVESTMENT_KEYS = ['nstw_dtpt', 'nsdp_dtpt', 'dtpt'];

/** Labels against the catalogue: unknown codes, names that differ, investment capital on recurrent-only lines. */
export function checkCatalog(m: SheetModel, issues: Issue[]): void {
  const labelCol = m.columns.get('label');
  if (labelCol === undefined) return;
  const period = m.options.period ?? DEFAULT_PERIOD;
  const catalog = getCatalog(period);
  let currentProject: string | undefined;
  // The matcher's options change only when a row names another project.
  let options: MatchOptions = { period };
  // Names repeat under every commune: each is matched once (see ProjectMatcher).
  const matcher = new ProjectMatcher();
  for (let i = 0; i < m.rows.length; i++) {
    const x = m.rows[i] as ModelRow;
    if (x.isTotal || x.isOfWhichHeading || x.ofWhich || x.label === '') continue;
    // The answer depends on the enclosing project (`options`), and on the label as typed.
    const match = matcher.match(x.label, options);
    if (!match) continue;
    if (isUnknownProject(match)) {
      issues.push(
        makeIssue({
          code: 'catalog/unknown-project',
          severity: 'error',
          row: x.row,
          col: labelCol,
          text: { label: shortLabel(x), claimed: match.claimed, period },
        }),
      );
      continue;
    }
    if (!match.subproject && match.project.code !== currentProject) {
      currentProject = match.project.code;
      options = { period, parentProject: currentProject };
    }
    if (match.nameMismatch)
      issues.push(
        nameMismatchIssue(
          { row: x.row, col: labelCol },
          match.code,
          match.officialName,
          shortLabel(x),
          match.nameSuggests,
        ),
      );
    const capital = (match.subproject ?? match.project).capital;
    if (capital.includes('investment')) continue;
    // Investment capital in its own columns, or the line's amount under a row group of
    // investment capital ("I. Vốn đầu tư phát triển"): the first such figure when by row group.
    const byGroup = underInvestmentGroup(m, x);
    for (const key of byGroup ? ['total', ...INVESTMENT_KEYS] : INVESTMENT_KEYS) {
      const v = valueOf(x, key);
      const col = m.columns.get(key);
      if (v === null || col === undefined || v.isZero()) continue;
      issues.push(
        makeIssue({
          code: 'catalog/capital-type',
          severity: 'warning',
          row: x.row,
          col,
          text: {
            code: match.code,
            source: catalog?.capitalRule.sourceVi ?? '',
            sourceEn: catalog?.capitalRule.source ?? '',
          },
          actual: v.toString(),
        }),
      );
      if (byGroup) break;
    }
  }
}

/** A row group that gives its lines' capital type: investment ("Vốn đầu tư phát triển", "ĐTPT"). */
const INVESTMENT_GROUP = /^(von )?(dau tu phat trien|dtpt|dau tu)( |$)/;

/** Whether a row sits under a row group of investment capital. */
function underInvestmentGroup(m: SheetModel, x: ModelRow): boolean {
  for (let p = x.parent, depth = 0; p !== null && depth < 8; depth++) {
    const up = m.rows[p] as ModelRow;
    if (INVESTMENT_GROUP.test(normalizedLabel(up))) return true;
    p = up.parent;
  }
  return false;
}

/**
 * The `catalog/name-mismatch` warning: a label's name is not its code's official one, and
 * perhaps another entry's (`suggests`).
 */
function nameMismatchIssue(
  at: { row: number; col: number },
  code: string,
  official: string,
  label: string,
  suggests: string | undefined,
): Issue {
  const suggestion = (lang: 'vi' | 'en') =>
    suggests ? t('issue.catalog/name-mismatch.suggest', { code: suggests }, lang) : '';
  return makeIssue({
    code: 'catalog/name-mismatch',
    severity: 'warning',
    ...at,
    text: { code, official, label, suggest: suggestion('vi'), suggestEn: suggestion('en') },
  });
}

/** The header cell (merged area's top-left) in the header block that carries a normalised text at a column. */
function headerCell(m: SheetModel, col: number, label: string): { row: number; col: number } {
  for (const r of m.detection.fit?.headerRows ?? []) {
    const merge = mergeAt(m.grid, r, col);
    const at = merge ? { row: merge.top, col: merge.left } : { row: r, col };
    if (normalizeText(cellText(getCell(m.grid, at.row, at.col))) === label) return at;
  }
  return { row: m.detection.fit?.headerRows[0] ?? 0, col };
}

/** A unit × project matrix: its project headers against the catalogue, at the header cells. */
export function checkMatrixHeaders(m: SheetModel, issues: Issue[]): void {
  const period = m.options.period ?? DEFAULT_PERIOD;
  const reported = new Set<string>();
  for (const p of m.detection.fit?.matrix ?? []) {
    const at = headerCell(m, p.col, p.label);
    const id = `${at.row}:${at.col}`;
    if (reported.has(id)) continue;
    if (p.unknown) {
      reported.add(id);
      issues.push(
        makeIssue({
          code: 'catalog/unknown-project',
          severity: 'error',
          ...at,
          text: { label: p.label, claimed: p.code, period },
        }),
      );
    } else if (p.nameMismatch) {
      reported.add(id);
      issues.push(nameMismatchIssue(at, p.code, p.officialName ?? '', p.label, p.nameSuggests));
    }
  }
}

const MILLION = new Decimal(1_000_000);
const SUSPECT_RATIO = new Decimal(10_000);

/** A decimal's absolute value, without a new object when it is not negative (decimals never change). */
function absOf(v: Decimal): Decimal {
  return v.isNegative() ? v.abs() : v;
}

/**
 * The value at index `k` of `items` sorted by `compare` (the array is reordered), in linear time
 * on average: quickselect with a median-of-three pivot.
 */
export function kthSmallest<T>(items: T[], k: number, compare: (a: T, b: T) => number): T {
  const a = items as T[] & { [i: number]: T };
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // Median of three as the pivot, moved to `hi`.
    const mid = (lo + hi) >>> 1;
    if (compare(a[mid]!, a[lo]!) < 0) [a[mid], a[lo]] = [a[lo]!, a[mid]!];
    if (compare(a[hi]!, a[lo]!) < 0) [a[hi], a[lo]] = [a[lo]!, a[hi]!];
    if (compare(a[mid]!, a[hi]!) < 0) [a[mid], a[hi]] = [a[hi]!, a[mid]!];
    const pivot = a[hi]!;
    // Three-way partition: [lo, lt) < pivot, [lt, gt] = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const x = a[i]!;
      const c = compare(x, pivot);
      if (c < 0) {
        a[i++] = a[lt]!;
        a[lt++] = x;
      } else if (c > 0) {
        a[i] = a[gt]!;
        a[gt--] = x;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[k]!;
}

/** A million, in micros (money/micros.ts). */
const MILLION_MICROS = 1e6 * MICROS_PER_UNIT;

/** A column's non-zero leaf amounts in absolute value, in micros, and the largest of them. */
interface MicrosColumn {
  readonly amounts: Float64Array;
  readonly largest: number;
}

/**
 * Each column's non-zero leaf amounts (the columns at `slots`), in absolute value, from their
 * micros, in one pass over the leaves; `undefined` for a column where some amount has no micros
 * (then the `Decimal` path reads it).
 */
function amountsFromMicros(
  numbers: SheetNumbers,
  leaves: readonly number[],
  slots: readonly number[],
): Array<MicrosColumn | undefined> {
  const values = slots.map(() => new Float64Array(leaves.length));
  const counts = slots.map(() => 0);
  const largest = slots.map(() => 0);
  const exact = slots.map(() => true);
  for (let k = 0; k < leaves.length; k++) {
    const i = leaves[k] as number;
    for (let c = 0; c < slots.length; c++) {
      if (!exact[c]) continue;
      const micros = numbers.rowMicros(i, slots[c] as number);
      if (micros === null || micros === 0) continue;
      if (micros === undefined) {
        exact[c] = false;
        continue;
      }
      const abs = micros < 0 ? -micros : micros;
      (values[c] as Float64Array)[counts[c] as number] = abs;
      counts[c] = (counts[c] as number) + 1;
      if (abs > (largest[c] as number)) largest[c] = abs;
    }
  }
  return slots.map((_, c) =>
    exact[c]
      ? {
          amounts: (values[c] as Float64Array).subarray(0, counts[c] as number),
          largest: largest[c] as number,
        }
      : undefined,
  );
}

/** A column's median amount, and how many amounts it is the median of. */
interface ColumnMedian {
  readonly median: Decimal;
  readonly count: number;
}

/** The median of a column's non-zero leaf amounts, in absolute value (`fast`: from micros, when known). */
function columnMedian(
  m: SheetModel,
  leaves: readonly number[],
  key: string,
  fast: MicrosColumn | undefined,
): ColumnMedian {
  if (fast) {
    const count = fast.amounts.length;
    if (count < 3) return { median: new Decimal(0), count };
    // Quickselect reorders the column in place: it reads and writes by index only.
    const column = fast.amounts as unknown as number[];
    const k = kthSmallest(column, Math.floor(count / 2), (a, b) => a - b);
    return { median: new Decimal(k).dividedBy(MICROS_PER_UNIT), count };
  }
  const values: Decimal[] = [];
  for (const i of leaves) {
    const v = valueOf(m.rows[i] as ModelRow, key);
    if (v !== null && !v.isZero()) values.push(absOf(v));
  }
  if (values.length < 3) return { median: new Decimal(0), count: values.length };
  // The column's median, once per column (not once per row: that was quadratic).
  const median = kthSmallest(values, Math.floor(values.length / 2), (a, b) => a.comparedTo(b));
  return { median, count: values.length };
}

/** Amounts about a million times their column's other figures: đồng typed in a triệu-đồng sheet (or the reverse). */
export function checkUnitSuspect(m: SheetModel, issues: Issue[]): void {
  const unitNames: Record<string, { vi: string; en: string }> = {
    dong: { vi: 'đồng', en: 'đồng' },
    trieu: { vi: 'triệu đồng', en: 'million đồng' },
  };
  const sheetUnit = m.unit === 'dong' ? 'dong' : 'trieu';
  // The leaves by their index in the model: their figures are read from the sheet's store.
  const leaves: number[] = [];
  for (let i = 0; i < m.rows.length; i++) {
    const x = m.rows[i] as ModelRow;
    if (x.children.length === 0 && !x.isTotal) leaves.push(i);
  }
  const money = [...m.columns].filter(([key]) => m.defs.get(key)?.kind === 'money');
  const slots = money.map(([key]) => m.slots.get(key) ?? -1);
  const fast = amountsFromMicros(m.numbers, leaves, slots);
  for (const [c, [key, col]] of money.entries()) {
    const slot = slots[c] as number;
    const micros = fast[c];
    // In a triệu-đồng sheet only amounts of a million or more can be suspect: a column without
    // one needs no median.
    if (sheetUnit === 'trieu' && micros !== undefined && micros.largest < MILLION_MICROS) continue;
    const { median, count } = columnMedian(m, leaves, key, micros);
    if (count < 3 || median.isZero()) continue;
    const bigFrom = median.times(SUSPECT_RATIO);
    for (let k = 0; k < leaves.length; k++) {
      const i = leaves[k] as number;
      const micros = m.numbers.rowMicros(i, slot);
      // In a triệu-đồng sheet only amounts of a million or more can be suspect: most rows are
      // ruled out by their micros without a Decimal.
      if (
        micros === null ||
        micros === 0 ||
        (sheetUnit === 'trieu' && micros !== undefined && Math.abs(micros) < MILLION_MICROS)
      )
        continue;
      const x = m.rows[i] as ModelRow;
      const v = (x.values.get(key) as NumericCell).value;
      if (v.isZero()) continue;
      const abs = absOf(v);
      const big = sheetUnit === 'trieu' && abs.gte(MILLION) && abs.gte(bigFrom);
      const small = sheetUnit === 'dong' && abs.lt(MILLION) && abs.times(SUSPECT_RATIO).lte(median);
      if (!big && !small) continue;
      const ratio = big ? abs.dividedBy(median) : median.dividedBy(abs);
      const typed = big ? 'dong' : 'trieu';
      issues.push(
        makeIssue({
          code: 'budget/unit-suspect',
          severity: 'warning',
          row: x.row,
          col,
          text: {
            typedUnit: unitNames[typed]?.vi ?? typed,
            typedUnitEn: unitNames[typed]?.en ?? typed,
            sheetUnit: unitNames[sheetUnit]?.vi ?? sheetUnit,
            sheetUnitEn: unitNames[sheetUnit]?.en ?? sheetUnit,
          },
          numbers: { ratio: roundHalfUp(ratio, -0).toDecimalPlaces(0).toString() },
          expected: (big ? v.dividedBy(MILLION) : v.times(MILLION)).toString(),
          actual: v.toString(),
        }),
      );
    }
  }
}

/** NSĐP's share of the total, on the total row (or each top-level row), against the ratio the user set. */
export function checkCounterpart(m: SheetModel, issues: Issue[]): void {
  const ratio = m.options.counterpartRatio;
  if (ratio === undefined || ratio === '') return;
  const min = toDecimal(ratio);
  // NSĐP as one column, or as its parts (ĐTPT + sự nghiệp, or tỉnh + huyện + xã).
  const localKeys = m.columns.has('nsdp')
    ? ['nsdp']
    : ['nsdp_dtpt', 'nsdp_sn', 'nsdp_tinh', 'nsdp_huyen', 'nsdp_xa'].filter((k) =>
        m.columns.has(k),
      );
  const col = m.columns.get(localKeys[0] ?? '');
  if (col === undefined || !m.columns.has('total')) return;
  const rows = m.total !== null ? [m.rows[m.total]] : m.roots.map((i) => m.rows[i]);
  for (const x of rows) {
    const total = valueOf(x, 'total');
    if (!x || total === null || total.lte(0)) continue;
    const local = localKeys.reduce((sum, k) => sum.plus(valueOf(x, k) ?? 0), new Decimal(0));
    const share = roundHalfUp(local.dividedBy(total).times(100), 2);
    if (share.lt(min)) {
      issues.push(
        makeIssue({
          code: 'budget/counterpart-ratio',
          severity: 'warning',
          row: x.row,
          col,
          text: { label: shortLabel(x) },
          expected: min.toString(),
          actual: share.toString(),
        }),
      );
    }
  }
}
