import { readFile, stat } from 'node:fs/promises';
import { CliError } from '../errors.js';

/**
 * Read an input file's bytes, turning the usual failures (missing, a folder, no permission)
 * into {@link CliError}s. Never writes.
 */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new CliError('cli.error.is-directory', { file });
    return await readFile(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new CliError('cli.error.file-not-found', { file });
    if (code === 'EACCES' || code === 'EPERM')
      throw new CliError('cli.error.no-permission', { file });
    throw new CliError('cli.error.cannot-read', {
      file,
      reason: (e as Error).message ?? String(e),
    });
  }
}
