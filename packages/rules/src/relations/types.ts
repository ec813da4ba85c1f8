/**
 * A sheet's arithmetic as data: each relation names its cells by column key (a layout's key, or
 * `c_<col>` for a column no layout names) and says where it came from.
 */

/** Where a relation came from. */
export type Provenance = 'layout' | 'header' | 'index-row' | 'user-layout' | 'inferred';

/** The provenances, in the order reports list them. */
export const PROVENANCES: readonly Provenance[] = [
  'layout',
  'user-layout',
  'index-row',
  'header',
  'inferred',
];

/** `target` = Σ `parts`, across a row. */
export interface SumRelation {
  readonly kind: 'sum';
  readonly target: string;
  readonly parts: readonly string[];
  readonly provenance: Provenance;
}

/** Each of `parts` ≤ `total` ("Trong đó"): of-which parts are not added to the others. */
export interface OfWhichRelation {
  readonly kind: 'of-which';
  readonly total: string;
  readonly parts: readonly string[];
  readonly provenance: Provenance;
}

/** `rate` = `count` ÷ `base` × 100 at the rate's shown precision. */
export interface RateRelation {
  readonly kind: 'rate';
  readonly rate: string;
  readonly count: string;
  readonly base: string;
  readonly provenance: Provenance;
}

/** `result` = `from` − `to`. */
export interface DifferenceRelation {
  readonly kind: 'difference';
  readonly result: string;
  readonly from: string;
  readonly to: string;
  readonly provenance: Provenance;
}

/** `end` = `start` − Σ `out` + Σ `in` (poverty: start − exits + new + returned). */
export interface FlowRelation {
  readonly kind: 'flow';
  readonly end: string;
  readonly start: string;
  readonly out: readonly string[];
  readonly in: readonly string[];
  readonly provenance: Provenance;
}

/** Parents = Σ children, down one column, by the rows' hierarchy. */
export interface FootRelation {
  readonly kind: 'foot';
  readonly column: string;
  readonly provenance: Provenance;
}

/** Values stay within bounds (a percentage in 0–100) or move the right way (service targets). */
export interface BoundRelation {
  readonly kind: 'range' | 'direction';
  readonly column: string;
  readonly provenance: Provenance;
}

/** One relation of a sheet's arithmetic. */
export type Relation =
  | SumRelation
  | OfWhichRelation
  | RateRelation
  | DifferenceRelation
  | FlowRelation
  | FootRelation
  | BoundRelation;

/** The kinds of relation. */
export type RelationKind = Relation['kind'];

/** The column keys a relation reads, the one it derives first when it derives one. */
export function relationKeys(r: Relation): string[] {
  switch (r.kind) {
    case 'sum':
      return [r.target, ...r.parts];
    case 'of-which':
      return [r.total, ...r.parts];
    case 'rate':
      return [r.rate, r.count, r.base];
    case 'difference':
      return [r.result, r.from, r.to];
    case 'flow':
      return [r.end, r.start, ...r.out, ...r.in];
    case 'foot':
    case 'range':
    case 'direction':
      return [r.column];
  }
}

/** A relation's identity: the same arithmetic over the same columns, whatever its provenance. */
export function relationId(r: Relation): string {
  switch (r.kind) {
    case 'sum':
      return `sum:${r.target}=${[...r.parts].sort().join('+')}`;
    case 'of-which':
      return `of-which:${r.total}>=${[...r.parts].sort().join(',')}`;
    case 'rate':
      return `rate:${r.rate}=${r.count}/${r.base}`;
    case 'difference':
      return `difference:${r.result}=${r.from}-${r.to}`;
    case 'flow':
      return `flow:${r.end}=${r.start}-${[...r.out].sort().join('-')}+${[...r.in].sort().join('+')}`;
    default:
      return `${r.kind}:${r.column}`;
  }
}
