import {
  formatNumber,
  t,
  type MessageKey,
  type Plan,
  type PlanIssue,
  type PlanLine,
  type PlanTarget,
  type PlanTotal,
  type Severity,
} from '@phuluc/rules';
import type { Lang } from '../args.js';
import type { Palette } from './color.js';
import { summaryLine } from './text.js';
import { showValue } from './numbers.js';

/**
 * One issue of `phuluc plan --format json`: `line` is 0 and `cell` is '' when the issue has
 * none; `expected`/`actual` are absent, never null, when unset (as in `validate`).
 */
export interface PlanJsonIssue {
  readonly code: string;
  readonly severity: Severity;
  readonly line: number;
  readonly cell: string;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

/** One amount of `phuluc plan --format json`; `subproject`, `central`, `local` are absent when the text gives none. */
export interface PlanJsonLine {
  readonly line: number;
  readonly project: string;
  readonly subproject?: string;
  readonly amount: string;
  readonly unit: string;
  readonly central?: string;
  readonly local?: string;
  /** Other sources (vốn lồng ghép, huy động khác), when the text gives them. */
  readonly other?: string;
}

/** The JSON contract of `phuluc plan --format json`: exactly one document on stdout. */
export interface PlanJson {
  readonly file: string;
  readonly annex: { readonly file: string; readonly sheet: string } | null;
  readonly lines: readonly PlanJsonLine[];
  readonly total: PlanTotal | null;
  readonly targets: readonly PlanTarget[];
  readonly issues: readonly PlanJsonIssue[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
}

function summarize(issues: readonly PlanIssue[]): PlanJson['summary'] {
  return {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    infos: issues.filter((i) => i.severity === 'info').length,
  };
}

/** Build the JSON document of a plan check. */
export function toPlanJson(
  file: string,
  plan: Plan,
  issues: readonly PlanIssue[],
  annex: { file: string; sheet: string } | undefined,
  lang: Lang,
): PlanJson {
  return {
    file,
    annex: annex ?? null,
    lines: plan.lines.map((l) => ({
      line: l.line,
      project: l.project,
      ...(l.subproject !== undefined ? { subproject: l.subproject } : {}),
      amount: l.amount,
      unit: l.unit,
      ...(l.central !== undefined ? { central: l.central } : {}),
      ...(l.local !== undefined ? { local: l.local } : {}),
      ...(l.other !== undefined ? { other: l.other } : {}),
    })),
    total: plan.total ?? null,
    targets: plan.targets,
    issues: issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      line: i.line,
      cell: i.cell,
      message: i.message[lang],
      ...(i.expected !== undefined ? { expected: i.expected } : {}),
      ...(i.actual !== undefined ? { actual: i.actual } : {}),
    })),
    summary: summarize(issues),
  };
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}

const num = (v: string, lang: Lang) => formatNumber(v, { lang });
const unitName = (unit: string, lang: Lang) => t(`plan.unit.${unit}` as MessageKey, {}, lang);

function splitText(x: PlanLine | PlanTotal, lang: Lang): string {
  const parts: string[] = [];
  if (x.central !== undefined)
    parts.push(t('cli.plan.central', { value: num(x.central, lang) }, lang));
  if (x.local !== undefined) parts.push(t('cli.plan.local', { value: num(x.local, lang) }, lang));
  if (x.other !== undefined) parts.push(t('cli.plan.other', { value: num(x.other, lang) }, lang));
  return parts.join(', ');
}

function targetText(x: PlanTarget, lang: Lang): string {
  const parts: string[] = [];
  if (x.startRate !== undefined && x.endRate !== undefined)
    parts.push(
      t('cli.plan.target.rate', { start: num(x.startRate, lang), end: num(x.endRate, lang) }, lang),
    );
  if (x.reduction !== undefined)
    parts.push(t('cli.plan.target.reduction', { value: num(x.reduction, lang) }, lang));
  if (x.startCount !== undefined && x.endCount !== undefined)
    parts.push(
      t(
        'cli.plan.target.count',
        { start: num(x.startCount, lang), end: num(x.endCount, lang) },
        lang,
      ),
    );
  if (x.countReduction !== undefined)
    parts.push(t('cli.plan.target.count-reduction', { value: num(x.countReduction, lang) }, lang));
  if (x.households) {
    const value =
      x.households.min === x.households.max
        ? num(x.households.min, lang)
        : `${num(x.households.min, lang)}–${num(x.households.max, lang)}`;
    parts.push(t('cli.plan.target.households', { value }, lang));
  }
  return parts.join('; ');
}

function colorFor(severity: Severity, p: Palette): (s: string) => string {
  return severity === 'error' ? p.red : severity === 'warning' ? p.yellow : p.cyan;
}

/**
 * Render a plan check as text: the amounts found (line, project, amount, split), the total, the
 * poverty targets, the annex compared with, then one line per issue and a summary line.
 */
export function renderPlanText(
  file: string,
  plan: Plan,
  issues: readonly PlanIssue[],
  annex: { file: string; sheet: string } | undefined,
  lang: Lang,
  p: Palette,
): string {
  const out: string[] = [p.bold(file)];
  const where = (line: number) => (line > 0 ? t('cli.plan.line', { line }, lang) : '');
  const rows: Array<[string, string, string, string]> = plan.lines.map((l) => [
    where(l.line),
    l.subproject ?? l.project,
    `${num(l.amount, lang)} ${unitName(l.unit, lang)}`,
    splitText(l, lang),
  ]);
  if (plan.total)
    rows.push([
      where(plan.total.line),
      t('cli.plan.total', {}, lang),
      `${num(plan.total.amount, lang)} ${unitName(plan.total.unit, lang)}`,
      splitText(plan.total, lang),
    ]);
  if (rows.length) {
    out.push('', p.bold(t('cli.plan.amounts', {}, lang)));
    const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [...r[i as 0 | 1 | 2]].length)));
    for (const r of rows)
      out.push(
        `  ${pad(r[0], w[0] as number)}  ${pad(r[1], w[1] as number)}  ${' '.repeat(Math.max(0, (w[2] as number) - [...r[2]].length))}${r[2]}${r[3] ? `  ${p.dim(`(${r[3]})`)}` : ''}`,
      );
  }
  if (plan.targets.length) {
    out.push('', p.bold(t('cli.plan.targets', {}, lang)));
    const w = Math.max(...plan.targets.map((x) => [...where(x.line)].length));
    for (const x of plan.targets) out.push(`  ${pad(where(x.line), w)}  ${targetText(x, lang)}`);
  }
  if (!rows.length && !plan.targets.length) out.push('', t('cli.plan.nothing', {}, lang));
  if (annex) out.push('', p.bold(t('cli.plan.annex', annex, lang)));
  out.push('', p.bold(t('cli.plan.issues', {}, lang)));
  if (issues.length === 0) out.push(`  ${p.green(t('cli.plan.no-issues', {}, lang))}`);
  else {
    const sev = (s: Severity) => t(`cli.severity.${s}`, {}, lang);
    const w = {
      where: Math.max(...issues.map((i) => [...where(i.line)].length)),
      cell: Math.max(...issues.map((i) => i.cell.length)),
      severity: Math.max(...(['error', 'warning', 'info'] as const).map((s) => sev(s).length)),
      code: Math.max(...issues.map((i) => i.code.length)),
    };
    for (const i of issues) {
      const tail: string[] = [];
      if (i.expected !== undefined)
        tail.push(t('cli.validate.expected', { value: showValue(i.expected, lang) }, lang));
      if (i.actual !== undefined)
        tail.push(t('cli.validate.actual', { value: showValue(i.actual, lang) }, lang));
      const cols = [
        pad(where(i.line), w.where),
        ...(w.cell ? [pad(i.cell, w.cell)] : []),
        colorFor(i.severity, p)(pad(sev(i.severity), w.severity)),
        p.dim(pad(i.code, w.code)),
      ];
      out.push(
        `  ${cols.join('  ')}  ${i.message[lang]}${tail.length ? ` ${p.dim(`(${tail.join(', ')})`)}` : ''}`,
      );
    }
  }
  out.push('', summaryLine(summarize(issues), lang, p));
  return `${out.join('\n')}\n`;
}
