import type { MessageKey } from '@phuluc/rules';
import { CliError } from '../errors.js';
import { errorLine } from '../run.js';

/** The HTTP status of each refusal: the message key decides, 400 unless listed. */
const STATUS: Partial<Record<MessageKey, number>> = {
  'cli.serve.not-found': 404,
  'cli.serve.method': 405,
  'cli.serve.too-large': 413,
  'cli.input.too-large': 413,
  'cli.input.zip-bomb': 413,
  'cli.serve.content-type': 415,
  'cli.input.not-xlsx': 415,
  'cli.input.old-xls': 415,
  'cli.input.ole2': 415,
  'cli.plan.error.doc': 415,
  'cli.plan.error.pdf': 415,
  'cli.plan.error.not-text': 415,
  'cli.serve.busy': 503,
  'cli.serve.timeout': 503,
  'cli.error.unexpected': 500,
};

/** The status a refusal is answered with. */
export function statusOf(e: CliError): number {
  return STATUS[e.key] ?? 400;
}

/**
 * The JSON error document (`ErrorJsonSchema` in `@phuluc/rules`): the message key and the same
 * one line the command line prints on stderr, without its newline. Anything that is not a
 * {@link CliError} becomes `cli.error.unexpected` with its first line, never a stack.
 */
export function errorDocument(e: unknown): { error: { code: string; message: string } } {
  const err = e instanceof CliError ? e : new CliError('cli.error.unexpected', {});
  return { error: { code: err.key, message: errorLine(e).trimEnd() } };
}
