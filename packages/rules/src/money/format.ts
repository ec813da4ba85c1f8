import { toDecimal, type DecimalInput } from './decimal.js';

/** Options for {@link formatNumber}. */
export interface FormatOptions {
  /** `vi` (default): "16.697,647"; `en`: "16,697.647". */
  readonly lang?: 'vi' | 'en';
  /** Fixed decimal places (rounded half-up); unset: as many as the value carries. */
  readonly decimals?: number;
}

/**
 * Format a number the way the sheet's readers write it.
 *
 * @example
 * formatNumber('7645');          // '7.645'
 * formatNumber('16697.647');     // '16.697,647'
 * formatNumber('5.2', { decimals: 2 }); // '5,20'
 * formatNumber('7645', { lang: 'en' }); // '7,645'
 */
export function formatNumber(x: DecimalInput, options: FormatOptions = {}): string {
  const d = toDecimal(x);
  const fixed = options.decimals === undefined ? d.toFixed() : d.toFixed(options.decimals);
  const negative = fixed.startsWith('-');
  const [intPart = '0', frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const vi = (options.lang ?? 'vi') === 'vi';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, vi ? '.' : ',');
  const body = frac === undefined ? grouped : `${grouped}${vi ? ',' : '.'}${frac}`;
  return negative && !/^[0.,]+$/.test(body) ? `-${body}` : body;
}

/**
 * Show an issue's `expected` / `actual` (or any cell text) the way the reader writes numbers:
 * a decimal string is formatted (`'7645'` → `'7.645'`), anything else (a name, a code) is
 * returned as it is. Never throws.
 *
 * @example
 * formatValue('5.21');        // '5,21'
 * formatValue('DA4.TDA1');    // 'DA4.TDA1'
 */
export function formatValue(text: string, lang: 'vi' | 'en' = 'vi'): string {
  const t = text.trim();
  if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t)) return text;
  try {
    return formatNumber(t, { lang });
  } catch {
    return text;
  }
}
