import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyGrid } from '../__fixtures__/arbitraries.js';
import { muongLayGrid, muongLayRows } from '../__fixtures__/muong-lay.js';
import {
  baToGrid,
  caoNgocGrid,
  caoNgocRows,
  povertyHeader,
  serviceRows,
} from '../__fixtures__/seeds.js';
import { detectLayout } from '../annex/detect.js';
import { gridFromRows } from '../grid/grid.js';
import type { Cell, CellValue, Grid } from '../grid/types.js';
import * as reference from './__fixtures__/formulas-reference.js';
import * as current from './formulas.js';
import { buildModel } from './model.js';
import type { Issue } from './types.js';

type Row = (CellValue | Cell | undefined)[];
type Check = (m: ReturnType<typeof buildModel>, issues: Issue[]) => void;

/**
 * The current formula checks give what the pre-optimisation ones gave: same issues, same order —
 * all of them together, and each on its own (then it reads the sheet itself). Each runs on a model
 * of its own. The issues, or null when no layout fits the sheet.
 */
function expectSameIssues(grid: Grid): Issue[] | null {
  const detection = detectLayout(grid);
  if (!detection.fit) return null;
  const run = (check: Check) => {
    const issues: Issue[] = [];
    check(buildModel(grid, detection, {}, []), issues);
    return issues;
  };
  const expected = run(reference.checkFormulasReference);
  expect(run(current.checkFormulas)).toEqual(expected);
  for (const name of [
    'checkExternalRefs',
    'checkOmittedRows',
    'checkHardcodedTotals',
    'checkInconsistentFormulas',
  ] as const)
    expect(run(current[name])).toEqual(run(reference[name]));
  return expected;
}

const A = (col: number) => String.fromCharCode(65 + col);

/**
 * Ways to write a formula wrong, or oddly: each takes the right formula's parts (a function, the
 * referenced cells) and gives another formula, or a typed number. Some are harmless spellings
 * (lower case, spaces, `=`), some are the mistakes the checks look for.
 */
type Fn = 'SUM' | 'PLUS' | 'MINUS';
type Mistake = (refs: readonly string[], fn: Fn, row: number) => string | number;
const write = (refs: readonly string[], fn: Fn) =>
  fn === 'SUM' ? `SUM(${refs.join(',')})` : refs.join(fn === 'PLUS' ? '+' : '-');
const MISTAKES: readonly Mistake[] = [
  (refs, fn) => write(refs.slice(1), fn), // leaves out the first
  (refs, fn) => write(refs.slice(0, -1), fn), // leaves out the last
  (refs, fn, row) => write([...refs, `C${row + 2}`], fn), // adds a row below (a grandchild?)
  (refs, fn) => write([...refs, refs[0] ?? 'C1'], fn), // adds one twice
  () => 1234, // typed total
  (refs, fn) => write(refs, fn).toLowerCase(),
  (refs, fn) => ` ${write(refs, fn).replace(/([,+])/g, ' $1 ')} `,
  (refs, fn) => `=${write(refs, fn)}`,
  (refs, fn) =>
    write(
      refs.map((r) => r.replace(/([A-Z]+)(\d+)/, '$$$1$$$2')),
      fn,
    ), // anchored
  (refs, fn) =>
    write(
      refs.map((r) => `PL01!${r}`),
      fn,
    ), // another sheet
  (refs, fn) =>
    write(
      refs.map((r) => `[Book.xlsx]PL01!${r}`),
      fn,
    ), // another workbook
  (refs, fn) => `'[1]Kế hoạch'!C9+${write(refs, fn)}`,
  (refs, fn) => `IF("A1"="A1",${write(refs, fn)},0)`, // cell-like text in a string
  (refs, fn) => `${write(refs, fn)}+LOG10(1)`, // a function that looks like a reference
  (refs) => `SUM(${refs[refs.length - 1] ?? 'C1'}:${refs[0] ?? 'C1'})`, // a range, backwards
  (refs) => `SUM(${refs[0] ?? 'C1'}:${refs[refs.length - 1] ?? 'C1'})`, // a range over all
  (refs, fn) => `ROUND(${write(refs, fn)},0)`,
  (refs, fn) => `${write(refs, fn)}*1`,
  (refs, fn) => `-${write(refs, fn)}`,
  (refs, fn) => write(refs, fn === 'SUM' ? 'PLUS' : 'SUM'),
  (refs) => `SUM(${(refs[0] ?? 'C1').replace(/^[A-Z]+/, 'B')}:${refs[0] ?? 'C1'})`, // two columns
  () => 'SUM()',
  () => '',
  () => '#REF!+1',
];

/** Whether to plant a mistake in a formula (and which), or write it right (more often). */
const mistake = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.constantFrom(...MISTAKES), weight: 1 },
);

/** A formula cell: the right formula, or a planted mistake; its cached value is `value`. */
function formulaCell(
  refs: readonly string[],
  fn: Fn,
  row: number,
  value: number,
  wrong: Mistake | null,
): Cell | number {
  const f = wrong ? wrong(refs, fn, row) : write(refs, fn);
  return typeof f === 'number' ? f : { value, formula: f };
}

/**
 * A budget annex (TT, Nội dung, Tổng số, NSTW, NSĐP): projects with or without sub-items, a
 * "Trong đó" block now and then, the total first or last; sums and cross-foot totals as formulas,
 * a few of them planted with mistakes.
 */
const budgetSheet = fc
  .record({
    projects: fc.array(
      fc.record({
        leaves: fc.integer({ min: 0, max: 4 }),
        ofWhich: fc.boolean(),
        sumAsRange: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    totalFirst: fc.boolean(),
    totalAsSum: fc.boolean(),
    mistakes: fc.array(mistake, { minLength: 60, maxLength: 60 }),
  })
  .map(({ projects, totalFirst, totalAsSum, mistakes }) => {
    let planted = 0;
    const next = () => mistakes[planted++ % mistakes.length] ?? null;
    const header: Row[] = [
      ['Đơn vị tính: triệu đồng'],
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
    ];
    const body: Row[] = [];
    const first = header.length + (totalFirst ? 1 : 0);
    const projectRows: number[] = [];
    projects.forEach((p, k) => {
      const row = first + body.length;
      projectRows.push(row);
      const leafRows = Array.from({ length: p.leaves }, (_, j) => row + 1 + j);
      const cells: Row = [String(k + 1), `Dự án ${k + 2}`];
      for (const col of [2, 3, 4]) {
        if (leafRows.length === 0)
          cells[col] =
            col === 2 ? formulaCell([`D${row + 1}`, `E${row + 1}`], 'PLUS', row, 30, next()) : 15;
        else {
          const refs = p.sumAsRange
            ? [
                `${A(col)}${(leafRows[0] as number) + 1}:${A(col)}${(leafRows.at(-1) as number) + 1}`,
              ]
            : leafRows.map((r) => `${A(col)}${r + 1}`);
          cells[col] = formulaCell(refs, 'SUM', row, 10 * leafRows.length, next());
        }
      }
      body.push(cells);
      for (const r of leafRows)
        body.push([
          '-',
          'Nội dung chi',
          formulaCell([`D${r + 1}`, `E${r + 1}`], 'PLUS', r, 10, next()),
          6,
          4,
        ]);
      if (p.ofWhich) {
        body.push([null, 'Trong đó:', null, null, null]);
        body.push(['-', 'Vốn sự nghiệp', 3, 3, null]);
      }
    });
    const totalRow = totalFirst ? header.length : first + body.length;
    const total: Row = [null, 'Tổng cộng'];
    for (const col of [2, 3, 4])
      total[col] = formulaCell(
        projectRows.map((r) => `${A(col)}${r + 1}`),
        totalAsSum ? 'SUM' : 'PLUS',
        totalRow,
        100,
        next(),
      );
    return gridFromRows('PL01', [...header, ...(totalFirst ? [total, ...body] : [...body, total])]);
  });

/**
 * A poverty-target annex: villages (optionally grouped by commune) with households and poor
 * households typed, rates and reductions as formulas, sums of groups and of the whole; a few
 * formulas planted with mistakes.
 */
const povertySheet = fc
  .record({
    groups: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    grouped: fc.boolean(),
    mistakes: fc.array(mistake, { minLength: 80, maxLength: 80 }),
  })
  .map(({ groups, grouped, mistakes }) => {
    let planted = 0;
    const next = () => mistakes[planted++ % mistakes.length] ?? null;
    const header: Row[] = [['CHỈ TIÊU GIẢM NGHÈO NĂM 2024'], ...povertyHeader()];
    const rows: Row[] = [...header];
    const rate = (count: string, r: number, wrong: Mistake | null): Cell | number => {
      const right = `ROUND(${count}${r + 1}/C${r + 1}*100,2)`;
      const f = wrong ? wrong([`${count}${r + 1}`, `C${r + 1}`], 'MINUS', r) : right;
      return typeof f === 'number' ? f : { value: 12.5, formula: f };
    };
    const villageRows = (count: number) => {
      const out: number[] = [];
      for (let v = 0; v < count; v++) {
        const r = rows.length;
        out.push(r);
        rows.push([
          String(v + 1),
          `Thôn ${v + 1}`,
          200,
          40,
          rate('D', r, next()),
          30,
          rate('F', r, next()),
          formulaCell([`D${r + 1}`, `F${r + 1}`], 'MINUS', r, 10, next()),
          formulaCell([`E${r + 1}`, `G${r + 1}`], 'MINUS', r, 5, next()),
        ]);
      }
      return out;
    };
    const sums = (r: number, parts: readonly number[]): Row => {
      const cells: Row = [];
      for (const col of [2, 3, 5, 7])
        cells[col] = formulaCell(
          parts.map((p) => `${A(col)}${p + 1}`),
          'SUM',
          r,
          100,
          next(),
        );
      cells[4] = rate('D', r, next());
      cells[6] = rate('F', r, next());
      cells[8] = formulaCell([`E${r + 1}`, `G${r + 1}`], 'MINUS', r, 5, next());
      return cells;
    };
    const parts: number[] = [];
    groups.forEach((count, g) => {
      if (!grouped) {
        parts.push(...villageRows(count));
        return;
      }
      const r = rows.length;
      rows.push([]);
      const villages = villageRows(count);
      rows[r] = [['I', 'II', 'III'][g], `Xã ${g + 1}`, ...sums(r, villages).slice(2)];
      parts.push(r);
    });
    const r = rows.length;
    rows.push([null, 'Tổng cộng', ...sums(r, parts).slice(2)]);
    return gridFromRows('PL02', rows, [
      { top: 1, left: 3, bottom: 1, right: 4 },
      { top: 1, left: 5, bottom: 1, right: 6 },
      { top: 1, left: 7, bottom: 1, right: 8 },
    ]);
  });

/** Formula-like text of any kind, to put anywhere in a sheet that has a layout. */
const oddFormula = fc
  .array(
    fc.constantFrom(
      'C9',
      'D10',
      '$E$11',
      'C9:C12',
      'C12:C9',
      'SUM(',
      'sum(',
      'ROUND(',
      'LOG10(',
      ')',
      ',',
      ';',
      '+',
      '-',
      '*',
      '/',
      ' ',
      '"A1"',
      'PL01!',
      '[Book.xlsx]S!',
      "'Kế hoạch'!",
      '#REF!',
      '1.5',
      '100',
      '%',
      '=',
      'A1B',
      'TRUE',
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((xs) => xs.join(''));

/** Mường Lay with formulas where an office puts them, and random cells overwritten with odd formulas. */
const muongLayEdited = fc
  .array(
    fc.tuple(
      fc.integer({ min: 7, max: 19 }),
      fc.integer({ min: 2, max: 4 }),
      fc.oneof(oddFormula, fc.constantFrom('D9+E9', 'SUM(D13:D14)', 'D16+D16-D16+E16')),
    ),
    { maxLength: 6 },
  )
  .map((edits) => {
    const rows = muongLayRows();
    const f = (r: number, c: number, formula: string) => {
      const row = rows[r] as Row;
      row[c] = { value: (row[c] as CellValue) ?? 0, formula };
    };
    for (let r = 8; r < 20; r++) f(r, 2, `D${r + 1}+E${r + 1}`);
    f(11, 3, 'SUM(D13:D14)');
    f(11, 4, 'SUM(E13:E14)');
    f(9, 3, 'SUM(D11)');
    f(14, 3, 'SUM(D16:D17)');
    f(17, 3, 'SUM(D19:D20)');
    for (const [c, l] of [
      [2, 'C'],
      [3, 'D'],
      [4, 'E'],
    ] as const)
      f(7, c, `${l}9+${l}10+${l}12+${l}15+${l}18`);
    for (const [r, c, formula] of edits) f(r, c, formula);
    return muongLayGrid(rows);
  });

describe('formula checks: the same issues as before their speed-up', () => {
  it('on the sheets of the tests', () => {
    for (const grid of [
      muongLayGrid(),
      caoNgocGrid(),
      baToGrid(),
      gridFromRows('PL03', serviceRows()),
      caoNgocGrid(
        caoNgocRows().map((row, r) =>
          r < 5
            ? row
            : row.map((v, c) =>
                c === 4
                  ? { value: v as CellValue, formula: `ROUND(D${r + 1}/C${r + 1}*100,2)` }
                  : v,
              ),
        ),
      ),
    ])
      expectSameIssues(grid);
  });

  it('on budget annexes with mistakes planted in their formulas', () => {
    let flagged = 0;
    fc.assert(
      fc.property(budgetSheet, (grid) => {
        if (expectSameIssues(grid)?.length) flagged++;
      }),
      { numRuns: 400 },
    );
    // The planted mistakes do get reported: the comparison is not between two empty lists.
    expect(flagged).toBeGreaterThan(100);
  });

  it('on poverty-target annexes with mistakes planted in their formulas', () => {
    let flagged = 0;
    fc.assert(
      fc.property(povertySheet, (grid) => {
        if (expectSameIssues(grid)?.length) flagged++;
      }),
      { numRuns: 200 },
    );
    expect(flagged).toBeGreaterThan(50);
  });

  it('on Mường Lay with odd formulas written over its cells', () => {
    fc.assert(
      fc.property(muongLayEdited, (grid) => {
        expectSameIssues(grid);
      }),
      { numRuns: 300 },
    );
  });

  it('on any grid', () => {
    fc.assert(
      fc.property(anyGrid, (grid) => {
        expectSameIssues(grid);
      }),
      { numRuns: 300 },
    );
  });

  it('on a long sheet, where the fast paths do the work', () => {
    const rows: Row[] = [
      ['Đơn vị tính: triệu đồng'],
      ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP'],
    ];
    const projects: number[] = [];
    for (let p = 0; p < 60; p++) {
      const r = rows.length;
      projects.push(r);
      rows.push([
        String(p + 1),
        `Dự án ${p + 1}`,
        ...[2, 3, 4].map((c) => ({ value: 30, formula: `SUM(${A(c)}${r + 2}:${A(c)}${r + 4})` })),
      ]);
      for (let k = 1; k <= 3; k++) {
        const formula =
          p === 17 && k === 2 ? `D${r + k + 1}+D${r + k + 1}` : `D${r + k + 1}+E${r + k + 1}`;
        rows.push(['-', 'Nội dung chi', { value: 10, formula }, 6, 4]);
      }
    }
    const total = rows.length;
    rows.push([
      null,
      'Tổng cộng',
      ...[2, 3, 4].map((c) => ({
        value: 1800,
        formula: projects.map((r) => `${A(c)}${r + 1}`).join('+'),
      })),
    ]);
    // Project 41 leaves its last item out; the total has a typed figure in NSĐP.
    (rows[projects[40] as number] as Row)[3] = {
      value: 20,
      formula: `SUM(D${(projects[40] as number) + 2}:D${(projects[40] as number) + 3})`,
    };
    (rows[total] as Row)[4] = 240;
    const issues = expectSameIssues(gridFromRows('PL01', rows));
    expect(issues?.map((i) => `${i.cell} ${i.code}`)).toEqual(
      expect.arrayContaining([
        'D163 formula/omits-row',
        'E243 formula/hardcoded-total',
        'C73 formula/inconsistent',
      ]),
    );
  });
});
