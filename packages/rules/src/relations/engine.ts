import type { CheckName } from '../annex/schema.js';
import type { SheetModel } from '../check/model.js';
import { crossfootEquations, summableKeys } from '../check/sums.js';
import type { Issue } from '../check/types.js';
import { buildCoverage, type Coverage } from './coverage.js';
import { layoutProvenance } from './declared.js';
import {
  evaluateRelation,
  footEvidence,
  isSupported,
  isSupportedByHeader,
  type RelationContext,
} from './evaluate.js';
import { inferRelations } from './infer.js';
import { isInferredKey, type SheetStructure } from './structure.js';
import { relationId, relationKeys, type Provenance, type Relation } from './types.js';

/** Whether any row holds a figure in column `key` (always, when no data is `required`). */
function hasData(m: SheetModel, key: string, required: boolean): boolean {
  if (!required) return true;
  for (const x of m.rows) if (x.values.has(key)) return true;
  return false;
}

/**
 * The columns no layout names that foot down the rows' hierarchy. The hierarchy itself must be
 * borne out first: across every summable column, parents equal the sum of their children on a
 * clear majority of the parent rows (and on three at least). Then a column foots unless its own
 * figures clearly say otherwise (three or more parents, most of them not adding up: an average,
 * a unit price).
 */
export function footedColumns(m: SheetModel): { footed: Set<string>; unsupported: Set<string> } {
  const footed = new Set<string>();
  const unsupported = new Set<string>();
  const summable = summableKeys(m);
  const inferred = summable.filter(isInferredKey);
  if (inferred.length === 0) return { footed, unsupported };
  let holds = 0;
  let evaluated = 0;
  const own = new Map<string, { evaluated: number; holds: number }>();
  for (const key of summable) {
    const e = footEvidence(m, key);
    own.set(key, e);
    holds += e.holds;
    evaluated += e.evaluated;
  }
  const hierarchy = isSupported(holds, evaluated);
  for (const key of inferred) {
    const e = own.get(key) ?? { evaluated: 0, holds: 0 };
    if (e.evaluated === 0) continue;
    if (hierarchy && (e.evaluated < 3 || isSupported(e.holds, e.evaluated))) footed.add(key);
    else unsupported.add(key);
  }
  return { footed, unsupported };
}

/**
 * The relations the layout declares on this sheet: foot of each summable column, the cross-foot
 * equations (from the layout or the sheet's index row), rates, differences, flows, of-which parts,
 * ranges and directions. With `requireData`, those its own checks evaluate (rates, differences,
 * bounds) only where a row has figures; the evaluator's own (foot, sums, flows, of-which) count
 * only where it met a row (see sheetRelations).
 */
export function layoutRelations(
  m: SheetModel,
  checks: readonly CheckName[],
  requireData = true,
): Relation[] {
  const own = layoutProvenance(m);
  const prov = (key: string): Provenance => (isInferredKey(key) ? 'inferred' : own);
  const out: Relation[] = [];
  const has = (k: string) => m.columns.has(k);
  if (checks.includes('foot'))
    for (const key of summableKeys(m))
      out.push({ kind: 'foot', column: key, provenance: prov(key) });
  if (checks.includes('crossfoot')) {
    const keyOfCol = new Map([...m.columns].map(([k, c]) => [c, k]));
    const indexTargets = new Set(
      m.detection.top.indexEquations.map((e) => keyOfCol.get(e.target)).filter(Boolean),
    );
    for (const eq of crossfootEquations(m))
      out.push({
        kind: 'sum',
        target: eq.target,
        parts: eq.parts,
        provenance: indexTargets.has(eq.target) ? 'index-row' : own,
      });
  }
  if (checks.includes('rates'))
    for (const r of m.layout.rates)
      if (has(r.rate) && has(r.count) && has(r.base) && hasData(m, r.rate, requireData))
        out.push({ kind: 'rate', ...r, provenance: own });
  if (checks.includes('targets'))
    for (const d of m.layout.differences)
      if (has(d.result) && has(d.from) && has(d.to) && hasData(m, d.result, requireData))
        out.push({ kind: 'difference', ...d, provenance: own });
  // Flows and of-which parts a layout declares: no check of its own evaluates them, the
  // relation evaluator does (see sheetRelations).
  for (const f of m.layout.flows)
    if ([f.end, f.start, ...f.out, ...f.in].every(has))
      out.push({ kind: 'flow', ...f, provenance: own });
  for (const o of m.layout.ofWhich)
    if ([o.total, ...o.parts].every(has)) out.push({ kind: 'of-which', ...o, provenance: own });
  const bounds = checks.includes('rates') || checks.includes('service');
  for (const [key] of m.columns) {
    if (isInferredKey(key)) continue;
    const kind = m.defs.get(key)?.kind;
    if (!hasData(m, key, requireData)) continue;
    if (bounds && kind === 'percent') out.push({ kind: 'range', column: key, provenance: own });
    if (checks.includes('service') && (kind === 'percent' || kind === 'count' || kind === 'money'))
      out.push({ kind: 'direction', column: key, provenance: own });
  }
  return out;
}

/** The key a relation derives (its target), by kind. */
function derived(r: Relation): string {
  return relationKeys(r)[0] as string;
}

/** What the relation engine made of a sheet. */
export interface SheetRelations {
  /** Every relation that holds as a rule on the sheet: the layout's, and the inferred ones borne out. */
  readonly relations: readonly Relation[];
  /** The issues of the inferred relations' rows that break them (the layout's checks raise their own). */
  readonly issues: readonly Issue[];
  readonly coverage: Coverage;
}

/**
 * The sheet's relations: the layout's (as its checks evaluate them), and those the header tree
 * suggests that the layout does not already hold, each only once the figures bear it out; with
 * the issues of the rows that break the inferred ones, and the sheet's coverage. With
 * `requireData: false` (fill), the layout's relations are kept even where no row has figures yet.
 */
export function sheetRelations(
  m: SheetModel,
  structure: SheetStructure,
  checks: readonly CheckName[],
  unfooted: ReadonlySet<string>,
  requireData = true,
): SheetRelations {
  const issues: Issue[] = [];
  const ctx: RelationContext = { model: m, cols: structure.cols, names: structure.names };
  const declared = layoutRelations(m, checks, requireData);
  // The layout's rates, reductions and bounds are evaluated by the checks that declare them
  // (check/poverty.ts), through the same evaluator, in the checks' place; its foot, sums
  // (cross-foots, the index row's equations), flows and of-which parts here. A fill (no data
  // required) takes them as declared and evaluates nothing.
  const known: Relation[] = [];
  for (const r of declared) {
    const byEvaluator =
      r.kind === 'flow' || r.kind === 'of-which' || r.kind === 'sum' || r.kind === 'foot';
    if (!byEvaluator || !requireData) {
      known.push(r);
      continue;
    }
    const e = evaluateRelation(r, ctx, false);
    for (const issue of e.issues) issues.push(issue);
    if (e.supported) known.push(r);
  }
  const ids = new Set(known.map(relationId));
  const targets = new Set(
    known.filter((r) => r.kind !== 'foot').map((r) => `${r.kind}:${derived(r)}`),
  );
  const kept: Relation[] = [...known];
  const unsupported = new Set(unfooted);
  const tried = new Set<string>();
  const unconfirmed: Array<{ relation: Relation; evaluated: number; holds: number }> = [];
  // Columns the layout already ties to each other: a guess over only these adds nothing but doubt
  // (a reduction the layout reads sign-free is no flow to re-check).
  const tied = new Set(known.filter((r) => r.kind !== 'foot').flatMap(relationKeys));
  for (const set of inferRelations(structure.tree, structure.infos)) {
    const fresh = set.options.filter(
      (r) => !ids.has(relationId(r)) && !targets.has(`${r.kind}:${derived(r)}`),
    );
    if (fresh.length < set.options.length) continue;
    if (fresh.every((r) => relationKeys(r).every((k) => tied.has(k)))) continue;
    let found = false;
    // A relation the header states outright, with no other reading to choose from, needs less
    // evidence than a guess among several (see isSupportedByHeader).
    const outright = fresh.length === 1 && fresh[0]?.provenance === 'header';
    for (const r of fresh) {
      const id = relationId(r);
      if (tried.has(id)) continue;
      tried.add(id);
      const e = evaluateRelation(r, ctx, true, outright ? isSupportedByHeader : isSupported);
      if (!e.supported) {
        if (outright && e.evaluated > 0)
          unconfirmed.push({ relation: r, evaluated: e.evaluated, holds: e.holds });
        continue;
      }
      for (const issue of e.issues) issues.push(issue);
      kept.push(r);
      ids.add(id);
      targets.add(`${r.kind}:${derived(r)}`);
      found = true;
      break;
    }
    if (!found) for (const r of fresh) for (const k of relationKeys(r)) unsupported.add(k);
  }
  const keyOfCol = new Map<number, string>();
  for (const [k, c] of structure.cols)
    if (structure.infos[c]?.key === k || !keyOfCol.has(c)) keyOfCol.set(c, k);
  const coverage = buildCoverage({
    numericCols: structure.numericCols,
    keyOfCol,
    names: structure.names,
    relations: kept,
    unsupported,
    notRead: structure.notRead,
    unconfirmed,
    cols: structure.cols,
  });
  return { relations: kept, issues, coverage };
}
