import { describe, expect, it } from 'vitest';
import { applyWrites } from '../__fixtures__/apply.js';
import { validateSheet } from '../check/validate.js';
import { detectLayout } from '../annex/detect.js';
import { LAYOUT_IDS } from '../annex/types.js';
import { fillSheet } from '../fill/fill.js';
import type { Cell, Grid } from '../grid/types.js';
import { buildTemplate } from './build.js';

function type(grid: Grid, row: number, col: number, value: number): Grid {
  const cells = grid.cells.map((r) => [...r]);
  const r = cells[row] as (Cell | null | undefined)[];
  r[col] = { ...(r[col] ?? {}), value } as Cell;
  return { ...grid, cells };
}

describe('buildTemplate', () => {
  it.each(LAYOUT_IDS)('builds a %s annex that detects as itself and validates clean', (id) => {
    const t = buildTemplate(id, { year: 2025 });
    const d = detectLayout(t.grid);
    expect(d.fit?.layout.id).toBe(id);
    expect(d.fit?.missing).toEqual([]);
    expect(validateSheet(t.grid).issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(t.grid.cells[0]?.[0]?.value).toMatch(/^PHỤ LỤC SỐ 0\d$/);
    expect(t.columnWidths.length).toBeGreaterThan(4);
    expect(t.freezeRows).toBe(7);
  });

  it('lists the programme in the budget template, with formulas and a project-code list', () => {
    const t = buildTemplate('budget-allocation', { year: 2025, unit: 'dong' });
    const labels = t.grid.cells
      .map((r) => r[1]?.value)
      .filter((v): v is string => typeof v === 'string');
    expect(labels).toContain('Tiểu dự án 2: Cải thiện dinh dưỡng');
    expect(t.grid.cells[3]?.find((c) => c)?.value).toBe('Đơn vị tính: đồng');
    expect(t.grid.cells[7]?.[3]?.formula).toMatch(/^SUM\(/);
    expect(t.validations[0]?.list).toContain('DA4.TDA1');
    expect(t.validations[0]?.list.join(',').length).toBeLessThan(255);
  });

  it('template → type figures → fill → validate gives no sum or rate error', () => {
    for (const id of LAYOUT_IDS) {
      let g = buildTemplate(id, { year: 2025, rows: 3 }).grid;
      const first = 7;
      if (id === 'budget-allocation') {
        // DA2 (no sub-projects) and DA3 TDA1: NSTW sự nghiệp and NSĐP.
        const rowOf = (label: string) =>
          g.cells.findIndex((r) => String(r[1]?.value ?? '').startsWith(label));
        g = type(g, rowOf('Dự án 2'), 5, 3154);
        g = type(g, rowOf('Tiểu dự án 1: Hỗ trợ phát triển sản xuất'), 5, 1469);
        g = type(g, rowOf('Tiểu dự án 1: Phát triển giáo dục'), 5, 1588);
        g = type(g, rowOf('Tiểu dự án 1: Phát triển giáo dục'), 6, 107);
      } else if (id === 'poverty-targets') {
        [
          [312, 18, 20, 11],
          [298, 15, 16, 10],
          [335, 17, 18, 10],
        ].forEach(([h, p, n, e], i) => {
          g = type(g, first + 1 + i, 2, h as number);
          g = type(g, first + 1 + i, 3, p as number);
          g = type(g, first + 1 + i, 5, n as number);
          g = type(g, first + 1 + i, 7, e as number);
        });
      } else {
        g = type(g, first, 3, 80);
        g = type(g, first, 4, 85);
      }
      const { writes, conflicts } = fillSheet(g);
      expect(conflicts).toEqual([]);
      const report = validateSheet(applyWrites(g, writes));
      expect(report.layout).toBe(id);
      expect(
        report.issues
          .filter((i) => /^(sum|rate)\//.test(i.code))
          .map((i) => `${id} ${i.cell} ${i.message.en}`),
      ).toEqual([]);
    }
  });
});
