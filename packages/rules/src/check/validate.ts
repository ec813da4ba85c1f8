import type { Grid } from '../grid/types.js';
import type { Detection } from '../annex/detect.js';
import type { CheckName, LayoutDefinition } from '../annex/schema.js';
import type { LayoutId } from '../annex/types.js';
import { checkCounterpart, checkCatalog, checkMatrixHeaders, checkUnitSuspect } from './budget.js';
import { checkCells } from './cells.js';
import { checkFormulas } from './formulas.js';
import { makeIssue } from './issue.js';
import { t } from '../messages/catalog.js';
import type { SheetModel } from './model.js';
import { checkRange, checkRates, checkTargets } from './poverty.js';
import { checkServiceTargets } from './service.js';
import type { Issue, Report, Summary, ValidateOptions } from './types.js';
import { NOT_READ, type Coverage } from '../relations/coverage.js';
import { sheetRelations } from '../relations/engine.js';
import { readSheet, type ReadSheet } from '../relations/read-sheet.js';
import { fillRead } from '../fill/fill.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The checks that are relations, evaluated by the relation evaluator (relations/engine.ts). */
type RelationCheck = 'foot' | 'crossfoot';

/** Each check a layout can ask for, by name, but the relations. */
const CHECKS: Record<
  Exclude<CheckName, RelationCheck | 'formulas'>,
  (m: SheetModel, issues: Issue[]) => void
> = {
  cells: checkCells,
  catalog: (m, issues) => {
    checkCatalog(m, issues);
    checkMatrixHeaders(m, issues);
  },
  'unit-suspect': checkUnitSuspect,
  counterpart: checkCounterpart,
  rates: (m, issues) => {
    checkRange(m, issues);
    checkRates(m, issues);
  },
  targets: checkTargets,
  service: checkServiceTargets,
};

/** Count issues by severity. */
export function summarize(issues: readonly Issue[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else if (i.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** Issues in sheet order (row, then column), then by severity. */
function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort(
    (a, b) =>
      a.row - b.row || a.col - b.col || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

/** Options for {@link validateSheet} beyond {@link ValidateOptions}: extra layouts to choose from. */
export interface ValidateSheetOptions extends ValidateOptions {
  /** Layouts to choose from instead of the built-in ones (user-defined layouts). */
  readonly layouts?: readonly LayoutDefinition[];
}

function unknownLayout(grid: Grid, detection: Detection, structured: boolean): Issue {
  const top = detection.candidates.slice(0, 2);
  // `guesses` (ids) stays for machines; the message names the layouts by their titles.
  const guesses = top.map((c) => `${c.layout.id} ${Math.round(c.score * 100)}%`).join(', ');
  const close = top.filter((c) => c.score > 0);
  const titles = (lang: 'vi' | 'en') =>
    close.length > 0
      ? close.map((c) => `"${c.layout.title[lang]}" ${Math.round(c.score * 100)}%`).join(', ')
      : t('issue.header/unknown-layout.no-guess', {}, lang);
  const row = Math.max(0, detection.top.firstNumericRow);
  return makeIssue({
    code: 'header/unknown-layout',
    severity: 'info',
    ...(structured ? { messageKey: 'issue.header/unknown-layout.structure' as const } : {}),
    row: Math.min(row, Math.max(0, grid.cells.length - 1)),
    col: 0,
    text: { guesses, closest: titles('vi'), closestEn: titles('en') },
  });
}

/**
 * A note that says phuluc's fill can write a typed total's formula keeps that promise only where
 * the fill (with overwrite: the cell is not empty) plans a write for the cell; elsewhere the note
 * says to replace it with a formula by hand. Decided by the fill's own planner on the same reading.
 */
function keepFillPromises(
  grid: Grid,
  sheet: ReadSheet,
  options: ValidateSheetOptions,
  issues: Issue[],
): void {
  // The check words its info (a sheet of typed totals) with the promise, its warning without.
  const promising = (i: Issue) => i.code === 'formula/hardcoded-total' && i.severity === 'info';
  if (!issues.some(promising)) return;
  const planned = new Set(
    fillRead(grid, sheet, {
      overwrite: true,
      ...(options.layout ? { layout: options.layout } : {}),
      ...(options.layouts ? { layouts: options.layouts } : {}),
    }).writes.map((w) => w.cell),
  );
  for (let k = 0; k < issues.length; k++) {
    const i = issues[k] as Issue;
    if (!promising(i) || planned.has(i.cell)) continue;
    issues[k] = makeIssue({
      code: i.code,
      severity: i.severity,
      row: i.row,
      col: i.col,
      messageKey: 'issue.formula/hardcoded-total.by-hand',
      ...(i.actual !== undefined ? { actual: i.actual } : {}),
    });
  }
}

/**
 * Check one annex sheet: detect its layout (or use the one forced), read its rows and
 * hierarchy, and run every check that applies. Never throws: any grid gives a report.
 *
 * @example
 * const report = validateSheet(grid, { tolerance: 0 });
 * report.layout;          // 'budget-allocation'
 * report.issues[0]?.code; // 'sum/foot'
 * report.issues[0]?.cell; // 'C8'
 */
export function validateSheet(grid: Grid, options: ValidateSheetOptions = {}): Report {
  const issues: Issue[] = [];
  let detection: Detection | undefined;
  let coverage: Coverage = NOT_READ;
  try {
    const sheet = readSheet(grid, options, issues);
    detection = sheet.detection;
    const fit = detection.fit;
    if (!fit) issues.push(unknownLayout(grid, detection, sheet.structure !== undefined));
    else {
      for (const key of fit.missing) {
        const def = fit.layout.columns.find((c) => c.key === key);
        const row = fit.headerRows[0] ?? 0;
        issues.push(
          makeIssue({
            code: 'header/missing-column',
            severity: 'error',
            row,
            col: 0,
            text: {
              column: def?.header ?? key,
              columnEn: def?.headerEn ?? key,
              layout: fit.layout.id,
            },
          }),
        );
      }
    }
    if (sheet.model && sheet.structure) {
      const { model, structure, checks, unfooted } = sheet;
      // The relations (foot, cross-foots, the index row's, the header's and the figures') are
      // found once, when first needed (the formula checks know a relation's totals by them), and
      // their issues reported in the checks' place, so that issues at one cell keep that order.
      let found: ReturnType<typeof sheetRelations> | undefined;
      const relationsFound = () => (found ??= sheetRelations(model, structure, checks, unfooted));
      let reported = false;
      const report = () => {
        if (reported) return;
        reported = true;
        for (const issue of relationsFound().issues) issues.push(issue);
        coverage = relationsFound().coverage;
      };
      for (const name of checks) {
        if (name === 'foot' || name === 'crossfoot') report();
        else if (name === 'formulas') checkFormulas(model, issues, relationsFound().relations);
        else CHECKS[name](model, issues);
      }
      report();
      keepFillPromises(grid, sheet, options, issues);
    }
  } catch (error) {
    issues.push(
      makeIssue({
        code: 'check/failed',
        severity: 'error',
        row: 0,
        col: 0,
        text: {
          error: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200),
        },
      }),
    );
  }
  const fit = detection?.fit ?? null;
  return {
    sheet: grid?.name ?? '',
    layout: (fit?.layout.id as LayoutId | undefined) ?? null,
    score: fit?.score ?? 0,
    candidates: (detection?.candidates ?? []).map((c) => ({
      layout: c.layout.id as LayoutId,
      score: c.score,
    })),
    issues: sortIssues(issues),
    summary: summarize(issues),
    coverage,
  };
}
