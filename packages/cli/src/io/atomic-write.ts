import { randomBytes } from 'node:crypto';
import { link, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from '../errors.js';

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Replace `file` when it exists. Without it an existing file is an error and is left untouched. */
  readonly overwrite: boolean;
  /** A path that must never be written (the input workbook). */
  readonly input?: string;
}

async function statOrNull(p: string): Promise<Awaited<ReturnType<typeof stat>> | null> {
  try {
    return await stat(p);
  } catch {
    return null;
  }
}

/**
 * Refuse an output that is the input (same path or same file through a link) or that exists
 * when `overwrite` is off. Called before any work, and again by {@link writeFileAtomic}.
 */
export async function checkOutput(file: string, options: AtomicWriteOptions): Promise<void> {
  const out = resolve(file);
  const existing = await statOrNull(out);
  if (options.input !== undefined) {
    const input = resolve(options.input);
    const inputStat = await statOrNull(input);
    const sameFile =
      existing !== null &&
      inputStat !== null &&
      existing.dev === inputStat.dev &&
      existing.ino === inputStat.ino;
    if (out === input || sameFile) throw new CliError('cli.error.output-is-input', { file });
  }
  if (existing?.isDirectory()) throw new CliError('cli.error.is-directory', { file });
  if (existing !== null && !options.overwrite)
    throw new CliError('cli.error.output-exists', { file });
  const dir = await statOrNull(dirname(out));
  if (!dir?.isDirectory())
    throw new CliError('cli.error.output-dir-missing', { file, dir: dirname(file) });
}

/**
 * Write `bytes` to `file` atomically: into a temporary file in the same folder, then renamed
 * over (with `overwrite`) or hard-linked into place (without it, so a file that appeared in the
 * meantime is never clobbered). The temporary file is removed on failure.
 *
 * @example
 * await writeFileAtomic('PL02-filled.xlsx', bytes, { overwrite: false, input: 'PL02.xlsx' });
 */
export async function writeFileAtomic(
  file: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions,
): Promise<void> {
  await checkOutput(file, options);
  const out = resolve(file);
  const tmp = join(
    dirname(out),
    `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
    if (options.overwrite) {
      await rename(tmp, out);
    } else {
      try {
        await link(tmp, out);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new CliError('cli.error.output-exists', { file });
        // File systems without hard links: re-check, then rename.
        if ((await statOrNull(out)) !== null)
          throw new CliError('cli.error.output-exists', { file });
        await rename(tmp, out);
        return;
      }
      await unlink(tmp);
    }
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new CliError('cli.error.cannot-write', { file, reason: code });
    }
    throw new CliError('cli.error.cannot-write', {
      file,
      reason: (e as Error).message ?? String(e),
    });
  }
}
