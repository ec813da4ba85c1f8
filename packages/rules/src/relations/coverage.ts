import { columnLetters } from '../grid/a1.js';
import type { Provenance, Relation, RelationKind } from './types.js';
import { relationKeys } from './types.js';

/** A numeric column that was checked, and by what. */
export interface CheckedColumn {
  /** Column letters ("C"). */
  readonly column: string;
  /** Its header as the sheet writes it. */
  readonly header: string;
  /** The relations that read it, each kind and provenance once. */
  readonly relations: ReadonlyArray<{
    readonly kind: RelationKind;
    readonly provenance: Provenance;
  }>;
}

/**
 * Why a numeric column was not checked: no relation names it (`no-relation`); relations were
 * guessed from its header but its figures do not bear them out (`no-evidence`); it lies past what
 * phuluc reads of a sheet (`not-read`).
 */
export type UncheckedReason = 'no-relation' | 'no-evidence' | 'not-read';

/** A numeric column that was not checked. */
export interface UncheckedColumn {
  readonly column: string;
  readonly header: string;
  readonly reason: UncheckedReason;
}

/**
 * A relation the sheet's header states outright ("Chia ra các năm" under a phase total, the start,
 * exits, new and end of a period) that its figures bear out on too few rows to be checked: either
 * the header misleads, or many rows are wrong. Not checked, and the report says so.
 */
export interface UnconfirmedRelation {
  readonly kind: RelationKind;
  readonly provenance: Provenance;
  /** The relation by column letters: `C = D + E + F`, `G = C − D + E`, `D ≤ C`. */
  readonly formula: string;
  /** Rows where all its cells hold figures. */
  readonly evaluated: number;
  /** Of those, the rows where it holds. */
  readonly holds: number;
}

/**
 * What a report checked of its sheet: each numeric column with the relations that checked it,
 * the numeric columns nothing checked, and the relations its header states that its figures do
 * not bear out. A sheet with unchecked columns or unconfirmed relations is never fully clean.
 */
export interface Coverage {
  /** Whether the sheet's figures were read at all (false: too large, failed, or no table found). */
  readonly read: boolean;
  readonly checked: readonly CheckedColumn[];
  readonly unchecked: readonly UncheckedColumn[];
  readonly unconfirmed: readonly UnconfirmedRelation[];
}

/** The coverage of a sheet whose figures were not read. */
export const NOT_READ: Coverage = Object.freeze({
  read: false,
  checked: [],
  unchecked: [],
  unconfirmed: [],
});

/** Whether a coverage leaves something unchecked: a column, or a relation its header states. */
export function hasGaps(coverage: Coverage): boolean {
  return coverage.unchecked.length > 0 || coverage.unconfirmed.length > 0;
}

/** A relation written with column letters (`letter` of each key). */
export function relationFormula(r: Relation, letter: (key: string) => string): string {
  switch (r.kind) {
    case 'sum':
      return `${letter(r.target)} = ${r.parts.map(letter).join(' + ')}`;
    case 'of-which':
      return r.parts.map((p) => `${letter(p)} ≤ ${letter(r.total)}`).join(', ');
    case 'rate':
      return `${letter(r.rate)} = ${letter(r.count)} ÷ ${letter(r.base)} × 100`;
    case 'difference':
      return `${letter(r.result)} = ${letter(r.from)} − ${letter(r.to)}`;
    case 'flow':
      return `${letter(r.end)} = ${[letter(r.start), ...r.out.map((k) => `− ${letter(k)}`), ...r.in.map((k) => `+ ${letter(k)}`)].join(' ')}`;
    default:
      return letter(r.column);
  }
}

/** What coverage is built from. */
export interface CoverageInput {
  /** The physical columns that hold numbers. */
  readonly numericCols: readonly number[];
  readonly keyOfCol: ReadonlyMap<number, string>;
  readonly names: ReadonlyMap<string, string>;
  /** The relations that were evaluated on at least one row. */
  readonly relations: readonly Relation[];
  /** Keys of relations guessed but not borne out. */
  readonly unsupported: ReadonlySet<string>;
  /** Numeric columns past what was read. */
  readonly notRead: readonly number[];
  /** Relations the header states that the figures do not bear out, with their evidence. */
  readonly unconfirmed?: ReadonlyArray<{
    readonly relation: Relation;
    readonly evaluated: number;
    readonly holds: number;
  }>;
  /** The physical column of each key (for the unconfirmed relations' formulas). */
  readonly cols?: ReadonlyMap<string, number>;
}

/** Build a sheet's {@link Coverage}. */
export function buildCoverage(input: CoverageInput): Coverage {
  const byKey = new Map<string, Map<string, { kind: RelationKind; provenance: Provenance }>>();
  for (const r of input.relations) {
    for (const key of relationKeys(r)) {
      const list = byKey.get(key) ?? new Map();
      list.set(`${r.kind}:${r.provenance}`, { kind: r.kind, provenance: r.provenance });
      byKey.set(key, list);
    }
  }
  const checked: CheckedColumn[] = [];
  const unchecked: UncheckedColumn[] = [];
  for (const c of [...input.numericCols].sort((a, b) => a - b)) {
    const key = input.keyOfCol.get(c);
    if (key === undefined) continue;
    const header = input.names.get(key) ?? '';
    const relations = byKey.get(key);
    if (relations && relations.size > 0)
      checked.push({ column: columnLetters(c), header, relations: [...relations.values()] });
    else
      unchecked.push({
        column: columnLetters(c),
        header,
        reason: input.unsupported.has(key) ? 'no-evidence' : 'no-relation',
      });
  }
  for (const c of input.notRead)
    unchecked.push({ column: columnLetters(c), header: '', reason: 'not-read' });
  const letter = (key: string) => {
    const c = input.cols?.get(key);
    return c === undefined ? key : columnLetters(c);
  };
  const unconfirmed = (input.unconfirmed ?? []).map((u): UnconfirmedRelation => ({
    kind: u.relation.kind,
    provenance: u.relation.provenance,
    formula: relationFormula(u.relation, letter),
    evaluated: u.evaluated,
    holds: u.holds,
  }));
  return { read: true, checked, unchecked, unconfirmed };
}
