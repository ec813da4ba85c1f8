import { makePlanIssue } from './issue.js';
import { attachSplits, findAmounts, type FoundAmount } from './amounts.js';
import { checkSplits, checkTotals } from './check-amounts.js';
import { checkTargets, targetHouseholds } from './check-targets.js';
import { foldText } from './fold.js';
import { lineContexts } from './headings.js';
import { findTargets, type FoundTarget } from './targets.js';
import type { Plan, PlanIssue, PlanLine, PlanTarget, PlanTotal, ReadPlanOptions } from './types.js';

function toLine(a: FoundAmount): PlanLine {
  return {
    line: a.line,
    project: a.project ?? '',
    ...(a.subproject ? { subproject: a.subproject } : {}),
    amount: a.amount.toString(),
    unit: a.unit,
    ...(a.central !== undefined ? { central: a.central.toString() } : {}),
    ...(a.local !== undefined ? { local: a.local.toString() } : {}),
    ...(a.other !== undefined ? { other: a.other.toString() } : {}),
  };
}

function toTotal(a: FoundAmount): PlanTotal {
  return {
    line: a.line,
    amount: a.amount.toString(),
    unit: a.unit,
    ...(a.central !== undefined ? { central: a.central.toString() } : {}),
    ...(a.local !== undefined ? { local: a.local.toString() } : {}),
    ...(a.other !== undefined ? { other: a.other.toString() } : {}),
  };
}

function toTarget(t: FoundTarget): PlanTarget {
  const h = targetHouseholds(t);
  const s = (d: { toString(): string } | undefined) => d?.toString();
  const fields = {
    startRate: s(t.startRate),
    endRate: s(t.endRate),
    reduction: s(t.reduction),
    startCount: s(t.startCount),
    endCount: s(t.endCount),
    countReduction: s(t.countReduction),
  };
  return {
    line: t.line,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    ...(h.range
      ? { households: { min: h.range.min.toString(), max: h.range.max.toString() } }
      : {}),
  };
}

/**
 * Read a plan's text (Kế hoạch): the amount of each project and sub-project with its split
 * (NSTW, NSĐP), the overall total with its split, and the poverty targets, then check that
 * they agree with each other. Works with diacritics, without them, and through the OCR damage
 * of scanned plans ("Kinh phi thuc hién: 3.154 triéu ddng", "D 4n 2", "Ngan sach trung wong").
 * The project a paragraph talks about comes from its heading ("1. Dự án 2: …", "3.1. Tiểu dự
 * án 1: …" under "3. Dự án 4"), or from the amount's own sentence. Never throws.
 *
 * Issues: `plan/total-mismatch` (amounts that do not add up to the stated total, at the
 * total's line), `plan/split-mismatch` (central + local ≠ amount, at the amount's line),
 * `plan/target-mismatch` (a rate drop that disagrees with the household drop or its stated reduction).
 *
 * @example
 * const plan = readPlan('1. Dự án 2: Đa dạng hóa sinh kế\nKinh phí thực hiện: 3.154 triệu đồng\n…');
 * plan.lines[0]; // { line: 2, project: 'DA2', amount: '3154', unit: 'trieu' }
 */
export function readPlan(text: string, options: ReadPlanOptions = {}): Plan {
  const issues: PlanIssue[] = [];
  try {
    const locale = options.locale ?? 'vi';
    const folded = foldText(text);
    const contexts = lineContexts(folded, options.period);
    const amounts = findAmounts(folded, contexts, locale, options.period);
    attachSplits(folded, contexts, amounts, locale);
    const targets = findTargets(folded, locale);
    checkTotals(amounts, options.tolerance, issues);
    checkSplits(amounts, options.tolerance, issues);
    checkTargets(targets, issues);
    const total = amounts.find((a) => a.kind === 'total');
    issues.sort((a, b) => a.line - b.line);
    return {
      lines: amounts.filter((a) => a.kind === 'line').map(toLine),
      targets: targets.map(toTarget),
      ...(total ? { total: toTotal(total) } : {}),
      issues,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      lines: [],
      targets: [],
      issues: [
        makePlanIssue({
          code: 'check/failed',
          severity: 'error',
          line: 0,
          text: { error: message.slice(0, 200) },
        }),
      ],
    };
  }
}
