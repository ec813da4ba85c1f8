import { Decimal } from './decimal.js';
import type { MoneyUnit } from './units.js';
import { stripDiacritics } from '../grid/normalize.js';

/** A number locale: vi-VN ("1.469,5") or en-US ("1,469.5"). */
export type NumberLocale = 'vi' | 'en';

/** A qualifier written before a number: "trên 100%", "dưới 5%", "khoảng 7,7%". */
export type Qualifier = 'over' | 'under' | 'about' | 'at-least' | 'at-most';

interface ParsedBase {
  /** The text ended with `%`. */
  readonly percent: boolean;
  /** A money unit written after the number ("triệu đồng", "đồng", "tỷ"). */
  readonly unit?: MoneyUnit;
  readonly qualifier?: Qualifier;
}

/** A number read without doubt. */
export interface ParsedNumber extends ParsedBase {
  readonly kind: 'number';
  readonly value: Decimal;
}

/** Text like "1.469" whose meaning depends on the locale: 1469 in vi-VN, 1.469 in en-US. */
export interface AmbiguousNumber extends ParsedBase {
  readonly kind: 'ambiguous';
  readonly vi: Decimal;
  readonly en: Decimal;
}

/** Text that is no number. */
export interface InvalidNumber {
  readonly kind: 'invalid';
  readonly text: string;
}

/** The result of {@link parseNumber}. */
export type ParseResult = ParsedNumber | AmbiguousNumber | InvalidNumber;

/** Options for {@link parseNumber}. */
export interface ParseOptions {
  /** The sheet's locale. Unset: decide from the text, and say when it can't be decided. */
  readonly locale?: NumberLocale;
}

const UNIT_SUFFIXES: ReadonlyArray<readonly [RegExp, MoneyUnit]> = [
  [/\s*(trieu dong|trieu d|tr\.?\s?d|trieu|tr)$/, 'trieu'],
  [/\s*(nghin dong|ngan dong|nghin d|nghin|ngan)$/, 'nghin'],
  [/\s*(ty dong|ty d|ty)$/, 'ty'],
  [/\s*(dong|vnd|d)$/, 'dong'],
];

const QUALIFIERS: ReadonlyArray<readonly [RegExp, Qualifier]> = [
  [/^(tren|hon|vuot|>)\s*/, 'over'],
  [/^(duoi|<)\s*/, 'under'],
  [/^(khoang|xap xi|~)\s*/, 'about'],
  [/^(it nhat|toi thieu|>=|≥)\s*/, 'at-least'],
  [/^(toi da|khong qua|<=|≤)\s*/, 'at-most'],
];

const SPACES = /[\s\u00a0\u202f\u2007\u2009]+/g;

/**
 * Read a number typed as text, the way Vietnamese plans write it.
 * Handles thousands separators, decimal commas, `%`, units ("triệu đồng", "đồng", "tỷ"),
 * a leading minus (also U+2212) or parentheses, spaces and non-breaking spaces, and
 * qualifiers ("trên 100%"). It never throws and never guesses: text like "1.469" with no
 * locale comes back `ambiguous`.
 *
 * @example
 * parseNumber('2.444.771.300 đồng'); // { kind: 'number', value: 2444771300, unit: 'dong', percent: false }
 * parseNumber('5,21%');               // { kind: 'number', value: 5.21, percent: true }
 * parseNumber('1.469');               // { kind: 'ambiguous', vi: 1469, en: 1.469 }
 * parseNumber('1.469', { locale: 'vi' }); // { kind: 'number', value: 1469 }
 */
export function parseNumber(text: string, options: ParseOptions = {}): ParseResult {
  const invalid: InvalidNumber = { kind: 'invalid', text };
  if (typeof text !== 'string' || text.length > 200) return invalid;
  let s = stripDiacritics(text.normalize('NFC')).toLowerCase().replace(SPACES, ' ').trim();
  if (s === '') return invalid;

  let qualifier: Qualifier | undefined;
  for (const [re, q] of QUALIFIERS) {
    if (re.test(s)) {
      qualifier = q;
      s = s.replace(re, '');
      break;
    }
  }

  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let unit: MoneyUnit | undefined;
  if (!percent) {
    for (const [re, u] of UNIT_SUFFIXES) {
      if (re.test(s)) {
        unit = u;
        s = s.replace(re, '').trim();
        break;
      }
    }
  }

  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-\u2212\u2013]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  // Spaces (incl. non-breaking) may group thousands: "1 469 000".
  if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) s = s.replace(/ /g, '');
  if (s === '' || /\s/.test(s)) return invalid;

  const base: ParsedBase = {
    percent,
    ...(unit ? { unit } : {}),
    ...(qualifier ? { qualifier } : {}),
  };
  const sign = (d: Decimal): Decimal => (negative ? d.negated() : d);

  if (/^\d+(\.\d+)?e[+-]?\d+$/.test(s)) {
    return { kind: 'number', value: sign(new Decimal(s)), ...base };
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s) || !/^\d/.test(s.replace(/^[.,]/, '0'))) return invalid;

  const read = (locale: NumberLocale): Decimal | null => readLocale(s, locale);

  if (options.locale) {
    const v = read(options.locale);
    return v ? { kind: 'number', value: sign(v), ...base } : invalid;
  }
  const vi = read('vi');
  const en = read('en');
  if (vi && en && !vi.eq(en)) return { kind: 'ambiguous', vi: sign(vi), en: sign(en), ...base };
  const v = vi ?? en;
  return v ? { kind: 'number', value: sign(v), ...base } : invalid;
}

/** Read digits and separators under one locale's rules, or null when they don't fit it. */
function readLocale(s: string, locale: NumberLocale): Decimal | null {
  const group = locale === 'vi' ? '.' : ',';
  const point = locale === 'vi' ? ',' : '.';
  const parts = s.split(point);
  if (parts.length > 2) return null;
  const [intPart = '', fracPart] = parts;
  if (fracPart !== undefined && !/^\d+$/.test(fracPart)) return null;
  let digits: string;
  if (intPart.includes(group)) {
    const groups = intPart.split(group);
    const [first = '', ...rest] = groups;
    if (!/^\d{1,3}$/.test(first) || !rest.every((g) => /^\d{3}$/.test(g))) {
      // A single separator not followed by three digits can only be a decimal point
      // written the other locale's way ("7.7" in a vi-VN sheet).
      if (
        groups.length === 2 &&
        fracPart === undefined &&
        /^\d+$/.test(first) &&
        /^\d+$/.test(rest[0] ?? '')
      ) {
        return new Decimal(`${first}.${rest[0]}`);
      }
      return null;
    }
    digits = groups.join('');
  } else {
    if (!/^\d*$/.test(intPart)) return null;
    digits = intPart === '' ? '0' : intPart;
  }
  return new Decimal(fracPart === undefined ? digits : `${digits}.${fracPart}`);
}
