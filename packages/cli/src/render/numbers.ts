import { formatValue } from '@phuluc/rules';
import type { Lang } from '../args.js';

/**
 * Show an issue's `expected`/`actual` the way the reader writes numbers: `7645` → `7.645` and
 * `5.21` → `5,21` in Vietnamese, `7,645` and `5.21` in English. Anything that is not a plain
 * decimal (a name, a code) is shown as is.
 */
export function showValue(value: string, lang: Lang): string {
  return formatValue(value, lang);
}
