import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_ANNEX_FIXTURES } from '../packages/rules/src/relations/__fixtures__/annexes.js';
import ExcelJS from 'exceljs';
import { RELATION_FILES } from '../examples/build-relation-examples.js';
import { ensureCliBuilt, runCli, tempDir, validateJson } from './helpers.js';

const FILES = RELATION_FILES;
const file = (name: string, planted: boolean) =>
  join('examples', 'relations', `${FILES[name]}${planted ? '-loi' : ''}.xlsx`);

beforeAll(() => ensureCliBuilt(), 120_000);

describe('phuluc validate on annexes laid out as offices lay them out', () => {
  it('has a workbook for every fixture', () => {
    expect(Object.keys(FILES).sort()).toEqual(ALL_ANNEX_FIXTURES.map((f) => f.name).sort());
  });

  for (const { name, build } of ALL_ANNEX_FIXTURES) {
    it(`${name}: clean, exit 0, every numeric column checked`, () => {
      const { run, json } = validateJson(file(name, false));
      expect(run.status).toBe(0);
      expect(json.summary.errors).toBe(0);
      expect(json.summary.warnings).toBe(0);
      for (const s of json.sheets) {
        expect(s.coverage.read).toBe(true);
        expect(s.coverage.unchecked).toEqual([]);
      }
    });

    it(`${name}: each planted mistake at its cell`, () => {
      const planted = build({ planted: true }).planted;
      const { json } = validateJson(file(name, true));
      const found = json.sheets
        .flatMap((s) => s.issues)
        .filter((i) => i.severity !== 'info')
        .map((i) => `${i.cell} ${i.code}`)
        .sort();
      expect(found).toEqual(planted.map((p) => `${p.cell} ${p.code}`).sort());
    });
  }

  it('never reads clean where a relation its header states could not be checked', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('KH');
      // A phase total over its years, but no project row adds up: the sum cannot be confirmed.
      ws.addRows([
        ['KẾ HOẠCH VỐN GIAI ĐOẠN 2021-2025'],
        [
          'TT',
          'Nội dung',
          'Tổng giai đoạn 2021-2025',
          'Năm 2021',
          'Năm 2022',
          'Năm 2023',
          'Năm 2024',
          'Năm 2025',
        ],
        [null, 'Tổng cộng', 100, 20, 20, 20, 20, 20],
        ['1', 'Dự án 2', 61, 10, 10, 10, 10, 10],
        ['2', 'Dự án 3', 39, 10, 10, 10, 10, 10],
      ]);
      const path = join(dir, 'giai-doan.xlsx');
      await wb.xlsx.writeFile(path);
      const run = runCli(['validate', path]);
      expect(run.stdout).not.toContain('Không có vấn đề.');
      expect(run.stdout).toContain('Chưa kiểm tra được: tiêu đề cho thấy C = D + E + F + G + H');
      expect(run.stdout).toContain('1 quan hệ theo tiêu đề chưa kiểm tra được.');
      const { json } = validateJson(path);
      expect(json.sheets[0]?.coverage.unconfirmed).toHaveLength(1);
    } finally {
      cleanup();
    }
  });

  it('says in the text report which numeric columns it checked, and which it did not', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('PL01');
      ws.addRows([
        ['TT', 'Nội dung', 'Tổng số', 'NSTW', 'NSĐP', 'Đơn giá'],
        [null, 'Tổng cộng', 300, 200, 100, null],
        ['1', 'Dự án 2', 100, 60, 40, 7],
        ['2', 'Dự án 3', 120, 80, 40, 9],
        ['3', 'Dự án 6', 80, 60, 20, 11],
      ]);
      const path = join(dir, 'don-gia.xlsx');
      await wb.xlsx.writeFile(path);
      const run = runCli(['validate', path]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Không thấy lỗi ở những gì đã kiểm tra');
      expect(run.stdout).not.toContain('Không có vấn đề.');
      expect(run.stdout).toContain('Đã kiểm tra 3 cột số: C, D, E.');
      expect(run.stdout).toMatch(/Không kiểm tra: cột F "Đơn giá" \(.+\)\./);
      expect(run.stdout).toContain('1 cột số không kiểm tra được.');
      const { json } = validateJson(path);
      expect(json.sheets[0]?.coverage.unchecked).toEqual([
        { column: 'F', header: 'Đơn giá', reason: 'no-relation' },
      ]);
      const en = runCli(['validate', path, '--lang', 'en']);
      expect(en.stdout).toMatch(
        /Not checked: column F "Đơn giá" \(no relation says what it must equal\)\./,
      );
    } finally {
      cleanup();
    }
  });
});
