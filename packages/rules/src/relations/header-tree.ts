import type { Grid } from '../grid/types.js';
import { cellText, getCell, gridSize } from '../grid/grid.js';
import { normalizeText } from '../grid/normalize.js';

/** One header cell: its text as written, its folded form, and the columns it spans. */
export interface HeaderNode {
  /** The text as the sheet writes it, line breaks and runs of spaces folded to one space. */
  readonly text: string;
  /** {@link normalizeText} of `text`: for matching only, never for messages. */
  readonly norm: string;
  /** The first header row it stands in (0-based). */
  readonly row: number;
  readonly left: number;
  readonly right: number;
}

/** A sheet's column headers as a tree: for each column, its header cells from top to bottom. */
export interface HeaderTree {
  readonly rows: readonly number[];
  /** `paths[c]`: the header cells over column c, outermost first (empty: no header). */
  readonly paths: ReadonlyArray<readonly HeaderNode[]>;
}

/** Most columns a header tree is read for: wider sheets are read up to here (see coverage). */
export const MAX_HEADER_COLS = 1000;

/** The text of a cell as written, on one line. */
function writtenText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Read the header rows of a sheet into a tree. A merged cell spans its columns; a group header
 * typed over several columns without a merge ("Nguồn vốn" over "NSTW", "NSĐP") spans the columns
 * to its right while the row below goes on with sub-headers. The same header cell is one node
 * however many rows or columns it covers.
 *
 * @example
 * const tree = readHeaderTree(grid, [4, 5]);
 * tree.paths[3]?.map((n) => n.text); // ['Nguồn vốn', 'NSTW']
 */
export function readHeaderTree(grid: Grid, headerRows: readonly number[]): HeaderTree {
  const cols = Math.min(gridSize(grid).cols, MAX_HEADER_COLS);
  const paths: HeaderNode[][] = Array.from({ length: cols }, () => []);
  if (headerRows.length === 0) return { rows: [], paths };
  const top = headerRows[0] as number;
  const bottom = headerRows[headerRows.length - 1] as number;
  // The merges that touch the header block, each read once: a node per merged area.
  const merged = new Map<number, { node: HeaderNode; bottom: number }>();
  const mergeOf = new Array<{ node: HeaderNode; bottom: number } | undefined>(cols);
  for (const m of grid.merges) {
    if (m.bottom < top || m.top > bottom || m.left >= cols) continue;
    const raw = cellText(getCell(grid, m.top, m.left));
    const text = writtenText(raw);
    const node: HeaderNode = {
      text,
      // Folded from the cell's own text, as detection folds it (normalizeText folds spaces too).
      norm: normalizeText(raw),
      row: Math.max(m.top, top),
      left: m.left,
      right: Math.min(m.right, cols - 1),
    };
    merged.set(m.top * 65536 + m.left, { node, bottom: m.bottom });
  }
  headerRows.forEach((r, i) => {
    const below = headerRows[i + 1];
    mergeOf.fill(undefined);
    for (const [, m] of merged)
      if (m.node.row <= r && m.bottom >= r)
        for (let c = m.node.left; c <= m.node.right; c++) mergeOf[c] = m;
    let carried: HeaderNode | undefined;
    for (let c = 0; c < cols; c++) {
      const m = mergeOf[c];
      let node: HeaderNode | undefined;
      if (m) {
        node = m.node.text ? m.node : undefined;
        carried = undefined;
      } else {
        const raw = cellText(getCell(grid, r, c));
        const text = writtenText(raw);
        if (text) {
          node = { text, norm: normalizeText(raw), row: r, left: c, right: c };
          carried = node;
        } else if (carried && below !== undefined && cellText(getCell(grid, below, c)).trim()) {
          // Widen the unmerged group header over this column too.
          const wide: HeaderNode = { ...carried, right: c };
          for (let k = carried.left; k < c; k++) {
            const path = paths[k] as HeaderNode[];
            if (path[path.length - 1] === carried) path[path.length - 1] = wide;
          }
          carried = wide;
          node = wide;
        } else carried = undefined;
      }
      const path = paths[c] as HeaderNode[];
      if (node && path[path.length - 1] !== node) path.push(node);
    }
  });
  return { rows: headerRows, paths };
}

/** The header of column `c` as written, outermost first, joined by " › " ("Giải ngân › NSTW"). */
export function writtenHeader(tree: HeaderTree, c: number): string {
  const path = tree.paths[c] ?? [];
  return path.map((n) => n.text).join(' › ');
}

/** The innermost header cell of column `c`, or undefined. */
export function leafOf(tree: HeaderTree, c: number): HeaderNode | undefined {
  const path = tree.paths[c];
  return path?.[path.length - 1];
}

/**
 * The names of a relation's parts as a reader wants them beside its target's: a part under the
 * same group header as the target is named by its own header alone ("Giải ngân › Tổng số" =
 * "NSTW" + "NSĐP", not "Giải ngân › NSTW" + "Giải ngân › NSĐP").
 */
export function partNames(target: string, parts: readonly string[]): string {
  const cut = target.lastIndexOf(' › ');
  const prefix = cut >= 0 ? target.slice(0, cut + 3) : '';
  return parts
    .map((p) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p))
    .join(' + ');
}

const TOTAL_HEADER = /^(tong|cong)(\s|$)/;

/**
 * Whether the header tree lets column `part` add into column `target`: the part stands in the
 * target's group (or at the top level beside a top-level target), and no group between them has
 * a total of its own as its first sub-column ("Kế hoạch › Tổng số, NSTW, NSĐP": that group's
 * NSTW adds into its own "Tổng số", never into a "Tổng số" outside it). A tree with no header
 * over either column allows anything.
 */
export function treeAllows(tree: HeaderTree, target: number, part: number): boolean {
  const t = tree.paths[target];
  const p = tree.paths[part];
  if (!t || !p || t.length === 0 || p.length === 0) return true;
  const outer = t.slice(0, -1);
  for (let i = 0; i < outer.length; i++) if (p[i] !== outer[i]) return false;
  for (const g of p.slice(outer.length, -1)) {
    if (g.left === part) continue;
    const first = tree.paths[g.left];
    const lead = first?.[first.length - 1];
    if (lead && lead !== g && TOTAL_HEADER.test(lead.norm) && g.left !== target) return false;
  }
  return true;
}
