import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ExcelJS, readWorkbook, writeWorkbook } from '@phuluc/xlsx';
import type { Io } from './io/console.js';
import { openBook } from './io/open-book.js';
import { readSheetSafely } from './read-sheet.js';
import { run } from './run.js';

// A sheet named "Hỏng" cannot be read, and its fill fails after writing: the other sheets
// must still be validated and filled, and "Hỏng" must come out of fill exactly as it went in.
vi.mock('@phuluc/xlsx/fast', async (importOriginal) => {
  const real = await importOriginal<typeof import('@phuluc/xlsx/fast')>();
  return {
    ...real,
    openXlsx: (...args: Parameters<typeof real.openXlsx>) => {
      const book = real.openXlsx(...args);
      return {
        sheets: book.sheets,
        readSheet: (index: number) => {
          if (book.sheets[index]?.name === 'Hỏng' && process.env.PHULUC_TEST_BREAK === 'read') {
            throw new Error('unreadable shared formula');
          }
          return book.readSheet(index);
        },
      };
    },
  };
});
// Fill of "Hỏng" fails on its second pass, after its first pass wrote into the sheet's grid.
const fillCalls = new Map<string, number>();
vi.mock('@phuluc/rules', async (importOriginal) => {
  const real = await importOriginal<typeof import('@phuluc/rules')>();
  return {
    ...real,
    fillSheet: (...args: Parameters<typeof real.fillSheet>) => {
      const name = args[0].name;
      const n = (fillCalls.get(name) ?? 0) + 1;
      fillCalls.set(name, n);
      if (name === 'Hỏng' && n > 1 && process.env.PHULUC_TEST_BREAK === 'fill') {
        throw new Error('recalculation failed');
      }
      return real.fillSheet(...args);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'phuluc-read-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function budget(ws: ExcelJS.Worksheet): void {
  const rows = [
    ['TT', 'Nội dung', 'Tổng số', 'Ngân sách trung ương', 'Ngân sách địa phương'],
    [null, 'Tổng cộng', null, 4516, 107],
    ['1', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', null, 3154, 0],
    ['2', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', null, 1362, 107],
  ];
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      if (v !== null) ws.getCell(i + 1, c + 1).value = v;
    }),
  );
}

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  budget(wb.addWorksheet('Hỏng'));
  budget(wb.addWorksheet('PL01'));
  const file = join(dir, 'two.xlsx');
  writeFileSync(file, await writeWorkbook(wb));
  return file;
}

function io(): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s) => void (out += s), isTTY: false },
    stderr: { write: (s) => void (err += s), isTTY: false },
    env: {},
    out: () => out,
    err: () => err,
  };
}

describe('one bad sheet does not stop the others', () => {
  it('readSheetSafely turns a throwing read into a check/failed report', async () => {
    const book = openBook(readFileSync(await workbook()), 'two.xlsx');
    vi.stubEnv('PHULUC_TEST_BREAK', 'read');
    try {
      const bad = readSheetSafely(book, 0, 'two.xlsx');
      expect('report' in bad && bad.report.sheet).toBe('Hỏng');
      expect('report' in bad && bad.report.issues.map((i) => i.code)).toEqual(['check/failed']);
      expect('grid' in readSheetSafely(book, 1, 'two.xlsx')).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('validate: the unreadable sheet is reported, the other is checked', async () => {
    const file = await workbook();
    vi.stubEnv('PHULUC_TEST_BREAK', 'read');
    try {
      const x = io();
      const status = await run(['validate', file, '--format', 'json'], x);
      expect(x.err()).toBe('');
      expect(status).toBe(1);
      const json = JSON.parse(x.out()) as {
        sheets: { sheet: string; template: string | null; issues: { code: string }[] }[];
      };
      expect(json.sheets.map((s) => [s.sheet, s.template])).toEqual([
        ['Hỏng', null],
        ['PL01', 'budget-allocation'],
      ]);
      expect(json.sheets[0]!.issues.map((i) => i.code)).toEqual(['check/failed']);
      expect(json.sheets[1]!.issues.map((i) => i.code)).not.toContain('check/failed');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('fill: the failing sheet is put back exactly, the other is filled, OUT is written', async () => {
    const file = await workbook();
    const out = join(dir, 'two-filled.xlsx');
    vi.stubEnv('PHULUC_TEST_BREAK', 'fill');
    try {
      const x = io();
      const status = await run(['fill', file, '-o', out], x);
      expect(x.err()).toBe('');
      expect(status).toBe(0);
      expect(x.out()).toMatch(/"Hỏng" — không điền được, giữ nguyên: recalculation failed/);
      const wb = await readWorkbook(readFileSync(out));
      for (const a of ['C2', 'C3', 'C4']) {
        expect(wb.getWorksheet('Hỏng')!.getCell(a).value).toBeNull();
        expect(wb.getWorksheet('PL01')!.getCell(a).formula).toBeTruthy();
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
