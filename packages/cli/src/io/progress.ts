import { t } from '@phuluc/rules';
import type { Lang } from '../args.js';
import type { Io } from './console.js';

/** Workbooks with more rows than this show a progress line (on a terminal only). */
export const PROGRESS_MIN_ROWS = 5_000;
/** The same for the fast reader, which knows the sheets' sizes before their rows: about 5 000 rows of XML. */
export const PROGRESS_MIN_BYTES = 2_000_000;

/** A progress line on stderr, rewritten in place; silent unless stderr is a terminal and the work is large. */
export interface Progress {
  sheet(name: string, index: number, count: number): void;
  done(): void;
}

/** Create a {@link Progress}: shown only when the work is `large`. */
export function progress(io: Io, lang: Lang, large: boolean): Progress {
  if (!io.stderr.isTTY || !large) return { sheet: () => undefined, done: () => undefined };
  let shown = false;
  return {
    sheet(name, index, count) {
      io.stderr.write(`\r\u001b[2K${t('cli.progress', { sheet: name, index, count }, lang)}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
