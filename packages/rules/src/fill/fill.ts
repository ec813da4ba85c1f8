import type { Grid } from '../grid/types.js';
import { getCell, isEmptyCell } from '../grid/grid.js';
import { toA1 } from '../grid/a1.js';
import type { LayoutId } from '../annex/types.js';
import { Decimal } from '../money/decimal.js';
import { roundHalfUp } from '../money/round.js';
import type { ModelRow, SheetModel } from '../check/model.js';
import { columnLetters } from '../grid/a1.js';
import { readSheet, type ReadSheet } from '../relations/read-sheet.js';
import { sheetRelations } from '../relations/engine.js';
import type {
  DifferenceRelation,
  FlowRelation,
  RateRelation,
  Relation,
} from '../relations/types.js';
import type { Issue } from '../check/types.js';
import { minusFormula, plusFormula, rateFormula, ratioFormula, sumFormula } from './formula.js';
import { isPercentFormat } from '../check/read-cell.js';
import type { CellWrite, DerivedRole, FillConflict, FillOptions, FillResult } from './types.js';

/** How a derived cell is computed: its value and, in formula mode, its formula. */
interface Derivation {
  readonly role: DerivedRole;
  readonly value: Decimal;
  readonly formula: string;
  /** Compare with an existing value at this many decimals (rates); exact when undefined. */
  readonly places?: number;
  /** The formula for a cell that holds the rate as a ratio (shown in a % format). */
  readonly ratioFormula?: string;
}

const HUNDRED = new Decimal(100);

/**
 * Compute the derived cells of an annex: totals, sub-totals, cross-foot totals, rates and
 * reductions. Empty derived cells become writes (SUM / arithmetic formulas by default, values
 * with `mode: 'value'`); a non-empty cell that disagrees becomes a conflict and is written only
 * with `overwrite`. Nothing is written here: adapters apply the writes.
 *
 * @example
 * const { writes, conflicts } = fillSheet(grid);
 * writes[0]; // { cell: 'C8', formula: 'SUM(C9,C12)', value: 7645, text: '7645', role: 'total', ... }
 */
export function fillSheet(grid: Grid, options: FillOptions = {}): FillResult {
  const ignored: Issue[] = [];
  const sheet = readSheet(
    grid,
    {
      ...(options.layout ? { layout: options.layout } : {}),
      ...(options.layouts ? { layouts: options.layouts } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    },
    ignored,
  );
  return fillRead(grid, sheet, options);
}

/**
 * {@link fillSheet} on a sheet already read (validation reads it once and asks which typed
 * totals the fill would write, so that its notes promise a fill only where fill does it).
 */
export function fillRead(grid: Grid, sheet: ReadSheet, options: FillOptions = {}): FillResult {
  const fit = sheet.detection.fit;
  const layout = (fit?.layout.id as LayoutId | undefined) ?? null;
  if (!sheet.model || !sheet.structure)
    return { sheet: grid.name, layout, writes: [], conflicts: [] };
  const m = sheet.model;
  // The same relations validation checks: the layout's, and those its header tree and figures
  // bear out (a disbursed total, a phase total, a disbursement rate), so fill works on any annex
  // the engine understands.
  const { relations } = sheetRelations(m, sheet.structure, sheet.checks, sheet.unfooted, false);
  const cols = sheet.structure.cols;
  const engine = new Deriver(m, cols, relations, Boolean(options.overwrite));
  const writes: CellWrite[] = [];
  const conflicts: FillConflict[] = [];
  const mode = options.mode ?? 'formula';
  for (let i = 0; i < m.rows.length; i++) {
    const x = m.rows[i] as ModelRow;
    for (const [key, col] of cols) {
      const d = engine.derivation(i, key);
      if (!d) continue;
      const cell = getCell(grid, x.row, col);
      // A percent column kept the Excel way holds ratios (0.0521 shown as 5,21%): write a ratio.
      const ratio =
        m.defs.get(key)?.kind === 'percent' &&
        (isPercentFormat(cell?.numFmt) || m.ratioColumns.has(key));
      const value = ratio ? d.value.dividedBy(100) : d.value;
      const formula = ratio ? (d.ratioFormula ?? d.formula) : d.formula;
      const write: CellWrite = {
        row: x.row,
        col,
        cell: toA1(x.row, col),
        role: d.role,
        ...(mode === 'formula' ? { formula } : {}),
        value: Number(value.toString()),
        text: value.toString(),
      };
      if (isEmptyCell(cell)) {
        writes.push(write);
        continue;
      }
      if (cell?.formula && (cell.value === null || cell.value === undefined)) {
        // A formula never calculated (a new template, a file saved without recalculation):
        // keep the user's formula and give it its result.
        writes.push({ ...write, formula: cell.formula });
        continue;
      }
      const existing = x.values.get(key);
      const same =
        existing &&
        (d.places === undefined
          ? existing.value.eq(d.value)
          : roundHalfUp(existing.value, d.places).eq(roundHalfUp(d.value, d.places)));
      if (same) continue;
      conflicts.push({
        cell: write.cell,
        row: x.row,
        col,
        existing: cell?.value ?? null,
        ...(cell?.formula ? { existingFormula: cell.formula } : {}),
        write,
      });
      if (options.overwrite) writes.push(write);
    }
  }
  return { sheet: grid.name, layout, writes, conflicts };
}

/** Derives cells from their parts, using existing values where they are and derived ones where not. */
class Deriver {
  private readonly memo = new Map<string, Decimal | null>();
  private readonly busy = new Set<string>();
  private readonly equations: ReadonlyArray<{ target: string; parts: readonly string[] }>;
  private readonly summable: Set<string>;
  private readonly rates: readonly RateRelation[];
  private readonly differences: readonly DifferenceRelation[];
  private readonly flows: readonly FlowRelation[];

  /**
   * @param cols the physical column of every key the relations name
   * @param overwrite derived cells that will be overwritten feed their new values to the
   *   cells computed from them; otherwise the user's values do.
   */
  constructor(
    private readonly m: SheetModel,
    private readonly cols: ReadonlyMap<string, number>,
    relations: readonly Relation[],
    private readonly overwrite: boolean,
  ) {
    const of = <K extends Relation['kind']>(kind: K) =>
      relations.filter((r): r is Extract<Relation, { kind: K }> => r.kind === kind);
    this.equations = of('sum');
    this.summable = new Set(of('foot').map((r) => r.column));
    this.rates = of('rate');
    this.differences = of('difference');
    this.flows = of('flow');
  }

  /** The value a cell has, or would have once filled; null when nothing gives it one. */
  value(i: number, key: string): Decimal | null {
    const x = this.m.rows[i];
    if (!x) return null;
    const col = this.cols.get(key);
    if (col === undefined) return null;
    const cell = getCell(this.m.grid, x.row, col);
    const uncalculated =
      Boolean(cell?.formula) && (cell?.value === null || cell?.value === undefined);
    const id = `${i}:${key}`;
    if (!isEmptyCell(cell) && !uncalculated) {
      const own = x.values.get(key)?.value ?? null;
      if (!this.overwrite || this.busy.has(id)) return own;
      if (this.memo.has(id)) return this.memo.get(id) ?? null;
      this.busy.add(id);
      const derived = this.derivation(i, key)?.value ?? own;
      this.busy.delete(id);
      this.memo.set(id, derived);
      return derived;
    }
    if (this.memo.has(id)) return this.memo.get(id) ?? null;
    if (this.busy.has(id)) return null;
    this.busy.add(id);
    const v = this.derivation(i, key)?.value ?? null;
    this.busy.delete(id);
    this.memo.set(id, v);
    return v;
  }

  /** How a cell would be derived from its parts, or undefined when it is not a derived cell here. */
  derivation(i: number, key: string): Derivation | undefined {
    const m = this.m;
    const x = m.rows[i] as ModelRow;
    if (x.isOfWhichHeading) return undefined;
    const crossfoot = this.crossfoot(i, key);
    if (crossfoot && key === 'total') return crossfoot;
    const foot = this.foot(i, key);
    return foot ?? crossfoot ?? this.rate(i, key) ?? this.difference(i, key) ?? this.flow(i, key);
  }

  private crossfoot(i: number, key: string): Derivation | undefined {
    const x = this.m.rows[i] as ModelRow;
    for (const eq of this.equations) {
      if (eq.target !== key) continue;
      const values = eq.parts.map((p) => this.value(i, p));
      if (values.every((v) => v === null)) continue;
      const cols = eq.parts.map((p) => this.cols.get(p) as number);
      return {
        role: 'crossfoot',
        value: values.reduce<Decimal>((s, v) => s.plus(v ?? 0), new Decimal(0)),
        formula: plusFormula(x.row, cols),
      };
    }
    return undefined;
  }

  private foot(i: number, key: string): Derivation | undefined {
    const x = this.m.rows[i] as ModelRow;
    if (!this.summable.has(key) || x.children.length === 0) return undefined;
    const values = x.children.map((c) => this.value(c, key));
    if (values.every((v) => v === null)) return undefined;
    return {
      role: x.isTotal ? 'total' : 'subtotal',
      value: values.reduce<Decimal>((s, v) => s.plus(v ?? 0), new Decimal(0)),
      formula: sumFormula(
        this.cols.get(key) as number,
        x.children.map((c) => (this.m.rows[c] as ModelRow).row),
      ),
    };
  }

  private rate(i: number, key: string): Derivation | undefined {
    const rule = this.rates.find((r) => r.rate === key);
    if (!rule) return undefined;
    const countCol = this.cols.get(rule.count);
    const baseCol = this.cols.get(rule.base);
    if (countCol === undefined || baseCol === undefined) return undefined;
    const count = this.value(i, rule.count);
    const base = this.value(i, rule.base);
    if (count === null || base === null || base.isZero()) return undefined;
    const places = this.m.shown.get(key) ?? 2;
    const x = this.m.rows[i] as ModelRow;
    return {
      role: 'rate',
      value: roundHalfUp(count.dividedBy(base).times(HUNDRED), places),
      formula: rateFormula(x.row, countCol, baseCol, places),
      ratioFormula: ratioFormula(x.row, countCol, baseCol, places + 2),
      places,
    };
  }

  private difference(i: number, key: string): Derivation | undefined {
    const rule = this.differences.find((r) => r.result === key);
    if (!rule) return undefined;
    const fromCol = this.cols.get(rule.from);
    const toCol = this.cols.get(rule.to);
    if (fromCol === undefined || toCol === undefined) return undefined;
    const from = this.value(i, rule.from);
    const to = this.value(i, rule.to);
    if (from === null || to === null) return undefined;
    const isRate = this.m.defs.get(key)?.kind === 'percent';
    const places = isRate ? (this.m.shown.get(key) ?? 2) : undefined;
    const x = this.m.rows[i] as ModelRow;
    const existing = x.values.get(key)?.value;
    const value = from.minus(to);
    // A reduction typed as −24 agrees with 24.
    const agreed = existing && existing.eq(value.negated()) ? existing : value;
    return {
      role: rule.provenance === 'header' ? 'difference' : 'reduction',
      value: agreed,
      formula: minusFormula(x.row, fromCol, toCol),
      ...(places !== undefined ? { places } : {}),
    };
  }

  private flow(i: number, key: string): Derivation | undefined {
    const rule = this.flows.find((r) => r.end === key);
    if (!rule) return undefined;
    const start = this.value(i, rule.start);
    if (start === null) return undefined;
    const outs = rule.out.map((k) => this.value(i, k));
    const ins = rule.in.map((k) => this.value(i, k));
    if ([...outs, ...ins].every((v) => v === null)) return undefined;
    let value = start;
    for (const v of outs) if (v) value = value.minus(v);
    for (const v of ins) if (v) value = value.plus(v);
    const x = this.m.rows[i] as ModelRow;
    const cell = (k: string) => `${columnLetters(this.cols.get(k) as number)}${x.row + 1}`;
    return {
      role: 'flow',
      value,
      formula: [
        cell(rule.start),
        ...rule.out.map((k) => `-${cell(k)}`),
        ...rule.in.map((k) => `+${cell(k)}`),
      ].join(''),
    };
  }
}
