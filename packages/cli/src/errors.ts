import type { MessageKey, MessageParams } from '@phuluc/rules';
import { isXlsxError } from '@phuluc/xlsx/fast';

/**
 * A failure the user can act on: unusable input, a bad option, an output that exists.
 * Rendered as one bilingual line on stderr; the process exits with status 2.
 */
export class CliError extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;

  constructor(key: MessageKey, params: MessageParams = {}) {
    super(key);
    this.name = 'CliError';
    this.key = key;
    this.params = params;
  }
}

/** Type guard for {@link CliError}. */
export function isCliError(e: unknown): e is CliError {
  return e instanceof CliError;
}

/** A reader's failure on the input file `file`, as the {@link CliError} that says why. */
export function inputError(e: unknown, file: string): CliError {
  if (isXlsxError(e)) return new CliError(e.key, { ...e.params, file });
  return new CliError('cli.input.corrupt-zip', { file });
}
