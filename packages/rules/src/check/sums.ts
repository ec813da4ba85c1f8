import type { SheetModel } from './model.js';

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
