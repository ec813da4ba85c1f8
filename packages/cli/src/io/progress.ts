import { t } from '@phuluc/rules';
import type { Lang } from '../args.js';
import type { Io } from './console.js';

/** Workbooks with more rows than this show a progress line (on a terminal only). */
export const PROGRESS_MIN_ROWS = 5_000;

/** A progress line on stderr, rewritten in place; silent unless stderr is a terminal and the work is large. */
export interface Progress {
  sheet(name: string, index: number, count: number): void;
  done(): void;
}

/** Create a {@link Progress} for `totalRows` rows of work. */
export function progress(io: Io, lang: Lang, totalRows: number): Progress {
  if (!io.stderr.isTTY || totalRows <= PROGRESS_MIN_ROWS)
    return { sheet: () => undefined, done: () => undefined };
  let shown = false;
  return {
    sheet(name, index, count) {
      io.stderr.write(
        `\r\u001b[2K${t('cli.progress', { sheet: name, index, count, rows: totalRows }, lang)}`,
      );
      shown = true;
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
