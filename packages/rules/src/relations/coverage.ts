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
 * What a report checked of its sheet: each numeric column with the relations that checked it,
 * and the numeric columns nothing checked. A sheet with unchecked columns is never fully clean.
 */
export interface Coverage {
  /** Whether the sheet's figures were read at all (false: too large, failed, or no table found). */
  readonly read: boolean;
  readonly checked: readonly CheckedColumn[];
  readonly unchecked: readonly UncheckedColumn[];
}

/** The coverage of a sheet whose figures were not read. */
export const NOT_READ: Coverage = Object.freeze({ read: false, checked: [], unchecked: [] });

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
  return { read: true, checked, unchecked };
}
