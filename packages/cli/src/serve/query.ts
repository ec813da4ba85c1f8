import {
  OPTIONS,
  parseCommandLine,
  type FillArgs,
  type PlanArgs,
  type ValidateArgs,
} from '../args.js';
import { CliError } from '../errors.js';

/** The routes that run a command, and the command each runs. */
export const JOB_ROUTES = {
  '/v1/validate': 'validate',
  '/v1/fill': 'fill',
  '/v1/plan': 'plan',
} as const;
export type JobCommand = (typeof JOB_ROUTES)[keyof typeof JOB_ROUTES];

/**
 * Options the service does not take: each reads or writes a file on this computer (`layout-file`,
 * `output`, `annex` — the annex comes in the body), or belongs to the command line only.
 */
const NOT_ALLOWED = new Set(['layout-file', 'output', 'overwrite', 'annex', 'format', 'help']);

/** The query parameters a route takes: its command's options but those above, plus `name`. */
export function queryParameters(command: JobCommand): Array<{ name: string; boolean: boolean }> {
  return Object.entries(OPTIONS[command])
    .filter(([name]) => !NOT_ALLOWED.has(name))
    .map(([name, def]) => ({ name, boolean: def.type === 'boolean' }));
}

/** The args of one job: the command line's, parsed by the same parser, so errors read the same. */
export type JobArgs = ValidateArgs | FillArgs | PlanArgs;

/**
 * Turn a route's query (`?sheet=PL01&tolerance=0,5&name=PL01.xlsx`) into the command's args by
 * way of the command line's own parser: the same checks, the same one-line errors. `name` is the
 * file name the report shows (default `upload.xlsx` / `upload.txt`); a boolean option is on unless
 * its value is `false` or `0`. `annex` names the annex part of a plan upload.
 */
export function argsFromQuery(
  command: JobCommand,
  query: URLSearchParams,
  annex?: string,
): JobArgs {
  const allowed = new Map(queryParameters(command).map((p) => [p.name, p.boolean]));
  const name = query.get('name')?.trim() || (command === 'plan' ? 'upload.txt' : 'upload.xlsx');
  const argv: string[] = [command, '--', name];
  const options: string[] = ['--format', 'json'];
  for (const [key, value] of query) {
    if (key === 'name') continue;
    if (NOT_ALLOWED.has(key)) throw new CliError('cli.serve.option-not-allowed', { option: key });
    const isBoolean = allowed.get(key);
    if (isBoolean === undefined)
      throw new CliError('cli.error.unknown-option', { option: key, command });
    if (isBoolean) {
      if (!/^(false|0)$/i.test(value)) options.push(`--${key}`);
    } else options.push(`--${key}=${value}`);
  }
  if (command === 'fill') options.push('--output', filledName(name));
  if (command === 'plan' && annex !== undefined) options.push('--annex', annex);
  // Options before `--`: the file name is never read as an option, whatever it starts with.
  return parseCommandLine([argv[0]!, ...options, ...argv.slice(1)]) as JobArgs;
}

/** The name of a filled workbook: `PL01.xlsx` → `PL01.filled.xlsx`. */
export function filledName(name: string): string {
  return `${name.replace(/\.xlsx$/i, '')}.filled.xlsx`;
}
