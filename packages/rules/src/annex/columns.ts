import type { Grid } from '../grid/types.js';
import { cellText, getCell, gridSize, mergeAt } from '../grid/grid.js';
import { normalizeText } from '../grid/normalize.js';
import { matchPhrase, phraseText, phraseWordCount, type PhraseText } from './phrases.js';
import type { ColumnDefinition, LayoutDefinition } from './schema.js';

/** The header text of each column over a block of header rows, normalised, top to bottom joined by `|`. */
export function headerPaths(grid: Grid, headerRows: readonly number[]): string[] {
  const { cols } = gridSize(grid);
  const paths: string[][] = Array.from({ length: cols }, () => []);
  headerRows.forEach((r, i) => {
    const isLast = i === headerRows.length - 1;
    let carried = '';
    for (let c = 0; c < cols; c++) {
      const merge = mergeAt(grid, r, c);
      const cell = merge ? getCell(grid, merge.top, merge.left) : getCell(grid, r, c);
      let text = normalizeText(cellText(cell));
      // A group header typed over several columns without merging them ("Nguồn vốn" over
      // "NSTW", "NSĐP"): carry it right while the row below goes on with sub-headers.
      if (text) carried = text;
      else if (!isLast && carried && !merge) {
        const below = normalizeText(cellText(getCell(grid, headerRows[i + 1] ?? r, c)));
        if (below) text = carried;
        else carried = '';
      }
      const path = paths[c];
      if (text && path && path[path.length - 1] !== text) path.push(text);
    }
  });
  const texts = paths.map((p) => p.join(' | '));
  // Two years in the headers (2023 and 2024): tag the earlier and the later.
  const years = texts.map((t) => [...t.matchAll(/\b(19|20)\d\d\b/g)].map((m) => Number(m[0])));
  const all = years.flat();
  if (all.length > 0) {
    const min = Math.min(...all);
    const max = Math.max(...all);
    if (min < max) {
      return texts.map((t, c) => {
        const ys = years[c] ?? [];
        if (ys.includes(max)) return `${t} | __late__`;
        if (ys.includes(min)) return `${t} | __early__`;
        return t;
      });
    }
  }
  return texts;
}

/** How well a column definition fits a header path: 0 when it does not. */
export function scoreColumn(def: ColumnDefinition, text: PhraseText): number {
  let best = 0;
  for (const pattern of def.patterns) {
    if (pattern.none?.some((p) => text.padded.includes(` ${p} `))) continue;
    let score = 0;
    for (const set of pattern.all) {
      let setBest = 0;
      for (const phrase of set) {
        const m = matchPhrase(text, phrase);
        // An exact phrase scores 1 + words/4 (≥ 1.25); an OCR-damaged one at most 0.5, so an
        // exact "NSTW" always beats "ngân sách xã" read fuzzily as "ngân sách TW".
        if (m === 1) setBest = Math.max(setBest, 1 + phraseWordCount(phrase) / 4);
        else if (m > 0) setBest = Math.max(setBest, m * 0.5);
      }
      if (setBest === 0) {
        score = 0;
        break;
      }
      score += setBest;
    }
    best = Math.max(best, score);
  }
  return best;
}

/** Which physical column each of a layout's column keys sits in. */
export type ColumnMap = ReadonlyMap<string, number>;

/** Match a layout's columns to header paths: best fits first, one column per key. */
export function matchColumns(
  layout: LayoutDefinition,
  paths: readonly string[],
): { map: ColumnMap; fit: number } {
  const candidates: Array<{ key: string; col: number; score: number; order: number }> = [];
  paths.forEach((path, col) => {
    if (!path) return;
    const text = phraseText(path);
    layout.columns.forEach((def, order) => {
      const score = scoreColumn(def, text);
      if (score > 0) candidates.push({ key: def.key, col, score, order });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.col - b.col || a.order - b.order);
  const map = new Map<string, number>();
  const used = new Set<number>();
  let fit = 0;
  for (const c of candidates) {
    if (map.has(c.key) || used.has(c.col)) continue;
    map.set(c.key, c.col);
    used.add(c.col);
    fit += c.score;
  }
  return { map, fit };
}
