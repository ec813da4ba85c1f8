import type { Decimal } from '../money/decimal.js';
import { parseNumber } from '../money/parse.js';
import { lineAt, type FoldedText } from './fold.js';
import { GIAM, HO, SMALL_NUMBER, TU, XUONG } from './words.js';

/** A poverty target as read, numbers still decimals. */
export interface FoundTarget {
  readonly line: number;
  readonly index: number;
  startRate?: Decimal;
  endRate?: Decimal;
  reduction?: Decimal;
  startCount?: Decimal;
  endCount?: Decimal;
  countReduction?: Decimal;
  /** Decimals each rate is written with ("3,00" has 2, though its value 3 has none). */
  readonly places: { startRate?: number; endRate?: number; reduction?: number };
}

/** Decimals a rate is written with: "5,21" → 2, "3,00" → 2, "5.21" → 2 (a rate has no thousands). */
function placesOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const i = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
  return i < 0 ? 0 : text.length - i - 1;
}

const RATE = '(?<![\\d.,])\\d{1,3}(?:[.,]\\d{1,4})?(?![\\d])';
// "[giảm 0,55% (]từ 5,21%[ cuối năm 2022] xuống [còn] 3,25%"
const RATE_RE = new RegExp(
  `(?:${GIAM}\\s+(?<red>${RATE})\\s*(?:%|diem(?:\\s+phan\\s+tram|\\s*%)?)\\s*\\(?\\s*)?${TU}\\s+(?<s>${RATE})\\s*(?<sp>%)?(?<mid>[^%]{0,40}?)\\s*${XUONG}\\s+(?<e>${RATE})\\s*%`,
  'g',
);
// "từ 64 hộ xuống còn 40 hộ"
const COUNT_RE = new RegExp(
  `${TU}\\s+(?<s>${SMALL_NUMBER})\\s+${HO}[^%\\n]{0,20}?\\s*${XUONG}\\s+(?<e>${SMALL_NUMBER})\\s+${HO}`,
  'g',
);
// "giảm trong năm 24 hộ", "giảm 24 hộ"
const COUNT_DROP_RE = new RegExp(
  `${GIAM}(?:\\s+trong\\s+nam)?\\s+(?<n>${SMALL_NUMBER})\\s+${HO}`,
  'g',
);
/** How far apart (characters) a rate drop and its household drop may be written. */
const PAIR_REACH = 260;

function num(text: string | undefined, locale: 'vi' | 'en'): Decimal | undefined {
  if (!text) return undefined;
  const r = parseNumber(text, { locale });
  return r.kind === 'number' ? r.value : undefined;
}

/** Whether two offsets sit in one paragraph (no blank line between them). */
function sameParagraph(text: string, a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return !/\n\s*\n/.test(text.slice(lo, hi));
}

/**
 * Find the poverty targets of a plan: rate drops ("giảm từ 5,21% xuống 3,25%", "giảm 0,55% (từ
 * 2,5 … xuống còn 1,95 %)"), each paired with the household drop written in the same paragraph
 * ("tương đương giảm từ 64 hộ xuống còn 40 hộ (… giảm trong năm 24 hộ)"), and household drops
 * written alone.
 */
export function findTargets(folded: FoldedText, locale: 'vi' | 'en'): FoundTarget[] {
  const text = folded.text;
  const targets: FoundTarget[] = [];
  RATE_RE.lastIndex = 0;
  for (let m = RATE_RE.exec(text); m; m = RATE_RE.exec(text)) {
    const g = m.groups ?? {};
    const places = {
      startRate: placesOf(g.s),
      endRate: placesOf(g.e),
      reduction: placesOf(g.red),
    };
    const t: FoundTarget = { line: lineAt(folded, m.index), index: m.index, places };
    const s = num(g.s, locale);
    const e = num(g.e, locale);
    const red = num(g.red, locale);
    if (s) t.startRate = s;
    if (e) t.endRate = e;
    if (red) t.reduction = red;
    targets.push(t);
  }
  const counts: Array<{ index: number; s: Decimal; e: Decimal }> = [];
  COUNT_RE.lastIndex = 0;
  for (let m = COUNT_RE.exec(text); m; m = COUNT_RE.exec(text)) {
    const s = num(m.groups?.s, locale);
    const e = num(m.groups?.e, locale);
    if (s && e) counts.push({ index: m.index, s, e });
  }
  const used = new Set<number>();
  for (const t of targets) {
    const c = counts.find(
      (x) =>
        !used.has(x.index) &&
        Math.abs(x.index - t.index) <= PAIR_REACH &&
        sameParagraph(text, x.index, t.index),
    );
    if (!c) continue;
    used.add(c.index);
    t.startCount = c.s;
    t.endCount = c.e;
  }
  for (const c of counts) {
    if (!used.has(c.index))
      targets.push({
        line: lineAt(folded, c.index),
        index: c.index,
        startCount: c.s,
        endCount: c.e,
        places: {},
      });
  }
  COUNT_DROP_RE.lastIndex = 0;
  for (let m = COUNT_DROP_RE.exec(text); m; m = COUNT_DROP_RE.exec(text)) {
    const n = num(m.groups?.n, locale);
    if (!n) continue;
    const t = targets.find(
      (x) =>
        x.startCount &&
        x.countReduction === undefined &&
        m !== null &&
        m.index > x.index &&
        m.index - x.index <= PAIR_REACH &&
        sameParagraph(text, x.index, m.index),
    );
    if (t) t.countReduction = n;
  }
  return targets.sort((a, b) => a.index - b.index);
}
