/**
 * The preview's marks, sheet by sheet: each marked cell with the most severe issue at it. Shared by
 * the workbook the worker holds and the page's mirror of it, which both colour the grid from it.
 */
import type { Severity } from '@phuluc/rules';
import type { MarkRequest } from '../workbook/types.js';

const RANK = { error: 0, warning: 1, info: 2 } as const;

export class SheetMarks {
  private readonly bySheet = new Map<string, Map<string, Severity>>();

  /** Mark a sheet's cells (replacing its marks); returns how many cells are marked. */
  set(sheet: string, marks: readonly MarkRequest[]): number {
    const map = new Map<string, Severity>();
    for (const m of marks) {
      const had = map.get(m.cell);
      if (!had || RANK[m.severity] < RANK[had]) map.set(m.cell, m.severity);
    }
    this.bySheet.set(sheet, map);
    return map.size;
  }

  /** Clear a sheet's marks; returns how many cells were marked. */
  clear(sheet: string): number {
    const n = this.bySheet.get(sheet)?.size ?? 0;
    this.bySheet.delete(sheet);
    return n;
  }

  /** Whether any cell of the sheet is marked. */
  has(sheet: string): boolean {
    return (this.bySheet.get(sheet)?.size ?? 0) > 0;
  }

  /** The sheet's marks, by A1 cell. */
  of(sheet: string): ReadonlyMap<string, Severity> {
    return this.bySheet.get(sheet) ?? new Map();
  }
}
