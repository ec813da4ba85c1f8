import { Decimal } from '../money/decimal.js';
import { roundHalfUp } from '../money/round.js';
import { makeIssue } from '../check/issue.js';
import { shortLabel, type ModelRow, type SheetModel } from '../check/model.js';
import type { NumericCell } from '../check/read-cell.js';
import {
  figuresOnRow,
  roundingInterval,
  shownPlacesAt,
  type ShownFigure,
} from '../check/tolerance.js';
import { partNames } from './header-tree.js';
import {
  declaredRangeVerdict,
  declaredRateFast,
  declaredRateVerdict,
  declaredReductionFast,
  declaredReductionVerdict,
  isDeclared,
} from './declared.js';
import { MAX_EXACT } from '../money/micros.js';
import type { SheetNumbers } from '../check/row-values.js';
import type { Issue } from '../check/types.js';
import { rowList } from '../check/sums.js';
import type {
  DifferenceRelation,
  FootRelation,
  FlowRelation,
  OfWhichRelation,
  RateRelation,
  Relation,
  SumRelation,
} from './types.js';

/** What the evaluator reads a sheet through: its rows, and each column's place and name. */
export interface RelationContext {
  readonly model: SheetModel;
  /** Physical column of each key. */
  readonly cols: ReadonlyMap<string, number>;
  /** Each key's header as the sheet writes it (for messages). */
  readonly names: ReadonlyMap<string, string>;
}

/** How a relation fared on a sheet. */
export interface Evaluation {
  readonly relation: Relation;
  /** Rows where every cell it needs holds a number (and not all of them zero). */
  readonly evaluated: number;
  /** Of those, the rows where it holds. */
  readonly holds: number;
  /** Whether the figures bear the relation out (always, for a relation that needs no evidence). */
  readonly supported: boolean;
  /** The issues of the rows that break it, and rounding notes; empty unless supported. */
  readonly issues: readonly Issue[];
}

/** Rows an inferred relation must hold on, at least, before it is a rule. */
export const MIN_EVIDENCE_ROWS = 3;
/** The share of its rows an inferred relation must hold on before it is a rule. */
export const MIN_EVIDENCE_SHARE = 0.6;

/** Whether `holds` of `evaluated` rows is evidence enough for an inferred relation. */
export function isSupported(holds: number, evaluated: number): boolean {
  return holds >= MIN_EVIDENCE_ROWS && holds >= MIN_EVIDENCE_SHARE * evaluated;
}

/** Rows a relation the header states outright must hold on, at least. */
export const MIN_HEADER_EVIDENCE_ROWS = 2;
/** The share of its rows a relation the header states outright must hold on. */
export const MIN_HEADER_EVIDENCE_SHARE = 1 / 3;

/**
 * Whether `holds` of `evaluated` rows is evidence enough for a relation the header states
 * outright, with no other reading to choose from ("Chia ra các năm" under a phase total, "Tổng
 * số" first in its group, start / exits / new / end of a period): the header already says what
 * the figures must do, so a small annex with a few wrong rows (and the totals that add them) is
 * still checked — its wrong rows are the issues — rather than passed over.
 */
export function isSupportedByHeader(holds: number, evaluated: number): boolean {
  return holds >= MIN_HEADER_EVIDENCE_ROWS && holds >= MIN_HEADER_EVIDENCE_SHARE * evaluated;
}

/** One row's verdict on a relation: skipped (not all cells there), holds, or an issue. */
type Verdict = null | true | Issue | { readonly rounding: Issue };

const HUNDRED = new Decimal(100);

/**
 * Evaluate one relation over every row of a sheet. An inferred relation (`needsEvidence`) becomes
 * a rule only when the figures bear it out ({@link isSupported}); then each row that breaks it is
 * an issue at the cell it derives. A relation read from the layout or the sheet's own index row
 * needs no evidence. Work is one pass over the rows, whatever the relation.
 */
export function evaluateRelation(
  relation: Relation,
  ctx: RelationContext,
  needsEvidence: boolean,
  supports: (holds: number, evaluated: number) => boolean = isSupported,
): Evaluation {
  const rows = ctx.model.rows;
  const verdict = verdictOf(relation, ctx);
  const fast = fastVerdictOf(relation, ctx.model);
  let evaluated = 0;
  let holds = 0;
  const issues: Issue[] = [];
  // A foot is about the rows with children and the "Trong đó" parts only: every other row is
  // skipped by both verdicts, and not visited.
  const visit = relation.kind === 'foot' ? footRows(rows) : undefined;
  const count = visit ? visit.length : rows.length;
  if (verdict) {
    for (let k = 0; k < count; k++) {
      const i = visit ? (visit[k] as number) : k;
      // Most rows hold exactly, which their micros say without a cell or a Decimal.
      const quick = fast ? fast(i) : SLOW;
      if (quick === null) continue;
      if (quick === true) {
        evaluated++;
        holds++;
        continue;
      }
      const v = verdict(rows[i] as ModelRow);
      if (v === null) continue;
      evaluated++;
      if (v === true) holds++;
      else if ('rounding' in v) {
        holds++;
        issues.push(v.rounding);
      } else issues.push(v);
    }
  }
  const supported = evaluated > 0 && (!needsEvidence || supports(holds, evaluated));
  return { relation, evaluated, holds, supported, issues: supported ? issues : [] };
}

/** What a fast verdict says when only the exact path can: read the cells. */
const SLOW = 0;

/** A row's verdict from its micros alone: skipped (null), holds (true), or ask the exact path. */
type FastVerdict = (i: number) => null | true | typeof SLOW;

/**
 * The micros of row `i` at `slots` summed with `signs` (+1 / −1): null when every cell is empty,
 * SLOW when one has no exact micros or the sum could lose exactness; `zero` says every cell read
 * was zero.
 */
function signedMicros(
  numbers: SheetNumbers,
  i: number,
  slots: readonly number[],
  signs: readonly number[],
  state: { zero: boolean },
): number | null | typeof SLOW {
  let sum = 0;
  let magnitude = 0;
  let any = false;
  for (let k = 0; k < slots.length; k++) {
    const v = numbers.rowMicros(i, slots[k] as number);
    if (v === null) continue;
    if (v === undefined) return SLOW;
    any = true;
    if (v !== 0) state.zero = false;
    sum += (signs[k] as number) * v;
    magnitude += v < 0 ? -v : v;
  }
  if (magnitude > MAX_EXACT) return SLOW;
  return any ? sum : null;
}

function fastVerdictOf(r: Relation, m: SheetModel): FastVerdict | undefined {
  if (isDeclared(r)) {
    if (r.kind === 'rate') return declaredRateFast(r, m);
    if (r.kind === 'difference') return declaredReductionFast(r, m);
    if (r.kind === 'range') return undefined;
  }
  const numbers = m.numbers;
  const slot = (k: string) => m.slots.get(k) ?? -1;
  const state = { zero: true };
  /** `target` = Σ signs × parts, with `need` parts present at least (a flow needs its start). */
  const linear = (target: string, parts: readonly string[], signs: readonly number[]) => {
    const t = slot(target);
    const ps = parts.map(slot);
    if (t < 0 || ps.some((p) => p < 0)) return undefined;
    return (i: number): null | true | typeof SLOW => {
      const total = numbers.rowMicros(i, t);
      if (total === null) return null;
      if (total === undefined) return SLOW;
      state.zero = total === 0;
      const sum = signedMicros(numbers, i, ps, signs, state);
      if (sum === SLOW) return SLOW;
      if (sum === null || state.zero) return null;
      return sum === total ? true : SLOW;
    };
  };
  switch (r.kind) {
    case 'sum':
      return linear(
        r.target,
        r.parts,
        r.parts.map(() => 1),
      );
    case 'flow': {
      const start = slot(r.start);
      const f = linear(
        r.end,
        [r.start, ...r.out, ...r.in],
        [1, ...r.out.map(() => -1), ...r.in.map(() => 1)],
      );
      // The exact path needs the start figure: without it the row is skipped there too.
      return f && ((i) => (numbers.rowMicros(i, start) === null ? null : f(i)));
    }
    case 'difference': {
      const from = slot(r.from);
      const f = linear(r.result, [r.from, r.to], [1, -1]);
      return f && ((i) => (numbers.rowMicros(i, from) === null ? null : f(i)));
    }
    case 'rate': {
      const [rs, cs, bs] = [slot(r.rate), slot(r.count), slot(r.base)];
      if (rs < 0 || cs < 0 || bs < 0) return undefined;
      const half = 0.5 * 10 ** -(m.shown.get(r.rate) ?? 2);
      return (i) => {
        const a = numbers.rowMicros(i, rs);
        const c = numbers.rowMicros(i, cs);
        const b = numbers.rowMicros(i, bs);
        if (a === null || c === null || b === null || b === 0) return null;
        if (a === undefined || c === undefined || b === undefined) return SLOW;
        if (a === 0 && c === 0) return null;
        // Clearly within half a shown unit of count ÷ base × 100 (the exact path's test).
        return Math.abs(a / 1e6 - (c / b) * 100) <= half * 0.999 ? true : SLOW;
      };
    }
    case 'foot': {
      const fs = slot(r.column);
      if (fs < 0) return undefined;
      const rows = m.rows;
      // Parents footEvidence already found to add up (when it read this column).
      const adds = footHolds.get(rows)?.get(fs);
      return (i) => {
        if (adds !== undefined && adds[i] === 1) return true;
        const row = rows[i] as ModelRow;
        const kids = row.children;
        if (kids.length === 0) {
          // A "Trong đó" row: not above the row it is part of (the exact path decides the rest).
          if (!isOfWhichPart(row)) return null;
          const part = numbers.rowMicros(i, fs);
          const whole = numbers.rowMicros(row.parent as number, fs);
          if (part === null || whole === null) return null;
          if (part === undefined || whole === undefined) return SLOW;
          return part >= 0 && part <= whole ? true : SLOW;
        }
        const total = numbers.rowMicros(i, fs);
        if (total === null) return null;
        if (total === undefined) return SLOW;
        let sum = 0;
        let magnitude = total < 0 ? -total : total;
        let any = false;
        for (let k = 0; k < kids.length; k++) {
          const v = numbers.rowMicros(kids[k] as number, fs);
          if (v === null) continue;
          if (v === undefined) return SLOW;
          any = true;
          sum += v;
          magnitude += v < 0 ? -v : v;
        }
        if (!any) return null;
        return magnitude <= MAX_EXACT && sum === total ? true : SLOW;
      };
    }
    default:
      return undefined;
  }
}

function verdictOf(r: Relation, ctx: RelationContext): ((x: ModelRow) => Verdict) | undefined {
  if (isDeclared(r)) {
    // A layout's rates, reductions and bounds, read as the layout means them (declared.ts).
    const { model: m, cols } = ctx;
    if (r.kind === 'rate') return (x) => declaredRateVerdict(r, x, m, cols);
    if (r.kind === 'difference') return (x) => declaredReductionVerdict(r, x, m, cols);
    if (r.kind === 'range') return (x) => declaredRangeVerdict(r, x, m, cols);
  }
  switch (r.kind) {
    case 'sum':
      return (x) => sumVerdict(r, x, ctx);
    case 'of-which':
      return (x) => ofWhichVerdict(r, x, ctx);
    case 'rate':
      return (x) => rateVerdict(r, x, ctx);
    case 'difference':
      return (x) => differenceVerdict(r, x, ctx);
    case 'flow':
      return (x) => flowVerdict(r, x, ctx);
    case 'foot': {
      // A reduction may be written as 24 or as −24 (domain.md §7: "64 → 40 (−24)").
      const signFree = ctx.model.layout.differences.some((d) => d.result === r.column);
      return (x) => footVerdict(r, x, ctx, signFree);
    }
    default:
      return undefined;
  }
}

function cellOf(x: ModelRow, key: string): NumericCell | null {
  return x.values.get(key) ?? null;
}

function name(ctx: RelationContext, key: string): string {
  return ctx.names.get(key) ?? key;
}

function at(ctx: RelationContext, x: ModelRow, key: string): { row: number; col: number } {
  return { row: x.row, col: ctx.cols.get(key) ?? 0 };
}

/**
 * Compare a derived cell with what its relation computes: equal, within the rounding interval of
 * its `figures` (a note), or an issue made by `failure`. The figures are read only when the two
 * differ.
 */
function compare(
  ctx: RelationContext,
  x: ModelRow,
  key: string,
  actual: NumericCell,
  expected: Decimal,
  figures: () => readonly ShownFigure[],
  failure: (diff: Decimal) => Issue,
): Verdict {
  const diff = actual.value.minus(expected);
  if (diff.isZero()) return true;
  const tol = roundingInterval(figures(), ctx.model.unit, ctx.model.options.tolerance);
  if (diff.abs().lte(tol))
    return {
      rounding: makeIssue({
        code: 'sum/rounding',
        severity: 'info',
        ...at(ctx, x, key),
        numbers: { diff: diff.abs().toString(), tolerance: tol.toString() },
        expected: expected.toString(),
        actual: actual.value.toString(),
      }),
    };
  return failure(diff);
}

/**
 * The issue of a derived cell that differs from what its relation computes: `code` at the cell of
 * `key` on row `x`, with the message's text and the difference, expected and actual figures.
 */
function mismatch(
  ctx: RelationContext,
  x: ModelRow,
  key: string,
  code: 'sum/crossfoot' | 'sum/foot' | 'target/flow-mismatch',
  text: Readonly<Record<string, string>>,
  expected: Decimal,
  actual: NumericCell,
  messageKey?: 'issue.sum/crossfoot.difference',
): (diff: Decimal) => Issue {
  return (diff) =>
    makeIssue({
      code,
      severity: 'error',
      ...at(ctx, x, key),
      ...(messageKey ? { messageKey } : {}),
      text,
      numbers: { diff: diff.abs().toString() },
      expected: expected.toString(),
      actual: actual.value.toString(),
    });
}

/** Whether every cell is zero: such a row bears out any sum, so it is no evidence. */
function allZero(cells: ReadonlyArray<NumericCell | null>): boolean {
  return cells.every((c) => c === null || c.value.isZero());
}

function sumVerdict(r: SumRelation, x: ModelRow, ctx: RelationContext): Verdict {
  const actual = cellOf(x, r.target);
  if (!actual) return null;
  const parts = r.parts.map((p) => cellOf(x, p));
  if (parts.every((p) => p === null) || allZero([actual, ...parts])) return null;
  let expected = new Decimal(0);
  for (const p of parts) if (p) expected = expected.plus(p.value);
  const names = partNames(
    name(ctx, r.target),
    r.parts.map((p) => name(ctx, p)),
  );
  return compare(
    ctx,
    x,
    r.target,
    actual,
    expected,
    () => figuresOnRow(ctx.model, x.row, [r.target, ...r.parts], [actual, ...parts], ctx.cols),
    mismatch(
      ctx,
      x,
      r.target,
      'sum/crossfoot',
      {
        label: shortLabel(x),
        column: name(ctx, r.target),
        columnEn: name(ctx, r.target),
        parts: names,
        partsEn: names,
      },
      expected,
      actual,
    ),
  );
}

function ofWhichVerdict(r: OfWhichRelation, x: ModelRow, ctx: RelationContext): Verdict {
  const total = cellOf(x, r.total);
  if (!total) return null;
  const parts = r.parts.map((p) => cellOf(x, p));
  if (parts.every((p) => p === null) || allZero([total, ...parts])) return null;
  const tol = roundingInterval(
    figuresOnRow(ctx.model, x.row, [r.total, ...r.parts], [total, ...parts], ctx.cols),
    ctx.model.unit,
    ctx.model.options.tolerance,
  );
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (!p || p.value.minus(total.value).lte(tol)) continue;
    const key = r.parts[k] as string;
    return makeIssue({
      code: 'sum/crossfoot',
      severity: 'error',
      ...at(ctx, x, key),
      messageKey: 'issue.sum/crossfoot.of-which',
      text: { label: shortLabel(x), column: name(ctx, key), total: name(ctx, r.total) },
      numbers: { diff: p.value.minus(total.value).toString() },
      expected: total.value.toString(),
      actual: p.value.toString(),
    });
  }
  return true;
}

function rateVerdict(r: RateRelation, x: ModelRow, ctx: RelationContext): Verdict {
  const actual = cellOf(x, r.rate);
  const count = cellOf(x, r.count);
  const base = cellOf(x, r.base);
  if (!actual || !count || !base || base.value.isZero()) return null;
  if (allZero([actual, count])) return null;
  const places = ctx.model.shown.get(r.rate) ?? 2;
  const exact = count.value.dividedBy(base.value).times(HUNDRED);
  const expected = roundHalfUp(exact, places);
  if (roundHalfUp(actual.value, places).eq(expected)) return true;
  // A rate typed with fewer decimals than it is shown with is still the rate, within half a unit.
  const half = new Decimal(10).pow(-places).times(0.5);
  if (actual.value.minus(exact).abs().lte(half)) return true;
  return makeIssue({
    code: 'rate/mismatch',
    severity: 'error',
    ...at(ctx, x, r.rate),
    messageKey: 'issue.rate/mismatch.columns',
    text: {
      label: shortLabel(x),
      column: name(ctx, r.rate),
      countColumn: name(ctx, r.count),
      baseColumn: name(ctx, r.base),
    },
    numbers: { count: count.value.toString(), base: base.value.toString() },
    expected: expected.toString(),
    actual: actual.value.toString(),
  });
}

function differenceVerdict(r: DifferenceRelation, x: ModelRow, ctx: RelationContext): Verdict {
  const actual = cellOf(x, r.result);
  const from = cellOf(x, r.from);
  const to = cellOf(x, r.to);
  if (!actual || !from || allZero([actual, from, to])) return null;
  const expected = from.value.minus(to?.value ?? 0);
  const text = {
    label: shortLabel(x),
    column: name(ctx, r.result),
    from: name(ctx, r.from),
    to: name(ctx, r.to),
  };
  return compare(
    ctx,
    x,
    r.result,
    actual,
    expected,
    () => figuresOnRow(ctx.model, x.row, [r.result, r.from, r.to], [actual, from, to], ctx.cols),
    mismatch(
      ctx,
      x,
      r.result,
      'sum/crossfoot',
      text,
      expected,
      actual,
      'issue.sum/crossfoot.difference',
    ),
  );
}

/**
 * A parent's figure and its children's down column `key`, each with the decimals its own cell
 * shows.
 */
function footFigures(
  m: SheetModel,
  parent: ModelRow,
  kids: readonly ModelRow[],
  key: string,
  total: NumericCell,
  parts: ReadonlyArray<NumericCell | null>,
  cols?: ReadonlyMap<string, number>,
): ShownFigure[] {
  const figures: ShownFigure[] = [{ cell: total, places: shownPlacesAt(m, parent.row, key, cols) }];
  parts.forEach((cell, k) =>
    figures.push({
      cell,
      places: cell ? shownPlacesAt(m, (kids[k] as ModelRow).row, key, cols) : 0,
    }),
  );
  return figures;
}

/** Whether a row is a "Trong đó" part of the row above it (not the "Trong đó:" heading itself). */
function isOfWhichPart(x: ModelRow): boolean {
  return x.ofWhich && !x.isOfWhichHeading && x.parent !== null;
}

/**
 * Per sheet's rows, per column slot: the parents ({@link footEvidence} marks them 1) whose
 * children's micros add up to them exactly, so that the column's foot, evaluated next, does not
 * add them up again.
 */
const footHolds = new WeakMap<readonly ModelRow[], Map<number, Uint8Array>>();

function footHoldsOf(rows: readonly ModelRow[]): Map<number, Uint8Array> {
  let bySlot = footHolds.get(rows);
  if (!bySlot) footHolds.set(rows, (bySlot = new Map()));
  return bySlot;
}

/** The rows a foot is about, worked out once per sheet's rows (see {@link footRows}). */
const footRowLists = new WeakMap<readonly ModelRow[], Int32Array>();

/**
 * The rows (indices) with children or that are "Trong đó" parts, in order: the only rows a foot
 * can say anything of. Read once per model, shared by every column's foot and its evidence.
 */
function footRows(rows: readonly ModelRow[]): Int32Array {
  let list = footRowLists.get(rows);
  if (!list) {
    const found: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const x = rows[i] as ModelRow;
      if (x.children.length > 0 || isOfWhichPart(x)) found.push(i);
    }
    list = Int32Array.from(found);
    footRowLists.set(rows, list);
  }
  return list;
}

/**
 * A "Trong đó" row against the row it is part of, down one column: the part is not more than its
 * whole (`sum/foot`, of-which message). Sign-free for a reduction written as −24.
 */
function ofWhichRowVerdict(
  r: FootRelation,
  x: ModelRow,
  ctx: RelationContext,
  signFree: boolean,
): Verdict {
  const whole = ctx.model.rows[x.parent as number] as ModelRow;
  const part = cellOf(x, r.column);
  const total = cellOf(whole, r.column);
  if (!part || !total) return null;
  const p = signFree ? part.value.abs() : part.value;
  const t = signFree ? total.value.abs() : total.value;
  if (t.isNegative() || p.isNegative() || p.lte(t)) return true;
  const column = name(ctx, r.column);
  return makeIssue({
    code: 'sum/foot',
    severity: 'error',
    ...at(ctx, x, r.column),
    messageKey: 'issue.sum/foot.of-which',
    text: { label: shortLabel(x), parent: shortLabel(whole), column },
    numbers: { diff: p.minus(t).toString() },
    expected: total.value.toString(),
    actual: part.value.toString(),
  });
}

/** A parent row against the sum of its children, down one column (`sum/foot`). */
function footVerdict(
  r: FootRelation,
  x: ModelRow,
  ctx: RelationContext,
  signFree: boolean,
): Verdict {
  if (x.children.length === 0)
    return isOfWhichPart(x) ? ofWhichRowVerdict(r, x, ctx, signFree) : null;
  const actual = cellOf(x, r.column);
  if (!actual) return null;
  const rows = ctx.model.rows;
  const kids = x.children.map((i) => rows[i] as ModelRow);
  const parts = kids.map((k) => cellOf(k, r.column));
  if (parts.every((p) => p === null)) return null;
  let expected = new Decimal(0);
  for (const p of parts) if (p) expected = expected.plus(p.value);
  if (signFree && actual.value.eq(expected.negated())) return true;
  const column = name(ctx, r.column);
  const text = {
    label: shortLabel(x),
    rows: rowList(kids.map((k) => k.row)),
    column,
    columnEn: column,
  };
  return compare(
    ctx,
    x,
    r.column,
    actual,
    expected,
    () => footFigures(ctx.model, x, kids, r.column, actual, parts, ctx.cols),
    mismatch(ctx, x, r.column, 'sum/foot', text, expected, actual),
  );
}

function flowVerdict(r: FlowRelation, x: ModelRow, ctx: RelationContext): Verdict {
  const actual = cellOf(x, r.end);
  const start = cellOf(x, r.start);
  if (!actual || !start) return null;
  const outs = r.out.map((k) => cellOf(x, k));
  const ins = r.in.map((k) => cellOf(x, k));
  if (allZero([actual, start, ...outs, ...ins])) return null;
  let expected = start.value;
  for (const c of outs) if (c) expected = expected.minus(c.value);
  for (const c of ins) if (c) expected = expected.plus(c.value);
  const formula = [
    `"${name(ctx, r.start)}"`,
    ...r.out.map((k) => `− "${name(ctx, k)}"`),
    ...r.in.map((k) => `+ "${name(ctx, k)}"`),
  ].join(' ');
  const text = { label: shortLabel(x), column: name(ctx, r.end), formula };
  return compare(
    ctx,
    x,
    r.end,
    actual,
    expected,
    () =>
      figuresOnRow(
        ctx.model,
        x.row,
        [r.end, r.start, ...r.out, ...r.in],
        [actual, start, ...outs, ...ins],
        ctx.cols,
      ),
    mismatch(ctx, x, r.end, 'target/flow-mismatch', text, expected, actual),
  );
}

/**
 * How a column foots down the rows' hierarchy: of the parent rows with a figure in it, how many
 * equal the sum of their children (within rounding). The evidence for footing a column no
 * layout names.
 */
export function footEvidence(
  m: SheetModel,
  key: string,
): { readonly evaluated: number; readonly holds: number } {
  let evaluated = 0;
  let holds = 0;
  const slot = m.slots.get(key) ?? -1;
  const numbers = m.numbers;
  const visit = footRows(m.rows);
  // The parents found to add up exactly, for the column's foot to take as read (see footHolds).
  const adds = new Uint8Array(m.rows.length);
  if (slot >= 0) footHoldsOf(m.rows).set(slot, adds);
  for (let n = 0; n < visit.length; n++) {
    const i = visit[n] as number;
    const parent = m.rows[i] as ModelRow;
    const kids = parent.children;
    if (kids.length === 0) continue;
    const micros = numbers.rowMicros(i, slot);
    if (micros === null) continue;
    if (micros !== undefined) {
      // Fast path: the children's micros add up to the parent's exactly (the usual case).
      let sum = 0;
      let any = false;
      let zero = micros === 0;
      let exact = true;
      let magnitude = micros < 0 ? -micros : micros;
      for (let k = 0; k < kids.length && exact; k++) {
        const v = numbers.rowMicros(kids[k] as number, slot);
        if (v === null) continue;
        if (v === undefined || Math.abs(sum) + Math.abs(v) > MAX_EXACT) exact = false;
        else {
          any = true;
          if (v !== 0) zero = false;
          sum += v;
          magnitude += v < 0 ? -v : v;
        }
      }
      // What the foot's own fast verdict would find: the children add up, exactly.
      if (exact && any && sum === micros && magnitude <= MAX_EXACT) adds[i] = 1;
      if (exact) {
        if (!any || zero) continue;
        if (sum === micros) {
          evaluated++;
          holds++;
          continue;
        }
      }
    }
    const total = parent.values.get(key);
    if (!total) continue;
    const parts = kids.map((c) => (m.rows[c] as ModelRow).values.get(key) ?? null);
    if (parts.every((p) => p === null) || allZero([total, ...parts])) continue;
    evaluated++;
    let sum = new Decimal(0);
    for (const p of parts) if (p) sum = sum.plus(p.value);
    const kidRows = kids.map((c) => m.rows[c] as ModelRow);
    const tol = roundingInterval(
      footFigures(m, parent, kidRows, key, total, parts),
      m.unit,
      m.options.tolerance,
    );
    if (total.value.minus(sum).abs().lte(tol)) holds++;
  }
  return { evaluated, holds };
}
