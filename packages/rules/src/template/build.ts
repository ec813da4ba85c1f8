import type { Cell, CellStyle, MergeRange } from '../grid/types.js';
import { columnLetters } from '../grid/a1.js';
import { romanNumeral } from '../grid/roman.js';
import { getCatalog, DEFAULT_PERIOD } from '../catalog/registry.js';
import type { LayoutId } from '../annex/types.js';
import { minusFormula, plusFormula, rateFormula, sumFormula } from '../fill/formula.js';
import type { DataValidationSpec, TemplateOptions, TemplateSheet } from './types.js';

/** A template column: header over one or two rows, index label, width, format. */
interface TemplateColumn {
  readonly group?: string;
  readonly header: string;
  readonly index: string;
  readonly width: number;
  readonly numFmt?: string;
}

const HEADER: CellStyle = { bold: true, align: 'center', wrap: true, border: true };
const BODY: CellStyle = { border: true };
const BODY_BOLD: CellStyle = { border: true, bold: true };
const INDEX: CellStyle = { italic: true, align: 'center', border: true };

function moneyFormat(unit: 'trieu' | 'dong'): string {
  return unit === 'dong' ? '#,##0' : '#,##0.000';
}

function budgetColumns(unit: 'trieu' | 'dong'): TemplateColumn[] {
  const f = moneyFormat(unit);
  return [
    { header: 'TT', index: 'A', width: 6 },
    { header: 'Dự án, tiểu dự án', index: 'B', width: 48 },
    { header: 'Mã dự án', index: 'C', width: 11 },
    { header: 'Tổng số', index: '1=2+3+4+5', width: 14, numFmt: f },
    {
      group: 'Ngân sách trung ương',
      header: 'Đầu tư phát triển',
      index: '2',
      width: 14,
      numFmt: f,
    },
    { group: 'Ngân sách trung ương', header: 'Sự nghiệp', index: '3', width: 14, numFmt: f },
    { header: 'Ngân sách địa phương', index: '4', width: 14, numFmt: f },
    { header: 'Huy động hợp pháp khác', index: '5', width: 14, numFmt: f },
    { header: 'Đơn vị thực hiện', index: 'D', width: 20 },
    { header: 'Ghi chú', index: 'E', width: 14 },
  ];
}

function povertyColumns(year: number): TemplateColumn[] {
  const start = `Hộ nghèo đầu năm ${year}`;
  const near = `Hộ cận nghèo đầu năm ${year}`;
  const end = `Chỉ tiêu hộ nghèo cuối năm ${year}`;
  return [
    { header: 'TT', index: 'A', width: 6 },
    { header: 'Thôn, bản, tổ dân phố', index: 'B', width: 28 },
    { header: 'Tổng số hộ dân cư', index: '1', width: 12, numFmt: '#,##0' },
    { group: start, header: 'Số hộ', index: '2', width: 10, numFmt: '#,##0' },
    { group: start, header: 'Tỷ lệ (%)', index: '3=2/1', width: 10, numFmt: '0.00' },
    { group: near, header: 'Số hộ', index: '4', width: 10, numFmt: '#,##0' },
    { group: near, header: 'Tỷ lệ (%)', index: '5=4/1', width: 10, numFmt: '0.00' },
    { group: end, header: 'Số hộ nghèo', index: '6', width: 10, numFmt: '#,##0' },
    { group: end, header: 'Tỷ lệ (%)', index: '7=6/1', width: 10, numFmt: '0.00' },
    { group: 'Giảm trong năm', header: 'Số hộ', index: '8=2-6', width: 10, numFmt: '#,##0' },
    { group: 'Giảm trong năm', header: 'Tỷ lệ (%)', index: '9=3-7', width: 10, numFmt: '0.00' },
    { header: 'Ghi chú', index: 'C', width: 14 },
  ];
}

function serviceColumns(year: number): TemplateColumn[] {
  return [
    { header: 'TT', index: 'A', width: 6 },
    { header: 'Chỉ tiêu', index: 'B', width: 56 },
    { header: 'Đơn vị tính', index: 'C', width: 10 },
    { header: `Thực hiện năm ${year - 1}`, index: '1', width: 14, numFmt: '0.0' },
    { header: `Kế hoạch năm ${year}`, index: '2', width: 14, numFmt: '0.0' },
    { header: 'Ghi chú', index: 'D', width: 16 },
  ];
}

function matrixColumns(unit: 'trieu' | 'dong'): TemplateColumn[] {
  const f = moneyFormat(unit);
  const projects = getCatalog(DEFAULT_PERIOD)?.projects ?? [];
  const parts = projects.map((p, i) => String(i + 2));
  return [
    { header: 'TT', index: 'A', width: 6 },
    { header: 'Đơn vị (xã, phường, cơ quan)', index: 'B', width: 30 },
    { header: 'Tổng số', index: `1=${parts.join('+')}`, width: 14, numFmt: f },
    ...projects.map((p, i) => ({
      group: 'Chia theo dự án',
      header: `Dự án ${p.number}`,
      index: String(i + 2),
      width: 12,
      numFmt: f,
    })),
    { header: 'Ghi chú', index: 'C', width: 14 },
  ];
}

const TITLES: Record<LayoutId, (year: number) => string> = {
  'budget-matrix': (y) =>
    `PHÂN BỔ KINH PHÍ CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM ${y} THEO ĐƠN VỊ`,
  'budget-allocation': (y) =>
    `PHÂN BỔ KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM ${y}`,
  'poverty-targets': (y) => `CHỈ TIÊU GIẢM NGHÈO NĂM ${y} THEO THÔN, BẢN`,
  'service-targets': (y) => `CHỈ TIÊU TIẾP CẬN CÁC DỊCH VỤ XÃ HỘI CƠ BẢN NĂM ${y}`,
};

/** The service indicators a template starts with (NĐ 07/2021: the six dimensions). */
const SERVICE_ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['1', 'Tỷ lệ người lao động thuộc hộ nghèo, hộ cận nghèo có việc làm', '%'],
  ['2', 'Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân', '%'],
  ['3', 'Tỷ lệ người thuộc hộ nghèo, hộ cận nghèo tham gia bảo hiểm y tế', '%'],
  ['4', 'Tỷ lệ huy động trẻ em 5 tuổi ra lớp', '%'],
  ['5', 'Tỷ lệ hộ nghèo, hộ cận nghèo có nhà ở an toàn, ổn định', '%'],
  ['6', 'Tỷ lệ hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp vệ sinh', '%'],
  ['7', 'Tỷ lệ hộ gia đình sử dụng nhà tiêu hợp vệ sinh', '%'],
  ['8', 'Tỷ lệ hộ nghèo, hộ cận nghèo sử dụng dịch vụ viễn thông, internet', '%'],
];

const UNITS = ['%', 'hộ', 'người', 'xã', 'thôn', 'lượt người'];

/**
 * A new, ready-to-fill annex sheet: title block, unit line, merged two-row headers, the
 * column-index row, number formats, formulas for totals, sub-totals and rates, and list
 * validations (project codes, units). The budget template lists the programme's projects
 * and sub-projects from the catalogue.
 *
 * @example
 * const t = buildTemplate('budget-allocation', { year: 2025, unit: 'trieu' });
 * t.grid.cells[0][0]?.value; // 'PHỤ LỤC SỐ 01'
 */
export function buildTemplate(id: LayoutId, options: TemplateOptions = {}): TemplateSheet {
  const year = options.year ?? new Date().getFullYear();
  const unit = options.unit ?? 'trieu';
  const extraRows = Math.max(
    0,
    Math.min(options.rows ?? (id === 'budget-allocation' ? 0 : 10), 5000),
  );
  const columns =
    id === 'budget-allocation'
      ? budgetColumns(unit)
      : id === 'budget-matrix'
        ? matrixColumns(unit)
        : id === 'poverty-targets'
          ? povertyColumns(year)
          : serviceColumns(year);
  const width = columns.length;
  const last = width - 1;
  const rows: (Cell | null)[][] = [];
  const merges: MergeRange[] = [];
  const blank = (): (Cell | null)[] => Array.from({ length: width }, () => null);
  const put = (r: number, c: number, cell: Cell) => {
    while (rows.length <= r) rows.push(blank());
    (rows[r] as (Cell | null)[])[c] = cell;
  };

  const number = {
    'budget-allocation': '01',
    'budget-matrix': '01',
    'poverty-targets': '02',
    'service-targets': '03',
  }[id];
  put(0, 0, {
    value: `PHỤ LỤC SỐ ${number}`,
    style: { bold: true, align: 'center', fontSize: 13 },
  });
  merges.push({ top: 0, left: 0, bottom: 0, right: last });
  put(1, 0, {
    value: TITLES[id](year),
    style: { bold: true, align: 'center', wrap: true, fontSize: 13 },
  });
  merges.push({ top: 1, left: 0, bottom: 1, right: last });
  put(2, 0, {
    value: `(Kèm theo Kế hoạch số      /KH-UBND ngày     /     /${year} của Ủy ban nhân dân)`,
    style: { italic: true, align: 'center' },
  });
  merges.push({ top: 2, left: 0, bottom: 2, right: last });
  const unitText =
    id === 'budget-allocation' || id === 'budget-matrix'
      ? `Đơn vị tính: ${unit === 'dong' ? 'đồng' : 'triệu đồng'}`
      : id === 'poverty-targets'
        ? 'Đơn vị tính: hộ, %'
        : 'Đơn vị tính: %, hộ, người';
  put(3, Math.max(0, last - 2), { value: unitText, style: { italic: true, align: 'right' } });
  merges.push({ top: 3, left: Math.max(0, last - 2), bottom: 3, right: last });

  // Headers: row 4 holds groups (or the header, merged down), row 5 the sub-headers.
  const H1 = 4;
  const H2 = 5;
  const IDX = 6;
  for (let c = 0; c < width; c++) {
    const col = columns[c] as TemplateColumn;
    if (col.group) {
      const groupStart = columns.findIndex((x) => x.group === col.group);
      if (groupStart === c) {
        let end = c;
        while (columns[end + 1]?.group === col.group) end++;
        put(H1, c, { value: col.group, style: HEADER });
        if (end > c) merges.push({ top: H1, left: c, bottom: H1, right: end });
      } else put(H1, c, { value: null, style: HEADER });
      put(H2, c, { value: col.header, style: HEADER });
    } else {
      put(H1, c, { value: col.header, style: HEADER });
      put(H2, c, { value: null, style: HEADER });
      merges.push({ top: H1, left: c, bottom: H2, right: c });
    }
    put(IDX, c, { value: col.index, style: INDEX });
  }

  const first = IDX + 1;
  const validations: DataValidationSpec[] = [];
  if (id === 'budget-allocation') buildBudgetRows(put, columns, first, extraRows, validations);
  else if (id === 'budget-matrix') buildMatrixRows(put, columns, first, extraRows);
  else if (id === 'poverty-targets') buildPovertyRows(put, columns, first, extraRows);
  else buildServiceRows(put, columns, first, extraRows, validations);

  return {
    grid: { name: `PL-${id}`, cells: rows, merges },
    columnWidths: columns.map((c) => c.width),
    validations,
    freezeRows: first,
  };
}

type Put = (r: number, c: number, cell: Cell) => void;

function buildBudgetRows(
  put: Put,
  columns: TemplateColumn[],
  first: number,
  extraRows: number,
  validations: DataValidationSpec[],
): void {
  const catalog = getCatalog(DEFAULT_PERIOD);
  const money = [3, 4, 5, 6, 7];
  const fmt = columns[3]?.numFmt;
  const totalRow = first;
  let r = first + 1;
  const roots: number[] = [];
  for (const [pi, p] of (catalog?.projects ?? []).entries()) {
    const projectRow = r++;
    roots.push(projectRow);
    put(projectRow, 0, { value: romanNumeral(pi + 1), style: BODY_BOLD });
    put(projectRow, 1, {
      value: `Dự án ${p.number}: ${p.name}`,
      style: { ...BODY_BOLD, wrap: true },
    });
    put(projectRow, 2, { value: p.code, style: BODY });
    const children: number[] = [];
    for (const s of p.subprojects) {
      const sr = r++;
      children.push(sr);
      put(sr, 0, { value: '-', style: BODY });
      put(sr, 1, { value: `Tiểu dự án ${s.number}: ${s.name}`, style: { ...BODY, wrap: true } });
      put(sr, 2, { value: s.code, style: BODY });
      put(sr, 3, { value: null, formula: plusFormula(sr, [4, 5, 6, 7]), numFmt: fmt, style: BODY });
      for (const c of [4, 5, 6, 7]) put(sr, c, { value: null, numFmt: fmt, style: BODY });
    }
    for (const c of money) {
      if (children.length)
        put(projectRow, c, {
          value: null,
          formula: sumFormula(c, children),
          numFmt: fmt,
          style: BODY_BOLD,
        });
      else if (c === 3)
        put(projectRow, c, {
          value: null,
          formula: plusFormula(projectRow, [4, 5, 6, 7]),
          numFmt: fmt,
          style: BODY_BOLD,
        });
      else put(projectRow, c, { value: null, numFmt: fmt, style: BODY_BOLD });
    }
    for (const c of [8, 9]) {
      put(projectRow, c, { value: null, style: BODY });
      for (const sr of children) put(sr, c, { value: null, style: BODY });
    }
  }
  // Extra lines for other tasks, numbered on from the projects so they stay top-level rows.
  for (let i = 0; i < extraRows; i++) {
    const er = r++;
    roots.push(er);
    put(er, 0, { value: romanNumeral(roots.length), style: BODY });
    put(er, 3, { value: null, formula: plusFormula(er, [4, 5, 6, 7]), numFmt: fmt, style: BODY });
    for (const c of [1, 2, 4, 5, 6, 7, 8, 9])
      put(er, c, { value: null, ...(c >= 4 && c <= 7 ? { numFmt: fmt } : {}), style: BODY });
  }
  put(totalRow, 0, { value: null, style: BODY_BOLD });
  put(totalRow, 1, { value: 'Tổng cộng', style: { ...BODY_BOLD, align: 'center' } });
  put(totalRow, 2, { value: null, style: BODY_BOLD });
  for (const c of money)
    put(totalRow, c, { value: null, formula: sumFormula(c, roots), numFmt: fmt, style: BODY_BOLD });
  for (const c of [8, 9]) put(totalRow, c, { value: null, style: BODY_BOLD });
  const codes = (catalog?.projects ?? []).flatMap((p) => [
    p.code,
    ...p.subprojects.map((s) => s.code),
  ]);
  validations.push({
    range: `${columnLetters(2)}${first + 2}:${columnLetters(2)}${r}`,
    list: codes,
  });
}

function buildMatrixRows(
  put: Put,
  columns: TemplateColumn[],
  first: number,
  rowsWanted: number,
): void {
  const n = Math.max(1, rowsWanted);
  const projectCols = columns.map((c, i) => (c.group ? i : -1)).filter((i) => i >= 0);
  const last = columns.length - 1;
  const fmt = columns[2]?.numFmt;
  const dataRows = Array.from({ length: n }, (_, i) => first + 1 + i);
  put(first, 0, { value: null, style: BODY_BOLD });
  put(first, 1, { value: 'Tổng cộng', style: { ...BODY_BOLD, align: 'center' } });
  for (const c of [2, ...projectCols])
    put(first, c, { value: null, formula: sumFormula(c, dataRows), numFmt: fmt, style: BODY_BOLD });
  put(first, last, { value: null, style: BODY_BOLD });
  dataRows.forEach((r, i) => {
    put(r, 0, { value: i + 1, style: { ...BODY, align: 'center' } });
    put(r, 1, { value: null, style: BODY });
    put(r, 2, { value: null, formula: plusFormula(r, projectCols), numFmt: fmt, style: BODY });
    for (const c of projectCols) put(r, c, { value: null, numFmt: fmt, style: BODY });
    put(r, last, { value: null, style: BODY });
  });
}

function buildPovertyRows(
  put: Put,
  columns: TemplateColumn[],
  first: number,
  rowsWanted: number,
): void {
  const totalRow = first;
  const n = Math.max(1, rowsWanted);
  const dataRows = Array.from({ length: n }, (_, i) => first + 1 + i);
  const fmt = (c: number) => columns[c]?.numFmt;
  const rowCells = (r: number, total: boolean) => {
    const style = total ? BODY_BOLD : BODY;
    const count = (c: number) =>
      put(
        r,
        c,
        total
          ? { value: null, formula: sumFormula(c, dataRows), numFmt: fmt(c), style }
          : { value: null, numFmt: fmt(c), style },
      );
    count(2);
    count(3);
    put(r, 4, { value: null, formula: rateFormula(r, 3, 2, 2), numFmt: fmt(4), style });
    count(5);
    put(r, 6, { value: null, formula: rateFormula(r, 5, 2, 2), numFmt: fmt(6), style });
    count(7);
    put(r, 8, { value: null, formula: rateFormula(r, 7, 2, 2), numFmt: fmt(8), style });
    put(r, 9, { value: null, formula: minusFormula(r, 3, 7), numFmt: fmt(9), style });
    put(r, 10, { value: null, formula: minusFormula(r, 4, 8), numFmt: fmt(10), style });
    put(r, 11, { value: null, style });
  };
  put(totalRow, 0, { value: null, style: BODY_BOLD });
  put(totalRow, 1, { value: 'Toàn xã', style: { ...BODY_BOLD, align: 'center' } });
  rowCells(totalRow, true);
  dataRows.forEach((r, i) => {
    put(r, 0, { value: i + 1, style: { ...BODY, align: 'center' } });
    put(r, 1, { value: null, style: BODY });
    rowCells(r, false);
  });
}

function buildServiceRows(
  put: Put,
  columns: TemplateColumn[],
  first: number,
  extraRows: number,
  validations: DataValidationSpec[],
): void {
  let r = first;
  for (const [tt, label, unit] of SERVICE_ROWS) {
    put(r, 0, { value: tt, style: { ...BODY, align: 'center' } });
    put(r, 1, { value: label, style: { ...BODY, wrap: true } });
    put(r, 2, { value: unit, style: { ...BODY, align: 'center' } });
    for (const c of [3, 4]) put(r, c, { value: null, numFmt: columns[c]?.numFmt, style: BODY });
    put(r, 5, { value: null, style: BODY });
    r++;
  }
  for (let i = 0; i < extraRows; i++, r++) {
    for (let c = 0; c < columns.length; c++)
      put(r, c, {
        value: null,
        ...(c === 3 || c === 4 ? { numFmt: columns[c]?.numFmt } : {}),
        style: BODY,
      });
  }
  validations.push({ range: `C${first + 1}:C${r}`, list: UNITS });
}
