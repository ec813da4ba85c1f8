import { describe, expect, it } from 'vitest';
import { muongLayGrid, muongLayRows, muongLayRowsWithFormulas } from '../__fixtures__/muong-lay.js';
import type { Cell, CellValue } from '../grid/types.js';
import { gridFromRows } from '../grid/grid.js';
import { validateSheet } from './validate.js';

type Row = (CellValue | Cell | undefined)[];

const withFormulas = muongLayRowsWithFormulas;
const formulaIssues = (rows: Row[]) =>
  validateSheet(muongLayGrid(rows))
    .issues.filter((i) => i.code.startsWith('formula/'))
    .map((i) => `${i.cell} ${i.code} ${i.severity}`);

describe('formula checks', () => {
  it('find nothing in a sheet whose formulas are right', () => {
    expect(validateSheet(muongLayGrid(withFormulas())).issues).toEqual([]);
  });

  it('catch a SUM that omits the last child', () => {
    const rows = withFormulas();
    (rows[11] as Row)[3] = { value: 1588, formula: 'SUM(D13)' };
    const r = validateSheet(muongLayGrid(rows));
    const issue = r.issues.find((i) => i.code === 'formula/omits-row');
    expect(issue).toMatchObject({ cell: 'D12', severity: 'error' });
    expect(issue?.message.vi).toContain('bỏ sót dòng 14');
  });

  it('catch a total that also adds grandchildren', () => {
    const rows = withFormulas();
    (rows[7] as Row)[3] = { value: 7538, formula: 'SUM(D9:D20)' };
    const issue = validateSheet(muongLayGrid(rows)).issues.find(
      (i) => i.code === 'formula/omits-row',
    );
    expect(issue?.cell).toBe('D8');
    expect(issue?.message.en).toContain('also adds row(s) 11, 13, 14, 16, 17, 19, 20');
  });

  it('warn of a typed total between formula siblings', () => {
    const rows = withFormulas();
    (rows[14] as Row)[3] = 670;
    expect(formulaIssues(rows)).toEqual(['D15 formula/hardcoded-total warning']);
  });

  it('note typed totals where the layout expects formulas, only in sheets that use formulas', () => {
    expect(formulaIssues(muongLayRows())).toEqual([]);
    const rows = muongLayRows();
    (rows[8] as Row)[2] = { value: 3154, formula: 'D9+E9' };
    // C9 cross-foots with a formula, the other rows' totals are typed: the typed ones are the
    // rule, not exceptions, so each is only noted; the parents' typed sums (C10, D8) have no
    // formula among their own kind, and are noted too.
    expect(formulaIssues(rows)).toContain('C11 formula/hardcoded-total info');
    expect(formulaIssues(rows)).toContain('C10 formula/hardcoded-total info');
    expect(formulaIssues(rows)).toContain('D8 formula/hardcoded-total info');
    expect(formulaIssues(rows).filter((i) => i.includes('warning'))).toEqual([]);
  });

  it('warn of a typed total where its siblings have formulas', () => {
    const rows = withFormulas();
    (rows[10] as Row)[2] = 1469; // C11: a typed total among cross-foot formulas
    expect(formulaIssues(rows)).toEqual(['C11 formula/hardcoded-total warning']);
  });

  it('warn of a formula that breaks its column pattern', () => {
    const rows = withFormulas();
    (rows[15] as Row)[2] = { value: 522, formula: 'D16+D16-D16+E16' };
    expect(formulaIssues(rows)).toEqual(['C16 formula/inconsistent warning']);
  });

  it('compare the sums of a disbursement report’s sub-totals, not its groups’ totals', () => {
    // Plan and disbursed groups (Tổng số, NSTW, NSĐP each) and a rate: each project's sums of
    // D, E, G and H share one R1C1 form, but for the cell `odd` writes otherwise.
    const sheet = (odd: (l: string, top: number, bottom: number) => string) => {
      const rows: Row[] = [
        ['TÌNH HÌNH GIẢI NGÂN VỐN NĂM 2024'],
        ['Đơn vị tính: triệu đồng'],
        [
          'TT',
          'Nội dung',
          'Kế hoạch vốn năm 2024',
          null,
          null,
          'Giải ngân',
          null,
          null,
          'Tỷ lệ giải ngân (%)',
        ],
        [null, null, 'Tổng số', 'NSTW', 'NSĐP', 'Tổng số', 'NSTW', 'NSĐP', null],
      ];
      for (let p = 0; p < 4; p++) {
        const r = rows.length + 1;
        const sum = (l: string) =>
          p === 2 && l === 'G' ? odd(l, r + 1, r + 3) : `SUM(${l}${r + 1}:${l}${r + 3})`;
        rows.push([
          String(p + 1),
          `Dự án ${p + 1}`,
          { value: 30, formula: `D${r}+E${r}` },
          { value: 24, formula: sum('D') },
          { value: 6, formula: sum('E') },
          { value: 15, formula: `G${r}+H${r}` },
          { value: 12, formula: sum('G') },
          { value: 3, formula: sum('H') },
          { value: 50, formula: `ROUND(F${r}/C${r}*100,2)` },
        ]);
        for (let k = 1; k <= 3; k++) {
          const x = r + k;
          rows.push([
            '-',
            `Nội dung chi ${k}`,
            { value: 10, formula: `D${x}+E${x}` },
            8,
            2,
            { value: 5, formula: `G${x}+H${x}` },
            4,
            1,
            { value: 50, formula: `ROUND(F${x}/C${x}*100,2)` },
          ]);
        }
      }
      return gridFromRows('PL01', rows);
    };
    // No column-index row: the disbursed group's total is the header's (Tổng số first in its
    // group), whose `G5+H5` is no sum of the rows to compare with the others.
    const at = (grid: ReturnType<typeof gridFromRows>) =>
      validateSheet(grid)
        .issues.filter((i) => i.code.startsWith('formula/'))
        .map((i) => `${i.cell} ${i.code}`);
    expect(at(sheet((l, top, bottom) => `SUM(${l}${top}:${l}${bottom})`))).toEqual([]);
    for (const odd of [
      (l: string, top: number, bottom: number) => `SUM(${l}${bottom}:${l}${top})`, // backwards
      (l: string, top: number, bottom: number) => `SUM(${l}$${top}:${l}${bottom})`, // anchored
      (l: string, top: number, bottom: number) => `SUM(${l}${top}:${l}${bottom - 1})+${l}${bottom}`,
    ])
      expect(at(sheet(odd))).toEqual(['G13 formula/inconsistent']);
  });

  it('warn of a formula that reads another workbook', () => {
    const rows = withFormulas();
    (rows[8] as Row)[3] = { value: 3154, formula: '[KH-2023.xlsx]PL01!D9' };
    expect(formulaIssues(rows)).toContain('D9 formula/external-ref warning');
  });

  it('warn of every leaf formula that reads another workbook, however alike they are', () => {
    const rows = withFormulas();
    // Leaf rows 16 and 17, then 19 and 20: each pair the same formula but for row numbers.
    for (const r of [16, 17, 19, 20]) {
      const row = rows[r - 1] as Row;
      row[2] = { value: row[2] as CellValue, formula: `[1]PL01!D${r}+E${r}` };
    }
    expect(formulaIssues(rows).filter((x) => x.includes('external-ref'))).toEqual([
      'C16 formula/external-ref warning',
      'C17 formula/external-ref warning',
      'C19 formula/external-ref warning',
      'C20 formula/external-ref warning',
    ]);
  });
});
