import { LISTS_SHEET } from '@phuluc/xlsx/fast';
import { CliError } from './errors.js';

function key(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/** A worksheet as the commands choose among them: ExcelJS' worksheets and the fast reader's sheets alike. */
export interface NamedSheet {
  readonly name: string;
  readonly state?: string;
}

/**
 * The worksheets a command works on: the one named by `--sheet` (exact name first, then ignoring
 * case and surrounding spaces), or every worksheet except very-hidden ones and phuluc's own
 * hidden list sheet.
 */
export function selectSheets<S extends NamedSheet>(
  all: readonly S[],
  sheet: string | undefined,
): S[] {
  if (sheet !== undefined) {
    const ws = all.find((w) => w.name === sheet) ?? all.find((w) => key(w.name) === key(sheet));
    if (!ws) {
      throw new CliError('cli.error.unknown-sheet', {
        sheet,
        sheets: all.map((w) => `"${w.name}"`).join(', '),
      });
    }
    return [ws];
  }
  return all.filter((w) => w.state !== 'veryHidden' && w.name !== LISTS_SHEET);
}
