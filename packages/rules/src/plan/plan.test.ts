import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { muongLayGrid, muongLayRows } from '../__fixtures__/muong-lay.js';
import { baToGrid } from '../__fixtures__/seeds.js';
import { gridFromRows } from '../grid/grid.js';
import { stripDiacritics } from '../grid/normalize.js';
import type { CellValue } from '../grid/types.js';
import { crossCheckPlan } from './cross-check.js';
import { readPlan } from './read.js';

const seed = (name: string): string =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const MUONG_LAY = seed('000-muong-lay-2024.txt');
const CAO_NGOC = seed('001-cao-ngoc-2024.txt');
const KIM_BANG = seed('002-kim-bang-2023.txt');
const DAK_LAK = seed('003-dak-lak-truyen-thong-2022-2025.txt');
const BA_TO = seed('004-ba-to-2024.txt');

const short = (p: ReturnType<typeof readPlan>) =>
  p.lines.map((l) => `${l.subproject ?? l.project} ${l.amount}`);
/** Replace the first occurrence of `from` on 1-based `line`. */
const edit = (text: string, line: number, from: string, to: string): string => {
  const lines = text.split('\n');
  expect(lines[line - 1]).toContain(from);
  lines[line - 1] = (lines[line - 1] as string).replace(from, to);
  return lines.join('\n');
};

describe('readPlan on the seed plans', () => {
  it('Mường Lay 2024 (OCR): eight amounts that foot to 7.645 = 7.538 + 107, no issue', () => {
    const p = readPlan(MUONG_LAY);
    expect(short(p)).toEqual([
      'DA2 3154',
      'DA3.TDA1 1469',
      'DA4.TDA1 1695',
      'DA4.TDA3 197',
      'DA6.TDA1 522',
      'DA6.TDA2 148',
      'DA7.TDA1 288',
      'DA7.TDA2 172',
    ]);
    expect(p.lines.every((l) => l.unit === 'trieu')).toBe(true);
    expect(p.lines[0]).toEqual({
      line: 119,
      project: 'DA2',
      amount: '3154',
      unit: 'trieu',
      central: '3154',
      local: '0',
    });
    expect(p.lines[2]).toMatchObject({
      project: 'DA4',
      subproject: 'DA4.TDA1',
      amount: '1695',
      central: '1588',
      local: '107',
    });
    expect(p.lines[3]).toMatchObject({ subproject: 'DA4.TDA3', central: '197' });
    expect(p.total).toEqual({
      line: 271,
      amount: '7645',
      unit: 'trieu',
      central: '7538',
      local: '107',
    });
    expect(p.issues).toEqual([]);
  });

  it('Ba Tơ 2024 (markdown, đồng): 378.000.000 + 1.470.000.000 + 596.771.300 = 2.444.771.300', () => {
    const p = readPlan(BA_TO);
    expect(p.lines).toEqual([
      { line: 75, project: 'DA6', subproject: 'DA6.TDA2', amount: '378000000', unit: 'dong' },
      { line: 76, project: 'DA7', subproject: 'DA7.TDA1', amount: '1470000000', unit: 'dong' },
      { line: 77, project: 'DA7', subproject: 'DA7.TDA2', amount: '596771300', unit: 'dong' },
    ]);
    expect(p.total).toEqual({ line: 73, amount: '2444771300', unit: 'dong' });
    expect(p.issues).toEqual([]);
  });

  it('Cao Ngọc 2024 (OCR): 64 → 40 households at 5,21% → 3,25%, about 1.229 households, no issue', () => {
    const p = readPlan(CAO_NGOC);
    expect(p.lines).toEqual([]);
    expect(p.targets).toEqual([
      {
        line: 57,
        startRate: '5.21',
        endRate: '3.25',
        startCount: '64',
        endCount: '40',
        countReduction: '24',
        households: { min: '1229', max: '1229' },
      },
    ]);
    expect(p.issues).toEqual([]);
  });

  it('Kim Bảng 2023: 2,5% → 1,95%, a drop of 0,55 points, no issue', () => {
    const p = readPlan(KIM_BANG);
    expect(p.targets).toEqual([{ line: 27, startRate: '2.5', endRate: '1.95', reduction: '0.55' }]);
    expect(p.lines).toEqual([]);
    expect(p.issues).toEqual([]);
  });

  it('Đắk Lắk 2022–2025: no figures and no issue', () => {
    expect(readPlan(DAK_LAK)).toEqual({ lines: [], targets: [], issues: [] });
  });
});

describe('readPlan checks', () => {
  it('a changed amount raises plan/total-mismatch at the total line', () => {
    const p = readPlan(edit(MUONG_LAY, 185, '197', '297'));
    expect(p.issues.map((i) => `${i.line} ${i.code}`)).toEqual(['271 plan/total-mismatch']);
    expect(p.issues[0]).toMatchObject({
      cell: '',
      row: -1,
      col: -1,
      severity: 'error',
      expected: '7745',
      actual: '7645',
    });
    expect(p.issues[0]?.message.vi).toContain('Dòng 271');
    expect(p.issues[0]?.message.vi).toContain('7.745');
    expect(p.issues[0]?.message.en).toContain('7,745');
    // An amount whose stated split no longer adds up is also caught at its own line.
    const q = readPlan(edit(MUONG_LAY, 139, '1.469', '1.496'));
    expect(q.issues.map((i) => `${i.line} ${i.code}`)).toEqual([
      '139 plan/split-mismatch',
      '271 plan/total-mismatch',
    ]);
  });

  it('a changed split raises plan/split-mismatch at the amount line', () => {
    const p = readPlan(edit(MUONG_LAY, 166, '1.588', '1.558'));
    const split = p.issues.find((i) => i.code === 'plan/split-mismatch');
    expect(split).toMatchObject({ line: 164, expected: '1665', actual: '1695' });
    expect(split?.message.vi).toContain('kinh phí DA4.TDA1');
    // The central shares no longer add up to the total's 7.538 either.
    expect(
      p.issues
        .filter((i) => i.code === 'plan/total-mismatch')
        .map((i) => [i.line, i.expected, i.actual]),
    ).toEqual([[271, '7508', '7538']]);
  });

  it('a total split that does not add up raises plan/split-mismatch at the total', () => {
    const p = readPlan(edit(MUONG_LAY, 274, '107', '170'));
    expect(p.issues.map((i) => `${i.line} ${i.code}`)).toContain('271 plan/split-mismatch');
  });

  it('a rate drop that disagrees with the household drop raises plan/target-mismatch', () => {
    const p = readPlan(edit(CAO_NGOC, 57, '3,25%', '3,00%'));
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({
      code: 'plan/target-mismatch',
      line: 57,
      expected: '3.26',
      actual: '3',
    });
    expect(p.issues[0]?.message.vi).toContain('khoảng 1.228 hộ');
    expect(p.targets[0]?.households).toBeUndefined();
  });

  it('a stated reduction that is not start − end raises plan/target-mismatch', () => {
    const p = readPlan(edit(KIM_BANG, 27, 'giảm 0,55%', 'giảm 0,45%'));
    expect(p.issues.map((i) => [i.code, i.line, i.expected, i.actual])).toEqual([
      ['plan/target-mismatch', 27, '0.55', '0.45'],
    ]);
    const counts = readPlan(edit(CAO_NGOC, 58, '24 hg', '25 hg'));
    expect(counts.issues.map((i) => [i.code, i.line, i.expected, i.actual])).toEqual([
      ['plan/target-mismatch', 57, '24', '25'],
    ]);
  });

  it('a project amount must equal its sub-projects', () => {
    const text = [
      '1. Dự án 4: Phát triển giáo dục nghề nghiệp',
      'Kinh phí thực hiện: 1.900 triệu đồng',
      '1.1. Tiểu dự án 1: …',
      'Kinh phí thực hiện: 1.695 triệu đồng',
      '1.2. Tiểu dự án 3: …',
      'Kinh phí thực hiện: 197 triệu đồng',
    ].join('\n');
    const p = readPlan(text);
    expect(short(p)).toEqual(['DA4 1900', 'DA4.TDA1 1695', 'DA4.TDA3 197']);
    expect(p.issues.map((i) => [i.code, i.line, i.expected, i.actual])).toEqual([
      ['plan/total-mismatch', 2, '1892', '1900'],
    ]);
  });
});

/** The Mường Lay budget section written cleanly, with diacritics. */
const CLEAN = `III. NỘI DUNG THỰC HIỆN
1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
b) Kinh phí thực hiện: 3.154 triệu đồng, cụ thể:
- Ngân sách trung ương: 3.154 triệu đồng (vốn sự nghiệp);
- Ngân sách địa phương: 0 triệu đồng.
2. Tiểu dự án 1 – Dự án 3: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp
b) Kinh phí thực hiện: 1.469 triệu đồng.
3. Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững
3.1. Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn
b) Kinh phí thực hiện: 1.695 triệu đồng (NSTW: 1.588 triệu đồng; NSĐP: 107 triệu đồng).
3.2. Tiểu dự án 3: Hỗ trợ việc làm bền vững
b) Kinh phí thực hiện: 197 triệu đồng.
IV. KINH PHÍ THỰC HIỆN
Tổng kinh phí thực hiện: 3.154 + 1.469 + 1.892 = 6.515 triệu đồng, cụ thể: Ngân sách trung ương 6.408 triệu đồng, ngân sách địa phương 107 triệu đồng.
`;

describe('readPlan with and without diacritics', () => {
  const expected = ['DA2 3154', 'DA3.TDA1 1469', 'DA4.TDA1 1695', 'DA4.TDA3 197'];

  it('reads headings and amounts with diacritics', () => {
    const text = CLEAN.replace(
      'Tổng kinh phí thực hiện: 3.154 + 1.469 + 1.892 = 6.515',
      'Tổng kinh phí thực hiện: 6.515',
    );
    const p = readPlan(text);
    expect(short(p)).toEqual(expected);
    expect(p.lines[2]).toMatchObject({ central: '1588', local: '107' });
    expect(p.total).toMatchObject({ line: 14, amount: '6515', central: '6408', local: '107' });
    expect(p.issues).toEqual([]);
  });

  it('reads the same text without diacritics, and in decomposed (NFD) form', () => {
    const text = CLEAN.replace(
      'Tổng kinh phí thực hiện: 3.154 + 1.469 + 1.892 = 6.515',
      'Tổng kinh phí thực hiện: 6.515',
    );
    expect(short(readPlan(stripDiacritics(text)))).toEqual(expected);
    expect(short(readPlan(text.normalize('NFD')))).toEqual(expected);
    expect(readPlan(stripDiacritics(text)).issues).toEqual([]);
  });

  it('reads OCR-damaged headings: "D 4n 2", "Tiéu du an 1 - Du an 4", "Dw &n 3"', () => {
    const text = [
      '1. D 4n 2: Pa dang hoéa sinh ké',
      'b) Kinh phi thuc hién: 3.154 triéu ddng, cu thé:',
      '2. Tiéu du an 1 - Du an 4: Phat trién giao duc nghé nghiép',
      '_ b) Kinh phi thuc hi¢n: 1.695 tri¢u déng (Ngan sach trung uong: 1.588 triéu',
      'dong; Ngan sach dja phuong: 107 trigu d6éng).',
      '3. Dw &n 3: Hb tro phat trién san xuat',
      'Tiéu du an 1: Hb tro phat trién san xuat',
      'b) Kinh phi thuc hién: 1.469 tri¢u dong.',
    ].join('\n');
    const p = readPlan(text);
    expect(
      p.lines.map((l) => [l.line, l.subproject ?? l.project, l.amount, l.central, l.local]),
    ).toEqual([
      [2, 'DA2', '3154', undefined, undefined],
      [4, 'DA4.TDA1', '1695', '1588', '107'],
      [8, 'DA3.TDA1', '1469', undefined, undefined],
    ]);
  });

  it('reads an amount list under the total and a split in đồng under a triệu amount', () => {
    const text = [
      'Tổng kinh phí: 2.000 triệu đồng, trong đó:',
      '- Dự án 2: 1.500 triệu đồng;',
      '- Tiểu dự án 3 thuộc Dự án 4: 500 triệu đồng (ngân sách địa phương 50.000.000 đồng).',
    ].join('\n');
    const p = readPlan(text);
    expect(p.lines.map((l) => [l.subproject ?? l.project, l.amount, l.local])).toEqual([
      ['DA2', '1500', undefined],
      ['DA4.TDA3', '500', '50'],
    ]);
    expect(p.issues).toEqual([]);
  });

  it('does not take "nguồn kinh phí" or a percentage for an amount', () => {
    const p = readPlan(
      'Nguồn kinh phí: 5 triệu đồng\n1. Dự án 2: …\nKinh phí thực hiện: 100 triệu đồng; ngân sách trung ương 90%.',
    );
    expect(p.lines).toEqual([{ line: 3, project: 'DA2', amount: '100', unit: 'trieu' }]);
  });
});

describe('crossCheckPlan', () => {
  it('Mường Lay: the plan and the annex agree', () => {
    expect(crossCheckPlan(readPlan(MUONG_LAY), muongLayGrid())).toEqual([]);
  });

  it('one annex amount changed gives plan/annex-mismatch at that cell', () => {
    const rows = muongLayRows();
    (rows[8] as CellValue[])[2] = 3100; // C9, Dự án 2
    const issues = crossCheckPlan(readPlan(MUONG_LAY), muongLayGrid(rows));
    expect(issues.map((i) => [i.code, i.cell, i.line, i.expected, i.actual])).toEqual([
      ['plan/annex-mismatch', 'C9', 119, '3154', '3100'],
    ]);
    expect(issues[0]?.message.vi).toContain('Ô C9');
    expect(issues[0]?.message.en).toContain('line 119');
  });

  it('a changed sub-project or NSĐP cell is found at its cell; the total row too', () => {
    const rows = muongLayRows();
    (rows[12] as CellValue[])[4] = 100; // E13: NSĐP of DA4 TDA1
    (rows[7] as CellValue[])[2] = 7600; // C8: total
    const issues = crossCheckPlan(readPlan(MUONG_LAY), muongLayGrid(rows));
    expect(issues.map((i) => [i.code, i.cell, i.line])).toEqual([
      ['plan/annex-mismatch', 'C8', 271],
      ['plan/annex-mismatch', 'E13', 164],
    ]);
  });

  it('converts units: a plan in đồng against an annex in đồng or in triệu đồng', () => {
    const plan = readPlan(BA_TO);
    expect(crossCheckPlan(plan, baToGrid())).toEqual([]);
    const trieu = gridFromRows('PL', [
      ['PHỤ LỤC', null, null],
      [null, null, 'Đơn vị tính: triệu đồng'],
      ['STT', 'Nội dung', 'Kinh phí thực hiện'],
      [null, 'Tổng kinh phí', 2444.7713],
      ['1', 'Tiểu Dự án 2 – Dự án 6: Truyền thông về giảm nghèo đa chiều', 378],
      ['2', 'Tiểu Dự án 1 – Dự án 7: Nâng cao năng lực thực hiện Chương trình', 1470],
      ['3', 'Tiểu Dự án 2 – Dự án 7: Giám sát, đánh giá', 596.7713],
    ]);
    expect(crossCheckPlan(plan, trieu)).toEqual([]);
    (trieu.cells[6] as { value: CellValue }[])[2] = { value: 597.7713 };
    const issues = crossCheckPlan(plan, trieu);
    expect(issues.map((i) => [i.code, i.cell, i.line, i.expected, i.actual])).toContainEqual([
      'plan/annex-mismatch',
      'C7',
      77,
      '596.7713',
      '597.7713',
    ]);
    expect(issues[issues.length - 1]?.message.vi).toContain(
      '596.771.300 đồng (= 596,7713 triệu đồng)',
    );
  });

  it('reports rows missing on either side', () => {
    const rows = muongLayRows().filter((_, i) => i !== 13); // drop DA4 TDA3 (197)
    const issues = crossCheckPlan(readPlan(MUONG_LAY), muongLayGrid(rows));
    expect(issues.map((i) => [i.code, i.line])).toEqual([['plan/missing-in-annex', 185]]);
    const plan = readPlan(BA_TO);
    const extra = crossCheckPlan(plan, muongLayGrid());
    expect(extra.filter((i) => i.code === 'plan/missing-in-plan').map((i) => i.cell)).toEqual([
      'C9',
      'C10',
      'C12',
      'C16',
    ]);
  });

  it('compares with a unit × project matrix through its total row', () => {
    const rows: CellValue[][] = [
      ['PHỤ LỤC SỐ 01'],
      [null, null, null, null, null, 'Đơn vị tính: triệu đồng'],
      ['TT', 'Đơn vị', 'Tổng số', 'Dự án 2', 'Dự án 3 - TDA1', 'Du an 7 - TDA2'],
      ['1', 'Phường Na Lay', 2500, 1800, 600, 100],
      ['2', 'Xã Lay Nưa', 2295, 1354, 869, 72],
      [null, 'Tổng cộng', 4795, 3154, 1469, 172],
    ];
    const text = [
      '1. Dự án 2: …',
      'Kinh phí thực hiện: 3.154 triệu đồng',
      '2. Tiểu dự án 1 – Dự án 3: …',
      'Kinh phí thực hiện: 1.469 triệu đồng',
      '3. Tiểu dự án 2 – Dự án 7: …',
      'Kinh phí thực hiện: 172 triệu đồng',
      'Tổng kinh phí thực hiện: 4.795 triệu đồng',
    ].join('\n');
    expect(crossCheckPlan(readPlan(text), gridFromRows('M', rows))).toEqual([]);
    (rows[5] as CellValue[])[4] = 1496;
    const issues = crossCheckPlan(readPlan(text), gridFromRows('M', rows));
    expect(issues.map((i) => [i.code, i.cell, i.line, i.expected, i.actual])).toEqual([
      ['plan/annex-mismatch', 'E6', 4, '1469', '1496'],
    ]);
  });

  it('a plan without amounts, or a sheet that is no budget annex, says so', () => {
    expect(crossCheckPlan(readPlan(DAK_LAK), muongLayGrid()).map((i) => i.code)).toEqual([
      'plan/missing-in-plan',
    ]);
    const byUnit = gridFromRows('PL', [
      ['PHỤ LỤC', null, null],
      [null, null, 'Đơn vị tính: triệu đồng'],
      ['STT', 'Nội dung', 'Kinh phí thực hiện'],
      [null, 'Tổng kinh phí', 7645],
      ['1', 'Phường Na Lay', 4000],
      ['2', 'Xã Lay Nưa', 3645],
    ]);
    expect(crossCheckPlan(readPlan(MUONG_LAY), byUnit).map((i) => [i.code, i.cell])).toEqual([
      ['plan/missing-in-annex', ''],
    ]);
    const notBudget = gridFromRows('X', [['Hello'], [1, 2]]);
    expect(crossCheckPlan(readPlan(MUONG_LAY), notBudget).map((i) => i.code)).toEqual([
      'header/unknown-layout',
    ]);
  });
});

describe('readPlan properties', () => {
  const fragments = fc.constantFrom(
    'Kinh phí thực hiện: ',
    'Tổng kinh phí thực hiện: ',
    'triệu đồng',
    'tri¢u ddng',
    '1.469',
    '2.444.771.300',
    '5,21%',
    ' từ ',
    ' xuống còn ',
    ' hộ',
    'Ngân sách trung ương: ',
    'Ngan sach dja phuong ',
    '1. Dự án 2: ',
    'Tiểu dự án 1 – Dự án 4',
    'D 4n ',
    '\n',
    '\n\n',
    'IV. KINH PHÍ',
    '(',
    ')',
    ':',
    '%',
  );
  const text = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc
      .array(fc.oneof(fragments, fc.string({ maxLength: 6 })), { maxLength: 60 })
      .map((a) => a.join('')),
  );

  it('never throws on arbitrary text and keeps its shape', () => {
    fc.assert(
      fc.property(text, (s) => {
        const p = readPlan(s);
        expect(Array.isArray(p.lines)).toBe(true);
        expect(p.issues.every((i) => i.line >= 0 && i.code.startsWith('plan/'))).toBe(true);
        for (const l of p.lines) expect(l.amount).toMatch(/^-?\d+(\.\d+)?$/);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on a seed cut at any point', () => {
    fc.assert(
      fc.property(fc.nat(MUONG_LAY.length), fc.nat(MUONG_LAY.length), (a, b) => {
        readPlan(MUONG_LAY.slice(Math.min(a, b), Math.max(a, b)));
      }),
      { numRuns: 100 },
    );
  });
});
