/**
 * Build the example workbooks in this folder: annexes as offices keep them (title block, merged
 * two-row headers, a column-index row, TT numbering I / 1 / a / -, totals with formulas and
 * cached results). Deterministic: the same cells, styles and properties on every run.
 *
 *   node --import tsx examples/build-examples.ts          # writes examples/*.xlsx
 *
 * Figures come from the seed plans (see examples/README.md); the dirty workbook's mistakes are
 * planted on purpose and listed there.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// exceljs is a dependency of @phuluc/xlsx, not of the workspace root: take it from there.
import { ExcelJS } from '../packages/xlsx/src/index.js';

type Workbook = InstanceType<typeof ExcelJS.Workbook>;
type Worksheet = ReturnType<Workbook['addWorksheet']>;
type Value = string | number | null;

/** One example workbook: its file name and how to build it. */
export interface Example {
  readonly file: string;
  readonly build: () => Workbook;
}

/** The font and the thin box border of every example's cells. */
export const FONT = 'Times New Roman';
const PLAN_DATE = new Date(Date.UTC(2024, 2, 1));
const THIN = { style: 'thin' as const };
export const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

// ---------------------------------------------------------------------------------------------
// Small helpers: cells, styles, and formulas whose cached results we compute the way Excel does.

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A column's number from its letters ("C" → 3). */
export function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function newWorkbook(creator: string): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = PLAN_DATE;
  wb.modified = PLAN_DATE;
  return wb;
}

function newSheet(wb: Workbook, name: string, widths: number[]): Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    properties: { defaultRowHeight: 18 },
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  box?: boolean;
  numFmt?: string;
}

function style(ws: Worksheet, addr: string, look: Look): void {
  const c = ws.getCell(addr);
  c.font = {
    name: FONT,
    size: look.size ?? 12,
    bold: look.bold ?? false,
    italic: look.italic ?? false,
  };
  c.alignment = {
    vertical: 'middle',
    horizontal: look.align ?? 'left',
    wrapText: look.wrap ?? false,
  };
  if (look.box) c.border = BOX;
  if (look.numFmt) c.numFmt = look.numFmt;
}

function put(ws: Worksheet, addr: string, value: Value, look: Look = {}): void {
  ws.getCell(addr).value = value;
  style(ws, addr, look);
}

function merge(ws: Worksheet, range: string, value: Value, look: Look = {}): void {
  const [first] = range.split(':');
  put(ws, first!, value, look);
  if (look.box) {
    // Borders on every covered cell, or Excel draws a broken frame.
    const [a, b] = range.split(':') as [string, string];
    const [, c1, r1] = /([A-Z]+)(\d+)/.exec(a)!;
    const [, c2, r2] = /([A-Z]+)(\d+)/.exec(b)!;
    for (let r = Number(r1); r <= Number(r2); r++) {
      for (let c = colNumber(c1!); c <= colNumber(c2!); c++) style(ws, `${colLetter(c)}${r}`, look);
    }
  }
  ws.mergeCells(range);
}

/** The number a cell holds for Excel arithmetic: its value or its formula's cached result. */
function numberIn(ws: Worksheet, addr: string, coerceText: boolean): number {
  const c = ws.getCell(addr);
  const v = c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
  if (typeof v === 'number') return v;
  // `=A1+B1` reads a number typed as text ("522"); SUM skips it.
  if (coerceText && typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return 0;
}

function expand(ref: string): string[] {
  const [a, b = a] = ref.split(':') as [string, string?];
  const [, c1, r1] = /([A-Z]+)(\d+)/.exec(a)!;
  const [, c2, r2] = /([A-Z]+)(\d+)/.exec(b!)!;
  const out: string[] = [];
  for (let r = Number(r1); r <= Number(r2); r++) {
    for (let c = colNumber(c1!); c <= colNumber(c2!); c++) out.push(`${colLetter(c)}${r}`);
  }
  return out;
}

/** Excel adds in IEEE doubles and shows 15 significant digits; keep the cached result that way. */
function excelNumber(x: number): number {
  return Number(x.toPrecision(15));
}

/** `=SUM(ranges)` with its cached result (text skipped, as Excel's SUM does). */
function sum(ws: Worksheet, addr: string, ranges: string[], look: Look): void {
  const result = excelNumber(
    ranges.flatMap(expand).reduce((s, a) => s + numberIn(ws, a, false), 0),
  );
  ws.getCell(addr).value = { formula: `SUM(${ranges.join(',')})`, result };
  style(ws, addr, look);
}

/** `=A+B+C` with its cached result (numbers typed as text coerced, as Excel's + does). */
function plus(ws: Worksheet, addr: string, cells: string[], look: Look): void {
  const result = excelNumber(cells.reduce((s, a) => s + numberIn(ws, a, true), 0));
  ws.getCell(addr).value = { formula: cells.join('+'), result };
  style(ws, addr, look);
}

/** `=A-B` with its cached result. */
function minus(ws: Worksheet, addr: string, a: string, b: string, look: Look): void {
  const result = excelNumber(numberIn(ws, a, true) - numberIn(ws, b, true));
  ws.getCell(addr).value = { formula: `${a}-${b}`, result };
  style(ws, addr, look);
}

/** Round half away from zero at 2 decimals, as Excel's ROUND does on the 15-digit value. */
function round2(x: number): number {
  const scaled = Number((Math.abs(x) * 100).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / 100;
}

/** `=ROUND(count/base*100,2)` with its cached result. */
function rate(ws: Worksheet, addr: string, count: string, base: string, look: Look): void {
  const b = numberIn(ws, base, false);
  const result = b === 0 ? 0 : round2((numberIn(ws, count, false) / b) * 100);
  ws.getCell(addr).value = { formula: `ROUND(${count}/${base}*100,2)`, result };
  style(ws, addr, look);
}

/** The title block: annex number, title, "(Kèm theo …)", and the italic unit line top right. */
function titleBlock(
  ws: Worksheet,
  lastCol: string,
  lines: { annex: string; title: string[]; attached: string; unit: string; unitRange: string },
): number {
  let row = 1;
  merge(ws, `A${row}:${lastCol}${row}`, lines.annex, { bold: true, size: 13, align: 'center' });
  row++;
  for (const t of lines.title) {
    merge(ws, `A${row}:${lastCol}${row}`, t, { bold: true, size: 13, align: 'center', wrap: true });
    ws.getRow(row).height = 20;
    row++;
  }
  merge(ws, `A${row}:${lastCol}${row}`, lines.attached, { italic: true, align: 'center' });
  row++;
  merge(ws, lines.unitRange.replace(/\{r\}/g, String(row)), lines.unit, {
    italic: true,
    align: 'right',
  });
  return row + 1;
}

function indexRow(ws: Worksheet, row: number, labels: string[]): void {
  labels.forEach((label, i) =>
    put(ws, `${colLetter(i + 1)}${row}`, label, {
      italic: true,
      align: 'center',
      box: true,
      size: 11,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Mường Lay 2024: budget by project (seed 000), triệu đồng.

interface BudgetLine {
  tt: string;
  label: string;
  nstw?: number | string;
  nsdp?: number;
  /** Type the total by hand instead of `=D+E` (a planted mistake when it is wrong). */
  typedTotal?: number;
  unit?: string;
  note?: string;
}

interface BudgetGroup {
  tt: string;
  label: string;
  projects: { tt: string; label: string; lines: BudgetLine[]; single?: BudgetLine }[];
  /** Type the group's totals by hand (C and D), e.g. a total that forgot a project. */
  typed?: { total: number; nstw: number };
}

const DVTH_XA = 'UBND các xã, phường';
const DVTH_LDTBXH = 'Phòng Lao động - Thương binh và Xã hội';

function muongLayGroups(dirty: boolean): BudgetGroup[] {
  return [
    {
      tt: 'I',
      label: 'Kinh phí giao UBND các xã, phường thực hiện',
      ...(dirty ? { typed: { total: 3154, nstw: 3154 } } : {}),
      projects: [
        {
          tt: '1',
          label: 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo',
          lines: [],
          single: { tt: '', label: '', nstw: 3154, unit: DVTH_XA, note: 'Vốn sự nghiệp' },
        },
        {
          tt: '2',
          label: 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng',
          lines: [
            {
              tt: '-',
              label: 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp',
              nstw: 1469,
              unit: DVTH_XA,
              note: 'Vốn sự nghiệp',
            },
          ],
        },
      ],
    },
    {
      tt: 'II',
      label: 'Kinh phí giao các cơ quan, đơn vị cấp thị xã thực hiện',
      projects: [
        {
          tt: '1',
          label: 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững',
          lines: [
            {
              tt: 'a',
              label: 'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
              nstw: 1588,
              nsdp: 107,
              ...(dirty ? { typedTotal: 1659 } : {}),
              unit: 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên',
              note: 'NSĐP: vốn đối ứng của thị xã',
            },
            {
              tt: 'b',
              label: dirty
                ? 'Tiểu dự án 2: Hỗ trợ việc làm bền vững'
                : 'Tiểu dự án 3: Hỗ trợ việc làm bền vững',
              nstw: 197,
              unit: DVTH_LDTBXH,
              note: 'Vốn sự nghiệp',
            },
          ],
        },
        {
          tt: '2',
          label: 'Dự án 6: Truyền thông và giảm nghèo về thông tin',
          lines: [
            {
              tt: 'a',
              label: 'Tiểu dự án 1: Giảm nghèo về thông tin',
              nstw: dirty ? '522' : 522,
              unit: 'Trung tâm Văn hóa - Truyền thanh - Truyền hình',
              note: 'Vốn sự nghiệp',
            },
            {
              tt: 'b',
              label: 'Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều',
              nstw: 148,
              unit: 'Trung tâm Văn hóa - Truyền thanh - Truyền hình',
              note: 'Vốn sự nghiệp',
            },
          ],
        },
        {
          tt: '3',
          label: 'Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình',
          lines: [
            {
              tt: 'a',
              label: 'Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình',
              nstw: 288,
              unit: DVTH_LDTBXH,
              note: 'Vốn sự nghiệp',
            },
            {
              tt: 'b',
              label: 'Tiểu dự án 2: Giám sát, đánh giá',
              nstw: dirty ? 172_000_000 : 172,
              ...(dirty ? { typedTotal: 172_000_000 } : {}),
              unit: `${DVTH_LDTBXH} và UBND các xã, phường`,
              note: 'Vốn sự nghiệp',
            },
          ],
        },
      ],
    },
  ];
}

const MONEY = '#,##0';

function muongLayBudgetSheet(wb: Workbook, dirty: boolean): void {
  const ws = newSheet(wb, 'PL01', [6, 58, 13, 13, 11, 30, 20]);
  let row = titleBlock(ws, 'G', {
    annex: 'PHỤ LỤC SỐ 01',
    title: [
      'DỰ KIẾN PHÂN BỔ KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024',
    ],
    attached: '(Kèm theo Kế hoạch số 444/KH-UBND ngày 01/3/2024 của UBND thị xã Mường Lay)',
    unit: 'Đơn vị tính: triệu đồng',
    unitRange: 'E{r}:G{r}',
  });
  const h1 = row;
  const h2 = row + 1;
  const head: Look = { bold: true, align: 'center', wrap: true, box: true };
  merge(ws, `A${h1}:A${h2}`, 'TT', head);
  merge(ws, `B${h1}:B${h2}`, 'Nội dung', head);
  merge(ws, `C${h1}:C${h2}`, 'Tổng kinh phí', head);
  merge(ws, `D${h1}:E${h1}`, 'Nguồn vốn', head);
  put(ws, `D${h2}`, 'NSTW', head);
  put(ws, `E${h2}`, 'NSĐP', head);
  merge(ws, `F${h1}:F${h2}`, 'Đơn vị thực hiện', head);
  merge(ws, `G${h1}:G${h2}`, 'Ghi chú', head);
  ws.getRow(h2).height = 22;
  indexRow(ws, h2 + 1, ['A', 'B', '1=2+3', '2', '3', '4', '5']);
  row = h2 + 2;

  const bold: Look = { bold: true, box: true };
  const boldMoney: Look = { ...bold, numFmt: MONEY, align: 'right' };
  const plain: Look = { box: true, wrap: true };
  const money: Look = { box: true, numFmt: MONEY, align: 'right' };
  const italicMoney: Look = { ...money, bold: false };

  const totalRow = row++;
  const groupRows: number[] = [];
  // Children are written before their parents, so every formula's cached result can be computed.
  for (const group of muongLayGroups(dirty)) {
    const gRow = row++;
    groupRows.push(gRow);
    put(ws, `A${gRow}`, group.tt, { ...bold, align: 'center' });
    put(ws, `B${gRow}`, group.label, { ...bold, wrap: true });
    put(ws, `F${gRow}`, null, bold);
    put(ws, `G${gRow}`, null, bold);
    const projectRows: number[] = [];
    for (const project of group.projects) {
      const pRow = row++;
      projectRows.push(pRow);
      put(ws, `A${pRow}`, project.tt, { ...bold, align: 'center' });
      put(ws, `B${pRow}`, project.label, { ...bold, wrap: true });
      if (project.single) {
        const l = project.single;
        put(ws, `D${pRow}`, l.nstw ?? null, { ...money, bold: true });
        put(ws, `E${pRow}`, l.nsdp ?? null, { ...money, bold: true });
        plus(ws, `C${pRow}`, [`D${pRow}`, `E${pRow}`], boldMoney);
        put(ws, `F${pRow}`, l.unit ?? null, plain);
        put(ws, `G${pRow}`, l.note ?? null, plain);
        continue;
      }
      const first = row;
      for (const l of project.lines) {
        const r = row++;
        put(ws, `A${r}`, l.tt, { box: true, align: 'center' });
        put(ws, `B${r}`, l.label, plain);
        put(ws, `D${r}`, l.nstw ?? null, italicMoney);
        put(ws, `E${r}`, l.nsdp ?? null, italicMoney);
        if (l.typedTotal !== undefined) put(ws, `C${r}`, l.typedTotal, money);
        else plus(ws, `C${r}`, [`D${r}`, `E${r}`], money);
        put(ws, `F${r}`, l.unit ?? null, plain);
        put(ws, `G${r}`, l.note ?? null, plain);
      }
      const last = row - 1;
      for (const col of ['D', 'E', 'C']) {
        const cells = Array.from({ length: last - first + 1 }, (_, i) => `${col}${first + i}`);
        // Offices mix styles: a SUM over the range, or a chain of + (which also reads numbers typed as text).
        if (project.lines.length > 1) plus(ws, `${col}${pRow}`, cells, boldMoney);
        else sum(ws, `${col}${pRow}`, [`${col}${first}:${col}${last}`], boldMoney);
      }
      put(ws, `F${pRow}`, null, plain);
      put(ws, `G${pRow}`, null, plain);
    }
    const typed = group.typed;
    if (typed) {
      put(ws, `D${gRow}`, typed.nstw, boldMoney);
      put(ws, `E${gRow}`, null, boldMoney);
      put(ws, `C${gRow}`, typed.total, boldMoney);
    } else {
      for (const col of ['D', 'E', 'C'])
        plus(
          ws,
          `${col}${gRow}`,
          projectRows.map((r) => `${col}${r}`),
          boldMoney,
        );
    }
  }
  put(ws, `A${totalRow}`, null, bold);
  put(ws, `B${totalRow}`, 'TỔNG CỘNG', { ...bold, align: 'center' });
  for (const col of ['D', 'E', 'C'])
    plus(
      ws,
      `${col}${totalRow}`,
      groupRows.map((r) => `${col}${r}`),
      boldMoney,
    );
  put(ws, `F${totalRow}`, null, bold);
  put(ws, `G${totalRow}`, null, bold);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: h2 + 1 }];

  const after = row + 1;
  put(ws, `B${after}`, 'Ghi chú: Toàn bộ kinh phí ngân sách trung ương là vốn sự nghiệp.', {
    italic: true,
  });
}

// ---------------------------------------------------------------------------------------------
// Mường Lay 2024: basic-social-service targets (seed 000).

interface Target {
  tt: string;
  label: string;
  unit?: string;
  baseline?: number;
  target?: number | string;
}

function muongLayServiceRows(dirty: boolean): Target[] {
  return [
    { tt: 'I', label: 'Chiều thiếu hụt về y tế' },
    {
      tt: '1',
      label: 'Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân',
      unit: '%',
      baseline: 8.1,
      target: dirty ? 8.5 : 7.7,
    },
    {
      tt: '-',
      label: 'Trong đó: trẻ em người dân tộc thiểu số',
      unit: '%',
      baseline: 8.3,
      target: 7.8,
    },
    {
      tt: '2',
      label: 'Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi',
      unit: '%',
      baseline: 11.2,
      target: 10.5,
    },
    {
      tt: '-',
      label: 'Trong đó: trẻ em người dân tộc thiểu số',
      unit: '%',
      baseline: 11.5,
      target: 10.8,
    },
    {
      tt: '3',
      label: 'Tỷ lệ người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế',
      unit: '%',
      baseline: 100,
      target: 100,
    },
    {
      tt: '4',
      label: 'Tỷ lệ bà mẹ và trẻ sơ sinh được nhân viên y tế chăm sóc tuần đầu sau sinh',
      unit: '%',
      baseline: 97.5,
      target: 98,
    },
    { tt: 'II', label: 'Chiều thiếu hụt về giáo dục, đào tạo' },
    {
      tt: '1',
      label: 'Tỷ lệ huy động trẻ ra lớp/dân số độ tuổi',
      unit: '%',
      baseline: 79.6,
      target: 80.1,
    },
    { tt: '2', label: 'Tỷ lệ huy động trẻ 5 tuổi ra lớp', unit: '%', baseline: 99.3, target: 99.5 },
    {
      tt: '3',
      label: 'Tỷ lệ học sinh 6-10 tuổi học tiểu học',
      unit: '%',
      baseline: 99.6,
      target: 99.8,
    },
    {
      tt: '4',
      label: 'Tỷ lệ học sinh 11-14 tuổi học trung học cơ sở',
      unit: '%',
      baseline: 98.2,
      target: 98.6,
    },
    {
      tt: '5',
      label: 'Tỷ lệ học sinh 15-18 tuổi học trung học phổ thông và tương đương',
      unit: '%',
      baseline: 96.8,
      target: 97.4,
    },
    { tt: 'III', label: 'Chiều thiếu hụt về nước sinh hoạt và vệ sinh' },
    {
      tt: '1',
      label: 'Tỷ lệ hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp vệ sinh',
      unit: '%',
      baseline: 98.5,
      target: dirty ? 105 : 100,
    },
    {
      tt: '2',
      label: 'Tỷ lệ hộ gia đình sử dụng nhà tiêu hợp vệ sinh',
      unit: '%',
      baseline: 87.2,
      target: 88.9,
    },
  ];
}

function muongLayServiceSheet(wb: Workbook, name: string, annex: string, dirty: boolean): void {
  const ws = newSheet(wb, name, [6, 62, 11, 15, 15, 22]);
  let row = titleBlock(ws, 'F', {
    annex,
    title: ['CHỈ TIÊU GIẢM MỨC ĐỘ THIẾU HỤT TIẾP CẬN CÁC DỊCH VỤ XÃ HỘI CƠ BẢN NĂM 2024'],
    attached: '(Kèm theo Kế hoạch số 444/KH-UBND ngày 01/3/2024 của UBND thị xã Mường Lay)',
    unit: 'Đơn vị tính: %',
    unitRange: 'E{r}:F{r}',
  });
  const head: Look = { bold: true, align: 'center', wrap: true, box: true };
  put(ws, `A${row}`, 'TT', head);
  put(ws, `B${row}`, 'Chỉ tiêu', head);
  put(ws, `C${row}`, 'Đơn vị tính', head);
  put(ws, `D${row}`, 'Thực hiện năm 2023', head);
  put(ws, `E${row}`, 'Kế hoạch năm 2024', head);
  put(ws, `F${row}`, 'Ghi chú', head);
  ws.getRow(row).height = 34;
  indexRow(ws, row + 1, ['A', 'B', 'C', '1', '2', '3']);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: row + 1 }];
  row += 2;
  const pct: Look = { box: true, align: 'right', numFmt: '0.0' };
  for (const t of muongLayServiceRows(dirty)) {
    const group = t.unit === undefined;
    put(ws, `A${row}`, t.tt, { box: true, align: 'center', bold: group });
    put(ws, `B${row}`, t.label, { box: true, wrap: true, bold: group, italic: t.tt === '-' });
    put(ws, `C${row}`, t.unit ?? null, { box: true, align: 'center' });
    put(ws, `D${row}`, t.baseline ?? null, pct);
    put(ws, `E${row}`, t.target ?? null, pct);
    put(ws, `F${row}`, null, { box: true });
    row++;
  }
}

function muongLay(dirty: boolean): Workbook {
  const wb = newWorkbook('UBND thị xã Mường Lay');
  muongLayBudgetSheet(wb, dirty);
  if (dirty) muongLayServiceSheet(wb, 'PL02', 'PHỤ LỤC SỐ 02', true);
  return wb;
}

function muongLayServices(): Workbook {
  const wb = newWorkbook('UBND thị xã Mường Lay');
  muongLayServiceSheet(wb, 'PL02', 'PHỤ LỤC SỐ 02', false);
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Ba Tơ 2024: Tiểu dự án 2 – Dự án 6 and Tiểu dự án 1, 2 – Dự án 7 (seed 004), in đồng.

function baTo(): Workbook {
  const wb = newWorkbook('UBND huyện Ba Tơ');
  const ws = newSheet(wb, 'Phụ lục', [6, 60, 18, 26, 34]);
  let row = titleBlock(ws, 'E', {
    annex: 'PHỤ LỤC',
    title: [
      'KINH PHÍ THỰC HIỆN TIỂU DỰ ÁN 2 – DỰ ÁN 6 VÀ TIỂU DỰ ÁN 1, 2 – DỰ ÁN 7',
      'THUỘC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024',
    ],
    attached: '(Kèm theo Kế hoạch số      /KH-UBND ngày      /4/2024 của UBND huyện Ba Tơ)',
    unit: 'Đơn vị tính: đồng',
    unitRange: 'D{r}:E{r}',
  });
  const head: Look = { bold: true, align: 'center', wrap: true, box: true };
  const h1 = row;
  const h2 = row + 1;
  merge(ws, `A${h1}:A${h2}`, 'STT', head);
  merge(ws, `B${h1}:B${h2}`, 'Dự án, tiểu dự án', head);
  merge(ws, `C${h1}:C${h2}`, 'Kinh phí thực hiện', head);
  merge(ws, `D${h1}:D${h2}`, 'Cơ quan chủ trì', head);
  merge(ws, `E${h1}:E${h2}`, 'Nội dung chủ yếu', head);
  indexRow(ws, h2 + 1, ['(1)', '(2)', '(3)', '(4)', '(5)']);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: h2 + 1 }];
  row = h2 + 2;

  const bold: Look = { bold: true, box: true, wrap: true };
  const money: Look = { box: true, numFmt: MONEY, align: 'right' };
  const boldMoney: Look = { ...money, bold: true };
  const plain: Look = { box: true, wrap: true };
  const unit = 'Phòng Lao động - Thương binh và Xã hội';

  const da6 = row++;
  put(ws, `A${da6}`, 'I', { ...bold, align: 'center' });
  put(ws, `B${da6}`, 'Dự án 6: Truyền thông và giảm nghèo về thông tin', bold);
  const da6t2 = row++;
  put(ws, `A${da6t2}`, '1', { box: true, align: 'center' });
  put(ws, `B${da6t2}`, 'Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều', plain);
  put(ws, `C${da6t2}`, 378_000_000, money);
  put(ws, `D${da6t2}`, unit, plain);
  put(
    ws,
    `E${da6t2}`,
    'Pano tuyên truyền 2 mặt (15 cái); phong trào thi đua; đối thoại chính sách',
    plain,
  );
  sum(ws, `C${da6}`, [`C${da6t2}:C${da6t2}`], boldMoney);
  put(ws, `D${da6}`, null, plain);
  put(ws, `E${da6}`, null, plain);

  const da7 = row++;
  put(ws, `A${da7}`, 'II', { ...bold, align: 'center' });
  put(ws, `B${da7}`, 'Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình', bold);
  const t1 = row++;
  put(ws, `A${t1}`, '1', { box: true, align: 'center' });
  put(ws, `B${t1}`, 'Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình', plain);
  put(ws, `C${t1}`, 1_470_000_000, money);
  put(ws, `D${t1}`, unit, plain);
  put(
    ws,
    `E${t1}`,
    'Tập huấn, bồi dưỡng cán bộ làm công tác giảm nghèo; học tập kinh nghiệm; hội nghị sơ kết',
    plain,
  );
  const t2 = row++;
  put(ws, `A${t2}`, '2', { box: true, align: 'center' });
  put(ws, `B${t2}`, 'Tiểu dự án 2: Giám sát, đánh giá', plain);
  put(ws, `C${t2}`, 596_771_300, money);
  put(ws, `D${t2}`, unit, plain);
  put(ws, `E${t2}`, 'Kiểm tra, giám sát, đánh giá; rà soát hộ nghèo, hộ cận nghèo hằng năm', plain);
  sum(ws, `C${da7}`, [`C${t1}:C${t2}`], boldMoney);
  put(ws, `D${da7}`, null, plain);
  put(ws, `E${da7}`, null, plain);

  const total = row;
  put(ws, `A${total}`, null, bold);
  put(ws, `B${total}`, 'Tổng cộng', { ...bold, align: 'center' });
  plus(ws, `C${total}`, [`C${da6}`, `C${da7}`], boldMoney);
  put(ws, `D${total}`, null, plain);
  put(ws, `E${total}`, null, plain);

  // A second sheet that is not an annex: the legal bases, as offices often keep beside it.
  const notes = newSheet(wb, 'Căn cứ', [100]);
  [
    'Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;',
    'Căn cứ Kế hoạch số 54/KH-UBND ngày 19/3/2024 của UBND huyện Ba Tơ;',
    'Căn cứ Quyết định số 30/QĐ-UBND ngày 25/3/2024 của UBND huyện về phân bổ kinh phí sự nghiệp năm 2024;',
    'Căn cứ Quyết định số 699/QĐ-UBND ngày 19/3/2024 của Chủ tịch UBND huyện về chuyển nguồn kinh phí năm 2023 sang năm 2024.',
  ].forEach((line, i) => put(notes, `A${i + 1}`, line, { wrap: true }));
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Cao Ngọc 2024: poverty targets by village (seed 001). Villages are invented; the commune
// totals are the plan's: 1.229 households, 64 → 40 poor households, 5,21% → 3,25%.

const CAO_NGOC_VILLAGES: [
  name: string,
  households: number,
  poor: number,
  nearPoor: number,
  poorEnd: number,
][] = [
  ['Thôn Cao Sơn', 142, 9, 12, 6],
  ['Làng Trạc', 128, 11, 10, 7],
  ['Làng Quan', 165, 6, 11, 4],
  ['Thôn Lập Thành', 118, 8, 9, 5],
  ['Làng Cốc', 136, 10, 13, 6],
  ['Thôn Thành Công', 151, 4, 10, 3],
  ['Làng Đồng Tâm', 127, 7, 11, 4],
  ['Thôn Cao Thượng', 139, 5, 9, 3],
  ['Làng Mới', 123, 4, 12, 2],
];

function caoNgoc(): Workbook {
  const wb = newWorkbook('UBND xã Cao Ngọc');
  const ws = newSheet(wb, 'PL01', [6, 22, 10, 9, 9, 9, 9, 10, 9, 9, 9, 14]);
  let row = titleBlock(ws, 'L', {
    annex: 'PHỤ LỤC SỐ 01',
    title: ['GIAO CHỈ TIÊU GIẢM NGHÈO NĂM 2024'],
    attached:
      '(Kèm theo Kế hoạch thực hiện chương trình giảm nghèo nhanh và bền vững năm 2024 của UBND xã Cao Ngọc)',
    unit: 'Đơn vị tính: hộ, %',
    unitRange: 'J{r}:L{r}',
  });
  const head: Look = { bold: true, align: 'center', wrap: true, box: true, size: 11 };
  const h1 = row;
  const h2 = row + 1;
  merge(ws, `A${h1}:A${h2}`, 'TT', head);
  merge(ws, `B${h1}:B${h2}`, 'Thôn, làng', head);
  merge(ws, `C${h1}:C${h2}`, 'Tổng số hộ', head);
  merge(ws, `D${h1}:E${h1}`, 'Hộ nghèo đầu năm 2024', head);
  merge(ws, `F${h1}:G${h1}`, 'Hộ cận nghèo đầu năm 2024', head);
  merge(ws, `H${h1}:I${h1}`, 'Chỉ tiêu cuối năm 2024', head);
  merge(ws, `J${h1}:K${h1}`, 'Giảm trong năm', head);
  merge(ws, `L${h1}:L${h2}`, 'Ghi chú', head);
  put(ws, `D${h2}`, 'Số hộ', head);
  put(ws, `E${h2}`, 'Tỷ lệ (%)', head);
  put(ws, `F${h2}`, 'Số hộ', head);
  put(ws, `G${h2}`, 'Tỷ lệ (%)', head);
  put(ws, `H${h2}`, 'Số hộ nghèo', head);
  put(ws, `I${h2}`, 'Tỷ lệ (%)', head);
  put(ws, `J${h2}`, 'Số hộ', head);
  put(ws, `K${h2}`, 'Tỷ lệ (%)', head);
  ws.getRow(h1).height = 32;
  ws.getRow(h2).height = 30;
  indexRow(ws, h2 + 1, [
    'A',
    'B',
    '1',
    '2',
    '3=2/1',
    '4',
    '5=4/1',
    '6',
    '7=6/1',
    '8=2-6',
    '9=3-7',
    'C',
  ]);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: h2 + 1 }];
  row = h2 + 2;

  const count: Look = { box: true, align: 'right', numFmt: '#,##0' };
  const pct: Look = { box: true, align: 'right', numFmt: '0.00' };
  const first = row;
  const fillRates = (r: number, look: { count: Look; pct: Look }) => {
    rate(ws, `E${r}`, `D${r}`, `C${r}`, look.pct);
    rate(ws, `G${r}`, `F${r}`, `C${r}`, look.pct);
    rate(ws, `I${r}`, `H${r}`, `C${r}`, look.pct);
    minus(ws, `J${r}`, `D${r}`, `H${r}`, look.count);
    minus(ws, `K${r}`, `E${r}`, `I${r}`, look.pct);
  };
  CAO_NGOC_VILLAGES.forEach(([name, households, poor, near, poorEnd], i) => {
    put(ws, `A${row}`, i + 1, { box: true, align: 'center' });
    put(ws, `B${row}`, name, { box: true });
    put(ws, `C${row}`, households, count);
    put(ws, `D${row}`, poor, count);
    put(ws, `F${row}`, near, count);
    put(ws, `H${row}`, poorEnd, count);
    fillRates(row, { count, pct });
    put(ws, `L${row}`, null, { box: true });
    row++;
  });
  const last = row - 1;
  const total = row;
  const bold = { count: { ...count, bold: true }, pct: { ...pct, bold: true } };
  put(ws, `A${total}`, null, { box: true });
  put(ws, `B${total}`, 'Toàn xã', { box: true, bold: true, align: 'center' });
  for (const col of ['C', 'D', 'F', 'H'])
    sum(ws, `${col}${total}`, [`${col}${first}:${col}${last}`], bold.count);
  // The commune's rates come from the summed counts, never from an average of the villages' rates.
  fillRates(total, bold);
  put(ws, `L${total}`, null, { box: true });
  return wb;
}

// ---------------------------------------------------------------------------------------------

/** Every example, in the order of examples/README.md. */
export const EXAMPLES: readonly Example[] = [
  { file: 'muong-lay-2024.xlsx', build: () => muongLay(false) },
  { file: 'muong-lay-2024-loi.xlsx', build: () => muongLay(true) },
  { file: 'muong-lay-2024-dich-vu.xlsx', build: muongLayServices },
  { file: 'ba-to-2024.xlsx', build: baTo },
  { file: 'cao-ngoc-2024-ho-ngheo.xlsx', build: caoNgoc },
];

/** Write workbooks into `dir`, each under its file name; returns their paths. */
export async function writeBooks(books: readonly Example[], dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const ex of books) {
    const path = join(dir, ex.file);
    const bytes = await ex.build().xlsx.writeBuffer();
    await writeFile(path, new Uint8Array(bytes as ArrayBuffer));
    written.push(path);
  }
  return written;
}

/** Write every example into `dir` (default: this folder). */
export async function writeExamples(
  dir = dirname(fileURLToPath(import.meta.url)),
): Promise<string[]> {
  return writeBooks(EXAMPLES, dir);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const p of await writeExamples()) console.log(`wrote ${p}`);
}
