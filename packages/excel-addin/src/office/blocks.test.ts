import { describe, expect, it } from 'vitest';
import { blockRows, jsonBytes, rectangles, RequestBudget, splitRect } from './blocks.js';

describe('rectangles', () => {
  it('covers a column of totals with one rectangle and a foot row with another', () => {
    const cells = [
      ...[3, 4, 5, 6].map((row) => ({ row, col: 2 })),
      ...[2, 3, 4].map((col) => ({ row: 10, col })),
    ];
    expect(rectangles(cells)).toEqual([
      { top: 3, left: 2, bottom: 6, right: 2 },
      { top: 10, left: 2, bottom: 10, right: 4 },
    ]);
  });

  it('covers exactly the given cells, none more', () => {
    const cells = [
      { row: 0, col: 0 },
      { row: 2, col: 0 },
      { row: 0, col: 1 },
      { row: 1, col: 1 },
      { row: 2, col: 1 },
    ];
    const covered = rectangles(cells).flatMap((r) => {
      const out: string[] = [];
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) out.push(`${row}:${col}`);
      return out;
    });
    expect(covered.sort()).toEqual(cells.map((c) => `${c.row}:${c.col}`).sort());
  });

  it('cuts a rectangle into bands of whole rows', () => {
    expect(splitRect({ top: 0, left: 0, bottom: 9, right: 1 }, 8)).toEqual([
      { top: 0, left: 0, bottom: 3, right: 1 },
      { top: 4, left: 0, bottom: 7, right: 1 },
      { top: 8, left: 0, bottom: 9, right: 1 },
    ]);
  });
});

describe('byte accounting', () => {
  it('counts UTF-8 bytes of JSON (Vietnamese letters take 2–3 bytes)', () => {
    expect(jsonBytes('a')).toBe(3);
    expect(jsonBytes('ệ')).toBe(5);
    expect(jsonBytes([[1, 'Dự án']])).toBe(new TextEncoder().encode('[[1,"Dự án"]]').length);
  });

  it('sizes blocks from the width and the bytes a cell costs', () => {
    expect(blockRows(5, 100, 1_000_000)).toBe(2000);
    expect(blockRows(100_000, 1_000, 1_000)).toBe(1);
  });

  it('syncs before a piece would take the request or the response past the budget', async () => {
    let syncs = 0;
    const budget = new RequestBudget({ sync: async () => void syncs++ }, 1000);
    await budget.reserve(600);
    await budget.reserve(300, 900);
    expect(syncs).toBe(0);
    await budget.reserve(200);
    expect(syncs).toBe(1);
    await budget.reserve(10, 500);
    await budget.flush();
    expect(syncs).toBe(2);
    await budget.flush();
    expect(syncs).toBe(2);
  });
});
