import { crossCheckPlan, detectLayout, readPlan, type Plan, type PlanIssue } from '@phuluc/rules';
import { worksheetToGrid } from '@phuluc/xlsx';
import type ExcelJS from 'exceljs';
import type { PlanArgs } from '../args.js';
import { useColor, type Io } from '../io/console.js';
import { openWorkbook, readInputFile } from '../io/input.js';
import { readPlanText } from '../io/plan-text.js';
import { palette } from '../render/color.js';
import { renderJson } from '../render/json.js';
import { renderPlanText, toPlanJson } from '../render/plan.js';
import { selectSheets } from '../sheets.js';

/** The annex sheet to compare with: `--sheet`, else the first budget-allocation sheet, else the first sheet. */
function annexSheet(
  wb: ExcelJS.Workbook,
  sheet: string | undefined,
): ExcelJS.Worksheet | undefined {
  const sheets = selectSheets(wb, sheet);
  if (sheet !== undefined) return sheets[0];
  return (
    sheets.find((ws) => detectLayout(worksheetToGrid(ws)).fit?.layout.kind === 'budget') ??
    sheets[0]
  );
}

/**
 * `phuluc plan PLAN.(txt|docx) [--annex FILE.xlsx]`: read the plan's amounts, splits, total and
 * poverty targets, check them against each other and, with `--annex`, against the annex sheet.
 *
 * @returns 0 when no issue is an error, 1 when some are.
 */
export async function planCommand(args: PlanArgs, io: Io): Promise<number> {
  const text = await readPlanText(await readInputFile(args.file), args.file);
  let annex: { file: string; sheet: string } | undefined;
  let wb: ExcelJS.Workbook | undefined;
  if (args.annex !== undefined)
    wb = await openWorkbook(await readInputFile(args.annex), args.annex);
  const options = args.tolerance !== undefined ? { tolerance: args.tolerance } : {};
  const plan: Plan = readPlan(text, options);
  const issues: PlanIssue[] = [...plan.issues];
  if (wb && args.annex !== undefined) {
    const ws = annexSheet(wb, args.sheet);
    if (ws) {
      annex = { file: args.annex, sheet: ws.name };
      issues.push(...crossCheckPlan(plan, worksheetToGrid(ws), options));
    }
  }
  if (args.format === 'json') {
    io.stdout.write(renderJson(toPlanJson(args.file, plan, issues, annex, args.lang)));
  } else {
    const p = palette(useColor(io.stdout, io.env));
    io.stdout.write(renderPlanText(args.file, plan, issues, annex, args.lang, p));
  }
  return issues.some((i) => i.severity === 'error') ? 1 : 0;
}
