import type { FillArgs, PlanArgs, ValidateArgs } from '../args.js';
import { fillWorkbook, renderFillJson } from '../commands/fill.js';
import { checkPlan } from '../commands/plan.js';
import { validateBook } from '../commands/validate.js';
import { CliError } from '../errors.js';
import { loadLayouts } from '../io/layout-file.js';
import { openBook } from '../io/open-book.js';
import { readPlanText } from '../io/plan-text.js';
import { renderJson, toJsonReport } from '../render/json.js';
import { toPlanJson } from '../render/plan.js';

/** One request's work: the parsed args and the uploaded bytes (a plan may bring its annex). */
export type Job =
  | { readonly command: 'validate'; readonly args: ValidateArgs; readonly body: Uint8Array }
  | { readonly command: 'fill'; readonly args: FillArgs; readonly body: Uint8Array }
  | {
      readonly command: 'plan';
      readonly args: PlanArgs;
      readonly body: Uint8Array;
      readonly annex?: Uint8Array;
    };

/**
 * What a job produced: the JSON report (and, for fill, the filled workbook), or the refusal's
 * message key and parameters (rendered into the same line as the command line's).
 */
export type JobResult =
  | {
      readonly ok: true;
      readonly json: string;
      readonly errors: boolean;
      readonly xlsx?: Uint8Array;
    }
  | { readonly ok: false; readonly key: CliError['key']; readonly params: CliError['params'] };

/** A thrown value as a job's refusal: a {@link CliError} as it is, anything else as unexpected. */
export function refusal(e: unknown): JobResult {
  if (e instanceof CliError) return { ok: false, key: e.key, params: e.params };
  const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 200) ?? '';
  return { ok: false, key: 'cli.error.unexpected', params: { reason } };
}

/**
 * Run a job with the same functions the command line uses (validateBook, fillWorkbook,
 * checkPlan and their JSON renderers). Bytes only: no file is read or written.
 */
export async function runJob(job: Job): Promise<JobResult> {
  try {
    switch (job.command) {
      case 'validate': {
        const { args } = job;
        const layouts = await loadLayouts(undefined, args.template);
        const reports = validateBook(openBook(job.body, args.file), args.file, args, layouts);
        const errors = reports.some((r) => r.issues.some((i) => i.severity === 'error'));
        return { ok: true, errors, json: renderJson(toJsonReport(args.file, reports, args.lang)) };
      }
      case 'fill': {
        const { args } = job;
        const layouts = await loadLayouts(undefined, args.template);
        const { output, fills } = await fillWorkbook(job.body, args, layouts);
        return { ok: true, errors: false, json: renderFillJson(args, fills), xlsx: output };
      }
      case 'plan': {
        const { args } = job;
        const text = await readPlanText(job.body, args.file);
        const book =
          job.annex !== undefined && args.annex !== undefined
            ? openBook(job.annex, args.annex)
            : undefined;
        const { plan, issues, annex } = checkPlan(text, book, args);
        const errors = issues.some((i) => i.severity === 'error');
        return {
          ok: true,
          errors,
          json: renderJson(toPlanJson(args.file, plan, issues, annex, args.lang)),
        };
      }
    }
  } catch (e) {
    return refusal(e);
  }
}
