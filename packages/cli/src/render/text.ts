import {
  hasGaps,
  t,
  type Issue,
  type LayoutDefinition,
  type Report,
  type Severity,
} from '@phuluc/rules';
import type { Lang } from '../args.js';
import type { Palette } from './color.js';
import { totalSummary } from './json.js';
import { showValue } from './numbers.js';

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}

function severityLabel(severity: Severity, lang: Lang): string {
  return t(`cli.severity.${severity}`, {}, lang);
}

function colorFor(severity: Severity, p: Palette): (s: string) => string {
  return severity === 'error' ? p.red : severity === 'warning' ? p.yellow : p.cyan;
}

/** One line for an issue: cell, severity, code, message, then expected/actual in the reader's numbers. */
export function issueLine(
  issue: Issue,
  lang: Lang,
  p: Palette,
  widths: { cell: number; severity: number; code: number },
): string {
  const parts: string[] = [];
  if (issue.expected !== undefined) {
    parts.push(t('cli.validate.expected', { value: showValue(issue.expected, lang) }, lang));
  }
  if (issue.actual !== undefined) {
    parts.push(t('cli.validate.actual', { value: showValue(issue.actual, lang) }, lang));
  }
  const tail = parts.length > 0 ? ` ${p.dim(`(${parts.join(', ')})`)}` : '';
  const sev = colorFor(
    issue.severity,
    p,
  )(pad(severityLabel(issue.severity, lang), widths.severity));
  return `  ${pad(issue.cell, widths.cell)}  ${sev}  ${p.dim(pad(issue.code, widths.code))}  ${issue.message[lang]}${tail}`;
}

/** The heading of a sheet: its name and the layout it was read as (or that none fits). */
export function sheetHeading(
  report: Report,
  layouts: readonly LayoutDefinition[],
  lang: Lang,
  p: Palette,
): string {
  if (report.layout === null) {
    const notChecked = report.issues.some(
      (i) => i.code === 'sheet/too-large' || i.code === 'check/failed',
    );
    const key = notChecked ? 'cli.validate.sheet-not-checked' : 'cli.validate.sheet-no-layout';
    return p.bold(t(key, { sheet: report.sheet }, lang));
  }
  const layout = layouts.find((l) => l.id === report.layout);
  const title = layout ? layout.title[lang] : report.layout;
  return p.bold(
    t('cli.validate.sheet', { sheet: report.sheet, layout: report.layout, title }, lang),
  );
}

/**
 * What a sheet's report checked: the numeric columns checked, then one line naming the numeric
 * columns nothing checked, each with why. Nothing for a sheet whose figures were not read (its
 * heading and issue say so).
 */
export function coverageLines(report: Report, lang: Lang, p: Palette): string[] {
  const { read, checked, unchecked, unconfirmed } = report.coverage;
  if (!read) return [];
  const lines: string[] = [];
  if (checked.length > 0)
    lines.push(
      `  ${p.dim(t('cli.validate.checked', { count: checked.length, columns: checked.map((c) => c.column).join(', ') }, lang))}`,
    );
  if (unchecked.length > 0) {
    const columns = unchecked
      .map(
        (c) =>
          `${t('cli.validate.unchecked-column', { column: c.column, header: c.header }, lang)} (${t(`cli.validate.unchecked.${c.reason}`, {}, lang)})`,
      )
      .join(', ');
    lines.push(`  ${p.yellow(t('cli.validate.unchecked', { columns }, lang))}`);
  }
  for (const u of unconfirmed)
    lines.push(`  ${p.yellow(t('cli.validate.unconfirmed', { ...u }, lang))}`);
  return lines;
}

/** The summary line: counts of errors, warnings and infos. */
export function summaryLine(summary: Report['summary'], lang: Lang, p: Palette): string {
  const line = t('cli.summary', { ...summary }, lang);
  return summary.errors > 0 ? p.red(line) : summary.warnings > 0 ? p.yellow(line) : p.green(line);
}

/**
 * Render a validation as text: the file, then per sheet its heading and one line per issue,
 * then a summary line.
 */
export function renderValidateText(
  file: string,
  reports: readonly Report[],
  layouts: readonly LayoutDefinition[],
  lang: Lang,
  p: Palette,
): string {
  const lines: string[] = [p.bold(file)];
  for (const report of reports) {
    lines.push('', sheetHeading(report, layouts, lang, p));
    if (report.issues.length === 0) {
      const key = hasGaps(report.coverage)
        ? 'cli.validate.no-issues-in-checked'
        : 'cli.validate.no-issues';
      lines.push(`  ${p.green(t(key, {}, lang))}`);
      lines.push(...coverageLines(report, lang, p));
      continue;
    }
    const widths = {
      cell: Math.max(...report.issues.map((i) => i.cell.length)),
      severity: Math.max(
        ...(['error', 'warning', 'info'] as const).map((s) => severityLabel(s, lang).length),
      ),
      code: Math.max(...report.issues.map((i) => i.code.length)),
    };
    for (const issue of report.issues) lines.push(issueLine(issue, lang, p, widths));
    lines.push(...coverageLines(report, lang, p));
  }
  lines.push('', summaryLine(totalSummary(reports), lang, p));
  const notChecked = reports.reduce((n, r) => n + r.coverage.unchecked.length, 0);
  if (notChecked > 0) lines.push(p.yellow(t('cli.summary.unchecked', { count: notChecked }, lang)));
  const unconfirmed = reports.reduce((n, r) => n + r.coverage.unconfirmed.length, 0);
  if (unconfirmed > 0)
    lines.push(p.yellow(t('cli.summary.unconfirmed', { count: unconfirmed }, lang)));
  return `${lines.join('\n')}\n`;
}
