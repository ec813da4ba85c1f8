/**
 * Build the workbooks in examples/relations/: the six annex layouts of
 * packages/rules/src/relations/__fixtures__/annexes.ts, each clean and with its planted mistakes
 * (`-loi`). The cells are the fixtures' values as they are (no formulas), so a workbook read back
 * gives the fixture's grid; merges, bold headers, borders and number formats are added here.
 * Deterministic: the same cells, styles and properties on every run.
 *
 *   node --conditions=@phuluc/source --import tsx examples/build-relation-examples.ts
 *
 * The planted mistakes are listed in examples/relations/README.md.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// exceljs is a dependency of @phuluc/xlsx, not of the workspace root: take it from there.
import { ExcelJS } from '../packages/xlsx/src/index.js';
import { BOX, colNumber, FONT, writeBooks, type Example } from './build-examples.js';
import {
  ALL_ANNEX_FIXTURES,
  ANNEX_SHAPES,
  type AnnexFixture,
  type AnnexShape,
} from '../packages/rules/src/relations/__fixtures__/annexes.js';

type Workbook = InstanceType<typeof ExcelJS.Workbook>;
type Worksheet = ReturnType<Workbook['addWorksheet']>;

const FIXED_DATE = new Date(Date.UTC(2024, 9, 15));

/** File stems, by fixture name (the planted version adds `-loi`). */
export const RELATION_FILES: Readonly<Record<string, string>> = {
  disbursementReport: 'giai-ngan-2024',
  phasePlan: 'ke-hoach-giai-doan-2021-2025',
  provinceCapitalMatrix: 'von-theo-huyen-2024',
  povertyFlow: 'bien-dong-ho-ngheo-2024',
  capitalByRowGroups: 'von-theo-loai-von-2024',
  incomeResultsVsPlan: 'ket-qua-so-ke-hoach-2024',
};

/** Each column's number format: rates (a "(%)" header) 2 decimals; amounts 0 or 3 decimals. */
function formats(fx: AnnexFixture, shape: AnnexShape): Map<number, string> {
  const out = new Map<number, string>();
  const width = colNumber(shape.lastCol);
  for (let c = 0; c < width; c++) {
    const header = shape.headerRows
      .map((r) => fx.grid.cells[r - 1]?.[c]?.value)
      .filter((v) => typeof v === 'string')
      .join(' ');
    const values = fx.grid.cells
      .slice(shape.totalRow - 1)
      .map((row) => row[c]?.value)
      .filter((v): v is number => typeof v === 'number');
    if (values.length === 0) continue;
    if (header.includes('(%)')) out.set(c, '#,##0.00');
    else out.set(c, values.every(Number.isInteger) ? '#,##0' : '#,##0.000');
  }
  return out;
}

function sheet(wb: Workbook, fx: AnnexFixture, shape: AnnexShape): Worksheet {
  const width = colNumber(shape.lastCol);
  const ws = wb.addWorksheet(fx.grid.name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    properties: { defaultRowHeight: 18 },
  });
  for (let c = 1; c <= width; c++) ws.getColumn(c).width = c === 1 ? 6 : c === 2 ? 52 : 14;
  const numFmt = formats(fx, shape);
  const header = new Set(shape.headerRows);
  const tt = (r: number) => fx.grid.cells[r - 1]?.[0]?.value;

  fx.grid.cells.forEach((row, i) => {
    const r = i + 1;
    // A parent row (a group "I", or an item followed by "-" rows) and the total row are bold.
    const parent =
      r === shape.totalRow ||
      (r >= shape.firstDataRow &&
        (/^[IVX]+$/.test(String(tt(r) ?? '')) || (tt(r) !== '-' && tt(r + 1) === '-')));
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      const value = row[c - 1]?.value ?? null;
      if (value !== null && typeof value !== 'object') cell.value = value;
      const font = { name: FONT, size: 12, bold: false, italic: false };
      const alignment: {
        vertical: 'middle';
        horizontal: 'left' | 'center' | 'right';
        wrapText?: boolean;
      } = { vertical: 'middle', horizontal: 'left' };
      if (r <= 2) {
        font.bold = true;
        font.size = 13;
        alignment.horizontal = 'center';
        alignment.wrapText = true;
      } else if (r === 3) {
        font.italic = true;
        alignment.horizontal = 'center';
      } else if (r === 4) {
        font.italic = true;
        alignment.horizontal = 'right';
      } else if (header.has(r)) {
        font.bold = true;
        alignment.horizontal = 'center';
        alignment.wrapText = true;
        cell.border = BOX;
      } else if (r === shape.indexRow) {
        font.italic = true;
        font.size = 11;
        alignment.horizontal = 'center';
        cell.border = BOX;
      } else {
        font.bold = parent;
        cell.border = BOX;
        if (c === 1) alignment.horizontal = 'center';
        else if (c === 2) {
          alignment.wrapText = true;
          if (r === shape.totalRow) alignment.horizontal = 'center';
        } else {
          alignment.horizontal = 'right';
          const fmt = numFmt.get(c - 1);
          if (fmt) cell.numFmt = fmt;
        }
      }
      cell.font = font;
      cell.alignment = alignment;
    }
  });
  ws.getRow(2).height = 36;
  for (const r of shape.headerRows) ws.getRow(r).height = 32;
  for (const m of fx.grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: shape.indexRow ?? shape.headerRows.at(-1)! }];
  return ws;
}

function workbook(fx: AnnexFixture, shape: AnnexShape): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'phuluc';
  wb.lastModifiedBy = 'phuluc';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  sheet(wb, fx, shape);
  return wb;
}

/** Every workbook, clean then planted, in annex order. */
export const RELATION_EXAMPLES: readonly Example[] = ALL_ANNEX_FIXTURES.flatMap(
  ({ name, build }) => {
    const shape = ANNEX_SHAPES[name]!;
    const stem = RELATION_FILES[name]!;
    return [
      { file: `${stem}.xlsx`, build: () => workbook(build(), shape) },
      { file: `${stem}-loi.xlsx`, build: () => workbook(build({ planted: true }), shape) },
    ];
  },
);

/** Write every workbook into `dir` (default: examples/relations). */
export async function writeRelationExamples(
  dir = join(dirname(fileURLToPath(import.meta.url)), 'relations'),
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return writeBooks(RELATION_EXAMPLES, dir);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const p of await writeRelationExamples()) console.log(`wrote ${p}`);
}
