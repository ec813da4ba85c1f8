// The bytes a cell costs when the Excel add-in reads it (values, formulas, number formats and value
// types, as JSON), measured on every sheet of examples/: the add-in's first guess
// (READ_BYTES_PER_CELL, packages/excel-addin/src/office/blocks.ts) must cover the annexes' data
// sheets with room to spare, so that a read block sized from it stays under 4 MB.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook, worksheetToGrid } from '@phuluc/xlsx';
import type { Grid } from '@phuluc/rules';
import { jsonBytes, READ_BYTES_PER_CELL } from '../packages/excel-addin/src/office/blocks.js';
import { ROOT } from './helpers.js';

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? xlsxFiles(p) : p.endsWith('.xlsx') ? [p] : [];
  });
}

/** What Excel would return for the sheet's used range: the four 2-D arrays, and how many cells. */
function responseOf(grid: Grid): { bytes: number; cells: number } {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  grid.cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (!c) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, k);
      right = Math.max(right, k);
    }),
  );
  if (bottom < 0) return { bytes: 0, cells: 0 };
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const formats: unknown[][] = [];
  const types: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const v: unknown[] = [];
    const f: unknown[] = [];
    const n: unknown[] = [];
    const t: unknown[] = [];
    for (let k = left; k <= right; k++) {
      const c = grid.cells[r]?.[k];
      const value = c?.value;
      const shown =
        value === null || value === undefined
          ? ''
          : typeof value === 'object' && 'error' in value
            ? value.error
            : value;
      v.push(shown);
      f.push(c?.formula ? `=${c.formula}` : shown);
      n.push(c?.numFmt ?? 'General');
      t.push(
        shown === ''
          ? 'Empty'
          : typeof shown === 'number'
            ? 'Double'
            : typeof shown === 'boolean'
              ? 'Boolean'
              : 'String',
      );
    }
    values.push(v);
    formulas.push(f);
    formats.push(n);
    types.push(t);
  }
  return {
    bytes: jsonBytes(values) + jsonBytes(formulas) + jsonBytes(formats) + jsonBytes(types),
    cells: (bottom - top + 1) * (right - left + 1),
  };
}

describe('bytes a cell costs to read (examples/)', () => {
  it('the first guess is at least twice what any annex data sheet costs', async () => {
    const measured: { sheet: string; perCell: number }[] = [];
    for (const file of xlsxFiles(join(ROOT, 'examples'))) {
      const wb = await readWorkbook(readFileSync(file));
      for (const ws of wb.worksheets) {
        const { bytes, cells } = responseOf(worksheetToGrid(ws));
        // Sheets of a few cells of prose (a "Căn cứ" page) are read in one small request anyway.
        if (cells < 50) continue;
        measured.push({
          sheet: `${file.slice(ROOT.length + 1)} ${ws.name}`,
          perCell: bytes / cells,
        });
      }
    }
    expect(measured.length).toBeGreaterThan(10);
    const worst = Math.max(...measured.map((m) => m.perCell));
    expect(worst).toBeGreaterThan(20);
    expect(READ_BYTES_PER_CELL).toBeGreaterThanOrEqual(2 * worst);
  });
});
