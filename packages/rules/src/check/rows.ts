import { normalizedFirstWord, normalizeText } from '../grid/normalize.js';
import { isTotalLabel } from '../annex/total-label.js';

export { isTotalLabel };

/** A row's place in the annex's hierarchy, read from the TT column and the label. */
export interface RowShape {
  /** 1 = I, II; 2 = 1, 2; 3 = 1.1; 5 = a, b; 6 = "-"; 7 = "+"; 8 = "*"; null = not numbered. */
  readonly level: number | null;
  readonly isTotal: boolean;
  /** "Trong đó:" — the rows after it break their parent down and are not added again. */
  readonly isOfWhichHeading: boolean;
  /** The row itself is an of-which row ("Trong đó: NSTW …"). */
  readonly isOfWhichSelf: boolean;
}

const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/i;

/** The level a TT value gives ("II" → 1, "3" → 2, "1.2" → 3, "b" → 5, "-" → 6), or null. */
export function ttLevel(tt: string): number | null {
  const t = tt
    .trim()
    .replace(/[.)]+$/, '')
    .trim();
  if (t === '') return null;
  if ((/^[IVX]+$/.test(t) || /^[ivx]{2,}$/.test(t)) && ROMAN.test(t)) return 1;
  // "A. Vốn đầu tư", "B. Vốn sự nghiệp": parts above I, II.
  if (/^[A-Z]$/.test(t)) return 0;
  if (/^\d+$/.test(t)) return 2;
  if (/^\d+(\.\d+)+$/.test(t)) return 2 + (t.match(/\./g)?.length ?? 0);
  if (/^[a-zđ]$/i.test(t)) return 5;
  if (/^[-–—]$/.test(t)) return 6;
  if (t === '+') return 7;
  if (t === '*') return 8;
  return null;
}

/** The level a label's own prefix gives ("- Tiểu dự án 1" → 6, "a) …" → 5, "1. …" → 2). */
export function labelLevel(label: string): number | null {
  const t = label.trim();
  if (/^[-–—]\s*\S/.test(t)) return 6;
  if (/^\+\s*\S/.test(t)) return 7;
  if (/^\*\s*\S/.test(t)) return 8;
  if (/^[a-zđ]\)\s*\S/i.test(t)) return 5;
  if (/^\d+(\.\d+)+[.)]?\s+\S/.test(t))
    return 2 + (t.split(/\s/)[0]?.replace(/[.)]$/, '').match(/\./g)?.length ?? 0);
  if (/^\d+[.)]\s+\S/.test(t)) return 2;
  if (/^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)]\s+\S/i.test(t)) return 1;
  return null;
}

/** What a TT value says of its row: its level, and whether it is a bullet ("-", "+", "*"). */
interface TtShape {
  readonly level: number | null;
  readonly bulleted: boolean;
}

/** TT values repeat down a sheet ("-", "1", "2", "I"): each is read once. */
const ttShapes = new Map<string, TtShape>();

function ttShape(tt: string): TtShape {
  let shape = ttShapes.get(tt);
  if (shape === undefined) {
    shape = { level: ttLevel(tt), bulleted: /^[-–—+*]$/.test(tt.trim()) };
    if (ttShapes.size >= 10_000) ttShapes.clear();
    ttShapes.set(tt, shape);
  }
  return shape;
}

/**
 * The list of total labels last asked about, and the words a total's label or a "Trong đó"
 * heading may start with under it (a sheet asks with one list; another is read anew).
 */
let lastTotals: readonly string[] | undefined;
let lastWords: ReadonlySet<string> = new Set();

/**
 * Whether a label whose normalised form starts with `word` may be a total's (see isTotalLabel:
 * one of the layout's total labels, or "Tổng"/"Cộng" before a unit) or a "Trong đó" heading.
 */
function mayBeTotalOrOfWhich(word: string, totalLabels: readonly string[]): boolean {
  if (totalLabels !== lastTotals) {
    lastWords = new Set([
      'tong',
      'cong',
      'trong',
      ...totalLabels.map((t) => t.split(' ', 1)[0] ?? ''),
    ]);
    lastTotals = totalLabels;
  }
  return lastWords.has(word);
}

/**
 * Read a row's shape from its TT and label (`norm`: the label already normalised, when known).
 * Without `norm`, the label is folded whole only when its first word may start a total's label or
 * a "Trong đó" heading: most labels ("Tiểu dự án 1: …", "Xã …") need only that word.
 */
export function rowShape(
  tt: string,
  label: string,
  totalLabels: readonly string[],
  norm?: string,
): RowShape {
  if (norm === undefined) {
    const word = normalizedFirstWord(label);
    // Neither a total nor "Trong đó" (most rows): its level is all there is to read.
    if (word !== '' && !mayBeTotalOrOfWhich(word, totalLabels))
      return shapeOf(ttShape(tt).level ?? labelLevel(label), false, false, false);
    norm = normalizeText(label);
  }
  const ofWhich = norm.startsWith('trong do') && /^trong do\b/.test(norm);
  const { level: fromTt, bulleted } = ttShape(tt);
  const level = fromTt ?? labelLevel(label);
  const ttIsNumbered = fromTt !== null && !bulleted;
  // "Tổng cộng" typed in the TT column (merged across TT and the label).
  const ttTotal = !norm && fromTt === null && isTotalLabel(normalizeText(tt), totalLabels);
  // "Trong đó:" alone heads the rows after it; with more after it, the row is one of them.
  const ofWhichRest = ofWhich ? norm.replace(/^trong do\s*/, '').length : 0;
  return shapeOf(
    level,
    ttTotal || (!ttIsNumbered && !bulleted && isTotalLabel(norm, totalLabels)),
    ofWhich && ofWhichRest === 0,
    ofWhichRest > 0,
  );
}

/** Every shape met so far: a level and three flags, so a sheet has a handful, each made once. */
const shapes = new Map<number, RowShape>();

/** The shape with these fields, shared (a 100k-row sheet otherwise makes 100k of them). */
function shapeOf(
  level: number | null,
  isTotal: boolean,
  isOfWhichHeading: boolean,
  isOfWhichSelf: boolean,
): RowShape {
  const key =
    ((level ?? -1) + 1) * 8 +
    (isTotal ? 4 : 0) +
    (isOfWhichHeading ? 2 : 0) +
    (isOfWhichSelf ? 1 : 0);
  let shape = shapes.get(key);
  if (shape === undefined) {
    shape = Object.freeze({ level, isTotal, isOfWhichHeading, isOfWhichSelf });
    shapes.set(key, shape);
  }
  return shape;
}
