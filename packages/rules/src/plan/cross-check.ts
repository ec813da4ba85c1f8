import { toA1 } from '../grid/a1.js';
import type { Grid } from '../grid/types.js';
import { Decimal, toDecimal } from '../money/decimal.js';
import { convertUnit, type MoneyUnit } from '../money/units.js';
import {
  readAnnexLines,
  type AnnexFigure,
  type AnnexLine,
  type AnnexLines,
} from './annex-lines.js';
import { makePlanIssue } from './issue.js';
import type { CrossCheckOptions, Plan, PlanIssue, PlanLine } from './types.js';
import { conversionParams, unitParams, whatParams } from './unit-names.js';

type Part = 'total' | 'central' | 'local';
/** The "what" of the overall total in messages. */
const TOTAL = '';
const PART_KEY = { total: 'amount', central: 'central', local: 'local' } as const;

/** A plan figure: value, unit, and the line it is written on. */
interface PlanFigure {
  readonly value: Decimal;
  readonly unit: MoneyUnit;
  readonly line: number;
}

function planFigure(l: PlanLine | Plan['total'], part: Part): PlanFigure | undefined {
  if (!l) return undefined;
  const v = l[PART_KEY[part]];
  return v === undefined ? undefined : { value: new Decimal(v), unit: l.unit, line: l.line };
}

/** Sum of the sub-project lines of one project (first line per code), or undefined when it has none. */
function planSubSum(
  lines: readonly PlanLine[],
  project: string,
  part: Part,
): PlanFigure | undefined {
  const subs = lines.filter((l) => l.project === project && l.subproject);
  if (!subs.length) return undefined;
  const first = subs[0] as PlanLine;
  let sum = new Decimal(0);
  for (const l of subs) {
    const v = l[PART_KEY[part]];
    if (v === undefined) return undefined;
    sum = sum.plus(convertUnit(v, l.unit, first.unit));
  }
  return { value: sum, unit: first.unit, line: first.line };
}

/** Whether a plan figure and an annex figure agree, at the coarser of their two precisions (or a tolerance). */
function agree(
  p: PlanFigure,
  a: AnnexFigure,
  annexUnit: MoneyUnit,
  tolerance: string | number | undefined,
): { ok: boolean; expected: Decimal } {
  const expected = convertUnit(p.value, p.unit, annexUnit);
  const diff = expected.minus(a.value).abs();
  if (tolerance !== undefined && tolerance !== '')
    return { ok: diff.lte(toDecimal(tolerance).abs()), expected };
  const planStep = convertUnit(new Decimal(10).pow(-p.value.decimalPlaces()), p.unit, annexUnit);
  const annexStep = new Decimal(10).pow(-a.places);
  const step = Decimal.max(planStep, annexStep);
  return { ok: diff.lte(step.dividedBy(2)), expected };
}

function byCode(lines: readonly PlanLine[]): Map<string, PlanLine> {
  const out = new Map<string, PlanLine>();
  for (const l of lines) {
    const code = l.subproject ?? l.project;
    if (code && !out.has(code)) out.set(code, l);
  }
  return out;
}

/**
 * Cross-check a plan's text against its annex sheet: the same project or sub-project must carry
 * the same amount (and NSTW, NSĐP) in both, converting units when the annex is in đồng and
 * the plan in triệu đồng or the reverse, and the totals must agree. The annex is read the way
 * `validateSheet` reads it (`detectLayout`, then the same row model).
 *
 * Issues: `plan/annex-mismatch` (at the annex cell, with the plan's line), `plan/missing-in-annex`
 * (a plan line no annex row carries), `plan/missing-in-plan` (an annex row with an amount that
 * the plan does not mention). A plan that gives sub-projects is compared with an annex that
 * gives only their project through the sum, and the other way round. Never throws.
 *
 * @example
 * const issues = crossCheckPlan(readPlan(text), grid);
 * issues[0]; // { code: 'plan/annex-mismatch', cell: 'C9', line: 112, expected: '3154', actual: '3100', … }
 */
export function crossCheckPlan(
  plan: Plan,
  grid: Grid,
  options: CrossCheckOptions = {},
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  try {
    const annex = readAnnexLines(grid, {
      ...(options.period ? { period: options.period } : {}),
      locale: options.locale ?? 'vi',
    });
    if ('notBudget' in annex) {
      const layout = annex.detection.fit?.layout.id ?? '—';
      issues.push(
        makePlanIssue({
          code: 'header/unknown-layout',
          severity: 'error',
          line: 0,
          messageKey: 'issue.plan/annex-not-budget',
          text: { sheet: grid.name, layout },
        }),
      );
      return issues;
    }
    if (plan.lines.length === 0 && !plan.total) {
      issues.push(
        makePlanIssue({
          code: 'plan/missing-in-plan',
          severity: 'warning',
          line: 0,
          messageKey: 'issue.plan/missing-in-plan.no-amounts',
          text: { sheet: grid.name },
        }),
      );
      return issues;
    }
    if (annex.lines.length === 0 && plan.lines.length > 0) {
      // No row names a project (e.g. a unit × project matrix): only the totals can be compared.
      issues.push(
        makePlanIssue({
          code: 'plan/missing-in-annex',
          severity: 'warning',
          line: 0,
          messageKey: 'issue.plan/missing-in-annex.no-rows',
          text: { sheet: grid.name },
        }),
      );
    } else {
      compareLines(plan, annex, options.tolerance, issues);
    }
    compareTotals(plan, annex, options.tolerance, issues);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    issues.push(
      makePlanIssue({
        code: 'check/failed',
        severity: 'error',
        line: 0,
        text: { error: message.slice(0, 200) },
      }),
    );
  }
  return issues.sort((a, b) => a.row - b.row || a.col - b.col || a.line - b.line);
}

function mismatch(
  issues: PlanIssue[],
  part: Part,
  what: string,
  p: PlanFigure,
  a: AnnexFigure,
  annexUnit: MoneyUnit,
  tolerance: string | number | undefined,
): void {
  const { ok, expected } = agree(p, a, annexUnit, tolerance);
  if (ok) return;
  issues.push(
    makePlanIssue({
      code: 'plan/annex-mismatch',
      severity: 'error',
      line: p.line,
      row: a.row,
      col: a.col,
      messageKey:
        part === 'total'
          ? 'issue.plan/annex-mismatch'
          : part === 'central'
            ? 'issue.plan/annex-mismatch.central'
            : 'issue.plan/annex-mismatch.local',
      text: {
        ...whatParams(what),
        cell: toA1(a.row, a.col),
        ...unitParams(annexUnit),
        ...unitParams(p.unit, 'planUnit'),
        ...conversionParams(p.value, p.unit, annexUnit),
      },
      numbers: { plan: p.value.toString(), diff: a.value.minus(expected).toString() },
      expected: expected.toString(),
      actual: a.value.toString(),
    }),
  );
}

function compareFigures(
  issues: PlanIssue[],
  code: string,
  pick: (part: Part) => PlanFigure | undefined,
  a: AnnexLine | AnnexLines['total'],
  annexUnit: MoneyUnit,
  tolerance: string | number | undefined,
): void {
  if (!a) return;
  for (const part of ['total', 'central', 'local'] as const) {
    const p = pick(part);
    const f = a[part];
    if (p && f) mismatch(issues, part, code, p, f, annexUnit, tolerance);
  }
}

function compareLines(
  plan: Plan,
  annex: AnnexLines,
  tolerance: string | number | undefined,
  issues: PlanIssue[],
): void {
  const planCodes = byCode(plan.lines);
  const annexCodes = new Map(annex.lines.map((l) => [l.code, l]));
  const planHasSubs = (p: string) => plan.lines.some((l) => l.project === p && l.subproject);
  const annexHasSubs = (p: string) => annex.lines.some((l) => l.project === p && l.subproject);
  const projects = new Set(
    [...plan.lines.map((l) => l.project), ...annex.lines.map((l) => l.project)].filter(Boolean),
  );

  for (const project of projects) {
    const pLine = planCodes.get(project);
    const aLine = annexCodes.get(project);
    // Sub-projects present on both sides: compared one by one.
    if (planHasSubs(project) && annexHasSubs(project)) {
      for (const [code, l] of planCodes) {
        if (l.project !== project || !l.subproject) continue;
        const a = annexCodes.get(code);
        if (a)
          compareFigures(issues, code, (part) => planFigure(l, part), a, annex.unit, tolerance);
        else issues.push(missingInAnnex(l, code));
      }
      for (const a of annex.lines) {
        if (a.project !== project || !a.subproject || planCodes.has(a.code)) continue;
        if (a.total && !a.total.value.isZero()) issues.push(missingInPlan(a, annex.unit));
      }
    }
    // The project's own figures, direct or through its sub-projects.
    const planProject = (part: Part): PlanFigure | undefined =>
      planFigure(pLine, part) ?? planSubSum(plan.lines, project, part);
    if (aLine) {
      if (pLine || planHasSubs(project))
        compareFigures(issues, project, planProject, aLine, annex.unit, tolerance);
      else if (aLine.total && !aLine.total.value.isZero())
        issues.push(missingInPlan(aLine, annex.unit));
    } else if (annexHasSubs(project)) {
      if (!planHasSubs(project) && pLine) {
        // The plan gives the project, the annex only its sub-projects: compare with their sum.
        const subs = annex.lines.filter((l) => l.project === project && l.subproject);
        const sum = (part: Part): AnnexFigure | undefined => {
          const figs = subs.map((s) => s[part]);
          if (figs.some((f) => !f)) return undefined;
          const first = figs[0] as AnnexFigure;
          return {
            ...first,
            value: figs.reduce((s, f) => s.plus((f as AnnexFigure).value), new Decimal(0)),
            places: Math.max(...figs.map((f) => (f as AnnexFigure).places)),
          };
        };
        compareFigures(
          issues,
          project,
          (part) => planFigure(pLine, part),
          { code: project, project, row: subs[0]?.row ?? 0, labelCol: 0, ...withFigures(sum) },
          annex.unit,
          tolerance,
        );
      }
    } else {
      for (const [code, l] of planCodes)
        if (l.project === project) issues.push(missingInAnnex(l, code));
    }
  }
}

function withFigures(
  sum: (part: Part) => AnnexFigure | undefined,
): Partial<Record<Part, AnnexFigure>> {
  const out: Partial<Record<Part, AnnexFigure>> = {};
  for (const part of ['total', 'central', 'local'] as const) {
    const f = sum(part);
    if (f) out[part] = f;
  }
  return out;
}

function missingInAnnex(l: PlanLine, code: string): PlanIssue {
  return makePlanIssue({
    code: 'plan/missing-in-annex',
    severity: 'warning',
    line: l.line,
    text: { ...whatParams(code), ...unitParams(l.unit) },
    numbers: { amount: l.amount },
  });
}

function missingInPlan(a: AnnexLine, unit: MoneyUnit): PlanIssue {
  return makePlanIssue({
    code: 'plan/missing-in-plan',
    severity: 'warning',
    line: 0,
    row: a.row,
    col: a.total?.col ?? a.labelCol,
    text: {
      ...whatParams(a.code),
      cell: toA1(a.row, a.total?.col ?? a.labelCol),
      ...unitParams(unit),
    },
    numbers: { amount: (a.total?.value ?? new Decimal(0)).toString() },
  });
}

function compareTotals(
  plan: Plan,
  annex: AnnexLines,
  tolerance: string | number | undefined,
  issues: PlanIssue[],
): void {
  if (!plan.total || !annex.total) return;
  const total = plan.total;
  compareFigures(
    issues,
    TOTAL,
    (part) => planFigure(total, part),
    annex.total,
    annex.unit,
    tolerance,
  );
}
