import { t } from '@phuluc/rules';
import { parseCommandLine, type Args, type Command, type Lang } from './args.js';
import { CliError, isCliError } from './errors.js';
import type { Io } from './io/console.js';
import { VERSION } from './version.js';

/** Exit statuses. */
export const EXIT = { ok: 0, issues: 1, unusable: 2 } as const;

/** The help text of the whole CLI or of one command. */
export function helpText(lang: Lang, topic?: Command): string {
  const body = topic ? t(`cli.help.${topic}`, {}, lang) : t('cli.help', { version: VERSION }, lang);
  return `${body.trimEnd()}\n`;
}

/**
 * The one stderr line for a failure: Vietnamese first, then English, prefixed `phuluc:`.
 * Never a stack trace.
 */
export function errorLine(e: unknown): string {
  const err = isCliError(e) ? e : new CliError('cli.error.unexpected', { reason: firstLine(e) });
  const vi = t(err.key, err.params, 'vi');
  const en = t(err.key, err.params, 'en');
  return `phuluc: ${oneLine(vi)} / ${oneLine(en)}\n`;
}

function oneLine(s: string): string {
  return s
    .replace(/\s*\n\s*/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return oneLine(msg.split('\n')[0] ?? '').slice(0, 200);
}

async function dispatch(args: Args, io: Io): Promise<number> {
  switch (args.command) {
    case 'help':
      io.stdout.write(helpText(args.lang, args.topic));
      return EXIT.ok;
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    // Each command is loaded when it runs: `validate` never loads ExcelJS (it reads with the
    // fast reader), and a process start is what users of the command line feel most.
    case 'validate':
      return (await import('./commands/validate.js')).validateCommand(args, io);
    case 'fill':
      return (await import('./commands/fill.js')).fillCommand(args, io);
    case 'template':
      return (await import('./commands/template.js')).templateCommand(args, io);
    case 'templates':
      return (await import('./commands/templates.js')).templatesCommand(args, io);
    case 'plan':
      return (await import('./commands/plan.js')).planCommand(args, io);
    case 'serve':
      return (await import('./commands/serve.js')).serveCommand(args, io);
  }
}

/**
 * Run the CLI on `argv` (without `node` and the script) and return the exit status:
 * 0 no error, 1 some issue is an error, 2 the input or the command line is unusable.
 * Everything thrown becomes one line on stderr.
 *
 * @example
 * process.exitCode = await run(['validate', 'PL02.xlsx'], processIo());
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(parseCommandLine(argv), io);
  } catch (e) {
    io.stderr.write(errorLine(e));
    if (io.env.PHULUC_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return EXIT.unusable;
  }
}
