import type { Grid } from '../grid/types.js';
import { isUnknownProject, matchProject } from '../catalog/match.js';
import { headerPaths, matchColumns } from './columns.js';
import type { ColumnDefinition, LayoutDefinition } from './schema.js';

/** A project column of a matrix sheet, with the header cell that names it. */
export interface MatrixColumn {
  readonly key: string;
  readonly col: number;
  /** The header text that names the project ("Dự án 3 - TDA1"). */
  readonly label: string;
  /** Catalogue code, or the code the header claims when the programme has no such project. */
  readonly code: string;
  readonly unknown: boolean;
  readonly nameMismatch: boolean;
  readonly officialName?: string;
  readonly nameSuggests?: string;
  /** Funding source under the project (two header levels), if any. */
  readonly source?: 'nstw' | 'nsdp' | 'khac';
  /**
   * Capital type under or over the project ("Dự án 1" over "Đầu tư", "Sự nghiệp"; or "Vốn đầu
   * tư" over "Dự án 1"), if any: a project under both types has a column for each.
   */
  readonly capital?: 'dtpt' | 'sn';
}

/** Whether a project column is a part of its project (by source or capital type), not its own total. */
export function isSplit(p: MatrixColumn): boolean {
  return p.source !== undefined || p.capital !== undefined;
}

/** What the matrix matcher found in a block of header rows. */
export interface MatrixMatch {
  readonly layout: LayoutDefinition;
  readonly columns: Map<string, number>;
  readonly projects: readonly MatrixColumn[];
  readonly fit: number;
  readonly missing: readonly string[];
}

/** A header level that names a project or sub-project ("Dự án 1", "TDA2", "DA 4"). */
const PROJECT_REF = /\b(du an|tieu du an|tda|da)\s*\d/;
/** Whether a header level names a capital type and no project ("Vốn sự nghiệp"). */
function isCapitalOnly(part: string): boolean {
  return !PROJECT_REF.test(part) && CAPITALS.some(([re]) => re.test(part));
}

const CAPITALS: ReadonlyArray<readonly [RegExp, 'dtpt' | 'sn']> = [
  [/\b(dau tu|dtpt)\b/, 'dtpt'],
  [/\b(su nghiep|sn)\b/, 'sn'],
];
const SOURCES: ReadonlyArray<readonly [RegExp, 'nstw' | 'nsdp' | 'khac']> = [
  [/\b(nstw|trung uong|ns tw)\b/, 'nstw'],
  [/\b(nsdp|dia phuong|doi ung|ns dp)\b/, 'nsdp'],
  [/\b(khac|huy dong|long ghep)\b/, 'khac'],
];

function money(key: string, header: string): ColumnDefinition {
  return {
    key,
    header,
    headerEn: header,
    kind: 'money',
    required: false,
    patterns: [{ all: [[key]] }],
  };
}

/**
 * Match a unit × project matrix: a label column of units, a total column, and two or more
 * columns whose headers name projects or sub-projects (one or two header levels, project over
 * funding source). Returns a layout made for this sheet: its project columns are money columns,
 * and its cross-foot equations say total = the projects (or their sources), project = its
 * sub-projects, project = its sources.
 */
export function matchMatrix(
  grid: Grid,
  headerRows: readonly number[],
  base: LayoutDefinition,
  period?: string,
): MatrixMatch | null {
  const paths = headerPaths(grid, headerRows);
  const projects: MatrixColumn[] = [];
  paths.forEach((path, col) => {
    const parts = path.split(' | ').filter((p) => p && !p.startsWith('__'));
    for (let i = 0; i < parts.length; i++) {
      // A capital type over the projects ("Vốn đầu tư" › "Dự án 1") names no project itself.
      if (isCapitalOnly(parts[i] as string)) continue;
      // "Dự án 3" merged over "TDA1", "TDA2": read the levels together, and keep the most
      // specific entry (the sub-project) and the parts below it (a funding source).
      let best: { m: NonNullable<ReturnType<typeof matchProject>>; end: number } | undefined;
      for (let j = i; j < parts.length; j++) {
        const joined = parts.slice(i, j + 1).join(' ');
        const m = matchProject(joined, period ? { period } : {});
        if (!m) continue;
        if (!isUnknownProject(m) && m.by === 'name' && !/\b(du an|tda|da)\b/.test(joined)) continue;
        const specific = (x: NonNullable<ReturnType<typeof matchProject>>) =>
          isUnknownProject(x) ? x.claimed.includes('.') : Boolean(x.subproject);
        if (!best || (specific(m) && !specific(best.m))) best = { m, end: j };
      }
      if (!best) continue;
      const m = best.m;
      const below = parts.slice(best.end + 1).join(' ');
      const source = SOURCES.find(([re]) => re.test(below))?.[1];
      // The capital type is a header level of its own, above or below the project's.
      const capital = parts
        .map((p) => (PROJECT_REF.test(p) ? undefined : CAPITALS.find(([re]) => re.test(p))?.[1]))
        .find((c) => c !== undefined);
      const code = isUnknownProject(m) ? m.claimed : m.code;
      const key = `${code.toLowerCase().replace(/\./g, '_')}${capital ? `_${capital}` : ''}${source ? `_${source}` : ''}`;
      projects.push({
        key,
        col,
        label: parts[i] as string,
        code,
        unknown: isUnknownProject(m),
        nameMismatch: !isUnknownProject(m) && m.nameMismatch,
        ...(!isUnknownProject(m) ? { officialName: m.officialName } : {}),
        ...(!isUnknownProject(m) && m.nameSuggests ? { nameSuggests: m.nameSuggests } : {}),
        ...(source ? { source } : {}),
        ...(capital ? { capital } : {}),
      });
      return;
    }
  });
  const distinct = new Set(projects.map((p) => p.code));
  if (distinct.size < 2) return null;
  const projectCols = new Set(projects.map((p) => p.col));
  const fixedPaths = paths.map((p, c) => (projectCols.has(c) ? '' : p));
  const fixed = matchColumns(base, fixedPaths);
  const columns = new Map(fixed.map);
  const seen = new Set<string>();
  const kept: MatrixColumn[] = [];
  for (const p of projects) {
    if (seen.has(p.key)) continue;
    seen.add(p.key);
    kept.push(p);
    columns.set(p.key, p.col);
  }
  const crossfoot = equations(kept, columns.has('total'));
  const layout: LayoutDefinition = {
    ...base,
    columns: [...base.columns, ...kept.map((p) => money(p.key, p.label))],
    crossfoot,
  };
  const missing = base.columns.filter((c) => c.required && !columns.has(c.key)).map((c) => c.key);
  return { layout, columns, projects: kept, fit: fixed.fit + kept.length, missing };
}

/** total = top-level project columns; project = its sub-projects; project = its sources. */
function equations(
  projects: readonly MatrixColumn[],
  hasTotal: boolean,
): LayoutDefinition['crossfoot'] {
  const out: Array<{ target: string; parts: string[]; minParts: number }> = [];
  const byCode = new Map<string, MatrixColumn[]>();
  for (const p of projects) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);
  const plain = (code: string) => byCode.get(code)?.find((p) => !isSplit(p));
  // A project's own column, if any, equals its sources (or capital types), and its sub-projects.
  for (const [code, cols] of byCode) {
    const own = plain(code);
    const sources = cols.filter(isSplit);
    if (own && sources.length >= 2)
      out.push({ target: own.key, parts: sources.map((s) => s.key), minParts: 2 });
    if (own && !code.includes('.')) {
      const subs = [...byCode.keys()]
        .filter((k) => k.startsWith(`${code}.`))
        .map((k) => plain(k))
        .filter((c): c is MatrixColumn => c !== undefined);
      if (subs.length >= 1)
        out.push({ target: own.key, parts: subs.map((s) => s.key), minParts: 1 });
    }
  }
  if (hasTotal) {
    // The total adds each project once: its own column when there is one, else its sub-projects' or sources'.
    const parts: string[] = [];
    const projectCodes = new Set([...byCode.keys()].map((k) => k.split('.')[0] as string));
    for (const pc of projectCodes) {
      const own = plain(pc);
      if (own) {
        parts.push(own.key);
        continue;
      }
      const source = byCode.get(pc)?.filter(isSplit) ?? [];
      if (source.length) {
        parts.push(...source.map((s) => s.key));
        continue;
      }
      for (const [k, cols] of byCode) {
        if (!k.startsWith(`${pc}.`)) continue;
        const subOwn = plain(k);
        if (subOwn) parts.push(subOwn.key);
        else parts.push(...cols.filter(isSplit).map((c) => c.key));
      }
    }
    if (parts.length >= 2) out.push({ target: 'total', parts, minParts: 2 });
  }
  return out;
}
