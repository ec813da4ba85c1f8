import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LAYOUT_IDS, type LayoutId } from '@phuluc/rules';
import { CliError } from './errors.js';

/** Output language of messages. */
export type Lang = 'vi' | 'en';

/** Options every command takes. */
interface Common {
  readonly lang: Lang;
}

/** `phuluc validate FILE`. */
export interface ValidateArgs extends Common {
  readonly command: 'validate';
  readonly file: string;
  readonly sheet?: string;
  /** A built-in layout id, or (with `layoutFile`) the user layout's id. */
  readonly template?: LayoutId | (string & {});
  /** A user-defined layout (JSON) to choose from besides the built-in ones. */
  readonly layoutFile?: string;
  readonly format: 'text' | 'json';
  readonly tolerance?: string;
  readonly counterpartRatio?: string;
  readonly assignedReduction?: string;
}

/** `phuluc fill FILE -o OUT`. */
export interface FillArgs extends Common {
  readonly command: 'fill';
  readonly file: string;
  readonly output: string;
  readonly sheet?: string;
  /** A built-in layout id, or (with `layoutFile`) the user layout's id. */
  readonly template?: LayoutId | (string & {});
  /** A user-defined layout (JSON) to choose from besides the built-in ones. */
  readonly layoutFile?: string;
  readonly format: 'text' | 'json';
  /** Write numbers instead of formulas. */
  readonly values: boolean;
  /** Replace OUT when it exists. */
  readonly overwrite: boolean;
  /** Also write over derived cells that hold a different value. */
  readonly overwriteCells: boolean;
}

/** `phuluc template ID -o OUT`. */
export interface TemplateArgs extends Common {
  readonly command: 'template';
  readonly id: LayoutId;
  readonly output: string;
  readonly year?: number;
  readonly unit?: 'trieu' | 'dong';
  readonly rows?: number;
  readonly overwrite: boolean;
}

/** `phuluc templates`. */
export interface TemplatesArgs extends Common {
  readonly command: 'templates';
  readonly format: 'text' | 'json';
}

/** `phuluc plan PLAN.(txt|docx) [--annex FILE.xlsx]`. */
export interface PlanArgs extends Common {
  readonly command: 'plan';
  readonly file: string;
  /** The annex workbook to cross-check the plan against. */
  readonly annex?: string;
  /** The annex sheet (with `--annex`). */
  readonly sheet?: string;
  readonly format: 'text' | 'json';
  readonly tolerance?: string;
}

/** `phuluc serve`: the local HTTP service. */
export interface ServeArgs extends Common {
  readonly command: 'serve';
  readonly host: string;
  /** 0: any free port (the start-up line says which). */
  readonly port: number;
  /** Requests run at once. */
  readonly concurrency: number;
  /** Requests allowed to wait for a free slot; beyond that, 503. */
  readonly queue: number;
  /** Longest a request may run, in seconds (a fraction allowed). */
  readonly timeout: number;
}

/** `--help` (optionally of one command) and `--version`. */
export interface HelpArgs extends Common {
  readonly command: 'help';
  readonly topic?: Command;
}
export interface VersionArgs extends Common {
  readonly command: 'version';
}

/** What the command line asked for. */
export type Args =
  | ValidateArgs
  | FillArgs
  | TemplateArgs
  | TemplatesArgs
  | PlanArgs
  | ServeArgs
  | HelpArgs
  | VersionArgs;

/** The commands. */
export const COMMANDS = ['validate', 'fill', 'template', 'templates', 'plan', 'serve'] as const;
export type Command = (typeof COMMANDS)[number];

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON: Options = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
};

/** The options of each command (node:util parseArgs config). */
export const OPTIONS: Record<Command, Options> = {
  validate: {
    ...COMMON,
    sheet: { type: 'string' },
    template: { type: 'string' },
    'layout-file': { type: 'string' },
    format: { type: 'string' },
    tolerance: { type: 'string' },
    'counterpart-ratio': { type: 'string' },
    'assigned-reduction': { type: 'string' },
  },
  fill: {
    ...COMMON,
    output: { type: 'string', short: 'o' },
    sheet: { type: 'string' },
    template: { type: 'string' },
    'layout-file': { type: 'string' },
    format: { type: 'string' },
    values: { type: 'boolean' },
    overwrite: { type: 'boolean' },
    'overwrite-cells': { type: 'boolean' },
  },
  template: {
    ...COMMON,
    output: { type: 'string', short: 'o' },
    year: { type: 'string' },
    unit: { type: 'string' },
    rows: { type: 'string' },
    overwrite: { type: 'boolean' },
  },
  templates: { ...COMMON, format: { type: 'string' } },
  plan: {
    ...COMMON,
    annex: { type: 'string' },
    sheet: { type: 'string' },
    format: { type: 'string' },
    tolerance: { type: 'string' },
  },
  serve: {
    ...COMMON,
    host: { type: 'string' },
    port: { type: 'string' },
    concurrency: { type: 'string' },
    queue: { type: 'string' },
    timeout: { type: 'string' },
  },
};

/** Strip Vietnamese diacritics and case, so `--unit triệu` reads as `trieu`. */
function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .trim()
    .toLowerCase();
}

function oneOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const v = plain(value);
  const hit = allowed.find((a) => a === v);
  if (hit === undefined) {
    throw new CliError('cli.error.bad-value', {
      option: `--${option}`,
      value,
      allowed: allowed.join(', '),
    });
  }
  return hit;
}

/** A non-negative decimal typed either way: `0.5` or `0,5`. Returned as a `.` decimal string. */
function decimal(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!/^\d+([.,]\d+)?$/.test(v)) {
    throw new CliError('cli.error.bad-number', { option: `--${option}`, value });
  }
  return v.replace(',', '.');
}

/** A percentage typed with or without its sign: `30`, `30%`, `12,5 %`. Returned as a `.` decimal string. */
function percent(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().replace(/\s*%$/, '');
  if (!/^\d+([.,]\d+)?$/.test(v)) {
    throw new CliError('cli.error.bad-number', { option: `--${option}`, value });
  }
  return v.replace(',', '.');
}

/** A positive number of seconds, at most an hour (`0.5` or `0,5` too). */
function seconds(option: string, value: string | undefined): number | undefined {
  const v = decimal(option, value);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n > 0 && n <= 3_600))
    throw new CliError('cli.error.bad-number', { option: `--${option}`, value: value ?? v });
  return n;
}

function integer(
  option: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError('cli.error.bad-integer', { option: `--${option}`, value, min, max });
  }
  return n;
}

function layoutId(value: string | undefined): LayoutId | undefined {
  if (value === undefined) return undefined;
  const id = (LAYOUT_IDS as readonly string[]).find((x) => x === value.trim());
  if (!id)
    throw new CliError('cli.error.unknown-template', { id: value, ids: LAYOUT_IDS.join(', ') });
  return id as LayoutId;
}

/** Turn node:util's parse errors (English, with codes) into catalogue errors. */
function parseError(e: unknown, command: string): CliError {
  const err = e as { code?: string; message?: string };
  const message = err.message ?? String(e);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError('cli.error.unknown-option', { option, command });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message)
        ? new CliError('cli.error.missing-value', { option, command })
        : new CliError('cli.error.no-value-expected', { option, command });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliError('cli.error.extra-argument', {
        arg: /'([^']*)'/.exec(message)?.[1] ?? '',
        command,
      });
    default:
      return new CliError('cli.error.bad-option', { detail: message, command });
  }
}

/**
 * Join each option that takes a value with the argument after it (`--tolerance -5` →
 * `--tolerance=-5`, `-o -out.xlsx` → `-o=-out.xlsx` spelled `--output=…`), so a value that starts
 * with `-` is read as the option's value, as getopt does, not as another option. `--` ends the
 * options: what follows is left alone.
 */
export function joinOptionValues(argv: readonly string[], options: Options): string[] {
  const takesValue = (name: string): string | undefined => {
    if (name.startsWith('--')) {
      const long = name.slice(2);
      return options[long]?.type === 'string' ? long : undefined;
    }
    if (/^-[^-]$/.test(name)) {
      const short = name.slice(1);
      return Object.entries(options).find(([, o]) => o.short === short && o.type === 'string')?.[0];
    }
    return undefined;
  };
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const long = takesValue(a);
    if (long !== undefined && i + 1 < argv.length) {
      out.push(`--${long}=${argv[i + 1]!}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** The language asked for, looked up before full parsing so early errors and help can use it. */
export function peekLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a.startsWith('--lang=') ? a.slice(7) : a === '--lang' ? argv[i + 1] : undefined;
    if (v !== undefined) return plain(v) === 'en' ? 'en' : 'vi';
  }
  return 'vi';
}

function requireOne(command: Command, positionals: string[], what: 'file' | 'id'): string {
  if (positionals.length === 0) {
    throw new CliError(
      what === 'file' ? 'cli.error.missing-file' : 'cli.error.missing-template-id',
      { command },
    );
  }
  if (positionals.length > 1) {
    throw new CliError('cli.error.extra-argument', { arg: positionals[1]!, command });
  }
  return positionals[0]!;
}

function requireOutput(command: Command, output: string | undefined): string {
  if (output === undefined || output.trim() === '')
    throw new CliError('cli.error.missing-output', { command });
  return output;
}

/**
 * Parse the command line (without `node` and the script). Strict: an unknown option, a missing
 * value or a value out of range is a {@link CliError} (exit status 2).
 *
 * @example
 * parseCommandLine(['validate', 'PL02.xlsx', '--format', 'json']);
 * // { command: 'validate', file: 'PL02.xlsx', format: 'json', lang: 'vi' }
 */
export function parseCommandLine(argv: readonly string[]): Args {
  const first = argv[0];
  const lang0 = peekLang(argv);
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = COMMANDS.find((c) => c === argv[1]);
    return { command: 'help', lang: lang0, ...(topic ? { topic } : {}) };
  }
  if (first === '--version' || first === '-V' || first === '-v')
    return { command: 'version', lang: lang0 };
  if (first === '--lang' || first.startsWith('--lang=')) {
    // `phuluc --lang en validate …`: move the language after the command.
    const skip = first === '--lang' ? 2 : 1;
    return parseCommandLine([...argv.slice(skip), ...argv.slice(0, skip)]);
  }
  const command = COMMANDS.find((c) => c === first);
  if (!command) {
    if (first.startsWith('-'))
      throw new CliError('cli.error.unknown-option', { option: first, command: '' });
    throw new CliError('cli.error.unknown-command', {
      command: first,
      commands: COMMANDS.join(', '),
    });
  }

  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: joinOptionValues(argv.slice(1), OPTIONS[command]),
      options: OPTIONS[command],
      strict: true,
      allowPositionals: true,
    }) as typeof parsed;
  } catch (e) {
    throw parseError(e, command);
  }
  const v = parsed.values;
  const str = (k: string): string | undefined =>
    typeof v[k] === 'string' ? (v[k] as string) : undefined;
  const bool = (k: string): boolean => v[k] === true;
  const lang = oneOf('lang', str('lang'), ['vi', 'en'] as const) ?? 'vi';
  if (bool('help')) return { command: 'help', lang, topic: command };
  const format = oneOf('format', str('format'), ['text', 'json'] as const) ?? 'text';
  const sheet = str('sheet');
  const layoutFile = str('layout-file');
  // With a layout file, --template may name its layout: checked once the file is read.
  const template = layoutFile !== undefined ? str('template')?.trim() : layoutId(str('template'));
  const opt = <K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } =>
    (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };

  switch (command) {
    case 'validate':
      return {
        command,
        lang,
        format,
        file: requireOne(command, parsed.positionals, 'file'),
        ...opt('sheet', sheet),
        ...opt('template', template),
        ...opt('layoutFile', layoutFile),
        ...opt('tolerance', decimal('tolerance', str('tolerance'))),
        ...opt('counterpartRatio', percent('counterpart-ratio', str('counterpart-ratio'))),
        ...opt('assignedReduction', decimal('assigned-reduction', str('assigned-reduction'))),
      };
    case 'fill':
      return {
        command,
        lang,
        format,
        file: requireOne(command, parsed.positionals, 'file'),
        output: requireOutput(command, str('output')),
        ...opt('sheet', sheet),
        ...opt('template', template),
        ...opt('layoutFile', layoutFile),
        values: bool('values'),
        overwrite: bool('overwrite'),
        overwriteCells: bool('overwrite-cells'),
      };
    case 'template': {
      const id = layoutId(requireOne(command, parsed.positionals, 'id'))!;
      return {
        command,
        lang,
        id,
        output: requireOutput(command, str('output')),
        overwrite: bool('overwrite'),
        ...opt('year', integer('year', str('year'), 2000, 2100)),
        ...opt('unit', oneOf('unit', str('unit'), ['trieu', 'dong'] as const)),
        ...opt('rows', integer('rows', str('rows'), 1, 10_000)),
      };
    }
    case 'templates':
      if (parsed.positionals.length > 0) {
        throw new CliError('cli.error.extra-argument', { arg: parsed.positionals[0]!, command });
      }
      return { command, lang, format };
    case 'plan':
      return {
        command,
        lang,
        format,
        file: requireOne(command, parsed.positionals, 'file'),
        ...opt('annex', str('annex')),
        ...opt('sheet', sheet),
        ...opt('tolerance', decimal('tolerance', str('tolerance'))),
      };
    case 'serve':
      if (parsed.positionals.length > 0) {
        throw new CliError('cli.error.extra-argument', { arg: parsed.positionals[0]!, command });
      }
      return {
        command,
        lang,
        host: str('host')?.trim() || '127.0.0.1',
        port: integer('port', str('port'), 0, 65_535) ?? 8787,
        concurrency: integer('concurrency', str('concurrency'), 1, 64) ?? 2,
        queue: integer('queue', str('queue'), 0, 1_000) ?? 8,
        timeout: seconds('timeout', str('timeout')) ?? 60,
      };
  }
}
