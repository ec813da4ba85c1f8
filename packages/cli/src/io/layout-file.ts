import {
  listLayouts,
  MAX_LAYOUT_FILE_CHARS,
  parseLayoutFile,
  type LayoutDefinition,
} from '@phuluc/rules';
import { CliError } from '../errors.js';
import { readInputFile } from './input.js';

/**
 * The layouts to choose from: the built-in ones, plus the user-defined layout of `--layout-file`
 * when given. A file that is missing, too large or invalid is a {@link CliError} listing what to
 * change; a `--template` that names no layout is one too.
 */
export async function loadLayouts(
  layoutFile: string | undefined,
  template: string | undefined,
): Promise<readonly LayoutDefinition[]> {
  const builtIn = listLayouts();
  if (layoutFile === undefined) return builtIn;
  const bytes = await readInputFile(layoutFile);
  if (bytes.byteLength > MAX_LAYOUT_FILE_CHARS * 4) {
    throw new CliError('cli.error.bad-layout-file', {
      file: layoutFile,
      errors: `> ${MAX_LAYOUT_FILE_CHARS} ký tự / characters`,
    });
  }
  const result = parseLayoutFile(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  if (!result.ok) {
    const shown =
      result.errors.slice(0, 3).join('; ') +
      (result.errors.length > 3 ? ` (+${result.errors.length - 3})` : '');
    throw new CliError('cli.error.bad-layout-file', { file: layoutFile, errors: shown });
  }
  const layouts = [...builtIn, result.layout];
  if (template !== undefined && !layouts.some((l) => l.id === template)) {
    throw new CliError('cli.error.unknown-template', {
      id: template,
      ids: layouts.map((l) => l.id).join(', '),
    });
  }
  return layouts;
}
