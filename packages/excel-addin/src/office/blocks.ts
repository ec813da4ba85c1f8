/**
 * Request sizing. Excel on the web refuses a request or a response over 5 MB; the adapter keeps
 * each one under {@link REQUEST_BUDGET_BYTES} by (1) writing contiguous cells as one rectangle
 * with a 2-D array instead of cell by cell, and (2) syncing before the queued bytes would pass
 * the budget ({@link RequestBudget}).
 */

/** Largest request or response the adapter sends in one sync: 4 MB, 1 MB under Excel's 5 MB. */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/**
 * First guess of the response bytes one cell costs when its values, formulas, number format and
 * value type are read (JSON, UTF-8). Measured on every sheet of `examples/` (test/read-payload):
 * annex data sheets cost 34–62 bytes a cell; this is more than twice that. Later blocks are
 * sized from what the earlier ones really cost ({@link nextBlockRows}).
 */
export const READ_BYTES_PER_CELL = 140;

/**
 * Estimated request bytes of one object path (`getRange("C5")`, `.format`, `.fill`) or one
 * action (a property set, a method call, a load) in Office.js's JSON, arguments excluded.
 */
export const PATH_BYTES = 120;
export const ACTION_BYTES = 120;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** UTF-8 bytes of a value as JSON: what it adds to a request or a response. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Cover a set of cells with rectangles, each holding only cells of the set: vertical runs per
 * column, then runs with the same rows in adjacent columns joined. A column of totals becomes
 * one rectangle; a foot row becomes one rectangle.
 *
 * @example
 * rectangles([{ row: 3, col: 2 }, { row: 4, col: 2 }]); // [{ top: 3, left: 2, bottom: 4, right: 2 }]
 */
export function rectangles(
  cells: readonly { readonly row: number; readonly col: number }[],
): Rect[] {
  const byCol = new Map<number, Set<number>>();
  for (const { row, col } of cells) {
    let rows = byCol.get(col);
    if (!rows) byCol.set(col, (rows = new Set()));
    rows.add(row);
  }
  const runs: Rect[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...byCol.get(col)!].sort((a, b) => a - b);
    let start = rows[0]!;
    let prev = start;
    for (const r of rows.slice(1)) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      runs.push({ top: start, left: col, bottom: prev, right: col });
      start = prev = r;
    }
    runs.push({ top: start, left: col, bottom: prev, right: col });
  }
  // Join runs spanning the same rows in adjacent columns.
  const open = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  const out: Rect[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const o = open.get(key);
    if (o && o.right === run.left - 1) o.right = run.left;
    else {
      if (o) out.push(o);
      open.set(key, { ...run });
    }
  }
  out.push(...open.values());
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * A rectangle cut into bands of whole rows of at most `maxCells` cells (at least one row each),
 * so that one piece of a request never passes the budget alone.
 */
export function splitRect(r: Rect, maxCells: number): Rect[] {
  const width = r.right - r.left + 1;
  const rows = Math.max(1, Math.floor(maxCells / width));
  const out: Rect[] = [];
  for (let top = r.top; top <= r.bottom; top += rows)
    out.push({ top, left: r.left, bottom: Math.min(r.bottom, top + rows - 1), right: r.right });
  return out;
}

/** Cells in a rectangle. */
export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/**
 * Rows per read block for a sheet `columns` wide, given the bytes a cell is believed to cost:
 * as many as keep the response within the budget, at least one.
 */
export function blockRows(
  columns: number,
  bytesPerCell: number,
  budget = REQUEST_BUDGET_BYTES,
): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, columns) * Math.max(1, bytesPerCell))));
}

/**
 * The bytes a cell is believed to cost after a block cost `bytes` for `cells` cells: the larger
 * of the belief so far and what was seen, with a margin of half again.
 */
export function nextBytesPerCell(belief: number, bytes: number, cells: number): number {
  return Math.max(belief, Math.ceil((bytes / Math.max(1, cells)) * 1.5));
}

/** Something that can send what has been queued: `context.sync`. */
export interface Syncable {
  sync(): Promise<void>;
}

/**
 * Counts the bytes queued on a request context and syncs before the next piece would take the
 * request or the expected response past the budget. Queue a piece only after `reserve` resolves.
 */
export class RequestBudget {
  private request = 0;
  private response = 0;
  /** Syncs this budget made (not counting the caller's own). */
  syncs = 0;

  constructor(
    private readonly context: Syncable,
    private readonly budget = REQUEST_BUDGET_BYTES,
  ) {}

  /** Make room for a piece costing `request` bytes to send and `response` bytes to receive. */
  async reserve(request: number, response = 0): Promise<void> {
    const pending = this.request > 0 || this.response > 0;
    if (
      pending &&
      (this.request + request > this.budget || this.response + response > this.budget)
    ) {
      await this.flush();
    }
    this.request += request;
    this.response += response;
  }

  /** Sync what is queued (if anything). */
  async flush(): Promise<void> {
    if (this.request === 0 && this.response === 0) return;
    this.request = 0;
    this.response = 0;
    this.syncs++;
    await this.context.sync();
  }

  /** Whether anything is queued and not yet synced. */
  get pending(): boolean {
    return this.request > 0 || this.response > 0;
  }
}
