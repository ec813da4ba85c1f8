import type { HeaderNode, HeaderTree } from './header-tree.js';
import { relationId, type Provenance, type Relation } from './types.js';

/** What inference knows of a physical column: its key in the model and what it holds. */
export interface ColumnInfo {
  readonly key: string;
  /** `rate`: a percentage or rate column (never added into a sum). */
  readonly role: 'value' | 'rate';
}

/** Candidate relations for one target, best first: the first that the figures bear out is kept. */
export interface Candidates {
  readonly options: readonly Relation[];
}

/** At most this many candidate sets per sheet, and candidates per set: inference stays bounded. */
export const MAX_CANDIDATE_SETS = 2000;
const MAX_OPTIONS = 8;

const TOTAL = /^(tong|cong)(\s|$)/;
const SPLIT =
  /^(chia ra|bao gom|chia theo|phan theo|chi tiet|trong do chia ra|chia|gom|co cau|nguon von|theo nguon|cac nguon)(\s|$)/;
const OF_WHICH = /^trong do(\s|$)/;
/** A phase named by its years: "giai đoạn 2021-2025", "2021 - 2025". */
const PHASE = /\b((?:19|20)\d\d) ((?:19|20)\d\d)$/;
/** A year column: "Năm 2021", "2021", "Kế hoạch năm 2022". */
const YEAR = /^(?:.* )?(?:nam )?((?:19|20)\d\d)$/;
const REMAINING =
  /^(con lai|so con lai|chua giai ngan|chua thuc hien|chenh lech|con thieu|so chua)(\s|$)/;
const START = /\b(dau nam|dau ky|dau giai doan|nam truoc|ky truoc|dau thang|dau quy)\b/;
const END = /\b(cuoi nam|cuoi ky|cuoi giai doan|cuoi thang|cuoi quy|den cuoi)\b/;
const OUT = /\b(thoat ngheo|thoat khoi|thoat can ngheo|giam)\b/;
const IN = /\b(phat sinh|tai ngheo|tai can ngheo|ngheo moi|can ngheo moi|moi|tang|roi xuong)\b/;

/** Children of each header cell, in column order. */
function childrenOf(tree: HeaderTree): Map<HeaderNode, HeaderNode[]> {
  const kids = new Map<HeaderNode, HeaderNode[]>();
  for (const path of tree.paths) {
    for (let i = 0; i + 1 < path.length; i++) {
      const parent = path[i] as HeaderNode;
      const child = path[i + 1] as HeaderNode;
      const list = kids.get(parent) ?? [];
      if (!list.includes(child)) list.push(child);
      kids.set(parent, list);
    }
  }
  return kids;
}

/** The outermost header cells, in column order. */
function topLevel(tree: HeaderTree): HeaderNode[] {
  const out: HeaderNode[] = [];
  for (const path of tree.paths) {
    const first = path[0];
    if (first && !out.includes(first)) out.push(first);
  }
  return out;
}

/**
 * Infer the relations a sheet's header tree suggests, as sets of candidates: a group whose first
 * sub-column is a total sums its siblings; a "Chia ra" / "Bao gồm" group (and year columns under a
 * phase total) sums to the total before it; a "Trong đó" group or column is of-which; a "Tỷ lệ"
 * column after two values is their rate; a "Còn lại" column their difference; columns named for the
 * start, exits, new entries and end of a period are a flow. Each candidate is only a guess until
 * the figures bear it out (see `evaluate.ts`).
 *
 * @param columns - what each physical column is (undefined: not numeric, or not read)
 */
export function inferRelations(
  tree: HeaderTree,
  columns: ReadonlyArray<ColumnInfo | undefined>,
): Candidates[] {
  const kids = childrenOf(tree);
  const out: Candidates[] = [];
  const push = (options: Relation[]) => {
    const ids = options.map(relationId);
    const unique = options.filter((_, i) => ids.indexOf(ids[i] as string) === i);
    if (unique.length > 0 && out.length < MAX_CANDIDATE_SETS)
      out.push({ options: unique.slice(0, MAX_OPTIONS) });
  };
  const info = (n: HeaderNode): ColumnInfo | undefined =>
    kids.has(n) || n.left !== n.right ? undefined : columns[n.left];
  const isLeafValue = (n: HeaderNode) => info(n)?.role === 'value';
  const isRate = (n: HeaderNode) => info(n)?.role === 'rate';
  /** The column that carries a node's amount: a value leaf, or a group's leading total. */
  const valueOf = (n: HeaderNode): string | undefined => {
    if (!kids.has(n)) return isLeafValue(n) ? info(n)?.key : undefined;
    const first = kids.get(n)?.[0];
    return first && TOTAL.test(first.norm) && isLeafValue(first) ? info(first)?.key : undefined;
  };
  /** The columns a node adds into a sum: its amount, or its sub-columns' amounts. */
  const partsOf = (n: HeaderNode, depth = 0): string[] | undefined => {
    const own = valueOf(n);
    if (own) return [own];
    if (depth > 3 || !kids.has(n)) return undefined;
    const parts: string[] = [];
    for (const k of kids.get(n) ?? []) {
      if (OF_WHICH.test(k.norm) || isRate(k)) continue;
      // A sub-column with no figures (a year not yet planned, a note) adds nothing.
      if (!kids.has(k) && !info(k)) continue;
      const p = partsOf(k, depth + 1);
      if (!p) return undefined;
      parts.push(...p);
    }
    return parts.length > 0 ? parts : undefined;
  };
  const leavesOf = (n: HeaderNode): string[] => {
    if (!kids.has(n)) return isLeafValue(n) ? [info(n)?.key as string] : [];
    return (kids.get(n) ?? []).flatMap(leavesOf);
  };

  const lists: Array<{ siblings: HeaderNode[]; inGroup: boolean }> = [
    { siblings: topLevel(tree), inGroup: false },
    ...[...kids.values()].map((siblings) => ({ siblings, inGroup: true })),
  ];
  for (const { siblings, inGroup } of lists) {
    siblingRelations(siblings, inGroup);
    rateRelations(siblings);
    remainingRelations(siblings);
  }
  flowRelations();
  return out;

  function siblingRelations(s: HeaderNode[], inGroup: boolean): void {
    for (let i = 0; i < s.length; i++) {
      const node = s[i] as HeaderNode;
      const target = valueOf(node);
      if (!target) continue;
      const isTotal = TOTAL.test(node.norm);
      // A group's leading total: the group's other sub-columns add up to it.
      if (inGroup && i === 0 && TOTAL.test(node.norm) && !kids.has(node)) {
        const parts: string[] = [];
        const ofWhich: string[] = [];
        let ok = true;
        for (const k of s.slice(1)) {
          if (OF_WHICH.test(k.norm)) ofWhich.push(...leavesOf(k));
          else if (isRate(k) || (!kids.has(k) && !info(k))) continue;
          else {
            const p = partsOf(k);
            if (!p) ok = false;
            else parts.push(...p);
          }
        }
        if (ok && parts.length > 0) push([sum(target, parts, 'header')]);
        if (ofWhich.length > 0) push([ofWhichRel(target, ofWhich)]);
        continue;
      }
      const next = s[i + 1];
      if (!next) continue;
      if (OF_WHICH.test(next.norm)) {
        const parts = kids.has(next) ? leavesOf(next) : isLeafValue(next) ? leavesOf(next) : [];
        if (parts.length > 0) push([ofWhichRel(target, parts)]);
        continue;
      }
      if (kids.has(next) && !valueOf(next)) {
        // "Tổng số" then "Chia ra" / "Nguồn vốn" over its parts (years under a phase total too).
        const parts = partsOf(next);
        if (parts && parts.length > 0 && !parts.includes(target))
          push([sum(target, parts, SPLIT.test(next.norm) ? 'header' : 'inferred')]);
        continue;
      }
      if (!isTotal || kids.has(node)) continue;
      // A phase total followed by its years ("Tổng giai đoạn 2021-2025", "Năm 2021" … "Năm
      // 2025"): the header says the years add up to it, a year with no figures yet included.
      const years = yearsOfPhase(node, s.slice(i + 1));
      if (years) {
        if (years.length > 0) push([sum(target, years, 'header')]);
        continue;
      }
      // A total followed by a run of amounts with no group header over them: only the figures
      // tell whether they add up, and which of them.
      const run: string[] = [];
      for (let j = i + 1; j < s.length; j++) {
        const k = s[j] as HeaderNode;
        if (TOTAL.test(k.norm) || OF_WHICH.test(k.norm) || REMAINING.test(k.norm)) break;
        const v = valueOf(k);
        if (!v) break;
        run.push(v);
      }
      if (run.length < 2) continue;
      const options: Relation[] = [];
      for (let len = run.length; len >= 2 && options.length < MAX_OPTIONS; len--)
        options.push(sum(target, run.slice(0, len), 'inferred'));
      push(options);
    }
  }

  /**
   * The keys of the year columns that follow a phase total whose header names its years
   * ("… 2021-2025"): each of its years, in order, as "Năm 2021" or "2021" (a year whose column
   * holds no figures is skipped: it adds nothing). Undefined when the header names no phase or
   * the columns that follow are not exactly its years.
   */
  function yearsOfPhase(total: HeaderNode, after: readonly HeaderNode[]): string[] | undefined {
    const phase = PHASE.exec(total.norm);
    if (!phase) return undefined;
    const from = Number(phase[1]);
    const to = Number(phase[2]);
    if (!(to > from && to - from <= 10)) return undefined;
    const keys: string[] = [];
    for (let y = from, j = 0; y <= to; y++, j++) {
      const k = after[j];
      const year = k && YEAR.exec(k.norm);
      if (!k || !year || Number(year[1]) !== y || kids.has(k)) return undefined;
      const v = valueOf(k);
      if (v) keys.push(v);
      else if (info(k)) return undefined;
    }
    return keys;
  }

  function rateRelations(s: HeaderNode[]): void {
    for (let i = 0; i < s.length; i++) {
      const node = s[i] as HeaderNode;
      if (!isRate(node)) continue;
      const rate = info(node)?.key as string;
      const values: string[] = [];
      for (let j = i - 1; j >= 0 && values.length < 4; j--) {
        const v = valueOf(s[j] as HeaderNode);
        if (v) values.push(v);
      }
      if (values.length < 2) continue;
      const [last, ...earlier] = values as [string, ...string[]];
      const options: Relation[] = earlier.map((base) => ({
        kind: 'rate',
        rate,
        count: last,
        base,
        provenance: 'header',
      }));
      const [second, ...rest] = earlier;
      if (second)
        for (const base of rest)
          options.push({ kind: 'rate', rate, count: second, base, provenance: 'header' });
      push(options);
    }
  }

  function remainingRelations(s: HeaderNode[]): void {
    for (let i = 2; i < s.length; i++) {
      const node = s[i] as HeaderNode;
      if (!REMAINING.test(node.norm)) continue;
      const prior = s.slice(0, i).filter((n) => valueOf(n) !== undefined || kids.has(n));
      if (prior.length < 2) continue;
      const from = prior[prior.length - 2] as HeaderNode;
      const to = prior[prior.length - 1] as HeaderNode;
      const [r, f, t] = [valueOf(node), valueOf(from), valueOf(to)];
      if (r && f && t) push([difference(r, f, t)]);
      // Repeated groups (plan, disbursed, remaining): each sub-column of the same name too.
      if (!kids.has(node) || !kids.has(from) || !kids.has(to)) continue;
      const byName = (g: HeaderNode) =>
        new Map(
          (kids.get(g) ?? []).filter(isLeafValue).map((k) => [k.norm, info(k)?.key as string]),
        );
      const [rs, fs, ts] = [byName(node), byName(from), byName(to)];
      for (const [name, key] of rs) {
        const fk = fs.get(name);
        const tk = ts.get(name);
        if (fk && tk && key !== r) push([difference(key, fk, tk)]);
      }
    }
  }

  function flowRelations(): void {
    // The columns of a period's flow, by the whole header text over each (groups included);
    // poor and near-poor flows side by side are read apart.
    const groups = new Map<
      string,
      { start: string[]; end: string[]; out: string[]; in: string[] }
    >();
    tree.paths.forEach((path, c) => {
      const col = columns[c];
      if (!col || col.role !== 'value' || path.length === 0) return;
      const text = path.map((n) => n.norm).join(' ');
      const side = /\bcan ngheo\b/.test(text) ? 'near' : 'poor';
      const g = groups.get(side) ?? { start: [], end: [], out: [], in: [] };
      groups.set(side, g);
      if (START.test(text)) g.start.push(col.key);
      else if (END.test(text)) g.end.push(col.key);
      else if (OUT.test(text)) g.out.push(col.key);
      else if (IN.test(text)) g.in.push(col.key);
    });
    for (const g of groups.values()) {
      if (g.start.length !== 1 || g.end.length !== 1 || g.out.length + g.in.length === 0) continue;
      push([
        {
          kind: 'flow',
          end: g.end[0] as string,
          start: g.start[0] as string,
          out: g.out,
          in: g.in,
          provenance: 'header',
        },
      ]);
    }
  }
}

function sum(target: string, parts: readonly string[], provenance: Provenance): Relation {
  return { kind: 'sum', target, parts, provenance };
}

function ofWhichRel(total: string, parts: readonly string[]): Relation {
  return { kind: 'of-which', total, parts, provenance: 'header' };
}

function difference(result: string, from: string, to: string): Relation {
  return { kind: 'difference', result, from, to, provenance: 'header' };
}
