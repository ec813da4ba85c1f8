import { isUnknownProject, matchProject } from '../catalog/match.js';
import { detectLayout, type Detection } from '../annex/detect.js';
import { buildModel, valueOf, type ModelRow, type SheetModel } from '../check/model.js';
import type { Issue } from '../check/types.js';
import type { Grid } from '../grid/types.js';
import { Decimal } from '../money/decimal.js';
import type { MoneyUnit } from '../money/units.js';

/** One figure of an annex: its value, its cell, and the decimals the sheet shows. */
export interface AnnexFigure {
  readonly value: Decimal;
  readonly row: number;
  readonly col: number;
  readonly places: number;
}

/** A project or sub-project row of an annex (rows with one code are added up). */
export interface AnnexLine {
  readonly code: string;
  readonly project: string;
  readonly subproject?: string;
  readonly row: number;
  /** The label cell. */
  readonly labelCol: number;
  readonly total?: AnnexFigure;
  readonly central?: AnnexFigure;
  readonly local?: AnnexFigure;
}

/** What the cross-check needs of an annex sheet. */
export interface AnnexLines {
  readonly detection: Detection;
  readonly unit: MoneyUnit;
  readonly lines: readonly AnnexLine[];
  readonly total?: {
    readonly row: number;
    readonly total?: AnnexFigure;
    readonly central?: AnnexFigure;
    readonly local?: AnnexFigure;
  };
}

const MONEY_UNITS = new Set<string>(['dong', 'nghin', 'trieu', 'ty']);

function figure(m: SheetModel, x: ModelRow, keys: readonly string[]): AnnexFigure | undefined {
  // The first key whose column exists; parts (đầu tư + sự nghiệp) when only they exist.
  const [main, ...parts] = keys;
  const col = main !== undefined ? m.columns.get(main) : undefined;
  if (main !== undefined && col !== undefined) {
    const v = valueOf(x, main);
    return { value: v ?? new Decimal(0), row: x.row, col, places: m.shown.get(main) ?? 0 };
  }
  const present = parts.filter((k) => m.columns.has(k));
  if (!present.length) return undefined;
  let sum = new Decimal(0);
  for (const k of present) sum = sum.plus(valueOf(x, k) ?? 0);
  const first = present[0] as string;
  return {
    value: sum,
    row: x.row,
    col: m.columns.get(first) as number,
    places: Math.max(...present.map((k) => m.shown.get(k) ?? 0)),
  };
}

function add(a: AnnexFigure | undefined, b: AnnexFigure | undefined): AnnexFigure | undefined {
  if (!a || !b) return a ?? b;
  return { ...a, value: a.value.plus(b.value), places: Math.max(a.places, b.places) };
}

/**
 * Read an annex sheet the way `validateSheet` does (`detectLayout`, then `buildModel`) and keep
 * its project and sub-project rows, their total, NSTW and NSĐP, and its total row. A unit ×
 * project matrix gives one line per project column instead. Returns `notBudget` when the sheet
 * is no budget annex.
 */
export function readAnnexLines(
  grid: Grid,
  options: { period?: string; locale?: 'vi' | 'en' } = {},
): AnnexLines | { detection: Detection; notBudget: true } {
  const detection = detectLayout(grid);
  if (!detection.fit || detection.fit.layout.kind !== 'budget')
    return { detection, notBudget: true };
  const scratch: Issue[] = [];
  const m = buildModel(
    grid,
    detection,
    {
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.period ? { period: options.period } : {}),
    },
    scratch,
  );
  const unit: MoneyUnit = MONEY_UNITS.has(m.unit) ? (m.unit as MoneyUnit) : 'trieu';
  if (detection.fit.matrix?.length) return matrixLines(m, detection, unit);
  const labelCol = m.columns.get('label') ?? 0;
  const codeCol = m.columns.get('project_code');
  const byCode = new Map<string, AnnexLine>();
  let currentProject: string | undefined;
  for (const x of m.rows) {
    if (x.isTotal || x.isOfWhichHeading || x.ofWhich) continue;
    const codeText =
      codeCol !== undefined ? String(m.grid.cells[x.row]?.[codeCol]?.value ?? '') : '';
    const opts = {
      ...(options.period ? { period: options.period } : {}),
      ...(currentProject ? { parentProject: currentProject } : {}),
    };
    const match =
      (codeText ? matchProject(codeText, opts) : undefined) ?? matchProject(x.label, opts);
    if (!match || isUnknownProject(match)) continue;
    if (!match.subproject) currentProject = match.project.code;
    const line: AnnexLine = {
      code: match.code,
      project: match.project.code,
      ...(match.subproject ? { subproject: match.code } : {}),
      row: x.row,
      labelCol,
      ...optional('total', figure(m, x, ['total'])),
      ...optional('central', figure(m, x, ['nstw', 'nstw_dtpt', 'nstw_sn'])),
      ...optional('local', figure(m, x, ['nsdp', 'nsdp_dtpt', 'nsdp_sn'])),
    };
    const seen = byCode.get(line.code);
    byCode.set(
      line.code,
      seen
        ? {
            ...seen,
            ...optional('total', add(seen.total, line.total)),
            ...optional('central', add(seen.central, line.central)),
            ...optional('local', add(seen.local, line.local)),
          }
        : line,
    );
  }
  const t = m.total !== null ? m.rows[m.total] : undefined;
  return {
    detection,
    unit,
    lines: [...byCode.values()],
    ...(t
      ? {
          total: {
            row: t.row,
            ...optional('total', figure(m, t, ['total'])),
            ...optional('central', figure(m, t, ['nstw', 'nstw_dtpt', 'nstw_sn'])),
            ...optional('local', figure(m, t, ['nsdp', 'nsdp_dtpt', 'nsdp_sn'])),
          },
        }
      : {}),
  };
}

/**
 * A unit × project matrix (budget-matrix): each project column is a line, its figure the total
 * row's cell (or, without a total row, the sum of the top-level rows, placed at the header cell).
 * Columns under a project split it by source: NSTW is the central part, NSĐP the local part;
 * a project given only by sources gets their sum as its amount.
 */
function matrixLines(m: SheetModel, detection: Detection, unit: MoneyUnit): AnnexLines {
  const totalRow = m.total !== null ? m.rows[m.total] : undefined;
  const roots = m.roots.map((i) => m.rows[i]).filter((x): x is ModelRow => x !== undefined);
  const headerRow = detection.fit?.headerRows[detection.fit.headerRows.length - 1] ?? 0;
  const read = (key: string, col: number): AnnexFigure => {
    const places = m.shown.get(key) ?? 0;
    if (totalRow)
      return { value: valueOf(totalRow, key) ?? new Decimal(0), row: totalRow.row, col, places };
    let sum = new Decimal(0);
    for (const x of roots) sum = sum.plus(valueOf(x, key) ?? 0);
    return { value: sum, row: headerRow, col, places };
  };
  const byCode = new Map<
    string,
    {
      code: string;
      total?: AnnexFigure;
      /** The project's columns by capital type (investment, recurrent): together its total. */
      capital?: AnnexFigure;
      central?: AnnexFigure;
      local?: AnnexFigure;
      other?: AnnexFigure;
    }
  >();
  for (const p of detection.fit?.matrix ?? []) {
    if (p.unknown) continue;
    const entry = byCode.get(p.code) ?? { code: p.code };
    const f = read(p.key, p.col);
    if (!p.source && !p.capital) entry.total = f;
    else if (!p.source) entry.capital = add(entry.capital, f);
    else if (p.source === 'nstw') entry.central = add(entry.central, f);
    else if (p.source === 'nsdp') entry.local = add(entry.local, f);
    else entry.other = add(entry.other, f);
    byCode.set(p.code, entry);
  }
  const lines: AnnexLine[] = [];
  for (const e of byCode.values()) {
    const [project = e.code] = e.code.split('.');
    const total = e.total ?? e.capital ?? add(add(e.central, e.local), e.other);
    lines.push({
      code: e.code,
      project,
      ...(e.code.includes('.') ? { subproject: e.code } : {}),
      row: (total ?? e.central ?? e.local)?.row ?? headerRow,
      labelCol: (total ?? e.central ?? e.local)?.col ?? 0,
      ...optional('total', total),
      ...optional('central', e.central),
      ...optional('local', e.local),
    });
  }
  const totalCol = m.columns.get('total');
  return {
    detection,
    unit,
    lines,
    ...(totalRow && totalCol !== undefined
      ? {
          total: {
            row: totalRow.row,
            total: {
              value: valueOf(totalRow, 'total') ?? new Decimal(0),
              row: totalRow.row,
              col: totalCol,
              places: m.shown.get('total') ?? 0,
            },
          },
        }
      : {}),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
