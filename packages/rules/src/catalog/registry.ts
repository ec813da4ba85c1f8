import { GNBV_2021_2025 } from './gnbv-2021-2025.js';
import type { ProgrammeCatalog } from './types.js';

const CATALOGS: readonly ProgrammeCatalog[] = [GNBV_2021_2025];

/** The programme periods phuluc knows, oldest first. */
export const PROGRAMME_PERIODS: readonly string[] = CATALOGS.map((c) => c.period);

/** The period used when none is given. */
export const DEFAULT_PERIOD = '2021-2025';

/**
 * The catalogue of a programme period, or undefined when the period is unknown.
 *
 * @example
 * getCatalog('2021-2025')?.projects.length; // 7
 */
export function getCatalog(period: string = DEFAULT_PERIOD): ProgrammeCatalog | undefined {
  // An indexed loop: the matcher asks once per label, and `find` made a closure each time (about
  // 10 MB of garbage on a 100k-row sheet).
  for (let i = 0; i < CATALOGS.length; i++) {
    const c = CATALOGS[i] as ProgrammeCatalog;
    if (c.period === period) return c;
  }
  return undefined;
}
