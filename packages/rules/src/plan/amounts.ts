import { Decimal } from '../money/decimal.js';
import { parseNumber } from '../money/parse.js';
import { convertUnit, type MoneyUnit } from '../money/units.js';
import { lineAt, type FoldedText } from './fold.js';
import type { LineContext } from './headings.js';
import { findProjectRef, resolveRef } from './project-ref.js';
import { CENTRAL, KINH_PHI, LOCAL, NGUON, NUMBER, OTHER, TONG, UNIT, unitOf } from './words.js';

/** An amount found in the text, before it becomes a plan line or the total. */
export interface FoundAmount {
  readonly line: number;
  /** Offset just after the amount's unit in the folded text. */
  readonly end: number;
  readonly kind: 'line' | 'total' | 'unattributed';
  readonly project?: string;
  readonly subproject?: string;
  readonly amount: Decimal;
  readonly unit: MoneyUnit;
  central?: Decimal;
  local?: Decimal;
  other?: Decimal;
}

/** Read a number the way plans write it; null when it is no number. */
export function readAmount(text: string, locale: 'vi' | 'en'): Decimal | null {
  const r = parseNumber(text, { locale });
  return r.kind === 'number' && !r.percent ? r.value : null;
}

// "Kinh phí thực hiện[ label]: 1.469 triệu đồng", "Tổng kinh phí thực hiện: 7.645 triệu đồng".
const AMOUNT_RE = new RegExp(
  `(?<![a-z])(?:(${TONG})\\s+)?${KINH_PHI}(?<label>[^\\n]{0,200}?)\\s*:?\\s*(?:la\\s+)?(?<num>${NUMBER})\\s*(?<unit>${UNIT})`,
  'g',
);
// "- Dự án 2: 3.154 triệu đồng" (a list under the total, no "kinh phí").
const LISTED_RE = new RegExp(
  `(?<=^|\\n)[\\s\\-+*•]*(?<label>(?:ti\\S{0,2}u\\s+)?(?:d\\S{0,2}\\s*\\S{0,2}n|t?da)\\s*\\d{1,2}[^\\n:]{0,150}):\\s*(?<num>${NUMBER})\\s*(?<unit>${UNIT})`,
  'g',
);
const NGUON_BEFORE = new RegExp(`${NGUON}\\s*$`);

/**
 * Find the amounts of a plan: per project and sub-project, the overall total, and amounts that
 * name no project. A label in the amount's own sentence ("Kinh phí thực hiện Tiểu Dự án 2 –
 * Dự án 6: …") wins over the heading the sentence sits under. "Tổng kinh phí" is the total
 * unless a project is named or a project heading encloses it.
 */
export function findAmounts(
  folded: FoldedText,
  contexts: readonly LineContext[],
  locale: 'vi' | 'en',
  period: string | undefined,
): FoundAmount[] {
  const found: FoundAmount[] = [];
  const taken = new Set<number>();
  const push = (m: RegExpExecArray, isTotalWord: boolean): void => {
    const g = m.groups ?? {};
    const numText = g.num ?? '';
    const numAt = m.index + m[0].lastIndexOf(numText, m[0].length - (g.unit ?? '').length);
    if (taken.has(numAt)) return;
    const amount = readAmount(numText, locale);
    if (!amount) return;
    taken.add(numAt);
    const line = lineAt(folded, m.index);
    const ctx = contexts[line - 1];
    const ref = findProjectRef(g.label ?? '');
    const own = ref ? resolveRef(ref, ctx?.project, period) : undefined;
    const where =
      own ??
      (ref
        ? undefined
        : ctx?.project
          ? { project: ctx.project, ...(ctx.subproject ? { subproject: ctx.subproject } : {}) }
          : undefined);
    const kind: FoundAmount['kind'] = where
      ? 'line'
      : isTotalWord && !ref
        ? 'total'
        : 'unattributed';
    found.push({
      line,
      end: m.index + m[0].length,
      kind,
      ...(where
        ? { project: where.project, ...(where.subproject ? { subproject: where.subproject } : {}) }
        : {}),
      amount,
      unit: unitOf(g.unit ?? ''),
    });
  };
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(folded.text); m; m = AMOUNT_RE.exec(folded.text)) {
    if (NGUON_BEFORE.test(folded.text.slice(Math.max(0, m.index - 12), m.index))) continue;
    push(m, m[1] !== undefined);
  }
  LISTED_RE.lastIndex = 0;
  for (let m = LISTED_RE.exec(folded.text); m; m = LISTED_RE.exec(folded.text)) {
    if (findProjectRef(m.groups?.label ?? '')) push(m, false);
  }
  return found.sort((a, b) => a.end - b.end);
}

const SPLIT_RES: ReadonlyArray<readonly ['central' | 'local' | 'other', RegExp, boolean]> = [
  [
    'central',
    new RegExp(
      `(?<![a-z])${CENTRAL}(?:\\s*\\([^)\\n]{0,40}\\))?\\s*:?\\s*(?:la\\s+)?(?<num>${NUMBER})(?:\\s*(?<unit>${UNIT}))?`,
      'g',
    ),
    false,
  ],
  [
    'local',
    new RegExp(
      `(?<![a-z])${LOCAL}(?:\\s*\\([^)\\n]{0,40}\\))?\\s*:?\\s*(?:la\\s+)?(?<num>${NUMBER})(?:\\s*(?<unit>${UNIT}))?`,
      'g',
    ),
    false,
  ],
  [
    'other',
    new RegExp(`(?<![a-z])${OTHER}\\s*:?\\s*(?<num>${NUMBER})\\s*(?<unit>${UNIT})`, 'g'),
    true,
  ],
];
/** A split more lines than this below its amount belongs to none. */
const SPLIT_REACH = 8;

/**
 * Attach the splits ("Ngân sách trung ương: 1.588 triệu đồng", "Ngân sách địa phương: 107")
 * to the amount they follow: the nearest amount before them, at most a few lines up, with no
 * heading in between. A split without a unit takes its amount's unit; one in another unit is
 * converted. Only the first central and first local split of an amount count; other sources add up.
 */
export function attachSplits(
  folded: FoldedText,
  contexts: readonly LineContext[],
  amounts: FoundAmount[],
  locale: 'vi' | 'en',
): void {
  for (const [part, re] of SPLIT_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(folded.text); m; m = re.exec(folded.text)) {
      const g = m.groups ?? {};
      const after = folded.text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (!g.unit && /^\s*%/.test(after)) continue;
      const value = readAmount(g.num ?? '', locale);
      if (!value) continue;
      const line = lineAt(folded, m.index);
      let owner: FoundAmount | undefined;
      for (let i = amounts.length - 1; i >= 0; i--) {
        const a = amounts[i] as FoundAmount;
        if (a.end <= m.index) {
          owner = a;
          break;
        }
      }
      if (!owner || line - owner.line > SPLIT_REACH) continue;
      let heading = false;
      for (let l = owner.line + 1; l <= line; l++) if (contexts[l - 1]?.heading) heading = true;
      if (heading) continue;
      const v = g.unit ? convertUnit(value, unitOf(g.unit), owner.unit) : value;
      if (part === 'other') owner.other = (owner.other ?? new Decimal(0)).plus(v);
      else if (owner[part] === undefined) owner[part] = v;
    }
  }
}
