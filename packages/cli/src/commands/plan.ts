import {
  crossCheckPlan,
  detectLayout,
  readPlan,
  type Grid,
  type Plan,
  type PlanIssue,
} from '@phuluc/rules';
import type { XlsxReader } from '@phuluc/xlsx/fast';
import type { PlanArgs } from '../args.js';
import { useColor, type Io } from '../io/console.js';
import { readInputFile } from '../io/input.js';
import { openBook } from '../io/open-book.js';
import { readPlanText } from '../io/plan-text.js';
import { palette } from '../render/color.js';
import { renderJson } from '../render/json.js';
import { renderPlanText, toPlanJson } from '../render/plan.js';
import { readSheetSafely } from '../read-sheet.js';
import { selectSheets } from '../sheets.js';

/**
 * The annex sheet to compare with, as a grid: `--sheet`, else the first budget-allocation sheet,
 * else the first sheet. Sheets that cannot be read (too large, damaged) are passed over.
 */
function annexSheet(
  book: XlsxReader,
  file: string,
  sheet: string | undefined,
): { name: string; grid: Grid } | undefined {
  const sheets = selectSheets(
    book.sheets.map((s, index) => ({ ...s, index })),
    sheet,
  );
  const grids: Array<{ name: string; grid: Grid }> = [];
  for (const s of sheets) {
    const read = readSheetSafely(book, s.index, file);
    if (!('grid' in read)) continue;
    const found = { name: s.name, grid: read.grid };
    if (sheet !== undefined || detectLayout(read.grid).fit?.layout.kind === 'budget') return found;
    grids.push(found);
  }
  return grids[0];
}

/** What a plan check found: the plan read from its text, its issues, and the annex sheet compared. */
export interface PlanCheck {
  readonly plan: Plan;
  readonly issues: readonly PlanIssue[];
  readonly annex: { file: string; sheet: string } | undefined;
}

/**
 * Read a plan's text and check it, and with an opened annex workbook (`args.annex` names it)
 * cross-check it against the annex sheet. Shared by `phuluc plan` and `POST /v1/plan`.
 */
export function checkPlan(text: string, book: XlsxReader | undefined, args: PlanArgs): PlanCheck {
  const options = args.tolerance !== undefined ? { tolerance: args.tolerance } : {};
  const plan: Plan = readPlan(text, options);
  const issues: PlanIssue[] = [...plan.issues];
  let annex: PlanCheck['annex'];
  if (book && args.annex !== undefined) {
    const found = annexSheet(book, args.annex, args.sheet);
    if (found) {
      annex = { file: args.annex, sheet: found.name };
      issues.push(...crossCheckPlan(plan, found.grid, options));
    }
  }
  return { plan, issues, annex };
}

/**
 * `phuluc plan PLAN.(txt|docx) [--annex FILE.xlsx]`: read the plan's amounts, splits, total and
 * poverty targets, check them against each other and, with `--annex`, against the annex sheet.
 *
 * @returns 0 when no issue is an error, 1 when some are.
 */
export async function planCommand(args: PlanArgs, io: Io): Promise<number> {
  const text = await readPlanText(await readInputFile(args.file), args.file);
  let book: XlsxReader | undefined;
  if (args.annex !== undefined) book = openBook(await readInputFile(args.annex), args.annex);
  const { plan, issues, annex } = checkPlan(text, book, args);
  if (args.format === 'json') {
    io.stdout.write(renderJson(toPlanJson(args.file, plan, issues, annex, args.lang)));
  } else {
    const p = palette(useColor(io.stdout, io.env));
    io.stdout.write(renderPlanText(args.file, plan, issues, annex, args.lang, p));
  }
  return issues.some((i) => i.severity === 'error') ? 1 : 0;
}
