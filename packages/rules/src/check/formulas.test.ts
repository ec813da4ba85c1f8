import { describe, expect, it } from 'vitest';
import { muongLayGrid, muongLayRows, muongLayRowsWithFormulas } from '../__fixtures__/muong-lay.js';
import type { Cell, CellValue } from '../grid/types.js';
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
