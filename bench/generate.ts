/**
 * Benchmark workbooks: budget-allocation, poverty-target and disbursement annexes of any size,
 * laid out the way offices keep them (title block, merged two-row header, column-index row, TT
 * numbering I / 1 / -, formulas with cached results computed the way Excel does, vi-VN labels).
 * Deterministic: the same rows on every run. Every sheet is clean, so `validateSheet` walks all of
 * it and reports nothing that is an error.
 */
import { romanNumeral, type LayoutId } from '@phuluc/rules';
// exceljs is a dependency of @phuluc/xlsx, not of the workspace root: take it from there.
import { ExcelJS } from '../packages/xlsx/src/index.js';

type Workbook = InstanceType<typeof ExcelJS.Workbook>;
type Worksheet = ReturnType<Workbook['addWorksheet']>;

/** A bench sheet: the two layouts' own annexes, and a disbursement report no layout names. */
export type BenchSheet = 'budget-allocation' | 'poverty-targets' | 'disbursement-report';

/**
 * The layout `validateSheet` must detect on each bench sheet. A disbursement report is read as a
 * budget allocation (its plan columns); the relation engine infers the rest from its headers.
 */
export const SHEET_LAYOUT: Readonly<Record<BenchSheet, LayoutId>> = {
  'budget-allocation': 'budget-allocation',
  'poverty-targets': 'poverty-targets',
  'disbursement-report': 'budget-allocation',
};

const COMMUNES = [
  'Nậm Cản',
  'Mường Lạn',
  'Sìn Thầu',
  'Chung Chải',
  'Leng Su Sìn',
  'Na Cô Sa',
  'Pa Tần',
  'Huổi Lếch',
  'Nà Khoa',
  'Quảng Lâm',
  'Cao Ngọc',
  'Ba Tô',
];
const UNITS = [
  'UBND xã',
  'Phòng Lao động - Thương binh và Xã hội',
  'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên',
  'Phòng Nông nghiệp và Phát triển nông thôn',
];

/** The programme's projects with their sub-projects (names as in the catalogue). */
const PROJECTS: ReadonlyArray<{ n: number; name: string; subs: readonly string[] }> = [
  { n: 2, name: 'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', subs: [] },
  {
    n: 3,
    name: 'Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng',
    subs: ['Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp', 'Cải thiện dinh dưỡng'],
  },
  {
    n: 4,
    name: 'Phát triển giáo dục nghề nghiệp, việc làm bền vững',
    subs: [
      'Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
      'Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng',
      'Hỗ trợ việc làm bền vững',
    ],
  },
  { n: 5, name: 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo', subs: [] },
  {
    n: 6,
    name: 'Truyền thông và giảm nghèo về thông tin',
    subs: ['Giảm nghèo về thông tin', 'Truyền thông về giảm nghèo đa chiều'],
  },
  {
    n: 7,
    name: 'Nâng cao năng lực và giám sát, đánh giá Chương trình',
    subs: ['Nâng cao năng lực thực hiện Chương trình', 'Giám sát, đánh giá'],
  },
];

/** The most groups (I, II, …) a generated sheet has. */
const MAX_GROUPS = 30;

/** A small deterministic generator (LCG), so every run writes the same figures. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Excel adds in IEEE doubles and shows 15 significant digits; keep cached results that way. */
function excelNumber(x: number): number {
  return Number(x.toPrecision(15));
}

/** Round half away from zero at 2 decimals, as Excel's ROUND does on the 15-digit value. */
function round2(x: number): number {
  const scaled = Number((Math.abs(x) * 100).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / 100;
}

/** How many groups (I, II, …) a sheet of `rows` data rows has: two at least, 30 at most (Excel's 8 192-character formulas). */
function groupCount(rows: number): number {
  return Math.max(2, Math.min(MAX_GROUPS, Math.ceil(rows / 3500)));
}

/** Split `n` into `k` near-equal parts. */
function split(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

function titleBlock(
  ws: Worksheet,
  lastCol: string,
  title: string,
  unit: string,
  unitFrom: string,
): void {
  const lines = [
    'PHỤ LỤC SỐ 01',
    title,
    '(Kèm theo Kế hoạch số 125/KH-UBND ngày 01/3/2024 của UBND huyện Mường Tè)',
  ];
  lines.forEach((text, i) => {
    const c = ws.getCell(`A${i + 1}`);
    c.value = text;
    c.font = { bold: i < 2, italic: i === 2, size: 13 };
    c.alignment = { horizontal: 'center', wrapText: true };
    ws.mergeCells(`A${i + 1}:${lastCol}${i + 1}`);
  });
  const u = ws.getCell(`${unitFrom}4`);
  u.value = unit;
  u.font = { italic: true };
  u.alignment = { horizontal: 'right' };
  ws.mergeCells(`${unitFrom}4:${lastCol}4`);
}

function headerCell(ws: Worksheet, addr: string, text: string, range?: string): void {
  const c = ws.getCell(addr);
  c.value = text;
  c.font = { bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (range) ws.mergeCells(range);
}

const MONEY = '#,##0.000';
const COUNT = '#,##0';
const RATE = '0.00';

/**
 * A budget-allocation annex with `rows` data rows: groups I, II, … (plus-chains of their projects),
 * projects 1, 2, … (SUM of their sub-rows), sub-rows "-" (NSTW typed, NSĐP on some rows,
 * total `=D+E`), and a TỔNG CỘNG row at the bottom. Columns: TT, Nội dung, Tổng kinh phí,
 * NSTW, NSĐP, Đơn vị thực hiện, Ghi chú. Amounts in million đồng with up to 3 decimals.
 */
export function budgetWorkbook(rows: number): Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PL01');
  [6, 60, 14, 14, 14, 30, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  titleBlock(
    ws,
    'G',
    'DỰ KIẾN PHÂN BỔ KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024',
    'Đơn vị tính: triệu đồng',
    'E',
  );
  headerCell(ws, 'A5', 'TT', 'A5:A6');
  headerCell(ws, 'B5', 'Nội dung', 'B5:B6');
  headerCell(ws, 'C5', 'Tổng kinh phí', 'C5:C6');
  headerCell(ws, 'D5', 'Nguồn vốn', 'D5:E5');
  headerCell(ws, 'D6', 'NSTW');
  headerCell(ws, 'E6', 'NSĐP');
  headerCell(ws, 'F5', 'Đơn vị thực hiện', 'F5:F6');
  headerCell(ws, 'G5', 'Ghi chú', 'G5:G6');
  ws.addRow(['A', 'B', '1=2+3', '2', '3', '4', '5']);

  const rnd = random(rows);
  const groups = groupCount(rows);
  // Each project has one row and 9 sub-rows; leftovers go to the first projects as extra sub-rows.
  const body = rows - 1 - groups;
  const projects = Math.max(groups, Math.floor(body / 10));
  const subRows = split(body - projects, projects);
  const projectsPerGroup = split(projects, groups);
  let r = 8; // first data row (1-based)
  let p = 0;
  const groupRows: number[] = [];
  const totals = { d: 0, e: 0 };
  for (let g = 0; g < groups; g++) {
    const gRow = r++;
    groupRows.push(gRow);
    ws.getRow(gRow).values = [
      romanNumeral(g + 1),
      `Kinh phí giao ${g % 2 === 0 ? 'UBND các xã' : 'các cơ quan, đơn vị cấp huyện'} thực hiện (đợt ${g + 1})`,
    ];
    const projectRows: number[] = [];
    const gSum = { d: 0, e: 0 };
    for (let j = 0; j < projectsPerGroup[g]!; j++, p++) {
      const proj = PROJECTS[p % PROJECTS.length]!;
      const pRow = r++;
      projectRows.push(pRow);
      const first = r;
      const pSum = { d: 0, e: 0 };
      for (let k = 0; k < subRows[p]!; k++) {
        const row = r++;
        const commune = COMMUNES[(p + k) % COMMUNES.length]!;
        // Every label differs (a work item's number), so nothing is cheaper for being repeated.
        const label = proj.subs.length
          ? `Tiểu dự án ${(k % proj.subs.length) + 1}: ${proj.subs[k % proj.subs.length]} (xã ${commune}, hạng mục ${p + 1}.${k + 1})`
          : `Xã ${commune}: hỗ trợ thôn ${k + 1}, hạng mục ${p + 1}.${k + 1}`;
        const d = Math.round(rnd() * 2_000_000) / 1000 + 50;
        const e = rnd() < 0.3 ? Math.round(rnd() * 300_000) / 1000 : null;
        pSum.d = excelNumber(pSum.d + d);
        pSum.e = excelNumber(pSum.e + (e ?? 0));
        const unit = proj.subs.length ? UNITS[k % UNITS.length]! : `UBND xã ${commune}`;
        const xr = ws.getRow(row);
        xr.values = [
          '-',
          label,
          { formula: `D${row}+E${row}`, result: excelNumber(d + (e ?? 0)) },
          d,
          e,
          unit,
          k % 3 === 0 ? 'Vốn sự nghiệp' : null,
        ];
        for (const c of [3, 4, 5]) xr.getCell(c).numFmt = MONEY;
      }
      const last = r - 1;
      const pr = ws.getRow(pRow);
      pr.values = [
        String(j + 1),
        `Dự án ${proj.n}: ${proj.name}`,
        { formula: `SUM(C${first}:C${last})`, result: excelNumber(pSum.d + pSum.e) },
        { formula: `SUM(D${first}:D${last})`, result: pSum.d },
        { formula: `SUM(E${first}:E${last})`, result: pSum.e },
      ];
      pr.font = { bold: true };
      for (const c of [3, 4, 5]) pr.getCell(c).numFmt = MONEY;
      gSum.d = excelNumber(gSum.d + pSum.d);
      gSum.e = excelNumber(gSum.e + pSum.e);
    }
    const gr = ws.getRow(gRow);
    const refs = (col: string) => projectRows.map((x) => `${col}${x}`).join(',');
    gr.getCell(3).value = { formula: `SUM(${refs('C')})`, result: excelNumber(gSum.d + gSum.e) };
    gr.getCell(4).value = { formula: `SUM(${refs('D')})`, result: gSum.d };
    gr.getCell(5).value = { formula: `SUM(${refs('E')})`, result: gSum.e };
    gr.font = { bold: true };
    for (const c of [3, 4, 5]) gr.getCell(c).numFmt = MONEY;
    totals.d = excelNumber(totals.d + gSum.d);
    totals.e = excelNumber(totals.e + gSum.e);
  }
  const tRow = r;
  const tr = ws.getRow(tRow);
  const chain = (col: string) => groupRows.map((x) => `${col}${x}`).join('+');
  tr.values = [
    null,
    'TỔNG CỘNG',
    { formula: chain('C'), result: excelNumber(totals.d + totals.e) },
    { formula: chain('D'), result: totals.d },
    { formula: chain('E'), result: totals.e },
  ];
  tr.font = { bold: true };
  for (const c of [3, 4, 5]) tr.getCell(c).numFmt = MONEY;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 7 }];
  return wb;
}

interface Counts {
  households: number;
  poor: number;
  near: number;
  poorEnd: number;
}

/** Columns C, D, F, H typed or summed; E, G, I rates `ROUND(x/C*100,2)`; J = D−H; K = E−I. */
function povertyRow(
  ws: Worksheet,
  row: number,
  tt: string | null,
  label: string,
  c: Counts,
  sums?: string[],
): void {
  const e = c.households === 0 ? 0 : round2((c.poor / c.households) * 100);
  const g = c.households === 0 ? 0 : round2((c.near / c.households) * 100);
  const i = c.households === 0 ? 0 : round2((c.poorEnd / c.households) * 100);
  const counted = (col: string, v: number, k: number) =>
    sums ? { formula: sums[k]!.replace(/#/g, col), result: v } : v;
  const x = ws.getRow(row);
  x.values = [
    tt,
    label,
    counted('C', c.households, 0),
    counted('D', c.poor, 1),
    { formula: `ROUND(D${row}/C${row}*100,2)`, result: e },
    counted('F', c.near, 2),
    { formula: `ROUND(F${row}/C${row}*100,2)`, result: g },
    counted('H', c.poorEnd, 3),
    { formula: `ROUND(H${row}/C${row}*100,2)`, result: i },
    { formula: `D${row}-H${row}`, result: excelNumber(c.poor - c.poorEnd) },
    { formula: `E${row}-I${row}`, result: excelNumber(e - i) },
  ];
  for (const col of [3, 4, 6, 8, 10]) x.getCell(col).numFmt = COUNT;
  for (const col of [5, 7, 9, 11]) x.getCell(col).numFmt = RATE;
}

/**
 * A poverty-target annex with `rows` data rows: communes I, II, … (SUM of their villages), villages
 * 1, 2, … with households, poor and near-poor counts and the year-end target, rates and
 * reductions as formulas, and a "Toàn huyện" row at the bottom.
 */
export function povertyWorkbook(rows: number): Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PL02');
  [6, 26, 10, 9, 9, 9, 9, 10, 9, 9, 9, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  titleBlock(ws, 'L', 'GIAO CHỈ TIÊU GIẢM NGHÈO NĂM 2024', 'Đơn vị tính: hộ, %', 'J');
  headerCell(ws, 'A5', 'TT', 'A5:A6');
  headerCell(ws, 'B5', 'Thôn, làng', 'B5:B6');
  headerCell(ws, 'C5', 'Tổng số hộ', 'C5:C6');
  headerCell(ws, 'D5', 'Hộ nghèo đầu năm 2024', 'D5:E5');
  headerCell(ws, 'F5', 'Hộ cận nghèo đầu năm 2024', 'F5:G5');
  headerCell(ws, 'H5', 'Chỉ tiêu cuối năm 2024', 'H5:I5');
  headerCell(ws, 'J5', 'Giảm trong năm', 'J5:K5');
  headerCell(ws, 'L5', 'Ghi chú', 'L5:L6');
  for (const [addr, text] of [
    ['D6', 'Số hộ'],
    ['E6', 'Tỷ lệ (%)'],
    ['F6', 'Số hộ'],
    ['G6', 'Tỷ lệ (%)'],
    ['H6', 'Số hộ nghèo'],
    ['I6', 'Tỷ lệ (%)'],
    ['J6', 'Số hộ'],
    ['K6', 'Tỷ lệ (%)'],
  ] as const)
    headerCell(ws, addr, text);
  ws.addRow(['A', 'B', '1', '2', '3=2/1', '4', '5=4/1', '6', '7=6/1', '8=2-6', '9=3-7', 'C']);

  const rnd = random(rows + 1);
  const communes = groupCount(rows);
  const villages = split(rows - 1 - communes, communes);
  let r = 8;
  const communeRows: number[] = [];
  const total: Counts = { households: 0, poor: 0, near: 0, poorEnd: 0 };
  for (let g = 0; g < communes; g++) {
    const cRow = r++;
    communeRows.push(cRow);
    const first = r;
    const sum: Counts = { households: 0, poor: 0, near: 0, poorEnd: 0 };
    for (let v = 0; v < villages[g]!; v++) {
      const households = 60 + Math.floor(rnd() * 240);
      const poor = Math.floor(households * (0.1 + rnd() * 0.4));
      const near = Math.floor((households - poor) * rnd() * 0.3);
      const poorEnd = poor - Math.floor(poor * rnd() * 0.25);
      const c = { households, poor, near, poorEnd };
      povertyRow(ws, r, String(v + 1), `Bản ${COMMUNES[(g + v) % COMMUNES.length]} ${v + 1}`, c);
      r++;
      for (const k of Object.keys(sum) as Array<keyof Counts>) sum[k] += c[k];
    }
    const last = r - 1;
    povertyRow(
      ws,
      cRow,
      romanNumeral(g + 1),
      `Xã ${COMMUNES[g % COMMUNES.length]}${g >= COMMUNES.length ? ` ${g + 1}` : ''}`,
      sum,
      Array(4).fill(`SUM(#${first}:#${last})`),
    );
    ws.getRow(cRow).font = { bold: true };
    for (const k of Object.keys(total) as Array<keyof Counts>) total[k] += sum[k];
  }
  const chain = communeRows.map((x) => `#${x}`).join('+');
  povertyRow(ws, r, null, 'Toàn huyện', total, Array(4).fill(chain));
  ws.getRow(r).font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 7 }];
  return wb;
}

/** The four amounts of a disbursement row, in thousandths of a million đồng (exact integers). */
interface Disbursed {
  /** Kế hoạch vốn: NSTW, NSĐP. */
  planD: number;
  planE: number;
  /** Giải ngân: NSTW, NSĐP. */
  paidG: number;
  paidH: number;
}

/** ROUND(paid ÷ plan × 100, 2), half up, from thousandths: exact (BigInt), with 2 decimals. */
function rateOf(paid: number, plan: number): number {
  if (plan === 0) return 0;
  const n = BigInt(paid) * 20_000n + BigInt(plan);
  return Number(n / (BigInt(plan) * 2n)) / 100;
}

/**
 * One row of a disbursement report: TT, label, then C–H either typed (`sums` absent: D, E, G, H
 * typed, C `=D+E`, F `=G+H`) or formulas made from `sums` (`#` stands for the column letter),
 * and I `=ROUND(F/C*100,2)`; cached results exact from `x`. Empty NSĐP cells stay empty.
 */
function disbursementRow(
  ws: Worksheet,
  row: number,
  tt: string | null,
  label: string,
  x: Disbursed,
  sums?: string,
): void {
  const m = (milli: number) => milli / 1000;
  const planC = x.planD + x.planE;
  const paidF = x.paidG + x.paidH;
  const cell = (col: string, milli: number, typed: number | null) =>
    sums ? { formula: sums.replace(/#/g, col), result: m(milli) } : typed;
  const xr = ws.getRow(row);
  xr.values = [
    tt,
    label,
    sums ? cell('C', planC, null) : { formula: `D${row}+E${row}`, result: m(planC) },
    cell('D', x.planD, m(x.planD)),
    cell('E', x.planE, x.planE === 0 ? null : m(x.planE)),
    sums ? cell('F', paidF, null) : { formula: `G${row}+H${row}`, result: m(paidF) },
    cell('G', x.paidG, m(x.paidG)),
    cell('H', x.paidH, x.planE === 0 ? null : m(x.paidH)),
    { formula: `ROUND(F${row}/C${row}*100,2)`, result: rateOf(paidF, planC) },
  ];
  for (const c of [3, 4, 5, 6, 7, 8]) xr.getCell(c).numFmt = MONEY;
  xr.getCell(9).numFmt = '#,##0.00';
}

function addDisbursed(to: Disbursed, x: Disbursed): void {
  to.planD += x.planD;
  to.planE += x.planE;
  to.paidG += x.paidG;
  to.paidH += x.paidH;
}

const noDisbursed = (): Disbursed => ({ planD: 0, planE: 0, paidG: 0, paidH: 0 });

/**
 * A disbursement report with `rows` data rows, the plan of the year against what was disbursed
 * by 30/9, by source: A TT | B Nội dung | C–E "Kế hoạch vốn năm 2024" (Tổng số | NSTW | NSĐP) |
 * F–H "Giải ngân đến 30/9/2024" (Tổng số | NSTW | NSĐP) | I "Tỷ lệ giải ngân (%)". Groups I, II,
 * … (SUM of their projects), projects 1, 2, … (SUM of their sub-rows), sub-rows "-" (NSTW typed,
 * NSĐP on some rows, totals `=D+E` and `=G+H`), rates `ROUND(F/C*100,2)` on every row, and a
 * TỔNG CỘNG row at the bottom (plus-chains of the groups). Amounts in million đồng with up to 3
 * decimals; every figure holds exactly (the sums are of thousandths, so no float noise). With
 * `indexRow: false`, no column-index row ("1=2+3", …): the data start right under the header.
 */
export function disbursementWorkbook(rows: number, { indexRow = true } = {}): Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PL01');
  [6, 60, 14, 14, 14, 14, 14, 14, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  titleBlock(
    ws,
    'I',
    'TÌNH HÌNH GIẢI NGÂN VỐN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024',
    'Đơn vị tính: triệu đồng',
    'G',
  );
  headerCell(ws, 'A5', 'TT', 'A5:A6');
  headerCell(ws, 'B5', 'Nội dung', 'B5:B6');
  headerCell(ws, 'C5', 'Kế hoạch vốn năm 2024', 'C5:E5');
  headerCell(ws, 'F5', 'Giải ngân đến 30/9/2024', 'F5:H5');
  headerCell(ws, 'I5', 'Tỷ lệ giải ngân (%)', 'I5:I6');
  for (const [addr, text] of [
    ['C6', 'Tổng số'],
    ['D6', 'NSTW'],
    ['E6', 'NSĐP'],
    ['F6', 'Tổng số'],
    ['G6', 'NSTW'],
    ['H6', 'NSĐP'],
  ] as const)
    headerCell(ws, addr, text);
  if (indexRow) ws.addRow(['A', 'B', '1=2+3', '2', '3', '4=5+6', '5', '6', '7=4/1']);

  const rnd = random(rows + 2);
  const groups = groupCount(rows);
  // As in the budget sheet: each project has one row and 9 sub-rows, leftovers to the first ones.
  const body = rows - 1 - groups;
  const projects = Math.max(groups, Math.floor(body / 10));
  const subRows = split(body - projects, projects);
  const projectsPerGroup = split(projects, groups);
  let r = indexRow ? 8 : 7;
  let p = 0;
  const groupRows: number[] = [];
  const total = noDisbursed();
  for (let g = 0; g < groups; g++) {
    const gRow = r++;
    groupRows.push(gRow);
    const projectRows: number[] = [];
    const gSum = noDisbursed();
    for (let j = 0; j < projectsPerGroup[g]!; j++, p++) {
      const proj = PROJECTS[p % PROJECTS.length]!;
      const pRow = r++;
      projectRows.push(pRow);
      const first = r;
      const pSum = noDisbursed();
      for (let k = 0; k < subRows[p]!; k++) {
        const commune = COMMUNES[(p + k) % COMMUNES.length]!;
        const label = proj.subs.length
          ? `Tiểu dự án ${(k % proj.subs.length) + 1}: ${proj.subs[k % proj.subs.length]} (xã ${commune}, hạng mục ${p + 1}.${k + 1})`
          : `Xã ${commune}: hỗ trợ thôn ${k + 1}, hạng mục ${p + 1}.${k + 1}`;
        const planD = Math.round(rnd() * 2_000_000) + 50_000;
        const planE = rnd() < 0.3 ? Math.round(rnd() * 300_000) + 1 : 0;
        // One row in twenty has disbursed nothing yet; the others 15–100 % of each source.
        const idle = rnd() < 0.05;
        const paidG = idle ? 0 : Math.round(planD * (0.15 + rnd() * 0.85));
        const paidH = idle || planE === 0 ? 0 : Math.round(planE * rnd());
        const x = { planD, planE, paidG, paidH };
        disbursementRow(ws, r++, '-', label, x);
        addDisbursed(pSum, x);
      }
      const last = r - 1;
      disbursementRow(
        ws,
        pRow,
        String(j + 1),
        `Dự án ${proj.n}: ${proj.name}`,
        pSum,
        `SUM(#${first}:#${last})`,
      );
      ws.getRow(pRow).font = { bold: true };
      addDisbursed(gSum, pSum);
    }
    disbursementRow(
      ws,
      gRow,
      romanNumeral(g + 1),
      `Vốn giao ${g % 2 === 0 ? 'UBND các xã' : 'các cơ quan, đơn vị cấp huyện'} thực hiện (đợt ${g + 1})`,
      gSum,
      `SUM(${projectRows.map((x) => `#${x}`).join(',')})`,
    );
    ws.getRow(gRow).font = { bold: true };
    addDisbursed(total, gSum);
  }
  disbursementRow(ws, r, null, 'TỔNG CỘNG', total, groupRows.map((x) => `#${x}`).join('+'));
  ws.getRow(r).font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: indexRow ? 7 : 6 }];
  return wb;
}

/** The workbook of a bench sheet with `rows` data rows (group, project, sub-rows and the total row all count). */
export function benchWorkbook(sheet: BenchSheet, rows: number): Workbook {
  switch (sheet) {
    case 'budget-allocation':
      return budgetWorkbook(rows);
    case 'poverty-targets':
      return povertyWorkbook(rows);
    case 'disbursement-report':
      return disbursementWorkbook(rows);
  }
}
