import type { Coverage, Issue, Report } from '@phuluc/rules';
import type { Lang } from '../args.js';

/** One issue in the JSON report: `expected` and `actual` are present only when the rules set them. */
export interface JsonIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly cell: string;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

/**
 * The JSON contract of `phuluc validate --format json`: exactly one document on stdout.
 * `file` is the path exactly as given on the command line.
 */
export interface JsonReport {
  readonly file: string;
  readonly sheets: ReadonlyArray<{
    readonly sheet: string;
    readonly template: string | null;
    readonly issues: readonly JsonIssue[];
    /** What was checked: each numeric column and its relations, and what nothing checked. */
    readonly coverage: Coverage;
  }>;
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
}

function jsonIssue(issue: Issue, lang: Lang): JsonIssue {
  return {
    code: issue.code,
    severity: issue.severity,
    cell: issue.cell,
    message: issue.message[lang],
    ...(issue.expected !== undefined ? { expected: issue.expected } : {}),
    ...(issue.actual !== undefined ? { actual: issue.actual } : {}),
  };
}

/** Sum the per-sheet summaries. */
export function totalSummary(reports: readonly Report[]): JsonReport['summary'] {
  return reports.reduce(
    (s, r) => ({
      errors: s.errors + r.summary.errors,
      warnings: s.warnings + r.summary.warnings,
      infos: s.infos + r.summary.infos,
    }),
    { errors: 0, warnings: 0, infos: 0 },
  );
}

/** Build the JSON report of a validation. */
export function toJsonReport(file: string, reports: readonly Report[], lang: Lang): JsonReport {
  return {
    file,
    sheets: reports.map((r) => ({
      sheet: r.sheet,
      template: r.layout,
      issues: r.issues.map((i) => jsonIssue(i, lang)),
      coverage: r.coverage,
    })),
    summary: totalSummary(reports),
  };
}

/** Serialise one JSON document, newline-terminated. */
export function renderJson(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
