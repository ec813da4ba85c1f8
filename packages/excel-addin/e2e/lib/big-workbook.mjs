// A generated poverty-targets annex with thousands of village rows and a few planted mistakes
// far down the sheet: what the long-task probe validates and the "row 19 000" checks select.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

/** The first data row (1-based): title, unit line, two header rows, the index row, the total. */
const FIRST = 7;

/**
 * Write the workbook to `path`. Returns the planted mistakes (A1 cell, severity) and the last
 * row. Rows are villages "Thôn 1" … "Thôn N"; the total row sums them.
 */
export async function writeBigWorkbook(path, rows = 20_000) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PL02 Chỉ tiêu');
  ws.getCell('A1').value = 'PHỤ LỤC SỐ 02';
  ws.getCell('A2').value = 'CHỈ TIÊU GIẢM NGHÈO NĂM 2025 THEO THÔN';
  ws.getCell('F3').value = 'Đơn vị tính: hộ, %';
  const head = [
    'TT',
    'Đơn vị (xã, thôn)',
    'Tổng số hộ',
    'Hộ nghèo đầu năm',
    '',
    'Chỉ tiêu cuối năm',
    '',
    'Giảm',
  ];
  const sub = ['', '', '', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)', 'Số hộ'];
  head.forEach((h, c) => (ws.getCell(4, c + 1).value = h || null));
  sub.forEach((h, c) => (ws.getCell(5, c + 1).value = h || null));
  ws.mergeCells('D4:E4');
  ws.mergeCells('F4:G4');
  ws.mergeCells('A4:A5');
  ws.mergeCells('B4:B5');
  ws.mergeCells('C4:C5');
  const planted = new Map([
    // a rate that does not match its count: 30/300 is 10,00 %, the sheet says 12,5
    [FIRST + 19_000 - 1, 'rate'],
    // a reduction that is not start − end
    [FIRST + 19_500 - 1, 'reduction'],
  ]);
  let hh = 0;
  let ps = 0;
  let pe = 0;
  for (let i = 0; i < rows; i++) {
    const r = FIRST + i;
    const households = 200 + (i % 150);
    const poorStart = 10 + (i % 40);
    const poorEnd = poorStart - 3;
    hh += households;
    ps += poorStart;
    pe += poorEnd;
    const row = ws.getRow(r);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = `Thôn ${i + 1}`;
    row.getCell(3).value = households;
    row.getCell(4).value = poorStart;
    row.getCell(5).value = Math.round((poorStart / households) * 10_000) / 100;
    row.getCell(6).value = poorEnd;
    row.getCell(7).value = Math.round((poorEnd / households) * 10_000) / 100;
    row.getCell(8).value = 3;
    // every 40th village's rate is off by less than its rounding: a note (info), hundreds of them
    if (i % 40 === 0)
      row.getCell(5).value = Math.round((poorStart / households) * 10_000) / 100 + 0.004;
    const kind = planted.get(r);
    if (kind === 'rate')
      row.getCell(5).value = Math.round((poorStart / households) * 10_000) / 100 + 2.5;
    if (kind === 'reduction') row.getCell(8).value = 4;
  }
  const total = ws.getRow(6);
  total.getCell(2).value = 'Tổng cộng';
  total.getCell(3).value = hh;
  total.getCell(4).value = ps;
  total.getCell(5).value = Math.round((ps / hh) * 10_000) / 100;
  total.getCell(6).value = pe;
  total.getCell(7).value = Math.round((pe / hh) * 10_000) / 100;
  total.getCell(8).value = 3 * rows - 0 + (planted.size > 0 ? 1 : 0);
  for (const c of [5, 7]) ws.getColumn(c).numFmt = '0.00';
  ws.getColumn(2).width = 30;
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return {
    rows: FIRST + rows - 1,
    planted: [...planted.keys()].map((r) => ({ row: r, kind: planted.get(r) })),
  };
}
